// Our engine over an arbitrary doc set, for `npm run eval` and the peer CLI: each doc becomes an
// Article, is split and indexed like corpus/ is, and every query is ranked by the same
// rankArticles() through which search() answers /api/search. No second retrieval path lives here.
// No runtime imports: the Node CLIs hand in the index-time analyzer (with jieba).
import type { AnalyzerOptions } from '../analysis/analyzers.ts'
import { addSynonyms } from '../index/aliases.ts'
import { searchQuerySchema } from '../api/validation.ts'
import { buildSearchIndex, buildSegmentedIndex, openIndex, serializeSegments, type SearchIndex } from '../index/search-index.ts'
import { toSentences } from '../ingest/index.ts'
import { rankArticles, search, type SearchRequest, type SearchResponse } from '../search/search.ts'
import type { Article } from '../types.ts'
import type { EvalDoc } from './dataset.ts'

export interface EngineOptions {
  indexAnalyzer: AnalyzerOptions
  synonyms?: string
  /** Segments (default): packed and opened from bytes, the way the service serves its archive. */
  tier?: 'segments' | 'minisearch'
}

export interface Engine {
  index: SearchIndex
  /**
   * Doc ids of the top `k` hits, best first; [] for a query /api/search would reject (blank).
   * @example
   * engine.search('훈민정음을 창제한 왕', 10) // => ['s01', 's02']
   */
  search(q: string, k: number): string[]
  /** The whole /api/search answer (sentences, highlights), for error analysis. */
  respond(q: string, limit: number): SearchResponse | null
}

/**
 * A doc as an Article: its id, its title, and its body (title + text, as every peer indexes it).
 * @example
 * toArticle({ id: 's01', title: '', text: '세종대왕은 조선의 국왕이다.', body: '세종대왕은 조선의 국왕이다.', source: null })
 * // => { id: 's01', title: '', outlet: null, byline: null, published_at: null, section: null, url: null,
 * //      body: '세종대왕은 조선의 국왕이다.' }
 */
export function toArticle(doc: EvalDoc): Article {
  return { id: doc.id, title: doc.title, outlet: null, byline: null, published_at: null, section: null, url: null, body: doc.body }
}

/**
 * Indexes `docs` (one article each, several sentences allowed) and answers queries through search().
 * @example
 * const engine = createEngine(docs, { indexAnalyzer: indexAnalyzerOptions() })
 * engine.search('벨라루스를', 10) // => ['000_df47cecabbcbfc25', …]
 */
export function createEngine(docs: readonly EvalDoc[], options: EngineOptions): Engine {
  const articles = docs.map((doc) => {
    const article = toArticle(doc)
    return { article, sentences: toSentences(article) }
  })
  const index =
    options.tier === 'minisearch'
      ? buildSearchIndex(articles, options.indexAnalyzer)
      : openIndex(serializeSegments(buildSegmentedIndex(articles, options.indexAnalyzer)))
  if (options.synonyms) addSynonyms(index.aliases, options.synonyms, index.queryAnalyzer)
  const queryAnalyzer = index.queryAnalyzer
  // The API's own check of q (not blank, at most 200 characters).
  const request = (q: string, limit: number): SearchRequest | null => {
    const valid = searchQuerySchema.shape.q.safeParse(q)
    return valid.success ? { q: valid.data, limit, offset: 0 } : null
  }
  return {
    index,
    // Only the ranking is scored: the ids of the page, as every peer fetches them, without the
    // sentences and metadata a page of /api/search then reads.
    search: (q, k) => {
      const valid = request(q, k)
      if (!valid) return []
      const { groups, page } = rankArticles(index, queryAnalyzer, valid)
      return page.map((g) => index.store.articleId(groups.articles[g]!))
    },
    respond: (q, limit) => {
      const valid = request(q, limit)
      return valid && search(index, queryAnalyzer, valid)
    },
  }
}
