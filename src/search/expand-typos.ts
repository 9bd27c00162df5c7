// Typo tolerance for a word the vocabulary does not know: words one jamo away (벨라루쓰 → 벨라루스,
// 테크노밸리 → 테크노벨리) — two for long words when nothing is one away — and a doubled or lost
// syllable (나주주 → 나주, 아간 → 아프간). Must not import runtime code.
import { EXPANSION_WEIGHTS, type Expansion } from './expansion.ts'
import { MAX_WALK_TERMS } from './limits.ts'
import { distanceOf, editDistanceWalker, insertionWalker } from './term-walkers.ts'
import type { Vocabulary } from './vocabulary.ts'

/** Words this long (in syllables) may be two jamo off; shorter ones one. */
const LONG_WORD = 4
/** Typed words this short are left alone: too many words are one jamo from a single syllable. */
const MIN_SYLLABLES = 2

/**
 * @example
 * typoExpansions(vocabulary, '벨라루쓰').map((e) => [e.term, e.weight]) // => [['벨라루스', 0.7]]
 */
export function typoExpansions(vocabulary: Vocabulary, stem: string): Expansion[] {
  // The spacing stage and the expansion stage ask about the same word: walk once per query.
  let memo = memos.get(vocabulary)
  if (!memo) memos.set(vocabulary, (memo = new Map()))
  let expansions = memo.get(stem)
  if (!expansions) memo.set(stem, (expansions = findTypos(vocabulary, stem)))
  return expansions
}

const memos = new WeakMap<Vocabulary, Map<string, Expansion[]>>()

function findTypos(vocabulary: Vocabulary, stem: string): Expansion[] {
  if (stem.length < MIN_SYLLABLES) return []
  const found = new Map<string, number>()
  const keep = (term: string, weight: number) => {
    if (term !== stem && term.length >= MIN_SYLLABLES && weight > (found.get(term) ?? 0)) found.set(term, weight)
  }
  const jamoWalk = (max: number) => vocabulary.walk('word', editDistanceWalker(stem, max), MAX_WALK_TERMS)
  for (const term of jamoWalk(1).keys()) keep(term, EXPANSION_WEIGHTS.typoNear)
  // Two jamo off only for long words with nothing nearer: the walk is wide, and short words have
  // dozens of neighbours at two.
  if (found.size === 0 && stem.length >= LONG_WORD) {
    for (const [term, row] of jamoWalk(2)) keep(term, distanceOf(row) <= 1 ? EXPANSION_WEIGHTS.typoNear : EXPANSION_WEIGHTS.typoFar)
  }
  // A doubled syllable: drop each in turn (나주주 → 나주). A lost one: insert one anywhere (아간 → 아프간).
  for (let at = 0; at < stem.length; at++) {
    const shorter = stem.slice(0, at) + stem.slice(at + 1)
    if (vocabulary.docFreq('word', shorter) > 0) keep(shorter, EXPANSION_WEIGHTS.typoFar)
  }
  for (let at = 0; at <= stem.length; at++) {
    for (const term of vocabulary.walk('word', insertionWalker(stem, at), MAX_WALK_TERMS).keys()) keep(term, EXPANSION_WEIGHTS.typoFar)
  }
  return [...found].map(([term, weight]) => ({ field: 'word', term, weight, kind: 'typo' }))
}
