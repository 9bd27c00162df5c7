// The vocabulary of every tier at once, for the query-side stages that look words up: summed
// document frequencies and walks merged across tiers. Must not import runtime code.
import type { Field } from '../index/fields.ts'
import type { TermSource, TermWalker } from '../index/term-source.ts'

export interface Vocabulary {
  /** Sentences holding `term` in `field`, over all tiers (deleted ones too, as BM25 counts them). */
  docFreq(field: Field, term: string): number
  /** Whether a sentence of an article that is not deleted holds `term` in `field`. */
  has(field: Field, term: string): boolean
  /**
   * Distinct terms of `field` the walker accepts in any tier (at most `limit` per tier), leaving out
   * those only deleted articles hold: a retracted article's words are not offered as completions
   * or corrections.
   */
  walk<S>(field: Field, walker: TermWalker<S>, limit: number): Map<string, S>
  /** Calls `visit(doc)` for each sentence holding `term` in `field`, in any tier. */
  forEachDoc(field: Field, term: string, visit: (doc: number) => void): void
}

/**
 * `isLive(field, term)` tells whether a term in the postings is in an article that is not deleted;
 * leave it out when nothing is deleted.
 * @example
 * createVocabulary(index.sources).docFreq('word', '벨라루스') // => 16
 */
export function createVocabulary(sources: readonly TermSource[], isLive?: (field: Field, term: string) => boolean): Vocabulary {
  // One query asks for the same term several times (evidence, expansion, ranking): remember it.
  const cache: Partial<Record<Field, Map<string, number>>> = {}
  const liveCache: Partial<Record<Field, Map<string, boolean>>> = {}
  const docFreq = (field: Field, term: string) => {
    const known = (cache[field] ??= new Map())
    let df = known.get(term)
    if (df === undefined) {
      df = 0
      for (const source of sources) df += source.docFreq(field, term)
      known.set(term, df)
    }
    return df
  }
  const has = (field: Field, term: string) => {
    if (docFreq(field, term) === 0) return false
    if (!isLive) return true
    const known = (liveCache[field] ??= new Map())
    let live = known.get(term)
    if (live === undefined) known.set(term, (live = isLive(field, term)))
    return live
  }
  return {
    docFreq,
    has,
    walk(field, walker, limit) {
      const found = new Map<string, Parameters<typeof walker.accept>[0]>()
      for (const source of sources) {
        for (const [term, state] of source.walkTerms(field, walker, limit)) if (!found.has(term)) found.set(term, state)
      }
      if (isLive) for (const term of found.keys()) if (!has(field, term)) found.delete(term)
      return found
    },
    forEachDoc(field, term, visit) {
      for (const source of sources) source.forEachPosting(field, term, (doc) => visit(doc))
    },
  }
}
