// Applies the query operators to scored sentences: keeps only sentences holding every "exact
// phrase", and drops every article that holds an -excluded word or phrase (an article, not just
// the sentence: a reader who excludes ICT does not want the ICT article back through another
// of its sentences). Must not import runtime code.
import type { Analyzer } from '../../analysis/analyzers.ts'
import { MAX_PHRASE_CHECKS } from '../limits.ts'
import type { ScoredSentence } from '../scorer.ts'
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
 * applyOperators(scored, [phrasePattern('바이버(무료통화앱)', analyzer)], [], context) // => the one seed sentence
 */
export function applyOperators(
  scored: ScoredSentence[],
  phrases: readonly PhrasePattern[],
  excluded: readonly PhrasePattern[],
  context: OperatorContext,
): ScoredSentence[] {
  let kept = scored
  for (const pattern of phrases) {
    const candidates = sentencesWithAllWords(context.vocabulary, pattern)
    // Re-analysing text is the costly step: check the best-scored candidates, up to a cap.
    kept = kept
      .filter((s) => candidates.has(s.doc))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, MAX_PHRASE_CHECKS)
      .filter((s) => pattern.length === 1 || matchesPhrase(context.analyzer(context.textOf(s.doc)), pattern))
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
  return kept.filter((s) => !dropped.has(context.articleOf(s.doc)))
}
