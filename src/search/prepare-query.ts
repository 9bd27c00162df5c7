// Forgiving query preparation, the one path every caller (API, CLI) takes: operators are parsed,
// wrong-layout words re-read (qpffkfntm → 벨라루스), spacing repaired (최양희장관 → 최양희 장관),
// then each word gets weighted expansions — completions of the half-typed last word, 초성 words,
// near spellings of unknown words — and the response learns what was corrected.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { stripSuffix } from '../analysis/filters/stems.ts'
import { normalize } from '../analysis/normalize.ts'
import { fieldKey, type Field } from '../index/fields.ts'
import { choseongExpansions } from './expand-choseong.ts'
import { prefixExpansions } from './expand-prefix.ts'
import { nearSpellings, syllableSlips, typoExpansions } from './expand-typos.ts'
import { EXPANSION_WEIGHTS, type Expansion, type ExpansionKind } from './expansion.ts'
import { isChoseongWord, isSyllable, typedHangul } from './hangul-text.ts'
import { layoutEdits } from './keyboard-layout.ts'
import { MAX_CHOSEONG_EXPANSIONS, MAX_CONTEXT_POSTINGS, MAX_PREFIX_EXPANSIONS, MAX_TYPO_EXPANSIONS, MAX_WORD_BREAK_SYLLABLES } from './limits.ts'
import { parseQuery, type ParsedQuery } from './operators/parse-query.ts'
import { phrasePattern, sentencesWithAllWords, type PhrasePattern } from './operators/phrase-match.ts'
import { analyzeQuery, planQuery, type AnalyzedQuery, type QueryWord, type TermsByField } from './query.ts'
import type { QueryPlan } from './scorer.ts'
import { selectExpansions, type ExpansionContext } from './select-expansions.ts'
import { jamoPrefixWalker } from './term-walkers.ts'
import { applyEdits, type TextEdit } from './text-edit.ts'
import type { Vocabulary } from './vocabulary.ts'
import { breakWord } from './word-break.ts'

export interface QueryCorrection {
  /** The query as typed (trimmed). */
  from: string
  /** The query as searched: 벨라루스 for qpffkfntm. */
  to: string
}

export interface QueryContext {
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
 * prepareQuery('벨라ㄹ', context).plan.terms.map((t) => t.term) // => ['벨라ㄹ', '벨라', '라ㄹ', '벨라루스']
 */
export function prepareQuery(q: string, context: QueryContext): PreparedQuery {
  const afterLayout = applyEdits(q, keyboardEdits(q, context))
  const searched = applyEdits(afterLayout, spacingEdits(afterLayout, context))
  const parsed = parseQuery(searched)
  const analyzed = analyzeQuery(parsed.scoringText, context.analyzer)
  const { words } = analyzed
  const candidates = words.map((word) =>
    isFreeWord(word, parsed) ? wordExpansions(word, isOpen(word, parsed, searched), context.vocabulary) : [],
  )
  const contextOf = articleContexts(words, context, candidates)
  const chosen = candidates.map((list, i) => {
    const kinds = (['prefix', 'choseong', 'typo'] as const).map((kind) =>
      selectExpansions(list.filter((e) => e.kind === kind), context.vocabulary, contextOf(i), CAPS[kind]),
    )
    return { prefix: kinds[0]!, choseong: kinds[1]!, typo: kinds[2]! }
  })

  const plan = planQuery(analyzed)
  const highlightTerms = { ...analyzed.terms }
  const typoFixes: TextEdit[] = []
  words.forEach((word, i) => {
    const { prefix, choseong, typo } = chosen[i]!
    const { stem } = typedForms(word)
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

/**
 * Adds a word's expansions to the plan (one per term, the highest weight; none that repeats an exact
 * term) and to the terms to highlight.
 */
function addExpansions(plan: QueryPlan, word: number, expansions: Expansion[], vocabulary: Vocabulary, highlightTerms: TermsByField) {
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

/** Some sentence holds every syllable bigram of `stem`: it is written, inside a longer word. */
function occursInsideWords(stem: string, vocabulary: Vocabulary): boolean {
  const bigrams: Array<Set<string>> = []
  for (let i = 0; i + 1 < stem.length; i++) bigrams.push(new Set([fieldKey('bigram', stem.slice(i, i + 2))]))
  return bigrams.length > 0 && sentencesWithAllWords(vocabulary, bigrams).size > 0
}

/** Expansion candidates of one free word (unranked). `open`: the word may still be half-typed. */
function wordExpansions(word: QueryWord, open: boolean, vocabulary: Vocabulary): Expansion[] {
  const { typed, stem } = typedForms(word)
  if (isChoseongWord(typed)) return choseongExpansions(vocabulary, typed)
  const out: Expansion[] = []
  const known = isKnown(word, vocabulary)
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
 * The word and its stem as typed: 벨라ㄹ keeps its compatibility ㄹ (the analyzer's NFKC makes it a
 * conjoining ᄅ, which no jamo comparison would match). Non-Hangul words keep the analyzer's forms.
 */
function typedForms(word: QueryWord): { typed: string; stem: string | undefined } {
  const hangul = typedHangul(word.text)
  if (hangul === null) return { typed: normalize(word.text).text, stem: word.terms.word[0] }
  return { typed: hangul, stem: stripSuffix(hangul) ?? hangul }
}

/** The vocabulary holds the word as typed (its stem, Latin or Han terms). */
function isKnown(word: QueryWord, vocabulary: Vocabulary): boolean {
  const fields: Field[] = ['word', 'latin', 'hanja']
  return fields.some((f) => word.terms[f].some((t) => vocabulary.docFreq(f, t) > 0))
}

const isFreeWord = (word: QueryWord, parsed: ParsedQuery) => !parsed.phrases.some((p) => word.start >= p.start && word.end <= p.end)
const isOpen = (word: QueryWord, parsed: ParsedQuery, text: string) => parsed.lastWordOpen && word.end === text.length

/**
 * For word i, the articles holding another query word as typed: where its expansions are most
 * likely meant. Built only when some word has expansions to rank.
 */
function articleContexts(words: QueryWord[], context: QueryContext, candidates: Expansion[][]): (i: number) => ExpansionContext | null {
  if (words.length < 2 || candidates.every((c) => c.length === 0)) return () => null
  let budget = MAX_CONTEXT_POSTINGS
  const articlesOf = words.map((word) => {
    const articles = new Set<unknown>()
    for (const field of ['word', 'latin', 'hanja'] as const) {
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

/** Free chunks typed in the wrong keyboard layout, re-read as Hangul when the vocabulary agrees. */
function keyboardEdits(q: string, context: QueryContext): TextEdit[] {
  const parsed = parseQuery(q)
  const chunks: Array<[number, number]> = []
  for (const m of parsed.scoringText.matchAll(/\S+/g)) {
    const span: [number, number] = [m.index, m.index + m[0].length]
    if (/[A-Za-z]/.test(m[0]) && !parsed.phrases.some((p) => span[0] >= p.start && span[1] <= p.end)) chunks.push(span)
  }
  if (chunks.length === 0) return []
  // How well the vocabulary attests a reading: sentences holding its words as typed, or else their
  // completions and near spellings at their weights.
  const evidence = (text: string, open: boolean) => {
    const { words } = analyzeQuery(text, context.analyzer)
    let total = 0
    words.forEach((word, i) => {
      let exact = 0
      for (const field of ['word', 'latin', 'hanja'] as const) {
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

/**
 * Spacing repairs among the free words: two halves of a known word are joined (벨라 루스 → 벨라루스),
 * and a long unknown word is split into known ones (최양희장관 → 최양희 장관).
 */
function spacingEdits(text: string, context: QueryContext): TextEdit[] {
  const parsed = parseQuery(text)
  const { vocabulary } = context
  const words = analyzeQuery(parsed.scoringText, context.analyzer).words.filter((w) => isFreeWord(w, parsed))
  const knownStem = (piece: string) => vocabulary.docFreq('word', piece) > 0
  const knownWithParticle = (piece: string) => knownStem(piece) || knownStem(stripSuffix(piece) ?? piece)
  // 벨라 루스 → 벨라루스: the joined word is at least as common as the rarer half.
  const joinsBetter = (a: string, b: string) => {
    const joined = a + b
    const df = Math.max(vocabulary.docFreq('word', joined), vocabulary.docFreq('word', stripSuffix(joined) ?? joined))
    return df > 0 && df >= Math.min(vocabulary.docFreq('word', a), vocabulary.docFreq('word', stripSuffix(b) ?? b))
  }
  // A near spelling is the likelier reading: 테크노밸리 is 테크노벨리 mistyped, not 테크노 + 밸리; and
  // 나주주 is 나주 with a doubled syllable, not 나주 + 주.
  const readsAsTypo = (stem: string, pieces: string[]) =>
    nearSpellings(vocabulary, stem).length > 0 || (pieces.some((p) => p.length === 1) && syllableSlips(vocabulary, stem).length > 0)
  const hangulOnly = (w: QueryWord) => w.text.length > 0 && [...w.text].every(isSyllable)
  const edits: TextEdit[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (!hangulOnly(word)) continue
    const next = words[i + 1]
    if (
      next &&
      hangulOnly(next) &&
      /^\s+$/.test(text.slice(word.end, next.start)) &&
      joinsBetter(word.text, next.text)
    ) {
      edits.push({ start: word.end, end: next.start, text: '' })
      i++
      continue
    }
    if (word.text.length < 3 || word.text.length > MAX_WORD_BREAK_SYLLABLES || isKnown(word, vocabulary)) continue
    const open = isOpen(word, parsed, text)
    const pieces = breakWord(word.text, (piece, last) =>
      last ? knownWithParticle(piece) || (open && vocabulary.walk('word', jamoPrefixWalker(piece), 1).size > 0) : knownStem(piece),
    )
    if (pieces && readsAsTypo(typedForms(word).stem ?? word.text, pieces)) continue
    if (pieces) edits.push({ start: word.start, end: word.end, text: pieces.join(' ') })
  }
  return edits
}
