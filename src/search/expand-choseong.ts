// 초성 search: a word typed as initial consonants only (ㅂㄹㄹㅅ) stands for the vocabulary words
// with those 초성 (벨라루스). Must not import runtime code.
import { EXPANSION_WEIGHTS, type Expansion } from './expansion.ts'
import { MAX_WALK_TERMS } from './limits.ts'
import { choseongWalker } from './term-walkers.ts'
import type { Vocabulary } from './vocabulary.ts'

/**
 * @example
 * choseongExpansions(vocabulary, 'ㅂㄹㄹㅅ').map((e) => e.term) // => ['벨라루스']
 */
export function choseongExpansions(vocabulary: Vocabulary, pattern: string): Expansion[] {
  return [...vocabulary.walk('word', choseongWalker(pattern), MAX_WALK_TERMS).keys()].map((term) => ({
    field: 'word' as const,
    term,
    weight: EXPANSION_WEIGHTS.choseong,
    kind: 'choseong' as const,
  }))
}
