// Deleting and replacing articles. Tiers only grow (segments are immutable), so a deleted article
// stays where it is, remembered by number: lookups and search leave it out, and a flush (live tier)
// or a rebuild (archive) drops it for good. A replaced article's new version goes to the live tier.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { Article, Sentence } from '../types.ts'
import { addArticles, visibleCounts, type SearchIndex } from './search-index.ts'
import type { StoredArticle } from './store.ts'

/**
 * Deletes the article with id `id`; returns what it was, or undefined when there is none.
 * @example
 * deleteArticle(index, '000_df47cecabbcbfc25')?.title // => '최양희 미래창조과학부 장관이 첫 외교 행보로 벨라루스를 선택했다.'
 * index.store.articleById('000_df47cecabbcbfc25')      // => undefined
 */
export function deleteArticle(index: SearchIndex, id: string): StoredArticle | undefined {
  const n = index.store.articleNumberById(id)
  if (n < 0) return undefined
  const article = index.store.article(n)
  index.deleted.add(n)
  index.meta = { ...index.meta, ...visibleCounts(index.store, index.deleted) }
  return article
}

/**
 * Puts `article` in the index under its id: a version already there is deleted first.
 * @example
 * putArticle(index, { article, sentences }, analyzer) // => { previous: { id, title: '옛 제목', … }, sentences: 3 }
 */
export function putArticle(
  index: SearchIndex,
  entry: { article: Article; sentences: readonly Sentence[] },
  analyzer: Analyzer,
): { previous: StoredArticle | undefined; sentences: number } {
  const previous = deleteArticle(index, entry.article.id)
  return { previous, sentences: addArticles(index, [entry], analyzer) }
}
