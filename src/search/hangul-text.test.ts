import { describe, expect, it } from 'vitest'
import { choseongOf, hangulToQwerty, isChoseongWord, qwertyToHangul, toJamo, unitJamo } from './hangul-text.ts'

describe('hangul-text', () => {
  it.each([
    ['벨', 'ㅂㅔㄹ'],
    ['과', 'ㄱㅗㅏ'], // compound vowel split as typed
    ['닭', 'ㄷㅏㄹㄱ'], // compound final split
    ['쓰', 'ㅆㅡ'], // a double consonant is one key (with shift)
    ['ㄺ', 'ㄹㄱ'],
    ['a', 'a'],
  ])('unitJamo(%s) = %s', (unit, jamo) => {
    expect(unitJamo(unit)).toBe(jamo)
  })

  it('toJamo makes half-typed and complete forms comparable: 벨랄 and 벨라ㄹ both start 벨라루스', () => {
    expect(toJamo('벨랄')).toBe('ㅂㅔㄹㄹㅏㄹ')
    expect(toJamo('벨라ㄹ')).toBe('ㅂㅔㄹㄹㅏㄹ')
    expect(toJamo('벨라루스').startsWith(toJamo('벨랄'))).toBe(true)
  })

  it.each([
    ['ㅂㄹㄹㅅ', true],
    ['ㄲㅉ', true],
    ['ㅂ', false], // one consonant is too little to expand
    ['벨ㄹ', false],
    ['ㅏㅂ', false], // a vowel is no 초성
  ])('isChoseongWord(%s) = %s', (word, yes) => {
    expect(isChoseongWord(word)).toBe(yes)
  })

  it('reads 초성 and converts keyboard layouts both ways', () => {
    expect(choseongOf('벨')).toBe('ㅂ')
    expect(choseongOf('a')).toBeNull()
    expect(qwertyToHangul('qpffkfntm')).toBe('벨라루스')
    expect(qwertyToHangul('dkwnrudwp')).toBe('아주경제')
    expect(qwertyToHangul('hkd')).toBeNull() // es-hangul throws on ㅗㅏㅇ; a query must not
    expect(hangulToQwerty('최양희 장관')).toBe('chldidgml wkdrhks')
  })
})
