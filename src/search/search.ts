// Search: analysed query → BM25 over every tier and field, weighted by query-word coverage
// → sentences grouped by article → one page of hits with highlighted sentences. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { StoredArticle } from '../index/store.ts'
import { sortByDate, type ArticleFilters, type SearchSort } from './filters.ts'
import { escapeHtml, highlight, type Span } from './highlight.ts'
import { matchSentences } from './match-sentences.ts'
import type { QueryCorrection } from './prepare-query.ts'
import { maskCoverage, type QueryPlan, type ScoredQuery, type ScoredSentence } from './scorer.ts'
import { TUNING } from './tuning.ts'

export interface SearchRequest extends ArticleFilters {
  /** As typed: a trailing space tells that the last word is complete. */
  q: string
  limit: number
  offset: number
  /** Relevance (default), or newest first. */
  sort?: SearchSort
  /**
   * Mark the matches in the shown sentences (default true). A batch caller that needs only the ranking
   * (the peer CLI) turns it off; what is found and in which order does not change.
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

/**
 * @example
 * search(index, analyzer, { q: '벨라루스를', limit: 10, offset: 0 }).hits[0].article.outlet // => '아주경제'
 */
export function search(index: SearchIndex, analyzer: Analyzer, request: SearchRequest): SearchResponse {
  const started = performance.now()
  const { scored, plan, corrected } = matchSentences(index, analyzer, request.q, request)
  const articles = scoreArticles(index, scored)
  const end = request.offset + request.limit
  const ranked =
    request.sort === 'date'
      ? sortByDate(articles.sort(byRank), (r) => index.store.articleOf(r.sentences[0]!.doc).published_at)
      : bestFirst(articles, end)
  const hits = ranked.slice(request.offset, end).map(({ score, sentences }) => {
    const first = sentences[0]!
    const { id, title, outlet, published_at, url } = index.store.articleOf(first.doc)
    return {
      article: { id, title, outlet, published_at, url },
      score: round(score),
      matches: sentences.length,
      sentences: sentences.slice(0, SENTENCES_PER_HIT).map((s) => sentenceHit(index, request.highlight === false ? null : analyzer, plan, s.doc)),
    }
  })
  const correction = corrected ? { corrected } : {}
  return { query: request.q.trim(), total: articles.length, took_ms: round(performance.now() - started), ...correction, hits }
}

interface RankedArticle {
  score: number
  /** The article's matching sentences, best first. */
  sentences: ScoredSentence[]
}

/** Best score first; ties keep corpus order, so the same query always gives the same page. */
const byRank = (a: RankedArticle, b: RankedArticle) => b.score - a.score || a.sentences[0]!.doc - b.sentences[0]!.doc

/** The first `k` articles by rank, sorted, without sorting them all (a bigram query matches thousands). */
function bestFirst(articles: RankedArticle[], k: number): RankedArticle[] {
  if (articles.length <= 4 * k) return articles.sort(byRank)
  // Keep a sorted window of the k best seen so far; most articles fail the first comparison.
  const top: RankedArticle[] = []
  for (const a of articles) {
    if (top.length === k && byRank(a, top[k - 1]!) >= 0) continue
    let at = top.length
    while (at > 0 && byRank(a, top[at - 1]!) < 0) at--
    top.splice(at, 0, a)
    if (top.length > k) top.pop()
  }
  return top
}

/**
 * Articles scored by their best sentence, plus a decaying share of the others, times how much more of the
 * query the whole article covers than its best sentence does: query words spread over several
 * sentences (부산광역시 in one, 부산역 in another) still make the article a full match.
 */
function scoreArticles(index: SearchIndex, { sentences, wordWeights }: ScoredQuery): RankedArticle[] {
  const byArticle = new Map<number, ScoredSentence[]>()
  for (const s of sentences) {
    const article = index.store.articleNumberOf(s.doc)
    const list = byArticle.get(article)
    if (list) list.push(s)
    else byArticle.set(article, [s])
  }
  return [...byArticle.values()].map((list) => {
    if (list.length > 1) list.sort((a, b) => b.score - a.score || a.doc - b.doc)
    // Every further matching sentence adds a decaying share: the 2nd ½, the 3rd ⅓, …
    let support = 0
    for (let i = 1; i < list.length; i++) support += list[i]!.score / (i + 1)
    const best = maskCoverage(list[0]!.words, wordWeights)
    const all = maskCoverage(list.reduce((mask, s) => mask | s.words, 0), wordWeights)
    const spread = best > 0 ? (all / best) ** TUNING.articleCoverageExponent : 1
    return { score: (list[0]!.score + TUNING.supportWeight * support) * spread, sentences: list }
  })
}

function sentenceHit(index: SearchIndex, analyzer: Analyzer | null, plan: QueryPlan, doc: number): SentenceHit {
  const { id, n, text } = index.store.sentence(doc)
  return { id, n, text, ...(analyzer ? highlight(text, analyzer, plan) : { html: escapeHtml(text), highlights: [] }) }
}

const round = (x: number) => Math.round(x * 1000) / 1000
