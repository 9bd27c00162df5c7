import { describe, expect, it } from 'vitest'
import { expectTokens } from '../../../test/helpers/expect-tokens.ts'
import { createAnalyzer } from '../analyzers.ts'
import type { EojeolAnalyzer } from './stems.ts'

// A stand-in for the dictionary: what a morphological analyser says about a few eojeols.
const DICTIONARY: Record<string, { stem: string; parts: string[] }> = {
  정보통신기술을: { stem: '정보통신기술', parts: ['정보', '통신', '기술'] }, // compound noun + 을
  열렸다: { stem: '열리', parts: [] }, // 열리/VV + 었/EP + 다/EF: the stem is not a prefix
  어려움을: { stem: '어려움', parts: ['어렵'] }, // the verb of a noun in -ㅁ, not a substring
}
const eojeolAnalyzer: EojeolAnalyzer = (eojeol) => DICTIONARY[eojeol] ?? null
const analyze = createAnalyzer({ eojeolAnalyzer })

describe('stem filter with an eojeol analyzer', () => {
  it('emits the compound stem and its parts with their own offsets: 정보통신기술을', () => {
    const text = '정보통신기술을 배운다'
    const tokens = analyze(text)
    expectTokens(text, tokens, 'stem', [
      ['정보통신기술', 0, 6],
      ['배운다', 8, 11], // not in the stand-in dictionary, no rule matches: the eojeol itself
    ])
    expectTokens(text, tokens, 'part', [
      ['정보', 0, 2],
      ['통신', 2, 4],
      ['기술', 4, 6],
    ])
  })

  it('covers as many syllables as the stem has when it is not a prefix: 열렸다 → 열리 over 열렸', () => {
    const text = '회의가 열렸다'
    expectTokens(text, analyze(text), 'stem', [
      ['회의', 0, 2], // rules: 회의가 → 회의
      ['열리', 4, 6],
    ])
  })
})

describe('a part that is not in the eojeol', () => {
  it('covers the stem: 어려움을 → part 어렵 over 어려움', () => {
    const text = '어려움을 겪었다'
    expectTokens(text, analyze(text), 'part', [['어렵', 0, 3]])
  })
})

describe('question words are stop words', () => {
  // 어디인가 → 어디/NP + 인가, as MeCab-ko says; the rules alone would strip only 가
  const questions = createAnalyzer({ eojeolAnalyzer: (e) => (e === '어디인가' ? { stem: '어디', parts: [] } : null) })
  it.each([
    ['회의는 언제 열렸나', ['회의', '열렸']], // 언제: no stem, no bigrams
    ['수도는 어디인가', ['수도']], // 어디인가 → 어디 + 인가
    ['무엇을 발표했나', ['발표했']], // 무엇을 → 무엇 + 을
  ])('%s → stems %j', (text, stems) => {
    const tokens = questions(text)
    expect(tokens.filter((t) => t.kind === 'stem').map((t) => t.term)).toEqual(stems)
    expect(tokens.some((t) => t.kind === 'bigram' && /언제|어디|무엇/.test(t.term))).toBe(false)
  })
})
