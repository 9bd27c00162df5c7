// The read interface every index tier offers the scorer: postings, document frequencies and field
// lengths, keyed by global sentence doc ids. Tiers (MiniSearch live tier, compact segments) implement
// it, so one BM25 over all tiers uses global statistics. Must not import runtime code.
import type { Field } from './fields.ts'

export interface TermSource {
  /** Live sentences in this tier. */
  readonly docCount: number
  /** Sum of the lengths (terms) of `field` over the tier's live sentences. */
  totalFieldLength(field: Field): number
  /** Number of live sentences whose `field` holds `term`. */
  docFreq(field: Field, term: string): number
  /** Calls `visit(doc, termFrequency, fieldLength)` for each live sentence holding `term` in `field`. */
  forEachPosting(field: Field, term: string, visit: (doc: number, tf: number, fieldLength: number) => void): void
  /**
   * Writes the postings of `term` in `field` into `out` from index `at` on (doc, tf and field
   * length, docs ascending) and returns how many: a bulk, allocation-free read for tiers that store
   * postings compactly (segments, the live MiniSearch); small in-memory sources may leave it out.
   * With `keep` (a bitset over global docs), only the postings of docs in it are written.
   */
  readPostings?(field: Field, term: string, out: PostingsBuffer, at?: number, keep?: Uint32Array): number
  /** Terms of `field` that start with `prefix` (at most `limit`), for prefix and suggestion expansion. */
  termsWithPrefix(field: Field, prefix: string, limit: number): string[]
  /**
   * Terms of `field` a walker accepts (at most `limit`, in no promised order), each with the walker's
   * state at its end. The tier walks its dictionary depth-first, one UTF-16 unit at a time, and skips
   * every term below a prefix the walker rejects — so fuzzy, jamo-prefix and 초성 lookups stay
   * bounded without the tier knowing anything about Hangul.
   */
  walkTerms<S>(field: Field, walker: TermWalker<S>, limit: number): Array<[term: string, state: S]>
}

/**
 * A pruned depth-first search over a term dictionary, e.g. an edit-distance automaton whose state
 * is a row of the distance table.
 */
export interface TermWalker<S> {
  /** State before the first unit. */
  readonly start: S
  /** Every wanted term starts with this: a tier may jump to it and step through it at once. */
  readonly prefix?: string
  /**
   * State once `unit` (a UTF-16 code unit, as a number: no string per step) follows a prefix in
   * `state`; null skips every term below that prefix.
   */
  step(state: S, unit: number): S | null
  /** Whether a term that ends in `state` is wanted. */
  accept(state: S): boolean
  /**
   * When every wanted term below a prefix in `state` is that prefix plus exactly these units (a
   * syllable inserted into 아간 leaves 간 to match), a tier may look that one term up instead of
   * walking the prefix's subtree. Undefined: walk on. Tiers may ignore it; the answer is the same.
   */
  rest?(state: S): string | undefined
}

/** Where `readPostings` puts decoded postings; reused across terms and queries. */
export class PostingsBuffer {
  docs = new Int32Array(1024)
  tfs = new Uint32Array(1024)
  lengths = new Uint32Array(1024)

  /** Room for `size` entries, keeping the ones already written. */
  ensure(size: number): void {
    if (this.docs.length >= size) return
    const n = Math.max(size, Math.ceil(this.docs.length * 1.5))
    const grow = <T extends Int32Array | Uint32Array>(old: T, next: T) => {
      next.set(old)
      return next
    }
    this.docs = grow(this.docs, new Int32Array(n))
    this.tfs = grow(this.tfs, new Uint32Array(n))
    this.lengths = grow(this.lengths, new Uint32Array(n))
  }

  /** Gives back room past `size` entries (after one very long list), dropping what was written. */
  shrink(size: number): void {
    if (this.docs.length <= size) return
    this.docs = new Int32Array(size)
    this.tfs = new Uint32Array(size)
    this.lengths = new Uint32Array(size)
  }
}
