// The matching half of a search: forgiving query preparation → BM25 over every tier → query
// operators → article filters. search.ts groups, orders and highlights what this returns.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { articlePredicate, type ArticleFilters } from './filters.ts'
import { applyOperators } from './operators/apply-operators.ts'
import { prepareQuery, type QueryCorrection } from './prepare-query.ts'
import type { AnalyzedQuery } from './query.ts'
import { scoreSentences, type ScoredSentence } from './scorer.ts'
import { searchSources } from './search-sources.ts'
import { createVocabulary } from './vocabulary.ts'

export interface MatchedSentences {
  sentences: ScoredSentence[]
  /** The query with its expansions, for highlighting. */
  highlightQuery: AnalyzedQuery
  corrected: QueryCorrection | null
}

/**
 * @example
 * matchSentences(index, analyzer, 'qpffkfntm', {}).corrected // => { from: 'qpffkfntm', to: '벨라루스' }
 */
export function matchSentences(index: SearchIndex, analyzer: Analyzer, q: string, filters: ArticleFilters): MatchedSentences {
  const sources = searchSources(index, analyzer)
  const vocabulary = createVocabulary(sources)
  const articleOf = (doc: number) => index.store.articleOf(doc)
  const prepared = prepareQuery(q, { analyzer, vocabulary, articleOf })
  const scored = scoreSentences(sources, prepared.plan, index.store.sentenceCount)
  const textOf = (doc: number) => index.store.sentence(doc).text
  const matched = applyOperators(scored, prepared.phrases, prepared.excluded, { analyzer, vocabulary, articleOf, textOf })
  const accept = articlePredicate(filters)
  return {
    sentences: accept ? matched.filter((s) => accept(articleOf(s.doc))) : matched,
    highlightQuery: prepared.highlightQuery,
    corrected: prepared.corrected,
  }
}
