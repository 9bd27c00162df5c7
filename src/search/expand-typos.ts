// Typo tolerance for a word the vocabulary does not know: words one jamo away (벨라루쓰 → 벨라루스,
// 테크노밸리 → 테크노벨리) — two for long words when nothing is one away — and a doubled or lost
// syllable (나주주 → 나주, 아간 → 아프간). Must not import runtime code.
import { EXPANSION_WEIGHTS, type Expansion } from './expansion.ts'
import { MAX_TYPO_SYLLABLES, MAX_WALK_TERMS } from './limits.ts'
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
  const near = nearSpellings(vocabulary, stem)
  const far = near.length === 0 && stem.length >= LONG_WORD ? twoJamoOff(vocabulary, stem) : []
  const found = new Map<string, Expansion>()
  for (const e of [...near, ...far, ...syllableSlips(vocabulary, stem)]) {
    if ((found.get(e.term)?.weight ?? 0) < e.weight) found.set(e.term, e)
  }
  return [...found.values()]
}

/**
 * Words one jamo from `stem`.
 * @example
 * nearSpellings(vocabulary, '테크노밸리').map((e) => e.term) // => ['테크노벨리']
 */
export const nearSpellings = (vocabulary: Vocabulary, stem: string): Expansion[] =>
  memo(vocabulary, `near:${stem}`, () => jamoWalk(vocabulary, stem, 1))

/**
 * Words `stem` is with one syllable doubled or lost.
 * @example
 * syllableSlips(vocabulary, '나주주').map((e) => e.term) // => ['나주']
 */
export const syllableSlips = (vocabulary: Vocabulary, stem: string): Expansion[] =>
  memo(vocabulary, `slip:${stem}`, () => {
    if (stem.length < MIN_SYLLABLES || stem.length > MAX_TYPO_SYLLABLES) return []
    const terms = new Set<string>()
    // A doubled syllable: drop each in turn. A lost one: insert one anywhere.
    for (let at = 0; at < stem.length; at++) {
      const shorter = stem.slice(0, at) + stem.slice(at + 1)
      if (shorter.length >= MIN_SYLLABLES && vocabulary.has('word', shorter)) terms.add(shorter)
    }
    for (let at = 0; at <= stem.length; at++) {
      for (const term of vocabulary.walk('word', insertionWalker(stem, at), MAX_WALK_TERMS).keys()) terms.add(term)
    }
    return [...terms].map((term) => typo(term, EXPANSION_WEIGHTS.typoFar))
  })

/** Two jamo off: a wide walk, so only for long words (short ones have dozens of such neighbours). */
const twoJamoOff = (vocabulary: Vocabulary, stem: string): Expansion[] => memo(vocabulary, `far:${stem}`, () => jamoWalk(vocabulary, stem, 2))

function jamoWalk(vocabulary: Vocabulary, stem: string, max: number): Expansion[] {
  if (stem.length < MIN_SYLLABLES || stem.length > MAX_TYPO_SYLLABLES) return []
  const out: Expansion[] = []
  for (const [term, row] of vocabulary.walk('word', editDistanceWalker(stem, max), MAX_WALK_TERMS)) {
    // One-syllable words are too easily one jamo off (작 from 자가): leave them out.
    if (term !== stem && term.length >= MIN_SYLLABLES) out.push(typo(term, distanceOf(row) <= 1 ? EXPANSION_WEIGHTS.typoNear : EXPANSION_WEIGHTS.typoFar))
  }
  return out
}

const typo = (term: string, weight: number): Expansion => ({ field: 'word', term, weight, kind: 'typo' })

// The spacing and expansion stages ask about the same words: each walk runs once per query (the
// vocabulary object lives for one query).
const memos = new WeakMap<Vocabulary, Map<string, Expansion[]>>()
function memo(vocabulary: Vocabulary, key: string, find: () => Expansion[]): Expansion[] {
  let cache = memos.get(vocabulary)
  if (!cache) memos.set(vocabulary, (cache = new Map()))
  let found = cache.get(key)
  if (!found) cache.set(key, (found = find()))
  return found
}
