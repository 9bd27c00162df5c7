import { describe, expect, it } from 'vitest'
import { vocabularyOf } from '../../test/helpers/vocabulary.ts'
import { choseongWalker, distanceOf, editDistanceWalker, insertionWalker, jamoPrefixWalker } from './term-walkers.ts'

const vocabulary = vocabularyOf({ 벨라: 1, 벨라루스: 16, 벨라루스어: 1, 벨트: 2, 과학: 9, 고향: 3, 장관: 51, 장고: 1, 닭: 1, 달: 4, 아프간: 3, 테크노벨리: 1 })
const terms = (walker: Parameters<typeof vocabulary.walk>[1]) => [...vocabulary.walk('word', walker, 100).keys()].sort()

describe('jamoPrefixWalker: the half-typed last syllable', () => {
  it.each([
    ['벨랄', ['벨라루스', '벨라루스어']], // ㄹ typed as the final of 라 is the next syllable's 초성
    ['벨라ㄹ', ['벨라루스', '벨라루스어']], // the IME shows ㄹ alone
    ['벨라루', ['벨라루스', '벨라루스어']],
    ['고', ['고향', '과학']], // ㅘ is typed ㅗ then ㅏ
    ['달', ['달', '닭']], // ㄺ is typed ㄹ then ㄱ
    ['장고', ['장고', '장관']],
    ['벨ㅌ', ['벨트']],
  ])('%s → %j', (typed, expected) => {
    expect(terms(jamoPrefixWalker(typed))).toEqual(expected)
  })
})

describe('choseongWalker', () => {
  it.each([
    ['ㅂㄹㄹㅅ', ['벨라루스']],
    ['ㅈㄱ', ['장고', '장관']],
    ['ㅂㄹ', ['벨라']], // exact length: not 벨라루스
  ])('%s → %j', (pattern, expected) => {
    expect(terms(choseongWalker(pattern))).toEqual(expected)
  })
})

describe('editDistanceWalker', () => {
  it.each([
    ['벨라루쓰', 1, ['벨라루스']], // ㅆ for ㅅ
    ['테크노밸리', 1, ['테크노벨리']], // ㅐ for ㅔ
    ['벨라루', 1, []], // three jamo short
    ['벨라스', 2, ['벨라', '벨라루스']], // ㄹ and ㅜ left out; ㅅ and ㅡ added
  ])('%s within %i jamo → %j', (typed, max, expected) => {
    expect(terms(editDistanceWalker(typed, max))).toEqual(expected)
  })

  it('reports the distance in the state', () => {
    const found = vocabulary.walk('word', editDistanceWalker('벨라루쓰', 2), 10)
    expect(distanceOf(found.get('벨라루스')!)).toBe(1)
  })
})

describe('insertionWalker: a syllable left out', () => {
  it.each([
    ['아간', 1, ['아프간']],
    ['아간', 0, []],
    ['라루스', 0, ['벨라루스']],
  ])('%s with one unit at %i → %j', (typed, at, expected) => {
    expect(terms(insertionWalker(typed, at))).toEqual(expected)
  })
})
