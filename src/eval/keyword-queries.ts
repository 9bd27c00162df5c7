// Keyword queries for retrieval evals, made from articles themselves: up to three title words that
// the body also uses, the way a reader searches for a story they have seen (버락 오바마 취임 →
// that article). Eval tooling: no runtime imports.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { Article } from '../types.ts'

export interface KeywordQuery {
  id: string
  text: string
  /** Ids of the articles that answer the query. */
  relevant: string[]
}

export interface KeywordQueryOptions {
  /** Fewest keywords a query needs (articles with fewer title keywords give no query). */
  minWords: number
  /** Most keywords: the rarest title keywords are kept, in title order. */
  maxWords: number
}

/** Fewer than two words is too vague to name one article; more than three is not how people search. */
export const DEFAULT_KEYWORD_QUERY_OPTIONS: KeywordQueryOptions = { minWords: 2, maxWords: 3 }

/** Keywords are Hangul stems of 2–8 syllables: names and nouns, not particles or numbers. */
const KEYWORD = /^[\uAC00-\uD7A3]{2,8}$/

/**
 * @example
 * keywordQueries([{ id: 'a', title: '버락 오바마 미국 대통령 공식 취임', body: '버락 오바마 … 취임하였다.', … }], analyzer)
 * // => [{ id: 'a', text: '버락 오바마 취임', relevant: ['a'] }]
 */
export function keywordQueries(
  articles: readonly Article[],
  analyzer: Analyzer,
  options: KeywordQueryOptions = DEFAULT_KEYWORD_QUERY_OPTIONS,
): KeywordQuery[] {
  const stemsOf = articles.map((a) => new Set(analyzer(a.body).filter((t) => t.kind === 'stem').map((t) => t.term)))
  const articleFreq = new Map<string, number>()
  for (const stems of stemsOf) for (const s of stems) articleFreq.set(s, (articleFreq.get(s) ?? 0) + 1)
  const queries: KeywordQuery[] = []
  articles.forEach((article, a) => {
    const words: string[] = []
    for (const token of analyzer(article.title)) {
      if (token.kind === 'stem' && KEYWORD.test(token.term) && stemsOf[a]!.has(token.term) && !words.includes(token.term)) words.push(token.term)
    }
    if (words.length < options.minWords) return
    const kept = new Set([...words].sort((x, y) => articleFreq.get(x)! - articleFreq.get(y)!).slice(0, options.maxWords))
    queries.push({ id: article.id, text: words.filter((w) => kept.has(w)).join(' '), relevant: [article.id] })
  })
  return queries
}

/**
 * nDCG@k with binary gains.
 * @example
 * ndcgAt(10, ['b', 'a'], ['a']) // => 0.631 (1 / log2(3))
 */
export function ndcgAt(k: number, ranked: readonly string[], relevant: readonly string[]): number {
  const wanted = new Set(relevant)
  let dcg = 0
  ranked.slice(0, k).forEach((id, i) => {
    if (wanted.has(id)) dcg += 1 / Math.log2(i + 2)
  })
  let ideal = 0
  for (let i = 0; i < Math.min(k, wanted.size); i++) ideal += 1 / Math.log2(i + 2)
  return ideal === 0 ? 0 : dcg / ideal
}
