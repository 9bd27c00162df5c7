// Applies the query operators to scored sentences: keeps only sentences holding every "exact
// phrase", and drops every article that holds an -excluded word or phrase (an article, not just
// the sentence: a reader who excludes ICT does not want the ICT article back through another
// of its sentences). Must not import runtime code.
import type { Analyzer } from '../../analysis/analyzers.ts'
import { MAX_PHRASE_CHECKS } from '../limits.ts'
import { selectSentences, type ScoredSentences } from '../scorer.ts'
import type { Vocabulary } from '../vocabulary.ts'
import { matchesPhrase, sentencesWithAllWords, type PhrasePattern } from './phrase-match.ts'

export interface OperatorContext {
  analyzer: Analyzer
  vocabulary: Vocabulary
  textOf(doc: number): string
  articleOf(doc: number): unknown
}

/**
 * @example
 * applyOperators(scored, [phrasePattern('바이버(무료통화앱)', analyzer)], [], context).count // => 1 (the seed sentence)
 */
export function applyOperators(
  scored: ScoredSentences,
  phrases: readonly PhrasePattern[],
  excluded: readonly PhrasePattern[],
  context: OperatorContext,
): ScoredSentences {
  let kept = scored
  for (const pattern of phrases) {
    const candidates = sentencesWithAllWords(context.vocabulary, pattern)
    const { docs, scores } = kept
    const order: number[] = []
    for (let i = 0; i < kept.count; i++) if (candidates.has(docs[i]!)) order.push(i)
    // Re-analysing text is the costly step: check the best-scored candidates, up to a cap.
    order.sort((a, b) => scores[b]! - scores[a]! || docs[a]! - docs[b]!)
    const checked = order.slice(0, MAX_PHRASE_CHECKS).filter((i) => pattern.length === 1 || matchesPhrase(context.analyzer(context.textOf(docs[i]!)), pattern))
    kept = selectSentences(kept, checked)
  }
  if (excluded.length === 0) return kept
  const dropped = new Set<unknown>()
  let checks = 0
  for (const pattern of excluded) {
    for (const doc of sentencesWithAllWords(context.vocabulary, pattern)) {
      const article = context.articleOf(doc)
      if (dropped.has(article)) continue
      if (pattern.length === 1) dropped.add(article)
      // Past the cap an excluded phrase is no longer checked: its articles may stay.
      else if (checks++ < MAX_PHRASE_CHECKS && matchesPhrase(context.analyzer(context.textOf(doc)), pattern)) dropped.add(article)
    }
  }
  const keep: number[] = []
  for (let i = 0; i < kept.count; i++) if (!dropped.has(context.articleOf(kept.docs[i]!))) keep.push(i)
  return selectSentences(kept, keep)
}
