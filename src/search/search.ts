// Search: analysed query → BM25 over every tier and field, weighted by query-word coverage
// → sentences grouped by article → one page of hits with highlighted sentences. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { StoredArticle } from '../index/store.ts'
import { escapeHtml, highlight, type Span } from './highlight.ts'
import { analyzeQuery, planQuery, type AnalyzedQuery } from './query.ts'
import { scoreDocs, type ScoredDocs } from './scorer.ts'

export interface SearchRequest {
  q: string
  limit: number
  offset: number
  /**
   * Mark the matches in the shown sentences (default true). Highlighting re-analyses each shown
   * sentence; a batch caller that needs only the ranking (an evaluation run) can skip it. The
   * retrieval path is the same either way; without it `html` is the escaped text and `highlights` empty.
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
  const query = analyzeQuery(request.q, analyzer)
  const scored = scoreDocs(index.sources, planQuery(query), index.store.sentenceCount)
  const ranking = rankArticles(index, scored, request.offset + request.limit)
  const withMarks = request.highlight ?? true
  const hits = ranking.page.slice(request.offset).map((a) => {
    const { id, title, outlet, published_at, url } = index.store.article(a)
    return {
      article: { id, title, outlet, published_at, url },
      score: round(ranking.score(a)),
      matches: ranking.matches(a),
      sentences: ranking.bestDocs(a).map((doc) => sentenceHit(index, analyzer, query, doc, withMarks)),
    }
  })
  return { query: request.q, total: ranking.total, took_ms: round(performance.now() - started), hits }
}

/** Per-article scratch, reused across queries: each article's three best sentences and its match count. */
class ArticleScratch {
  stamp = new Uint32Array(0)
  matches = new Uint32Array(0)
  /** Best, second and third sentence score and doc, at 3a, 3a+1, 3a+2. */
  bestScore = new Float64Array(0)
  bestDoc = new Int32Array(0)
  touched = new Int32Array(0)
  private current = 0

  ensure(size: number) {
    if (this.stamp.length >= size) return
    const n = Math.max(size, this.stamp.length * 2)
    this.stamp = new Uint32Array(n)
    this.matches = new Uint32Array(n)
    this.bestScore = new Float64Array(3 * n)
    this.bestDoc = new Int32Array(3 * n)
    this.touched = new Int32Array(n)
    this.current = 0
  }

  next(): number {
    if (this.current >= 0xfffffff0) {
      this.stamp.fill(0)
      this.current = 0
    }
    return ++this.current
  }
}

const articles = new ArticleScratch()

/** Does sentence (score s, doc d) rank above (t, e)? Higher score first, then corpus order. */
const above = (s: number, d: number, t: number, e: number) => s > t || (s === t && d < e)

/**
 * Groups scored sentences by article (score = best sentence + SUPPORT_WEIGHT × the next two) and
 * keeps the `top` best articles, ordered by score and then by their best sentence's doc id, so the
 * same query always gives the same page. Linear in the matches plus top-k heap work: no per-match
 * objects, no sort of every matching article.
 */
function rankArticles(index: SearchIndex, scored: ScoredDocs, top: number) {
  const { store } = index
  articles.ensure(store.articleCount)
  const { stamp, matches, bestScore, bestDoc, touched } = articles
  const mark = articles.next()
  let total = 0
  for (let i = 0; i < scored.count; i++) {
    const doc = scored.docs[i]!
    const s = scored.scores[i]!
    const a = store.articleNumberOf(doc)
    const at = 3 * a
    if (stamp[a] !== mark) {
      stamp[a] = mark
      matches[a] = 1
      bestScore[at] = s
      bestDoc[at] = doc
      bestDoc[at + 1] = -1
      bestDoc[at + 2] = -1
      touched[total++] = a
      continue
    }
    matches[a]!++
    // Insert into the article's top three.
    let slot = 3
    while (slot > 0 && (bestDoc[at + slot - 1]! < 0 || above(s, doc, bestScore[at + slot - 1]!, bestDoc[at + slot - 1]!))) slot--
    if (slot >= 3) continue
    for (let k = 2; k > slot; k--) {
      bestScore[at + k] = bestScore[at + k - 1]!
      bestDoc[at + k] = bestDoc[at + k - 1]!
    }
    bestScore[at + slot] = s
    bestDoc[at + slot] = doc
  }

  const score = (a: number) => {
    const at = 3 * a
    const support = (bestDoc[at + 1]! >= 0 ? bestScore[at + 1]! : 0) + (bestDoc[at + 2]! >= 0 ? bestScore[at + 2]! : 0)
    return bestScore[at]! + SUPPORT_WEIGHT * support
  }
  const better = (a: number, b: number) => above(score(a), bestDoc[3 * a]!, score(b), bestDoc[3 * b]!)

  // Bounded min-heap of the best `top` articles: the root is the worst kept.
  const heap: number[] = []
  const keep = Math.min(top, total)
  for (let i = 0; i < total && keep > 0; i++) {
    const a = touched[i]!
    if (heap.length < keep) {
      heap.push(a)
      siftUp(heap, heap.length - 1, better)
    } else if (better(a, heap[0]!)) {
      heap[0] = a
      siftDown(heap, 0, better)
    }
  }
  const page = heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
  return {
    total,
    page,
    score,
    matches: (a: number) => matches[a]!,
    bestDocs: (a: number) => [0, 1, 2].slice(0, SENTENCES_PER_HIT).map((k) => bestDoc[3 * a + k]!).filter((doc) => doc >= 0),
  }
}

/** Heap order: a parent ranks below (is worse than) its children. */
function siftUp(heap: number[], i: number, better: (a: number, b: number) => boolean) {
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!better(heap[parent]!, heap[i]!)) break
    ;[heap[parent], heap[i]] = [heap[i]!, heap[parent]!]
    i = parent
  }
}

function siftDown(heap: number[], i: number, better: (a: number, b: number) => boolean) {
  for (;;) {
    const left = 2 * i + 1
    const right = left + 1
    let worst = i
    if (left < heap.length && better(heap[worst]!, heap[left]!)) worst = left
    if (right < heap.length && better(heap[worst]!, heap[right]!)) worst = right
    if (worst === i) return
    ;[heap[worst], heap[i]] = [heap[i]!, heap[worst]!]
    i = worst
  }
}

function sentenceHit(index: SearchIndex, analyzer: Analyzer, query: AnalyzedQuery, doc: number, withMarks: boolean): SentenceHit {
  const { id, n, text } = index.store.sentence(doc)
  if (!withMarks) return { id, n, text, html: escapeHtml(text), highlights: [] }
  return { id, n, text, ...highlight(text, analyzer, query) }
}

const round = (x: number) => Math.round(x * 1000) / 1000
