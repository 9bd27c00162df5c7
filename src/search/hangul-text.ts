// Hangul letter work for forgiving search, kept to a thin layer over es-hangul (no hand tables):
// jamo of a syllable, 초성, and QWERTY ↔ 두벌식 conversion. Must not import runtime code.
import { canBeChoseong, convertHangulToQwerty, convertQwertyToHangul, disassemble, getChoseong } from 'es-hangul'

const SYLLABLE = /^[\uAC00-\uD7A3]$/
/** Hangul compatibility jamo, what an IME shows mid-syllable: ㄹ, ㅏ, ㅘ. */
const COMPATIBILITY_JAMO = /^[\u3131-\u318E]$/

export const isSyllable = (unit: string): boolean => SYLLABLE.test(unit)
export const isCompatibilityJamo = (unit: string): boolean => COMPATIBILITY_JAMO.test(unit)

/**
 * A word as typed when it is all Hangul — syllables and the compatibility jamo an IME shows
 * mid-syllable — else null. The analyzer's NFKC turns ㄹ into a conjoining ᄅ; forgiving stages
 * need the letters as typed. Conjoining sequences still compose (NFC).
 * @example
 * typedHangul('벨라ㄹ') // => '벨라ㄹ'
 * typedHangul('ICT')   // => null
 */
export function typedHangul(text: string): string | null {
  const typed = text.normalize('NFC')
  for (const unit of typed) if (!isSyllable(unit) && !isCompatibilityJamo(unit)) return null
  return typed.length > 0 ? typed : null
}

const jamoCache = new Map<string, string>()

/**
 * The jamo of one unit, compound vowels and finals split the way they are typed; other units stay.
 * @example
 * unitJamo('벨') // => 'ㅂㅔㄹ'
 * unitJamo('과') // => 'ㄱㅗㅏ' (ㅘ = ㅗ + ㅏ on the keyboard)
 * unitJamo('ㄺ') // => 'ㄹㄱ'
 */
export function unitJamo(unit: string): string {
  // Only Hangul is remembered (a finite set: 11,172 syllables and the jamo), so a stream of odd
  // query characters cannot grow the cache.
  if (!isSyllable(unit) && !isCompatibilityJamo(unit)) return unit
  let jamo = jamoCache.get(unit)
  if (jamo === undefined) jamoCache.set(unit, (jamo = disassemble(unit)))
  return jamo
}

/**
 * @example
 * toJamo('벨라ㄹ') // => 'ㅂㅔㄹㄹㅏㄹ'
 */
export function toJamo(text: string): string {
  let out = ''
  for (const unit of text) out += unitJamo(unit)
  return out
}

/**
 * The 초성 of a syllable, or null for anything else.
 * @example
 * choseongOf('벨') // => 'ㅂ'
 */
export function choseongOf(unit: string): string | null {
  // Walks ask for every unit of the dictionary: remember the answer (at most 11,172 syllables).
  if (!isSyllable(unit)) return null
  let choseong = choseongCache.get(unit)
  if (choseong === undefined) choseongCache.set(unit, (choseong = getChoseong(unit)))
  return choseong
}

const choseongCache = new Map<string, string>()

/**
 * A word typed as 초성 only (two or more initial consonants).
 * @example
 * isChoseongWord('ㅂㄹㄹㅅ') // => true
 * isChoseongWord('벨라ㄹ')   // => false
 */
export function isChoseongWord(text: string): boolean {
  return text.length >= 2 && [...text].every((unit) => canBeChoseong(unit))
}

/**
 * Letters typed on a QWERTY keyboard read as 두벌식 Hangul, or null when es-hangul cannot compose
 * them (2.4.0 throws on a vowel pair with nothing before it: hkd = ㅗㅏㅇ).
 * @example
 * qwertyToHangul('qpffkfntm') // => '벨라루스'
 * qwertyToHangul('hkd')       // => null
 */
export function qwertyToHangul(latin: string): string | null {
  try {
    return convertQwertyToHangul(latin)
  } catch {
    return null
  }
}

/**
 * Hangul as the QWERTY keys that type it (for the eval's wrong-layout variants).
 * @example
 * hangulToQwerty('벨라루스') // => 'qpffkfntm'
 */
export const hangulToQwerty = (text: string): string => convertHangulToQwerty(text)
