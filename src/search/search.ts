// Search: analysed query → BM25 over every tier and field, weighted by query-word coverage
// → sentences grouped by article → one page of hits with highlighted sentences. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { StoredArticle } from '../index/store.ts'
import { sortByDate, type ArticleFilters, type SearchSort } from './filters.ts'
import { escapeHtml, highlight, type Span } from './highlight.ts'
import { matchSentences } from './match-sentences.ts'
import type { QueryCorrection } from './prepare-query.ts'
import { byRank, groupArticles, topArticles, type ArticleGroups } from './rank-articles.ts'
import type { QueryPlan } from './scorer.ts'
import { withoutDeleted } from './without-deleted.ts'

export interface SearchRequest extends ArticleFilters {
  /** As typed: a trailing space tells that the last word is complete. */
  q: string
  limit: number
  offset: number
  /** Relevance (default), or newest first. */
  sort?: SearchSort
  /**
   * Mark the matches in the shown sentences (default true). Off, what is found and in which order
   * does not change (the bench times pages without marks).
   */
  highlight?: boolean
}

export interface SentenceHit {
  id: string
  n: number
  text: string
  html: string
  highlights: Span[]
}

export interface ArticleHit {
  article: Pick<StoredArticle, 'id' | 'title' | 'outlet' | 'published_at' | 'url'>
  score: number
  /** How many sentences of the article match; `sentences` shows the best few. */
  matches: number
  sentences: SentenceHit[]
}

export interface SearchResponse {
  query: string
  /** Matching articles in all. */
  total: number
  took_ms: number
  /** What the search changed in the query (keyboard layout, spacing, a typo), for a "did you mean". */
  corrected?: QueryCorrection
  hits: ArticleHit[]
}

/** Sentences shown per article hit. */
const SENTENCES_PER_HIT = 3

/** A search's ranking, before any text is read: what search() turns into a page of hits. */
export interface RankedArticles {
  /** Every matching article, with its sentences. */
  groups: ArticleGroups
  /** The groups of the requested page (`offset` … `offset + limit`), in order. */
  page: number[]
  /** The terms searched (highlighting marks them all). */
  plan: QueryPlan
  corrected: QueryCorrection | null
}

/**
 * The matching articles and the requested page of them, in order; the page's ids are
 * `index.store.articleId(groups.articles[g])`. A batch caller that needs only the ranking (the peer
 * CLI, like every other peer, fetches ids alone) stops here; search() goes on to read the page's
 * metadata and sentences.
 * @example
 * const { groups, page } = rankArticles(index, analyzer, { q: '벨라루스를', limit: 10, offset: 0 })
 * index.store.articleId(groups.articles[page[0]]) // => '000_df47cecabbcbfc25'
 */
export function rankArticles(index: SearchIndex, analyzer: Analyzer, request: SearchRequest): RankedArticles {
  const { scored, plan, corrected } = matchSentences(index, analyzer, request.q, request)
  const groups = withoutDeleted(groupArticles(index.store, scored), index.deleted)
  const end = request.offset + request.limit
  const ranked =
    request.sort === 'date'
      ? sortByDate(
          Array.from({ length: groups.count }, (_, g) => g).sort(byRank(groups)).map((g) => ({ g, score: groups.scores[g]! })),
          ({ g }) => index.store.article(groups.articles[g]!).published_at,
        ).map(({ g }) => g)
      : topArticles(groups, end)
  return { groups, page: ranked.slice(request.offset, end), plan, corrected }
}

/**
 * @example
 * search(index, analyzer, { q: '벨라루스를', limit: 10, offset: 0 }).hits[0].article.outlet // => '아주경제'
 */
export function search(index: SearchIndex, analyzer: Analyzer, request: SearchRequest): SearchResponse {
  const started = performance.now()
  const { groups, page, plan, corrected } = rankArticles(index, analyzer, request)
  const hits = page.map((g) => {
    const { id, title, outlet, published_at, url } = index.store.article(groups.articles[g]!)
    const from = groups.start[g]!
    const to = groups.start[g + 1]!
    const shown = Array.from(groups.members.subarray(from, Math.min(to, from + SENTENCES_PER_HIT)), (i) => groups.sentences.docs[i]!)
    return {
      article: { id, title, outlet, published_at, url },
      score: round(groups.scores[g]!),
      matches: to - from,
      sentences: shown.map((doc) => sentenceHit(index, request.highlight === false ? null : analyzer, plan, doc)),
    }
  })
  const correction = corrected ? { corrected } : {}
  return { query: request.q.trim(), total: groups.count, took_ms: round(performance.now() - started), ...correction, hits }
}

function sentenceHit(index: SearchIndex, analyzer: Analyzer | null, plan: QueryPlan, doc: number): SentenceHit {
  const { id, n, text } = index.store.sentence(doc)
  return { id, n, text, ...(analyzer ? highlight(text, analyzer, plan) : { html: escapeHtml(text), highlights: [] }) }
}

const round = (x: number) => Math.round(x * 1000) / 1000
