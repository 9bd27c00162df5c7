// Chooses which expansions of a word to keep: those that occur in an article together with the
// other query words first (ㅈㄱ beside 최양희 means 장관, not 전국), then by weight and frequency.
// Must not import runtime code.
import { fieldKey, WHOLE_WORD_FIELDS } from '../index/fields.ts'
import type { Expansion } from './expansion.ts'
import { MAX_CONTEXT_POSTINGS } from './limits.ts'
import type { PrepareContext } from './prepare-query.ts'
import type { QueryWord } from './query.ts'
import type { Vocabulary } from './vocabulary.ts'

/** The articles that hold the other query words, and how to find a sentence's article. */
export interface ExpansionContext {
  articles: ReadonlySet<unknown>
  articleOf(doc: number): unknown
}

/**
 * The best `cap` expansions, one per term (the highest weight wins).
 * @example
 * selectExpansions(choseongExpansions(vocabulary, 'ㅈㄱ'), vocabulary, contextOf최양희, 12)[0].term // => '장관'
 */
export function selectExpansions(
  expansions: readonly Expansion[],
  vocabulary: Vocabulary,
  context: ExpansionContext | null,
  cap: number,
): Expansion[] {
  const best = new Map<string, Expansion>()
  for (const e of expansions) {
    const key = fieldKey(e.field, e.term)
    if ((best.get(key)?.weight ?? -1) < e.weight) best.set(key, e)
  }
  const ranked = [...best.values()].map((e) => {
    let together = 0
    if (context && context.articles.size > 0) {
      vocabulary.forEachDoc(e.field, e.term, (doc) => {
        if (context.articles.has(context.articleOf(doc))) together++
      })
    }
    return { e, together, df: vocabulary.docFreq(e.field, e.term) }
  })
  ranked.sort(
    (a, b) =>
      Number(b.together > 0) - Number(a.together > 0) ||
      b.e.weight - a.e.weight ||
      b.together - a.together ||
      b.df - a.df ||
      (a.e.term < b.e.term ? -1 : a.e.term > b.e.term ? 1 : 0),
  )
  return ranked.filter((r) => r.df > 0).slice(0, cap).map((r) => r.e)
}

/**
 * For word i, the articles holding another query word as typed: where its expansions are most
 * likely meant. Built only when some word has expansions to rank.
 * @example
 * articleContexts(analyzeQuery('최양희 ㅈㄱ', analyzer).words, context, candidates)(1)!.articles.size // => 2
 */
export function articleContexts(words: QueryWord[], context: PrepareContext, candidates: Expansion[][]): (i: number) => ExpansionContext | null {
  if (words.length < 2 || candidates.every((c) => c.length === 0)) return () => null
  let budget = MAX_CONTEXT_POSTINGS
  const articlesOf = words.map((word) => {
    const articles = new Set<unknown>()
    for (const field of WHOLE_WORD_FIELDS) {
      for (const term of word.terms[field]) {
        if (budget <= 0 || context.vocabulary.docFreq(field, term) > budget) continue
        budget -= context.vocabulary.docFreq(field, term)
        context.vocabulary.forEachDoc(field, term, (doc) => articles.add(context.articleOf(doc)))
      }
    }
    return articles
  })
  return (i) => {
    const articles = new Set<unknown>()
    articlesOf.forEach((set, j) => {
      if (j !== i) for (const a of set) articles.add(a)
    })
    return { articles, articleOf: context.articleOf }
  }
}
