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
   * Fills `out` with the postings of `term` in `field` (doc, tf and field length, docs ascending
   * within the tier) and returns how many; the scorer's fast path, allocation-free per posting.
   */
  readPostings(field: Field, term: string, out: PostingsBuffer): number
  /** Terms of `field` that start with `prefix` (at most `limit`), for prefix and suggestion expansion. */
  termsWithPrefix(field: Field, prefix: string, limit: number): string[]
}

/** Where `readPostings` puts decoded postings; reused across terms and queries. */
export class PostingsBuffer {
  docs = new Int32Array(1024)
  tfs = new Uint32Array(1024)
  lengths = new Uint32Array(1024)

  ensure(size: number): void {
    if (this.docs.length >= size) return
    const n = Math.max(size, this.docs.length * 2)
    this.docs = new Int32Array(n)
    this.tfs = new Uint32Array(n)
    this.lengths = new Uint32Array(n)
  }
}
