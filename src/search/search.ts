// Search: analysed query → BM25 over every tier and field, weighted by query-word coverage
// → sentences grouped by article → one page of hits with highlighted sentences. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { StoredArticle } from '../index/store.ts'
import { sortByDate, type ArticleFilters, type SearchSort } from './filters.ts'
import { highlight, type Span } from './highlight.ts'
import { matchSentences } from './match-sentences.ts'
import type { QueryCorrection } from './prepare-query.ts'
import type { AnalyzedQuery } from './query.ts'
import type { ScoredSentence } from './scorer.ts'

export interface SearchRequest extends ArticleFilters {
  /** As typed: a trailing space tells that the last word is complete. */
  q: string
  limit: number
  offset: number
  /** Relevance (default), or newest first. */
  sort?: SearchSort
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
/** How much an article's 2nd and 3rd best sentences add to its best one. */
const SUPPORT_WEIGHT = 0.25

/**
 * @example
 * search(index, analyzer, { q: '벨라루스를', limit: 10, offset: 0 }).hits[0].article.outlet // => '아주경제'
 */
export function search(index: SearchIndex, analyzer: Analyzer, request: SearchRequest): SearchResponse {
  const started = performance.now()
  const { sentences: matched, highlightQuery: query, corrected } = matchSentences(index, analyzer, request.q, request)
  const ranked = rankArticles(index, matched)
  if (request.sort === 'date') sortByDate(ranked, (r) => index.store.articleOf(r.sentences[0]!.doc).published_at)
  const hits = ranked.slice(request.offset, request.offset + request.limit).map(({ score, sentences }) => {
    const first = sentences[0]!
    const { id, title, outlet, published_at, url } = index.store.articleOf(first.doc)
    return {
      article: { id, title, outlet, published_at, url },
      score: round(score),
      matches: sentences.length,
      sentences: sentences.slice(0, SENTENCES_PER_HIT).map((s) => sentenceHit(index, analyzer, query, s.doc)),
    }
  })
  const correction = corrected ? { corrected } : {}
  return { query: request.q.trim(), total: ranked.length, took_ms: round(performance.now() - started), ...correction, hits }
}

function rankArticles(index: SearchIndex, sentences: ScoredSentence[]) {
  const byArticle = new Map<string, ScoredSentence[]>()
  for (const s of sentences) {
    const id = index.store.articleOf(s.doc).id
    const list = byArticle.get(id)
    if (list) list.push(s)
    else byArticle.set(id, [s])
  }
  const ranked = [...byArticle.values()].map((list) => {
    list.sort((a, b) => b.score - a.score || a.doc - b.doc)
    const support = (list[1]?.score ?? 0) + (list[2]?.score ?? 0)
    return { score: list[0]!.score + SUPPORT_WEIGHT * support, sentences: list }
  })
  // Ties keep corpus order, so the same query always gives the same page.
  return ranked.sort((a, b) => b.score - a.score || a.sentences[0]!.doc - b.sentences[0]!.doc)
}

function sentenceHit(index: SearchIndex, analyzer: Analyzer, query: AnalyzedQuery, doc: number): SentenceHit {
  const { id, n, text } = index.store.sentence(doc)
  return { id, n, text, ...highlight(text, analyzer, query) }
}

const round = (x: number) => Math.round(x * 1000) / 1000
