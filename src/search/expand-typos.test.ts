import { describe, expect, it } from 'vitest'
import { vocabularyOf } from '../../test/helpers/vocabulary.ts'
import { EXPANSION_WEIGHTS } from './expansion.ts'
import { typoExpansions } from './expand-typos.ts'

const vocabulary = vocabularyOf({ 벨라루스: 16, 테크노벨리: 1, 나주: 3, 아프간: 3, 장관: 51, 정관: 2, 아마디네자드: 3 })
const typos = (stem: string) => Object.fromEntries(typoExpansions(vocabulary, stem).map((e) => [e.term, e.weight]))

describe('typoExpansions', () => {
  it.each([
    ['벨라루쓰', { 벨라루스: EXPANSION_WEIGHTS.typoNear }], // ㅆ for ㅅ
    ['테크노밸리', { 테크노벨리: EXPANSION_WEIGHTS.typoNear }], // ㅐ for ㅔ
    ['장곽', { 장관: EXPANSION_WEIGHTS.typoNear }], // ㄱ for ㄴ (정관 is two off)
    ['아마디내쟈드', { 아마디네자드: EXPANSION_WEIGHTS.typoFar }], // two off, in a long word
    ['나주주', { 나주: EXPANSION_WEIGHTS.typoFar }], // a doubled syllable
    ['아간', { 아프간: EXPANSION_WEIGHTS.typoFar }], // a lost syllable
    ['벨루스', { 벨라루스: EXPANSION_WEIGHTS.typoFar }],
  ])('%s → %j', (stem, expected) => {
    expect(typos(stem)).toEqual(expected)
  })

  it('leaves one-syllable words and the word itself alone', () => {
    expect(typos('장')).toEqual({})
    expect(typos('벨라루스')).toEqual({})
    expect(typoExpansions(vocabularyOf({ 작: 9 }), '자가')).toEqual([]) // 작 is one jamo from 자가
  })

  it('looks two jamo away only when nothing is one away: 장곽 does not bring 정관', () => {
    expect(typos('장곽')).not.toHaveProperty('정관')
  })
})
