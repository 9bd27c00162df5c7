// The vocabulary of every tier at once, for the query-side stages that look words up: summed
// document frequencies and walks merged across tiers. Must not import runtime code.
import type { Field } from '../index/fields.ts'
import type { TermSource, TermWalker } from '../index/term-source.ts'

export interface Vocabulary {
  /** Sentences holding `term` in `field`, over all tiers. */
  docFreq(field: Field, term: string): number
  /** Distinct terms of `field` the walker accepts in any tier (at most `limit` per tier). */
  walk<S>(field: Field, walker: TermWalker<S>, limit: number): Map<string, S>
  /** Calls `visit(doc)` for each sentence holding `term` in `field`, in any tier. */
  forEachDoc(field: Field, term: string, visit: (doc: number) => void): void
}

/**
 * @example
 * createVocabulary(index.sources).docFreq('word', '벨라루스') // => 16
 */
export function createVocabulary(sources: readonly TermSource[]): Vocabulary {
  // One query asks for the same term several times (evidence, expansion, ranking): remember it.
  const cache: Partial<Record<Field, Map<string, number>>> = {}
  return {
    docFreq(field, term) {
      const known = (cache[field] ??= new Map())
      let df = known.get(term)
      if (df === undefined) {
        df = 0
        for (const source of sources) df += source.docFreq(field, term)
        known.set(term, df)
      }
      return df
    },
    walk(field, walker, limit) {
      const found = new Map<string, Parameters<typeof walker.accept>[0]>()
      for (const source of sources) {
        for (const [term, state] of source.walkTerms(field, walker, limit)) if (!found.has(term)) found.set(term, state)
      }
      return found
    },
    forEachDoc(field, term, visit) {
      for (const source of sources) source.forEachPosting(field, term, (doc) => visit(doc))
    },
  }
}
