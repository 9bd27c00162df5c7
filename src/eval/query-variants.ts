// Deterministic "forgiving search" variants of a keyword query, as people mistype into a search box:
// a jamo typo, a doubled or lost syllable, a misplaced space, no spaces, the keyboard left in English,
// a half-typed last syllable, 초성 for a word. Seeded, so an eval run is repeatable.
// Eval tooling: imports es-hangul, never runtime code.
import type { Random } from './random.ts'
import { assemble, canBeChoseong, canBeJungseong, disassemble, getChoseong } from 'es-hangul'
import { hangulToQwerty, isSyllable } from '../search/hangul-text.ts'

export type VariantKind = 'typo' | 'syllable' | 'spacing' | 'no-spaces' | 'wrong-layout' | 'half-typed' | 'choseong'

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!

/** Single-key jamo, gathered from the syllables themselves (no hand table): consonants and vowels. */
let keys: { consonants: string[]; vowels: string[] } | undefined
function jamoKeys() {
  if (!keys) {
    const all = new Set<string>()
    for (let code = 0xac00; code <= 0xd7a3; code++) for (const j of disassemble(String.fromCharCode(code))) all.add(j)
    const sorted = [...all].sort()
    keys = { consonants: sorted.filter((j) => canBeChoseong(j)), vowels: sorted.filter((j) => canBeJungseong(j)) }
  }
  return keys
}

const words = (query: string) => query.split(/\s+/).filter((w) => w !== '')
const isHangulWord = (word: string, minSyllables: number) => [...word].every(isSyllable) && word.length >= minSyllables

/** Replaces one randomly chosen word that passes `eligible`; the query is unchanged when none does. */
function changeOneWord(query: string, random: Random, eligible: (w: string) => boolean, change: (w: string) => string): string {
  const list = words(query)
  const candidates = list.map((w, i) => [w, i] as const).filter(([w]) => eligible(w))
  if (candidates.length === 0) return query
  const [word, i] = pick(candidates, random)
  list[i] = change(word)
  return list.join(' ')
}

/**
 * One jamo keystroke of one word replaced by another of its kind, or dropped; the keystrokes are
 * then composed again as an IME would (dropping 라's ㄹ in 벨라루스 gives 베라루스).
 * @example
 * typoVariant('최양희 벨라루스', createRandom(1)) // => e.g. '최양희 벨라루쓰'
 */
export function typoVariant(query: string, random: Random): string {
  return changeOneWord(query, random, (w) => isHangulWord(w, 2), (word) => {
    // A typo that leaves a stray jamo (장고ㅒㄴ) is seen and fixed before the query is sent: retry a few times.
    let typed = word
    for (let attempt = 0; attempt < TYPO_ATTEMPTS && (typed === word || ![...typed].every(isSyllable)); attempt++) {
      typed = mistype(word, random)
    }
    return typed === word ? `${word}${word.slice(-1)}` : typed
  })
}

const TYPO_ATTEMPTS = 10

function mistype(word: string, random: Random): string {
  const strokes = [...disassemble(word)]
  const at = Math.floor(random() * strokes.length)
  const { consonants, vowels } = jamoKeys()
  if (random() < 0.25) strokes.splice(at, 1)
  else strokes[at] = pick((canBeJungseong(strokes[at]!) ? vowels : consonants).filter((j) => j !== strokes[at]), random)
  try {
    return assemble(strokes)
  } catch {
    return word // es-hangul 2.4.0 cannot compose some vowel runs (ㅜ + ㅜㅓ): try another typo
  }
}

/**
 * A syllable typed twice, or (in words of three or more) left out.
 * @example
 * syllableVariant('벨라루스', createRandom(2)) // => e.g. '벨라라루스' or '벨루스'
 */
export function syllableVariant(query: string, random: Random): string {
  return changeOneWord(query, random, (w) => isHangulWord(w, 2), (word) => {
    const at = Math.floor(random() * word.length)
    if (word.length >= 3 && random() < 0.5) return word.slice(0, at) + word.slice(at + 1)
    return word.slice(0, at + 1) + word.slice(at)
  })
}

/**
 * A misplaced space: a long word split in two, or two words run together.
 * @example
 * spacingVariant('미래창조과학부 장관', createRandom(3)) // => e.g. '미래창조 과학부 장관' or '미래창조과학부장관'
 */
export function spacingVariant(query: string, random: Random): string {
  const list = words(query)
  const long = list.map((w, i) => [w, i] as const).filter(([w]) => isHangulWord(w, 4))
  if (long.length > 0 && (list.length < 2 || random() < 0.5)) {
    const [word, i] = pick(long, random)
    const at = 2 + Math.floor(random() * (word.length - 3))
    list[i] = `${word.slice(0, at)} ${word.slice(at)}`
    return list.join(' ')
  }
  if (list.length < 2) return query
  const at = Math.floor(random() * (list.length - 1))
  return [...list.slice(0, at), list[at]! + list[at + 1]!, ...list.slice(at + 2)].join(' ')
}

/**
 * @example
 * noSpacesVariant('최양희 장관') // => '최양희장관'
 */
export const noSpacesVariant = (query: string): string => query.replace(/\s+/g, '')

/**
 * Typed with the keyboard left in English.
 * @example
 * wrongLayoutVariant('최양희 장관') // => 'chldidgml wkdrhks'
 */
export const wrongLayoutVariant = (query: string): string => hangulToQwerty(query)

/**
 * The last word with its last syllable only partly typed, as the IME shows it then: 벨라루스 →
 * 벨라룻 (ㅅ waits as a final), 장관 → 장ㄱ, 장고 or 장과.
 * @example
 * halfTypedVariant('최양희 장관', createRandom(4)) // => e.g. '최양희 장과'
 */
export function halfTypedVariant(query: string, random: Random): string {
  const list = words(query)
  const last = list[list.length - 1]
  if (last === undefined || !isHangulWord(last, 2)) return query
  const strokes = [...disassemble(last.slice(-1))]
  const kept = 1 + Math.floor(random() * (strokes.length - 1))
  list[list.length - 1] = assemble([last.slice(0, -1), ...strokes.slice(0, kept)])
  return list.join(' ')
}

/**
 * One word typed as its 초성 only.
 * @example
 * choseongVariant('최양희 벨라루스', createRandom(5)) // => e.g. '최양희 ㅂㄹㄹㅅ'
 */
export function choseongVariant(query: string, random: Random): string {
  return changeOneWord(query, random, (w) => isHangulWord(w, 2), (word) => getChoseong(word))
}

export const VARIANTS: Readonly<Record<VariantKind, (query: string, random: Random) => string>> = {
  typo: typoVariant,
  syllable: syllableVariant,
  spacing: spacingVariant,
  'no-spaces': noSpacesVariant,
  'wrong-layout': wrongLayoutVariant,
  'half-typed': halfTypedVariant,
  choseong: choseongVariant,
}
