// Hangul letter helpers over es-hangul: jamo decomposition, 초성 strings and the English-keyboard
// slip (qpffk → 벨라). Pure functions; no runtime imports (they run in the Worker too).
import { canBeChoseong, convertQwertyToHangul, disassemble, getChoseong } from 'es-hangul'

const SYLLABLE = /^[가-힣]$/
// Compatibility jamo as an IME shows them before a syllable is complete: ㄱ (U+3131) … ㅎ (U+314E).
const LONE_CONSONANT = /^[ㄱ-ㅎ]$/
const LONE_VOWEL = /^[ㅏ-ㅣ]$/
const LATIN_ONLY = /^[A-Za-z\s]+$/

/** A complete Hangul syllable (가–힣). */
export const isSyllable = (ch: string): boolean => SYLLABLE.test(ch)

/** A consonant on its own, typed but not yet joined to a vowel (ㄹ, ㄽ). */
export const isLoneConsonant = (ch: string): boolean => LONE_CONSONANT.test(ch)

/** A vowel on its own (ㅏ, ㅘ). */
export const isLoneVowel = (ch: string): boolean => LONE_VOWEL.test(ch)

/**
 * The text as a jamo string, compound vowels and final clusters split, so a half-typed syllable is
 * a prefix of the finished word's string.
 * @example
 * toJamo('벨라루스') // => 'ㅂㅔㄹㄹㅏㄹㅜㅅㅡ'
 * toJamo('벨랄')     // => 'ㅂㅔㄹㄹㅏㄹ' (the ㄹ typed for 루 is still the final of 랄)
 */
export function toJamo(text: string): string {
  return perCharacter(text, JAMO_OF, disassemble)
}

/**
 * The 초성 of each syllable, one character per UTF-16 unit of `text`: other characters (Latin,
 * digits, lone jamo) stay as they are, so position i of the result belongs to position i of `text`.
 * @example
 * toChoseong('미래창조과학부') // => 'ㅁㄹㅊㅈㄱㅎㅂ'
 * toChoseong('ICT협력')        // => 'ICTㅎㄹ'
 */
export function toChoseong(text: string): string {
  return perCharacter(text, CHOSEONG_OF, (ch) => getChoseong(ch, { keepNonHangul: true }))
}

// Both conversions work character by character, and a dictionary of ~25k words has only ~2k
// distinct characters: converting each once makes building the suggester ~5× faster.
const JAMO_OF = new Map<string, string>()
const CHOSEONG_OF = new Map<string, string>()
const MAX_CACHED_CHARACTERS = 20_000

function perCharacter(text: string, cache: Map<string, string>, convert: (ch: string) => string): string {
  let out = ''
  for (const ch of text) {
    let converted = cache.get(ch)
    if (converted === undefined) {
      converted = convert(ch)
      if (cache.size < MAX_CACHED_CHARACTERS) cache.set(ch, converted)
    }
    out += converted
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
  return canBeChoseong(consonant) ? [consonant] : [...disassemble(consonant)]
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
  if (!LATIN_ONLY.test(text)) return null
  const hangul = convertQwertyToHangul(text)
  return [...hangul].some(isSyllable) ? hangul : null
}
