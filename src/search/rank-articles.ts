// Groups scored sentences into articles and ranks them: an article scores by its best sentence,
// plus a decaying share of the others, times how much more of the query the whole article covers.
// Works on the scorer's parallel arrays (docs ascending, so an article's sentences are neighbours):
// no object or Map per sentence or article. Must not import runtime code.
import type { SentenceStore } from '../index/store.ts'
import { maskCoverage, type ScoredQuery, type ScoredSentences } from './scorer.ts'
import { TUNING } from './tuning.ts'

/** The matching articles of a query; group g is the g-th article in doc order. */
export interface ArticleGroups {
  count: number
  /** Per group: the article number and its score. */
  articles: Int32Array
  scores: Float64Array
  /** Group g's sentences are `members[start[g] … start[g + 1])`, indices into `sentences`, best first. */
  start: Int32Array
  members: Int32Array
  sentences: ScoredSentences
}

/**
 * Articles scored by their best sentence, plus a decaying share of the others, times how much more of
 * the query the whole article covers than its best sentence does: query words spread over several
 * sentences (부산광역시 in one, 부산역 in another) still make the article a full match. A longer query
 * (a sentence to find, not a topic) gets both scaled down: 8 words by (4/8)², see TUNING. The groups'
 * arrays are reused by the next call (like the scorer's sentences): copy what must outlive it.
 * @example
 * groupArticles(index.store, matchSentences(index, analyzer, '벨라루스', {}).scored).count // => 11
 */
export function groupArticles(store: SentenceStore, { sentences, wordWeights }: ScoredQuery): ArticleGroups {
  const { count, docs, scores, words } = sentences
  const { articles, start, members, scores: groupScores } = buffers.room(count)
  let groups = 0
  // Walk the tiers' article layouts alongside the ascending docs: one article lookup per article.
  let tier = 0
  let layout = store.tierArticles(0)
  let docBase = 0
  let articleBase = 0
  let tierEnd = layout.firstDoc[layout.count]!
  let articleEnd = -1
  for (let i = 0; i < count; i++) {
    members[i] = i
    const doc = docs[i]!
    if (doc < articleEnd) continue
    while (doc >= tierEnd) {
      docBase = tierEnd
      articleBase += layout.count
      layout = store.tierArticles(++tier)
      tierEnd = docBase + layout.firstDoc[layout.count]!
    }
    const local = layout.articleOf(doc - docBase)
    articleEnd = docBase + layout.firstDoc[local + 1]!
    articles[groups] = articleBase + local
    start[groups++] = i
  }
  start[groups] = count
  const bestFirst = (a: number, b: number) => scores[b]! - scores[a]! || docs[a]! - docs[b]!
  const scale = Math.min(1, TUNING.articleQueryWords / Math.max(1, wordWeights.length)) ** TUNING.articleQueryPower
  const supportWeight = TUNING.supportWeight * scale
  const coverageExponent = TUNING.articleCoverageExponent * scale
  for (let g = 0; g < groups; g++) {
    const from = start[g]!
    const to = start[g + 1]!
    // One sentence (most articles of a sentence-level set): its score, unchanged by support or spread.
    if (to - from === 1) {
      groupScores[g] = scores[from]!
      continue
    }
    sortGroup(members, from, to, bestFirst)
    // Every further matching sentence adds a decaying share: the 2nd ½, the 3rd ⅓, …
    let support = 0
    const bestWords = words[members[from]!]!
    let union = bestWords
    for (let i = from + 1; i < to; i++) {
      support += scores[members[i]!]! / (i - from + 1)
      union |= words[members[i]!]!
    }
    let spread = 1
    if (union !== bestWords) {
      const best = maskCoverage(bestWords, wordWeights)
      if (best > 0) spread = (maskCoverage(union, wordWeights) / best) ** coverageExponent
    }
    groupScores[g] = (scores[members[from]!]! + supportWeight * support) * spread
  }
  return firstGroups(groups, count, { articles, scores: groupScores, start, members, sentences })
}

/** The first `count` groups (and `memberCount` members) of arrays laid out as ArticleGroups. */
export function firstGroups(count: number, memberCount: number, arrays: Omit<ArticleGroups, 'count'>): ArticleGroups {
  return {
    count,
    articles: arrays.articles.subarray(0, count),
    scores: arrays.scores.subarray(0, count),
    start: arrays.start.subarray(0, count + 1),
    members: arrays.members.subarray(0, memberCount),
    sentences: arrays.sentences,
  }
}

/**
 * groupArticles' arrays, reused across queries: fresh ones per query cost more than filling them.
 * Grown with the largest query, given back after an unusually large one.
 */
class GroupBuffers {
  articles = new Int32Array(0)
  start = new Int32Array(1)
  members = new Int32Array(0)
  scores = new Float64Array(0)

  /** Room for `count` sentences (and as many groups). */
  room(count: number): this {
    if (this.members.length < count || this.members.length > Math.max(KEPT_SENTENCES, count * 4)) {
      const n = Math.max(count, Math.min(KEPT_SENTENCES, Math.ceil(this.members.length * 1.5)))
      this.articles = new Int32Array(n)
      this.start = new Int32Array(n + 1)
      this.members = new Int32Array(n)
      this.scores = new Float64Array(n)
    }
    return this
  }
}

/** Sentences the reused arrays keep room for between queries. */
const KEPT_SENTENCES = 1 << 16

const buffers = new GroupBuffers()

/** The doc of group g's best sentence. */
export const bestDocOf = (groups: ArticleGroups, g: number): number => groups.sentences.docs[groups.members[groups.start[g]!]!]!

/**
 * Best score first; ties keep corpus order (by best sentence), so the same query always gives the
 * same page.
 */
export function byRank(groups: ArticleGroups): (a: number, b: number) => number {
  return (a, b) => groups.scores[b]! - groups.scores[a]! || bestDocOf(groups, a) - bestDocOf(groups, b)
}

/**
 * The first `k` groups by rank, sorted, without sorting them all (a bigram query matches thousands).
 * @example
 * topArticles(groups, 10) // => [412, 7, …] (group numbers, best first)
 */
export function topArticles(groups: ArticleGroups, k: number): number[] {
  const compare = byRank(groups)
  if (groups.count <= 4 * k) return Array.from({ length: groups.count }, (_, g) => g).sort(compare)
  // Keep a sorted window of the k best seen so far; most groups score below the worst of it.
  const { scores } = groups
  const top: number[] = []
  for (let g = 0; g < groups.count; g++) {
    if (top.length === k) {
      const below = scores[top[k - 1]!]! - scores[g]!
      if (below > 0 || (below === 0 && compare(g, top[k - 1]!) >= 0)) continue
    }
    let at = top.length
    while (at > 0 && compare(g, top[at - 1]!) < 0) at--
    top.splice(at, 0, g)
    if (top.length > k) top.pop()
  }
  return top
}

/** Sorts `members[from, to)` by `compare`: insertion sort for the few sentences most articles match. */
function sortGroup(members: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  if (to - from > 16) {
    members.subarray(from, to).sort(compare)
    return
  }
  for (let i = from + 1; i < to; i++) {
    const m = members[i]!
    let at = i
    while (at > from && compare(m, members[at - 1]!) < 0) members[at] = members[--at]!
    members[at] = m
  }
}
