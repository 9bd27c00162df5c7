// Search: analysed query → BM25 over every tier and field, weighted by query-word coverage
// → sentences grouped by article → one page of hits with highlighted sentences. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { StoredArticle } from '../index/store.ts'
import { escapeHtml, highlight, type Span } from './highlight.ts'
import { analyzeQuery, planQuery, type AnalyzedQuery } from './query.ts'
import { DEFAULT_SCORING, scoreTiers, type Pruning, type QueryPlan } from './scorer.ts'

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
  const ranking = rankArticles(index, planQuery(query), request.offset + request.limit)
  const withMarks = request.highlight ?? true
  const hits = ranking.page.slice(request.offset).map((hit) => {
    const { id, title, outlet, published_at, url } = index.store.article(hit.article)
    return {
      article: { id, title, outlet, published_at, url },
      score: round(hit.score),
      matches: hit.matches,
      sentences: hit.docs.map((doc) => sentenceHit(index, analyzer, query, doc, withMarks)),
    }
  })
  return { query: request.q, total: ranking.total, took_ms: round(performance.now() - started), hits }
}

/**
 * Per-article scratch of one tier (indexed by article number − the tier's first article), reused
 * across tiers and queries: each article's three best sentences and its match count.
 */
class ArticleScratch {
  stamp = new Uint32Array(0)
  matches = new Uint32Array(0)
  /** Best, second and third sentence score and global doc, at 3a, 3a+1, 3a+2 (doc −1 = none). */
  bestScore = new Float64Array(0)
  bestDoc = new Int32Array(0)
  touched = new Int32Array(0)
  /** Per doc of the tier: belongs to an article that might reach the page. */
  contender = new Uint32Array(0)
  private mark = 0

  clearContenders(docs: number) {
    const words = (docs + 31) >>> 5
    if (this.contender.length < words) this.contender = new Uint32Array(words)
    else this.contender.fill(0, 0, words)
  }

  ensure(size: number) {
    if (this.stamp.length >= size) return
    const n = Math.max(size, Math.ceil(this.stamp.length * 1.5))
    this.stamp = new Uint32Array(n)
    this.matches = new Uint32Array(n)
    this.bestScore = new Float64Array(3 * n)
    this.bestDoc = new Int32Array(3 * n)
    this.touched = new Int32Array(n)
    this.mark = 0
  }

  next(): number {
    if (this.mark >= 0xfffffff0) {
      this.stamp.fill(0)
      this.mark = 0
    }
    return ++this.mark
  }
}

const articleScratch = new ArticleScratch()

/** An article kept for the page: its score, match count and best sentences (global doc ids). */
interface RankedArticle {
  article: number
  score: number
  matches: number
  docs: number[]
}

/** Does (score s, first doc d) rank above (t, e)? Higher score first, then corpus order. */
const above = (s: number, d: number, t: number, e: number) => s > t || (s === t && d < e)
const better = (a: RankedArticle, b: RankedArticle) => above(a.score, a.docs[0]!, b.score, b.docs[0]!)

/**
 * Groups each tier's scored sentences by article (score = best sentence + SUPPORT_WEIGHT × the
 * next two) and keeps the `top` best articles over all tiers, ordered by score and then by their
 * best sentence's doc id, so the same query always gives the same page. Linear in the matches plus
 * top-k heap work: no per-match objects, no sort of every matching article. An article lives in
 * one tier, so grouping per tier is exact; the page heap's worst score is the threshold that lets
 * the scorer skip articles of later tiers that cannot reach the page (they are still counted).
 */
function rankArticles(index: SearchIndex, plan: QueryPlan, top: number) {
  const { store } = index
  const heap: RankedArticle[] = []
  let total = 0
  const pruning: Pruning = {
    articles: (tier) => store.tierArticles(tier),
    threshold: () => (heap.length >= top && top > 0 ? heap[0]!.score : 0),
    articleBound: 1 + SUPPORT_WEIGHT * (SENTENCES_PER_HIT - 1),
  }
  scoreTiers(
    index.sources,
    plan,
    (tier) => {
      total += tier.matchedArticles
      if (tier.count === 0) return
      const { articleOf, firstDoc } = tier.articles!
      const articleBase = store.articleNumberOf(tier.docBase)
      // Once the page is full, only an article with a sentence of at least threshold / bound can
      // still enter it: group just those articles' sentences.
      const threshold = pruning.threshold()
      articleScratch.ensure(tier.articles!.count)
      if (threshold > 0) articleScratch.clearContenders(tier.docCount)
      const { stamp, matches, bestScore, bestDoc, touched, contender } = articleScratch
      if (threshold > 0) {
        const least = threshold / pruning.articleBound / (1 + 1e-9)
        for (let i = 0; i < tier.count; i++) {
          const local = tier.docs[i]!
          if (tier.scores[local]! < least || contender[local >>> 5]! & (1 << (local & 31))) continue
          const a = articleOf(local)
          for (let d = firstDoc[a]!; d < firstDoc[a + 1]!; d++) contender[d >>> 5]! |= 1 << (d & 31)
        }
      }
      const mark = articleScratch.next()
      let articles = 0
      for (let i = 0; i < tier.count; i++) {
        const local = tier.docs[i]!
        if (threshold > 0 && !(contender[local >>> 5]! & (1 << (local & 31)))) continue
        const s = tier.scores[local]!
        const doc = tier.docBase + local
        const a = articleOf(local)
        const at = 3 * a
        if (stamp[a] !== mark) {
          stamp[a] = mark
          matches[a] = 1
          bestScore[at] = s
          bestDoc[at] = doc
          bestDoc[at + 1] = -1
          bestDoc[at + 2] = -1
          touched[articles++] = a
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
      // Offer the tier's articles to the page heap; only contenders become objects.
      for (let i = 0; i < articles && top > 0; i++) {
        const a = touched[i]!
        const at = 3 * a
        const support = (bestDoc[at + 1]! >= 0 ? bestScore[at + 1]! : 0) + (bestDoc[at + 2]! >= 0 ? bestScore[at + 2]! : 0)
        const score = bestScore[at]! + SUPPORT_WEIGHT * support
        if (heap.length >= top && !above(score, bestDoc[at]!, heap[0]!.score, heap[0]!.docs[0]!)) continue
        const docs = [bestDoc[at]!]
        for (let k = 1; k < SENTENCES_PER_HIT; k++) if (bestDoc[at + k]! >= 0) docs.push(bestDoc[at + k]!)
        const ranked = { article: articleBase + a, score, matches: matches[a]!, docs }
        if (heap.length < top) {
          heap.push(ranked)
          siftUp(heap, heap.length - 1)
        } else {
          heap[0] = ranked
          siftDown(heap, 0)
        }
      }
    },
    DEFAULT_SCORING,
    pruning,
  )
  const page = heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
  return { total, page }
}

/** Heap order: the root is the worst article kept; a parent ranks below its children. */
function siftUp(heap: RankedArticle[], i: number) {
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!better(heap[parent]!, heap[i]!)) break
    ;[heap[parent], heap[i]] = [heap[i]!, heap[parent]!]
    i = parent
  }
}

function siftDown(heap: RankedArticle[], i: number) {
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
