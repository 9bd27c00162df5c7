// The matching half of a search: forgiving query preparation → BM25 over every tier → query
// operators → article filters. search.ts groups, orders and highlights what this returns.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { SentenceStore, StoredArticle } from '../index/store.ts'
import { articlePredicate, type ArticleFilters } from './filters.ts'
import { applyOperators } from './operators/apply-operators.ts'
import { prepareQuery, type QueryCorrection } from './prepare-query.ts'
import { aliasTerms } from './expand-aliases.ts'
import { scoreQuery, selectSentences, type QueryPlan, type ScoredQuery, type ScoredSentences } from './scorer.ts'
import { searchSources } from './search-sources.ts'
import { createVocabulary } from './vocabulary.ts'
import { occursOutsideDeleted } from './without-deleted.ts'

export interface MatchedSentences {
  /** The sentences that pass the operators and filters, with the query's word weights. */
  scored: ScoredQuery
  /** The terms searched: the query's own, its expansions and aliases (highlighting marks them all). */
  plan: QueryPlan
  corrected: QueryCorrection | null
}

/**
 * @example
 * matchSentences(index, analyzer, 'qpffkfntm', {}).corrected // => { from: 'qpffkfntm', to: '벨라루스' }
 */
export function matchSentences(index: SearchIndex, analyzer: Analyzer, q: string, filters: ArticleFilters): MatchedSentences {
  const sources = searchSources(index, analyzer)
  const vocabulary = createVocabulary(sources, index.deleted.size > 0 ? (field, term) => occursOutsideDeleted(index, field, term) : undefined)
  // Query preparation and operators compare articles as set keys: the article number, since a
  // segment decodes a fresh article object on every lookup.
  const articleOf = (doc: number) => index.store.articleNumberOf(doc)
  const prepared = prepareQuery(q, { analyzer, vocabulary, articleOf })
  const plan = prepared.plan
  plan.terms.push(...aliasTerms(plan, index.aliases))
  const { sentences, wordWeights } = scoreQuery(sources, plan, index.store.sentenceCount)
  const textOf = (doc: number) => index.store.sentence(doc).text
  const matched = applyOperators(sentences, prepared.phrases, prepared.excluded, { analyzer, vocabulary, articleOf, textOf })
  const accept = articlePredicate(filters)
  return {
    scored: { sentences: accept ? keepArticles(matched, index.store, accept) : matched, wordWeights },
    plan,
    corrected: prepared.corrected,
  }
}

/** The sentences whose article passes `accept`, asked once per article (its sentences are neighbours). */
function keepArticles(scored: ScoredSentences, store: SentenceStore, accept: (article: StoredArticle) => boolean): ScoredSentences {
  const keep: number[] = []
  let article = -1
  let accepted = false
  for (let i = 0; i < scored.count; i++) {
    const a = store.articleNumberOf(scored.docs[i]!)
    if (a !== article) {
      article = a
      accepted = accept(store.article(a))
    }
    if (accepted) keep.push(i)
  }
  return selectSentences(scored, keep)
}
