// Stem rules learnt from the eojeol lexicon: each entry (추웠다 → 춥, 멋졌습니다 → 멋지) says how an
// ending rewrites the end of a stem, so a query eojeol the corpus never had (더웠다, 가졌습니다) gets
// its stem the same way. This is how irregular and contracted conjugations reach the query side
// without the morphological dictionary. Must not import runtime code.
import type { EojeolLexicon } from './lexicon.ts'

const INITIALS = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ']
const VOWELS = ['ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ']
/** Syllable-final consonants by jongseong index (0: none). */
const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ']
const INITIAL_INDEX = new Map(INITIALS.map((c, i) => [c, i]))
const VOWEL_INDEX = new Map(VOWELS.map((v, i) => [v, i]))
const FINAL_INDEX = new Map(FINALS.map((f, i) => [f, i]))
const FIRST = 0xac00
const LAST = 0xd7a3

/**
 * Each syllable as its letters (one compatibility jamo per consonant, vowel or final cluster), so a
 * rule can change a vowel or a final alone: 춥 → ㅊㅜㅂ, 추웠다 → ㅊㅜㅇㅝㅆㄷㅏ (shared: ㅊㅜ).
 * @example
 * toLetters('했다') // => 'ㅎㅐㅆㄷㅏ'
 */
export function toLetters(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0) - FIRST
    if (code < 0 || code > LAST - FIRST) out += ch
    else out += INITIALS[Math.floor(code / 588)]! + VOWELS[Math.floor((code % 588) / 28)]! + FINALS[code % 28]!
  }
  return out
}

/**
 * The inverse of toLetters: a consonant before a vowel starts a syllable, any other is the final of
 * the syllable before it; null when the letters make no syllables (ㅎㅐㅆㅅ: two finals).
 * @example
 * fromLetters('ㄷㅓㅂ') // => '덥'
 */
export function fromLetters(letters: string): string | null {
  let out = ''
  for (let i = 0; i < letters.length; i++) {
    const initial = INITIAL_INDEX.get(letters[i]!)
    const vowel = VOWEL_INDEX.get(letters[i + 1] ?? '')
    if (initial !== undefined && vowel !== undefined) {
      const next = letters[i + 2] ?? ''
      const final = VOWEL_INDEX.has(letters[i + 3] ?? '') ? 0 : (FINAL_INDEX.get(next) ?? 0)
      out += String.fromCharCode(FIRST + initial * 588 + vowel * 28 + final)
      i += final === 0 ? 1 : 2
    } else if (INITIAL_INDEX.has(letters[i]!) || VOWEL_INDEX.has(letters[i]!) || FINAL_INDEX.has(letters[i]!)) {
      return null
    } else out += letters[i]
  }
  return out
}

export interface StemRules {
  /** Letter suffix → replacements, most frequent first (a Map when just learnt, packed in an index). */
  readonly rules: { get(suffix: string): readonly string[] | undefined; readonly size: number }
  readonly longest: number
  /** The compound parts the lexicon gives a stem (어른들 → 어른), for a stem reached by stripping. */
  readonly partsOf: PartsLookup
}

/** Rules as learnStemRules gives them: Maps, so they can be packed. */
export interface LearntStemRules extends StemRules {
  readonly rules: ReadonlyMap<string, readonly string[]>
  readonly partsOf: ReadonlyMap<string, readonly string[]>
}

/** Stem → compound parts: a Map when just learnt, packed bytes once stored in an index. */
export interface PartsLookup {
  get(stem: string): readonly string[] | undefined
  readonly size: number
}

/**
 * Learns suffix → replacement rules from the lexicon's (eojeol, stem) pairs, past their shared start.
 * @example
 * learnStemRules(new Map([['추웠다', { stem: '춥', parts: [] }], ['가까웠다', { stem: '가깝', parts: [] }]]))
 * // => rules: { 'ㅇㅝㅆㄷㅏ' → ['ㅂ'] } (추웠다 = ㅊㅜ + ㅇㅝㅆㄷㅏ, 춥 = ㅊㅜ + ㅂ)
 */
export function learnStemRules(lexicon: EojeolLexicon): LearntStemRules {
  const counts = new Map<string, Map<string, number>>()
  const partsOf = new Map<string, string[]>()
  for (const [eojeol, analysis] of lexicon) {
    if (analysis.stop || analysis.stem === '') continue
    if (analysis.parts.length > 0 && !partsOf.has(analysis.stem)) partsOf.set(analysis.stem, analysis.parts)
    const from = toLetters(eojeol)
    const to = toLetters(analysis.stem)
    let shared = 0
    while (shared < from.length && shared < to.length && from[shared] === to[shared]) shared++
    // Nothing shared (a stem that is not the eojeol's start) or nothing stripped: no ending to learn.
    if (shared === 0 || shared === from.length) continue
    const suffix = from.slice(shared)
    const byReplacement = counts.get(suffix) ?? new Map<string, number>()
    byReplacement.set(to.slice(shared), (byReplacement.get(to.slice(shared)) ?? 0) + 1)
    counts.set(suffix, byReplacement)
  }
  const rules = new Map<string, string[]>()
  let longest = 0
  for (const [suffix, byReplacement] of counts) {
    // Every rule counts, even one seen once: the index must know the result, which weeds out odd ones.
    rules.set(suffix, [...byReplacement].sort((a, b) => b[1] - a[1]).map(([replacement]) => replacement))
    longest = Math.max(longest, suffix.length)
  }
  return { rules, longest, partsOf }
}

/**
 * The stem by the longest rule whose result the index knows, or null.
 * @example
 * applyStemRules('더웠다', rules, (s) => s === '덥') // => '덥' (ㅇㅝㅆㄷㅏ → ㅂ, learnt from 추웠다 → 춥)
 */
export function applyStemRules(eojeol: string, { rules, longest }: StemRules, knows: (stem: string) => boolean): string | null {
  const letters = toLetters(eojeol)
  for (let k = Math.min(longest, letters.length - 1); k >= 1; k--) {
    const replacements = rules.get(letters.slice(-k))
    if (!replacements) continue
    for (const replacement of replacements) {
      const stem = fromLetters(letters.slice(0, -k) + replacement)
      if (stem && knows(stem) && !dropsAWord(eojeol, stem, knows)) return stem
    }
  }
  return null
}

/**
 * True when what the rule takes off is itself a word the index knows: a compound cut short, not an
 * ending (아주경제 → 아주 drops 경제; 더웠다 → 덥 drops 웠다, no word).
 */
function dropsAWord(eojeol: string, stem: string, knows: (stem: string) => boolean): boolean {
  let shared = 0
  while (shared < stem.length && eojeol[shared] === stem[shared]) shared++
  const dropped = eojeol.slice(shared)
  return dropped.length >= 2 && knows(dropped)
}
