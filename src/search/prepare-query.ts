// Forgiving query preparation, the one path every caller (API, CLI) takes: operators are parsed,
// wrong-layout words re-read (qpffkfntm → 벨라루스), spacing repaired (최양희장관 → 최양희 장관),
// then each word gets weighted expansions — completions of the half-typed last word, 초성 words,
// near spellings of unknown words — and the response learns what was corrected.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { WHOLE_WORD_FIELDS } from '../index/fields.ts'
import { EXPANSION_WEIGHTS, type ExpansionKind } from './expansion.ts'
import { layoutEdits } from './keyboard-layout.ts'
import { MAX_CHOSEONG_EXPANSIONS, MAX_PREFIX_EXPANSIONS, MAX_TYPO_EXPANSIONS } from './limits.ts'
import { parseQuery, type ParsedQuery } from './operators/parse-query.ts'
import { phrasePattern, type PhrasePattern } from './operators/phrase-match.ts'
import { analyzeQuery, planQuery, readQuery, type AnalyzedQuery } from './query.ts'
import { isForgiven, isFreeWord, isKnown, isOpen, occursInsideWords, typedStem } from './query-word.ts'
import type { QueryPlan } from './scorer.ts'
import { articleContexts, selectExpansions } from './select-expansions.ts'
import { spacingEdits } from './spacing.ts'
import { applyEdits, type TextEdit } from './text-edit.ts'
import type { Vocabulary } from './vocabulary.ts'
import { addExpansions, wordExpansions } from './word-expansions.ts'

export interface QueryCorrection {
  /** The query as typed (trimmed). */
  from: string
  /** The query as searched: 벨라루스 for qpffkfntm. */
  to: string
}

export interface PrepareContext {
  analyzer: Analyzer
  vocabulary: Vocabulary
  /** The article of a sentence, to prefer expansions found beside the other query words. */
  articleOf(doc: number): unknown
}

export interface PreparedQuery {
  /** The query as searched, analysed. */
  analyzed: AnalyzedQuery
  /** Exact terms at weight 1 plus the expansions below it. */
  plan: QueryPlan
  /** `analyzed` plus the expansion terms, so 테크노밸리 marks 테크노벨리. */
  highlightQuery: AnalyzedQuery
  phrases: PhrasePattern[]
  excluded: PhrasePattern[]
  /** Set only when the query searched differs from the one typed. */
  corrected: QueryCorrection | null
}

const CAPS: Readonly<Record<ExpansionKind, number>> = {
  prefix: MAX_PREFIX_EXPANSIONS,
  choseong: MAX_CHOSEONG_EXPANSIONS,
  typo: MAX_TYPO_EXPANSIONS,
}

/**
 * @example
 * prepareQuery('qpffkfntm', context).corrected // => { from: 'qpffkfntm', to: '벨라루스' }
 * prepareQuery('벨라ㄹ', context).plan.terms.filter((t) => t.weight < 1).map((t) => t.term) // => ['벨라루스', '벨라루스어']
 */
export function prepareQuery(q: string, context: PrepareContext): PreparedQuery {
  // Each stage reads the text the previous one left; most queries come through unchanged, so a
  // reading is reused rather than parsed and analysed again.
  const typed = parseQuery(q)
  const afterLayout = applyEdits(q, keyboardEdits(q, typed, context))
  const beforeSpacing = readQuery(afterLayout, context.analyzer, afterLayout === q ? typed : undefined)
  const searched = applyEdits(afterLayout, spacingEdits(afterLayout, context, beforeSpacing))
  const { parsed, analyzed } = searched === afterLayout ? beforeSpacing : readQuery(searched, context.analyzer)
  const { words } = analyzed
  const candidates = words.map((word, i) =>
    isFreeWord(word, parsed) && isForgiven(i, words.length) ? wordExpansions(word, isOpen(word, parsed, searched), context.vocabulary) : [],
  )
  const contextOf = articleContexts(words, context, candidates)
  const chosen = candidates.map((list, i) => {
    if (list.length === 0) return { prefix: [], choseong: [], typo: [] }
    // The articles of the other words, gathered once per word that has expansions to rank.
    const others = contextOf(i)
    const kinds = (['prefix', 'choseong', 'typo'] as const).map((kind) =>
      selectExpansions(list.filter((e) => e.kind === kind), context.vocabulary, others, CAPS[kind]),
    )
    return { prefix: kinds[0]!, choseong: kinds[1]!, typo: kinds[2]! }
  })

  const plan = planQuery(analyzed)
  const highlightTerms = { ...analyzed.terms }
  const typoFixes: TextEdit[] = []
  words.forEach((word, i) => {
    const { prefix, choseong, typo } = chosen[i]!
    // Only a word with near spellings needs its stem.
    const stem = typo.length > 0 ? typedStem(word) : undefined
    // A word found inside longer ones (테크노밸리 in 판교테크노밸리) is no typo: its near spellings
    // rank below those matches, and the query is not reported as corrected.
    const inside = typo.length > 0 && stem !== undefined && occursInsideWords(stem, context.vocabulary)
    const typos = inside ? typo.map((e) => ({ ...e, weight: Math.min(e.weight, EXPANSION_WEIGHTS.typoFar) })) : typo
    addExpansions(plan, i, [...prefix, ...choseong, ...typos], context.vocabulary, highlightTerms)
    // Report a typo fix only for a word nothing else explains (no completion, no 초성 reading).
    if (!stem || inside || typo.length === 0 || prefix.length > 0 || choseong.length > 0 || isKnown(word, context.vocabulary)) return
    if (searched.slice(word.start, word.start + stem.length) === stem) typoFixes.push({ start: word.start, end: word.start + stem.length, text: typo[0]!.term })
  })
  const from = q.trim()
  const to = applyEdits(searched, typoFixes).trim()
  return {
    analyzed,
    plan,
    highlightQuery: { ...analyzed, terms: highlightTerms },
    phrases: parsed.phrases.map((p) => phrasePattern(p.text, context.analyzer)),
    excluded: parsed.excluded.map((text) => phrasePattern(text, context.analyzer)).filter((p) => p.length > 0),
    corrected: from === to ? null : { from, to },
  }
}

/** Free chunks typed in the wrong keyboard layout, re-read as Hangul when the vocabulary agrees. */
function keyboardEdits(q: string, parsed: ParsedQuery, context: PrepareContext): TextEdit[] {
  const chunks: Array<[number, number]> = []
  const all = [...parsed.scoringText.matchAll(/\S+/g)]
  all.forEach((m, i) => {
    const span: [number, number] = [m.index, m.index + m[0].length]
    const free = !parsed.phrases.some((p) => span[0] >= p.start && span[1] <= p.end)
    if (/[A-Za-z]/.test(m[0]) && free && isForgiven(i, all.length)) chunks.push(span)
  })
  if (chunks.length === 0) return []
  // How well the vocabulary attests a reading: sentences holding its words as typed, or else their
  // completions and near spellings at their weights.
  const evidence = (text: string, open: boolean) => {
    const { words } = analyzeQuery(text, context.analyzer)
    let total = 0
    words.forEach((word, i) => {
      let exact = 0
      for (const field of WHOLE_WORD_FIELDS) {
        for (const term of word.terms[field]) exact += context.vocabulary.docFreq(field, term)
      }
      total += exact
      if (exact > 0) return
      for (const e of wordExpansions(word, open && i === words.length - 1, context.vocabulary)) {
        total += e.weight * context.vocabulary.docFreq(e.field, e.term)
      }
    })
    return total
  }
  // Offsets of the scoring text are the query's: edits apply to `q` directly.
  return layoutEdits(q, chunks, evidence)
}
