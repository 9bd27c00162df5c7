// Hangul letter work for forgiving search and the suggester, a thin layer over es-hangul (no hand
// tables): jamo of a syllable, 초성, and QWERTY ↔ 두벌식 conversion. Must not import runtime code.
import { canBeChoseong, convertHangulToQwerty, convertQwertyToHangul, disassemble, getChoseong } from 'es-hangul'

const FIRST_SYLLABLE = 0xac00
const LAST_SYLLABLE = 0xd7a3
const FIRST_COMPATIBILITY_JAMO = 0x3131
const LAST_COMPATIBILITY_JAMO = 0x318e

/** One Hangul syllable (가–힣): a single unit in U+AC00–U+D7A3. */
export const isSyllable = (unit: string): boolean => unit.length === 1 && unit.charCodeAt(0) >= FIRST_SYLLABLE && unit.charCodeAt(0) <= LAST_SYLLABLE
/** Hangul compatibility jamo, what an IME shows mid-syllable: ㄹ, ㅏ, ㅘ (U+3131–U+318E). */
export const isCompatibilityJamo = (unit: string): boolean =>
  unit.length === 1 && unit.charCodeAt(0) >= FIRST_COMPATIBILITY_JAMO && unit.charCodeAt(0) <= LAST_COMPATIBILITY_JAMO
/** A consonant typed but not yet joined to a vowel: ㄱ (U+3131) … ㅎ (U+314E), clusters like ㄽ included. */
export const isLoneConsonant = (unit: string): boolean => /^[ㄱ-ㅎ]$/.test(unit)
/** A vowel on its own: ㅏ (U+314F) … ㅣ (U+3163), ㅘ included. */
export const isLoneVowel = (unit: string): boolean => /^[ㅏ-ㅣ]$/.test(unit)

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

const isHangulCode = (code: number): boolean =>
  (code >= FIRST_SYLLABLE && code <= LAST_SYLLABLE) || (code >= FIRST_COMPATIBILITY_JAMO && code <= LAST_COMPATIBILITY_JAMO)

/**
 * Jamo per Hangul unit, filled on first use: a finite set (11,172 syllables and the compatibility
 * jamo), so a stream of odd query characters cannot grow it. Indexed by code − FIRST_COMPATIBILITY_JAMO.
 */
const jamoStrings: Array<string | undefined> = new Array(LAST_SYLLABLE - FIRST_COMPATIBILITY_JAMO + 1)
const jamoCodeLists: Array<readonly number[] | undefined> = new Array(LAST_SYLLABLE - FIRST_COMPATIBILITY_JAMO + 1)

/**
 * The jamo of one unit, compound vowels and finals split the way they are typed; other units stay.
 * @example
 * unitJamo('벨') // => 'ㅂㅔㄹ'
 * unitJamo('과') // => 'ㄱㅗㅏ' (ㅘ = ㅗ + ㅏ on the keyboard)
 * unitJamo('ㄺ') // => 'ㄹㄱ'
 */
export function unitJamo(unit: string): string {
  const code = unit.length === 1 ? unit.charCodeAt(0) : -1
  if (!isHangulCode(code)) return unit
  const at = code - FIRST_COMPATIBILITY_JAMO
  return (jamoStrings[at] ??= disassemble(unit))
}

/**
 * unitJamo for a UTF-16 unit, as char codes (what dictionary walks step through), or null when
 * the unit is not Hangul (it is its own symbol).
 * @example
 * jamoCodesOf(0xbca8) // => [0x3142, 0x3154, 0x3139] (벨 → ㅂㅔㄹ)
 */
export function jamoCodesOf(code: number): readonly number[] | null {
  if (!isHangulCode(code)) return null
  const at = code - FIRST_COMPATIBILITY_JAMO
  return (jamoCodeLists[at] ??= Array.from(unitJamo(String.fromCharCode(code)), (jamo) => jamo.charCodeAt(0)))
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
  const code = unit.length === 1 ? choseongCodeOf(unit.charCodeAt(0)) : -1
  return code < 0 ? null : String.fromCharCode(code)
}

/** 초성 per syllable (code − FIRST_SYLLABLE), filled on first use: walks ask for every unit of the dictionary. */
const choseongCodes = new Int32Array(LAST_SYLLABLE - FIRST_SYLLABLE + 1).fill(-1)

/**
 * choseongOf for a UTF-16 unit, as a char code, or −1 for anything but a syllable.
 * @example
 * choseongCodeOf(0xbca8) // => 0x3142 (벨 → ㅂ)
 */
export function choseongCodeOf(code: number): number {
  if (code < FIRST_SYLLABLE || code > LAST_SYLLABLE) return -1
  const at = code - FIRST_SYLLABLE
  if (choseongCodes[at] === -1) choseongCodes[at] = getChoseong(String.fromCharCode(code)).charCodeAt(0)
  return choseongCodes[at]!
}

/**
 * The 초성 of each syllable, one unit per UTF-16 unit of `text`: other units (Latin, digits, lone
 * jamo) stay, so position i of the result belongs to position i of `text`.
 * @example
 * toChoseong('미래창조과학부') // => 'ㅁㄹㅊㅈㄱㅎㅂ'
 * toChoseong('ICT협력')        // => 'ICTㅎㄹ'
 */
export function toChoseong(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const initial = choseongCodeOf(code)
    out += String.fromCharCode(initial < 0 ? code : initial)
  }
  return out
}

/**
 * Lone consonants spelled as initials: a cluster an IME made of two typed consonants comes apart.
 * @example
 * spellInitials('ㄽ') // => ['ㄹ', 'ㅅ'] (ㄹ then ㅅ typed with no vowel between)
 * spellInitials('ㄲ') // => ['ㄲ'] (a double consonant is itself an initial)
 */
export function spellInitials(consonant: string): string[] {
  return canBeChoseong(consonant) ? [consonant] : [...unitJamo(consonant)]
}

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
 * What Latin letters typed on a 2-beolsik keyboard left in English mode were meant to be, or null
 * when the text has other characters or converts to no complete syllable (rt → ㄱㅅ is no word).
 * @example
 * fromQwerty('qpffkfntm') // => '벨라루스'
 * fromQwerty('dlTek')     // => '있다' (Shift+T is ㅆ)
 * fromQwerty('ICT')       // => null (ㅑㅊㅅ has no syllable)
 */
export function fromQwerty(text: string): string | null {
  if (!/^[A-Za-z\s]+$/.test(text)) return null
  const hangul = qwertyToHangul(text)
  return hangul !== null && [...hangul].some(isSyllable) ? hangul : null
}

/**
 * Hangul as the QWERTY keys that type it (for the eval's wrong-layout variants).
 * @example
 * hangulToQwerty('벨라루스') // => 'qpffkfntm'
 */
export const hangulToQwerty = (text: string): string => convertHangulToQwerty(text)
