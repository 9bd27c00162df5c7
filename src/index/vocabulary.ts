// The term list of one index field with document frequencies, read from the archive segments or
// from the live MiniSearch (for suggestions). Must not import runtime code.
import type MiniSearch from 'minisearch'
import { SearchError } from '../errors.ts'
import type { Field } from './fields.ts'
import type { Segment } from './segment/reader.ts'

export interface VocabularyTerm {
  term: string
  /** Sentences (documents) whose `field` holds the term. */
  df: number
}

/**
 * MiniSearch's own view of its postings: term → field id → (doc id → term frequency). Version 7 has
 * no public way to list terms (toJSON() copies every posting, ~10× slower and all at once), so this
 * reads the protected members in this one place.
 */
interface MiniSearchPostings {
  _index: Iterable<[string, Map<number, Map<number, number>>]>
  _fieldIds: Record<string, number>
}

/**
 * @example
 * fieldVocabulary(index.miniSearch, 'word').find((t) => t.term === '벨라루스') // => { term: '벨라루스', df: 16 }
 */
export function fieldVocabulary<T>(miniSearch: MiniSearch<T>, field: Field): VocabularyTerm[] {
  const postings = miniSearch as unknown as MiniSearchPostings
  const fieldId = postings._fieldIds?.[field]
  if (fieldId === undefined || !postings._index) {
    throw new SearchError('INDEX_INCOMPATIBLE', `vocabulary: no field ${field} in this MiniSearch index`)
  }
  const terms: VocabularyTerm[] = []
  for (const [term, byField] of postings._index) {
    const docs = byField.get(fieldId)
    if (docs && docs.size > 0) terms.push({ term, df: docs.size })
  }
  return terms
}

/**
 * The vocabulary of `field` over archive segments, a term's df summed over the segments that hold it.
 * @example
 * segmentsVocabulary(index.segments, 'word').find((t) => t.term === '벨라루스') // => { term: '벨라루스', df: 16 }
 */
export function segmentsVocabulary(segments: readonly Segment[], field: Field): VocabularyTerm[] {
  const df = new Map<string, number>()
  for (const segment of segments) {
    segment.forEachTerm(segment.fieldNumber(field), (term, n) => df.set(term, (df.get(term) ?? 0) + n))
  }
  return Array.from(df, ([term, n]) => ({ term, df: n }))
}
