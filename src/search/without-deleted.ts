// Leaves deleted articles out of a query's article groups, so neither the page nor `total` shows
// them (their sentences stay in the postings until their tier is rewritten). Must not import runtime code.
import type { Field } from '../index/fields.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { firstGroups, type ArticleGroups } from './rank-articles.ts'

/**
 * `groups` without the groups of deleted article numbers (the same object when none is deleted).
 * @example
 * withoutDeleted(groups, new Set([0])).count // => groups.count − 1 when article 0 matched
 */
export function withoutDeleted(groups: ArticleGroups, deleted: ReadonlySet<number>): ArticleGroups {
  if (deleted.size === 0) return groups
  const { articles, scores, start, members } = groups
  let kept = 0
  let memberCount = 0
  const keptStart = new Int32Array(groups.count + 1)
  const keptMembers = new Int32Array(members.length)
  for (let g = 0; g < groups.count; g++) {
    if (deleted.has(articles[g]!)) continue
    articles[kept] = articles[g]!
    scores[kept] = scores[g]!
    keptStart[kept++] = memberCount
    for (let i = start[g]!; i < start[g + 1]!; i++) keptMembers[memberCount++] = members[i]!
  }
  keptStart[kept] = memberCount
  return firstGroups(kept, memberCount, { articles, scores, start: keptStart, members: keptMembers, sentences: groups.sentences })
}

/**
 * Whether `term` is in a sentence of an article that is not deleted: the words of a retracted
 * article (a name it should not have printed) are no longer suggested, completed or offered as a
 * correction.
 * @example
 * occursOutsideDeleted(index, 'word', '사채업자') // => false once the only article with it is deleted
 */
export function occursOutsideDeleted(index: SearchIndex, field: Field, term: string): boolean {
  let df = 0
  for (const source of index.sources) df += source.docFreq(field, term)
  // More sentences hold it than were deleted in all: one of them is live.
  if (df > index.store.sentenceCount - index.meta.sentences) return true
  let live = false
  for (const source of index.sources) {
    source.forEachPosting(field, term, (doc) => {
      live ||= !index.deleted.has(index.store.articleNumberOf(doc))
    })
  }
  return live
}
