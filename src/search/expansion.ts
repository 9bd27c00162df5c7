// An expansion: a vocabulary term that stands in for a query word the user did not type in full or
// typed wrong, scored with a weight below 1 so exact matches rank first. Must not import runtime code.
import type { Field } from '../index/fields.ts'

export type ExpansionKind = 'prefix' | 'choseong' | 'typo'

export interface Expansion {
  field: Field
  term: string
  weight: number
  kind: ExpansionKind
}

/** Weight of each kind of expansion, against 1 for the word as typed. */
export const EXPANSION_WEIGHTS = {
  /** 벨라ㄹ → 벨라루스: the user is on the way to this word. */
  prefix: 0.8,
  /** 출산 → 출산율: the word typed is a word already and may be finished. */
  prefixOfWord: 0.4,
  /** ㅂㄹㄹㅅ → 벨라루스: the 초성 say little about which word it is. */
  choseong: 0.7,
  /** 벨라루쓰 → 벨라루스: one jamo off. */
  typoNear: 0.7,
  /** Two jamo off, or a syllable doubled or lost (벨라라루스, 벨루스 → 벨라루스). */
  typoFar: 0.5,
} as const
