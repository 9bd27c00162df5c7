import { describe, expect, it } from 'vitest'
import type { EojeolAnalysis } from '../filters/stems.ts'
import { applyStemRules, fromLetters, learnStemRules, toLetters } from './stem-rules.ts'

const lexicon = (pairs: Array<[string, string]>) => new Map<string, EojeolAnalysis>(pairs.map(([e, stem]) => [e, { stem, parts: [] }]))

describe('letters', () => {
  it.each([
    ['추웠다', 'ㅊㅜㅇㅝㅆㄷㅏ'], // each syllable as initial, vowel and final
    ['춥', 'ㅊㅜㅂ'],
    ['했다', 'ㅎㅐㅆㄷㅏ'],
    ['닭을', 'ㄷㅏㄺㅇㅡㄹ'], // a final cluster is one letter
    ['ICT', 'ICT'], // not Hangul: unchanged
  ])('%s ↔ %s', (text, letters) => {
    expect(toLetters(text)).toBe(letters)
    expect(fromLetters(letters)).toBe(text)
  })

  it.each(['ㅎㅐㅆㅅ', 'ㅏ'])('makes no syllables of %s', (letters) => {
    expect(fromLetters(letters)).toBeNull()
  })
})

describe('stem rules learnt from the lexicon', () => {
  const rules = learnStemRules(
    lexicon([
      ['추웠다', '춥'], // ㅂ-irregular: 워ㅆ다 → ㅂ
      ['멋졌습니다', '멋지'], // contracted 지+었: 져ㅆ스ㅂ니다 → 지
      ['나았다', '낫'], // ㅅ-irregular: 아ㅆ다 → ㅅ
      ['불렀다', '부르'], // 르-irregular: ㄹ러ㅆ다 → 르
    ]),
  )
  const known = new Set(['덥', '가지', '짓', '모르', '덮'])
  const knows = (stem: string) => known.has(stem)

  it.each([
    ['더웠다', '덥'], // 더웠다 → 덥, as 추웠다 → 춥
    ['가졌습니다', '가지'], // 가졌습니다 → 가지, as 멋졌습니다 → 멋지
    ['몰랐다', null], // ㄹㅏㅆㄷㅏ ≠ ㄹㅓㅆㄷㅏ (불렀다): vowel harmony keeps the rules apart
  ])('%s → %s', (eojeol, stem) => {
    expect(applyStemRules(eojeol, rules, knows)).toBe(stem)
  })

  it('only gives a stem the index knows: 보았다 would be 봇 by ㅇㅏㅆㄷㅏ → ㅅ', () => {
    expect(applyStemRules('보았다', rules, knows)).toBeNull()
  })

  it('learns a contraction that changes the vowel: 됐다 → 되 teaches 쬈다 → 쬐', () => {
    const contracted = learnStemRules(lexicon([['됐다', '되']])) // ㄷ + ㅙㅆㄷㅏ → ㅚ
    expect(applyStemRules('쬈다', contracted, (stem) => stem === '쬐')).toBe('쬐')
  })

  it('never cuts a compound short: 아주경제 is not 아주, though 시사경제 → 시사 taught ㄱㅕㅇㅈㅔ → nothing', () => {
    const compound = learnStemRules(lexicon([['시사경제', '시사']]))
    expect(applyStemRules('아주경제', compound, (stem) => stem === '아주' || stem === '경제')).toBeNull()
  })

  it('ignores stop words and entries with no shared start', () => {
    const none = learnStemRules(new Map([['한', { stem: '', parts: [], stop: true }], ['이뤄', { stem: '루', parts: [] }]]))
    expect(none.rules.size).toBe(0)
  })
})
