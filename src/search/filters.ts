// Article filters (published date range, outlet, section) and the result order (relevance, or
// newest first with relevance breaking ties). Must not import runtime code.
import type { StoredArticle } from '../index/store.ts'

export type SearchSort = 'relevance' | 'date'

export interface ArticleFilters {
  /** ISO date, inclusive. Articles without a date are left out when a date bound is given. */
  from?: string
  /** ISO date, inclusive. */
  to?: string
  /** Exact outlet name: 아주경제. */
  outlet?: string
  /** Exact section name. */
  section?: string
}

/**
 * A predicate over articles, or null when no filter is set.
 * @example
 * articlePredicate({ outlet: '아주경제' })!(seedArticle) // => true
 */
export function articlePredicate(filters: ArticleFilters): ((article: StoredArticle) => boolean) | null {
  const { from, to, outlet, section } = filters
  if (from === undefined && to === undefined && outlet === undefined && section === undefined) return null
  return (a) => {
    if (outlet !== undefined && a.outlet !== outlet) return false
    if (section !== undefined && a.section !== section) return false
    if (from === undefined && to === undefined) return true
    // ISO dates (YYYY-MM-DD) compare as strings; a stored timestamp is cut to its date.
    const date = a.published_at?.slice(0, 10)
    if (!date) return false
    return (from === undefined || date >= from) && (to === undefined || date <= to)
  }
}

/**
 * Newest first, then by score; undated articles last. Sorts in place.
 * @example
 * sortByDate([{ score: 9, date: '2010-01-01' }, { score: 1, date: '2015-06-24' }], (r) => r.date)
 * // => [{ score: 1, date: '2015-06-24' }, { score: 9, date: '2010-01-01' }]
 */
export function sortByDate<R extends { score: number }>(ranked: R[], dateOf: (r: R) => string | null): R[] {
  return ranked.sort((a, b) => {
    const da = dateOf(a) ?? ''
    const db = dateOf(b) ?? ''
    return da === db ? b.score - a.score : da < db ? 1 : -1
  })
}
