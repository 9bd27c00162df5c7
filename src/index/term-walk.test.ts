import { describe, expect, it } from 'vitest'
import type { Article } from '../types.ts'
import { buildSearchIndex } from './search-index.ts'
import { walkSortedTerms } from './term-walk.ts'
import type { TermWalker } from './term-source.ts'

/** Accepts terms that start with `prefix` (optionally declared, so tiers may jump to it). */
const startsWith = (prefix: string, declare: boolean): TermWalker<number> => ({
  start: 0,
  ...(declare ? { prefix } : {}),
  step: (at, unit) => (at >= prefix.length ? at : unit === prefix.charCodeAt(at) ? at + 1 : null),
  accept: (at) => at >= prefix.length,
})

/** Accepts terms of exactly `length` units. */
const ofLength = (length: number): TermWalker<number> => ({
  start: 0,
  step: (n) => (n < length ? n + 1 : null),
  accept: (n) => n === length,
})

const TERMS = ['벨라', '벨트', '벨라루스', '벨라루스어', '장관', '장관급', '최양희'].sort()

describe('walkSortedTerms', () => {
  it.each([
    ['벨라', false, ['벨라', '벨라루스', '벨라루스어']],
    ['벨라', true, ['벨라', '벨라루스', '벨라루스어']],
    ['장관급', true, ['장관급']],
    ['없음', true, []],
  ] as const)('prefix %s (declared: %s)', (prefix, declare, expected) => {
    expect(walkSortedTerms(TERMS, startsWith(prefix, declare), 10).map(([t]) => t)).toEqual(expected)
  })

  it('skips a rejected prefix and keeps the states of a shared one', () => {
    expect(walkSortedTerms(TERMS, ofLength(2), 10).map(([t]) => t)).toEqual(['벨라', '벨트', '장관'])
    expect(walkSortedTerms(TERMS, ofLength(3), 10).map(([t]) => t)).toEqual(['장관급', '최양희'])
  })

  it('stops at the limit', () => {
    expect(walkSortedTerms(TERMS, ofLength(3), 2)).toHaveLength(2)
  })
})

describe('MiniSearch walkTerms agrees with the sorted-list walk', () => {
  const text = TERMS.join(' ')
  const article: Article = { id: 'a', title: 't', outlet: null, byline: null, published_at: null, section: null, url: null, body: text }
  const index = buildSearchIndex([{ article, sentences: [{ id: 'a:0', article: 'a', n: 0, text, start: 0 }] }])
  const source = index.sources[0]!
  const sortedWalk = (walker: TermWalker<number>) => walkSortedTerms(TERMS, walker, 100).map(([t]) => t)
  const treeWalk = (walker: TermWalker<number>) => source.walkTerms('word', walker, 100).map(([t]) => t).sort()

  it.each(['벨', '벨라', '벨라루스', '장', '최양희', '가'])('prefix %s', (prefix) => {
    expect(treeWalk(startsWith(prefix, true))).toEqual(sortedWalk(startsWith(prefix, true)))
    expect(treeWalk(startsWith(prefix, false))).toEqual(sortedWalk(startsWith(prefix, false)))
  })

  it('reads only the asked field: bigrams such as 루스 are not words', () => {
    expect(treeWalk(ofLength(2))).toEqual(['벨라', '벨트', '장관'])
  })
})
