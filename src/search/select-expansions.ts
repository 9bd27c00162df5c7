// Chooses which expansions of a word to keep: those that occur in an article together with the
// other query words first (ㅈㄱ beside 최양희 means 장관, not 전국), then by weight and frequency.
// Must not import runtime code.
import type { Expansion } from './expansion.ts'
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
    const key = `${e.field}:${e.term}`
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
