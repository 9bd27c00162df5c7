// The expansions of one query word and how they enter the plan: completions when it is being typed,
// 초성 words, near spellings when the vocabulary does not know it. Must not import runtime code.
import { fieldKey } from '../index/fields.ts'
import { choseongExpansions } from './expand-choseong.ts'
import { prefixExpansions } from './expand-prefix.ts'
import { typoExpansions } from './expand-typos.ts'
import { EXPANSION_WEIGHTS, type Expansion } from './expansion.ts'
import { isChoseongWord } from './hangul-text.ts'
import type { QueryWord, TermsByField } from './query.ts'
import { isKnown, typedForm, typedStem } from './query-word.ts'
import type { QueryPlan } from './scorer.ts'
import type { Vocabulary } from './vocabulary.ts'

/**
 * Expansion candidates of one free word (unranked). `open`: the word may still be half-typed.
 * @example
 * wordExpansions(analyzeQuery('벨라ㄹ', analyzer).words[0], true, vocabulary).map((e) => e.term) // => ['벨라루스', …]
 */
export function wordExpansions(word: QueryWord, open: boolean, vocabulary: Vocabulary): Expansion[] {
  const typed = typedForm(word)
  if (isChoseongWord(typed)) return choseongExpansions(vocabulary, typed)
  const known = isKnown(word, vocabulary)
  // A known word typed to its end has nothing to expand: its stem need not be looked for.
  if (known && !open) return []
  const out: Expansion[] = []
  const stem = typedStem(word)
  if (stem !== undefined) {
    if (open) out.push(...prefixExpansions(vocabulary, 'word', typed))
    if (!known) out.push(...typoExpansions(vocabulary, stem))
  } else if (open && word.terms.latin.length === 1) {
    out.push(...prefixExpansions(vocabulary, 'latin', word.terms.latin[0]!))
  }
  // A known word may be finished already (출산, not 출산율): its completions weigh less.
  return known ? out.map((e) => (e.kind === 'prefix' ? { ...e, weight: EXPANSION_WEIGHTS.prefixOfWord } : e)) : out
}

/**
 * Adds a word's expansions to the plan (one per term, the highest weight; none that repeats an exact
 * term) and to the terms to highlight.
 * @example
 * addExpansions(plan, 0, [{ field: 'word', term: '벨라루스', weight: 0.8, kind: 'prefix' }], vocabulary, terms)
 * // plan.terms gains { field: 'word', term: '벨라루스', weight: 0.8, word: 0, whole: true, blendedDocFreq: 16 }
 */
export function addExpansions(plan: QueryPlan, word: number, expansions: Expansion[], vocabulary: Vocabulary, highlightTerms: TermsByField) {
  if (expansions.length === 0) return
  const exact = new Set(plan.terms.filter((t) => t.word === word).map((t) => fieldKey(t.field, t.term)))
  const best = new Map<string, Expansion>()
  for (const e of expansions) {
    const key = fieldKey(e.field, e.term)
    if (!exact.has(key) && (best.get(key)?.weight ?? 0) < e.weight) best.set(key, e)
  }
  // Expansions of one word share the largest document frequency among them and the word as typed
  // (see PlannedTerm): no near-miss scores a higher idf than the word itself.
  const wordTerms = plan.terms.filter((t) => t.word === word && t.whole)
  const blendedDocFreq = Math.max(0, ...[...wordTerms, ...best.values()].map((t) => vocabulary.docFreq(t.field, t.term)))
  for (const e of best.values()) {
    plan.terms.push({ field: e.field, term: e.term, weight: e.weight, word, whole: true, blendedDocFreq })
    if (!highlightTerms[e.field].includes(e.term)) highlightTerms[e.field] = [...highlightTerms[e.field], e.term]
  }
}
