// Facts about one word of an analysed query that the forgiving stages share: its letters as typed,
// whether the vocabulary knows it, whether it is free (not in a phrase) and still being typed.
// Must not import runtime code.
import { stripSuffix } from '../analysis/filters/stems.ts'
import { normalize } from '../analysis/normalize.ts'
import { fieldKey, WHOLE_WORD_FIELDS } from '../index/fields.ts'
import { typedHangul } from './hangul-text.ts'
import { MAX_FORGIVEN_WORDS } from './limits.ts'
import type { ParsedQuery } from './operators/parse-query.ts'
import { sentencesWithAllWords } from './operators/phrase-match.ts'
import type { QueryWord } from './query.ts'
import type { Vocabulary } from './vocabulary.ts'

/**
 * The word as typed: 벨라ㄹ keeps its compatibility ㄹ (the analyzer's NFKC makes it a conjoining ᄅ,
 * which no jamo comparison would match). Non-Hangul words keep the analyzer's form.
 * @example
 * typedForm(analyzeQuery('벨라ㄹ', analyzer).words[0]) // => '벨라ㄹ'
 */
export function typedForm(word: QueryWord): string {
  return formsOf(word).typed
}

/**
 * The word's stem as typed (벨라루스를 → 벨라루스), or for a non-Hangul word its first word term.
 * Computed on first use: stripping a particle looks words up, and most words never need it.
 * @example
 * typedStem(analyzeQuery('벨라루스를', analyzer).words[0]) // => '벨라루스'
 */
export function typedStem(word: QueryWord): string | undefined {
  const forms = formsOf(word)
  if (forms.stem === null) forms.stem = forms.hangul ? (stripSuffix(forms.typed) ?? forms.typed) : word.terms.word[0]
  return forms.stem
}

function formsOf(word: QueryWord): TypedForms {
  let forms = typedFormsOf.get(word)
  if (forms === undefined) {
    const hangul = typedHangul(word.text)
    forms = hangul === null ? { typed: normalize(word.text).text, hangul: false, stem: null } : { typed: hangul, hangul: true, stem: null }
    typedFormsOf.set(word, forms)
  }
  return forms
}

interface TypedForms {
  typed: string
  hangul: boolean
  /** null until asked. */
  stem: string | undefined | null
}

/** Every stage asks for a word's typed forms: once per word. */
const typedFormsOf = new WeakMap<QueryWord, TypedForms>()

/** The vocabulary holds the word as typed (its stem, Latin or Han terms). */
export function isKnown(word: QueryWord, vocabulary: Vocabulary): boolean {
  return WHOLE_WORD_FIELDS.some((f) => word.terms[f].some((t) => vocabulary.docFreq(f, t) > 0))
}

/** Outside every "phrase": only free words are forgiven. */
export const isFreeWord = (word: QueryWord, parsed: ParsedQuery): boolean => !parsed.phrases.some((p) => word.start >= p.start && word.end <= p.end)

/**
 * Whether the i-th of `count` words is forgiven: the first MAX_FORGIVEN_WORDS - 1 and the last (a
 * 200-character query of unknown words must not cost 200 dictionary walks).
 */
export const isForgiven = (i: number, count: number): boolean => i < MAX_FORGIVEN_WORDS - 1 || i === count - 1

/** The last free word with nothing typed after it: it may still be half-typed. */
export const isOpen = (word: QueryWord, parsed: ParsedQuery, text: string): boolean => parsed.lastWordOpen && word.end === text.length

/** Some sentence holds every syllable bigram of `stem`: it is written, inside a longer word. */
export function occursInsideWords(stem: string, vocabulary: Vocabulary): boolean {
  const bigrams: Array<Set<string>> = []
  for (let i = 0; i + 1 < stem.length; i++) bigrams.push(new Set([fieldKey('bigram', stem.slice(i, i + 2))]))
  return bigrams.length > 0 && sentencesWithAllWords(vocabulary, bigrams).size > 0
}
