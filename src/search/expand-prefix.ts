// Completions of the word being typed, matched on jamo so a half-typed last syllable works:
// 벨라ㄹ / 벨랄 → 벨라루스, 장고 → 장관 (ㅘ is typed ㅗ then ㅏ). Must not import runtime code.
import type { Field } from '../index/fields.ts'
import { EXPANSION_WEIGHTS, type Expansion } from './expansion.ts'
import { toJamo } from './hangul-text.ts'
import { MAX_WALK_TERMS } from './limits.ts'
import { jamoPrefixWalker } from './term-walkers.ts'
import type { Vocabulary } from './vocabulary.ts'

/**
 * Shortest word completed, in jamo or letters: three jamo (벨ㄹ, 샃 = 사 + a ㅊ that may start the next
 * syllable; a bare 사 is too open), three Latin letters.
 */
const MIN_TYPED = 3

/**
 * @example
 * prefixExpansions(vocabulary, 'word', '벨라ㄹ').map((e) => e.term) // => ['벨라루스']
 */
export function prefixExpansions(vocabulary: Vocabulary, field: Field, typed: string): Expansion[] {
  if (toJamo(typed).length < MIN_TYPED) return []
  const out: Expansion[] = []
  for (const term of vocabulary.walk(field, jamoPrefixWalker(typed), MAX_WALK_TERMS).keys()) {
    if (term !== typed) out.push({ field, term, weight: EXPANSION_WEIGHTS.prefix, kind: 'prefix' })
  }
  return out
}
