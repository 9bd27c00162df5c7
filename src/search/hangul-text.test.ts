import { describe, expect, it } from 'vitest'
import {
  choseongOf,
  fromQwerty,
  hangulToQwerty,
  isChoseongWord,
  isLoneConsonant,
  isLoneVowel,
  isSyllable,
  qwertyToHangul,
  spellInitials,
  toChoseong,
  toJamo,
  unitJamo,
} from './hangul-text.ts'

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

describe('toJamo', () => {
  it.each([
    ['벨라루스', 'ㅂㅔㄹㄹㅏㄹㅜㅅㅡ'],
    ['벨랄', 'ㅂㅔㄹㄹㅏㄹ'], // half-typed 벨라루: the ㄹ is still 랄's final
    ['벨라ㄹ', 'ㅂㅔㄹㄹㅏㄹ'], // the same keystrokes, shown unjoined
    ['과학', 'ㄱㅗㅏㅎㅏㄱ'], // compound vowel ㅘ → ㅗㅏ, so 고 is a prefix of 과
    ['값', 'ㄱㅏㅂㅅ'], // final cluster ㅄ → ㅂㅅ
    ['ICT협력', 'ICTㅎㅕㅂㄹㅕㄱ'],
  ])('%s → %s', (text, jamo) => {
    expect(toJamo(text)).toBe(jamo)
  })

  it('makes every keystroke state of a word a prefix of the word', () => {
    const word = toJamo('미래창조과학부')
    for (const typed of ['ㅁ', '미', '밀', '미래', '미랯', '미래차', '미래창', '미래창조고', '미래창조과']) {
      expect(word.startsWith(toJamo(typed)), typed).toBe(true)
    }
  })
})

describe('toChoseong', () => {
  it.each([
    ['미래창조과학부', 'ㅁㄹㅊㅈㄱㅎㅂ'],
    ['벨라루스', 'ㅂㄹㄹㅅ'],
    ['ICT협력', 'ICTㅎㄹ'], // Latin kept in place
    ['ㅂㄹ루스', 'ㅂㄹㄹㅅ'], // lone jamo kept
    ['2015년', '2015ㄴ'],
  ])('%s → %s', (text, initials) => {
    expect(toChoseong(text)).toBe(initials)
    expect(toChoseong(text)).toHaveLength(text.length) // position i belongs to character i
  })
})

describe('letter classes', () => {
  it.each([
    ['가', true, false, false],
    ['힣', true, false, false],
    ['ㄹ', false, true, false],
    ['ㄽ', false, true, false],
    ['ㅏ', false, false, true],
    ['ㅘ', false, false, true],
    ['a', false, false, false],
    ['ᄅ', false, false, false], // conjoining jamo (U+1105) is not what an IME shows
  ])('%s: syllable %s, lone consonant %s, lone vowel %s', (ch, syllable, consonant, vowel) => {
    expect([isSyllable(ch), isLoneConsonant(ch), isLoneVowel(ch)]).toEqual([syllable, consonant, vowel])
  })
})

describe('spellInitials', () => {
  it.each([
    ['ㄹ', ['ㄹ']],
    ['ㄲ', ['ㄲ']], // a double consonant is itself an initial
    ['ㄽ', ['ㄹ', 'ㅅ']], // ㄹ then ㅅ typed with no vowel: the IME joined them
    ['ㄳ', ['ㄱ', 'ㅅ']],
  ])('%s → %j', (consonant, initials) => {
    expect(spellInitials(consonant)).toEqual(initials)
  })
})

describe('fromQwerty', () => {
  it.each([
    ['qpffkfntm', '벨라루스'],
    ['qpffk', '벨라'],
    ['qpffkf', '벨랄'], // half-typed, like 벨라ㄹ
    ['dlTek', '있다'], // Shift+T is ㅆ
    ['chl didgml', '최 양희'],
    ['rt', null], // ㄱㅅ: no syllable, no word
    ['ICT', null],
    ['벨라', null], // already Hangul
    ['abc1', null], // digits are not keys of a syllable
  ])('%s → %s', (latin, hangul) => {
    expect(fromQwerty(latin)).toBe(hangul)
  })
})
