// Which index field each token kind lives in, and the field boosts. Only the stem of an eojeol is
// indexed as a word: 벨라루스를 → 벨라루스. Its surface form would add a rarely-queried term per
// inflected form (heap), and the stem already carries the whole eojeol when nothing was stripped.
import type { TokenKind } from '../types.ts'

export type Field = 'word' | 'bigram' | 'latin' | 'hanja'

export const FIELDS: readonly Field[] = ['word', 'bigram', 'latin', 'hanja']

/** Fields whose terms stand for a whole word; a bigram is only part of one. */
export const WHOLE_WORD_FIELDS: readonly Field[] = ['word', 'latin', 'hanja']

export const FIELD_OF_KIND: Readonly<Record<TokenKind, Field | null>> = {
  surface: null,
  stem: 'word',
  part: 'word',
  bigram: 'bigram',
  latin: 'latin',
  hanja: 'hanja',
}

/** Relative weight of a match in each field: whole words beat bigram overlap. */
export const FIELD_BOOSTS: Readonly<Record<Field, number>> = {
  word: 2,
  bigram: 2,
  latin: 3,
  hanja: 2,
}

/** One string for a term of a field, for sets and maps that mix fields: `word:벨라루스`, `latin:ict`. */
export const fieldKey = (field: Field, term: string): string => `${field}:${term}`

export function splitFieldKey(key: string): [Field, string] {
  const colon = key.indexOf(':')
  return [key.slice(0, colon) as Field, key.slice(colon + 1)]
}
