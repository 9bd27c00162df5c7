import { describe, expect, it } from 'vitest'
import { learnStemRules } from './stem-rules.ts'
import { createVocabularyAnalyzer } from './vocabulary-analyzer.ts'

describe('vocabulary analyzer: verb roots the index knows', () => {
  const vocabulary = new Set(['끊', '가', '하', '떠나'])
  const analyze = createVocabularyAnalyzer((t) => vocabulary.has(t))
  it.each([
    ['끊은', '끊'], // 끊은 → 끊 + 은 (adnominal ending)
    ['떠나는', '떠나'], // 떠나는 → 떠나 + 는
    ['간다', '가'], // 간다 → 가 + ㄴ다: the ending's ㄴ is the root syllable's final consonant
    ['합니다', '하'], // 합니다 → 하 + ㅂ니다
  ])('%s → %s', (eojeol, root) => {
    expect(analyze(eojeol)!.stem).toBe(root)
  })

  it('leaves an eojeol whole when no root is known: 갔다 (가 + 았다, contracted)', () => {
    expect(analyze('갔다')!.stem).toBe('갔다')
  })
})

describe('vocabulary analyzer: irregular forms by rules the lexicon taught', () => {
  const rules = learnStemRules(new Map([['추웠다', { stem: '춥', parts: [] }], ['멋졌습니다', { stem: '멋지', parts: [] }]]))
  const vocabulary = new Set(['덥', '가지'])
  const analyze = createVocabularyAnalyzer((t) => vocabulary.has(t), rules)
  it.each([
    ['더웠다', '덥'], // ㅂ-irregular, as 추웠다 → 춥
    ['더웠다고', '덥'], // the rule after one more ending: 더웠다 + 고
    ['가졌습니다', '가지'], // contracted 지+었, as 멋졌습니다 → 멋지
  ])('%s → %s', (eojeol, root) => {
    expect(analyze(eojeol)!.stem).toBe(root)
  })

  it('without rules, leaves 더웠다 whole', () => {
    expect(createVocabularyAnalyzer((t) => vocabulary.has(t))('더웠다')!.stem).toBe('더웠다')
  })
})

describe('vocabulary analyzer: particles', () => {
  const vocabulary = new Set(['호스트분', '호스트분들', '회의', '벨라루스'])
  const analyze = createVocabularyAnalyzer((t) => vocabulary.has(t))
  it.each([
    ['호스트분들이', '호스트분들'], // the shortest particle with a known stem: 이, not 들이
    ['회의에서', '회의'], // 서 leaves 회의에, which the index does not know: 에서
    ['벨라루스와의', '벨라루스'], // 와의
  ])('%s → %s', (eojeol, stem) => {
    expect(analyze(eojeol)!.stem).toBe(stem)
  })
})

describe('vocabulary analyzer: parts the lexicon gave a stem', () => {
  const rules = learnStemRules(new Map([['어른들에게', { stem: '어른들', parts: ['어른'] }]]))
  const vocabulary = new Set(['어른들', '어른'])
  it('어른들도 → 어른들 with the part 어른, as the index analysed 어른들에게', () => {
    expect(createVocabularyAnalyzer((t) => vocabulary.has(t), rules)('어른들도')).toEqual({ stem: '어른들', parts: ['어른'] })
  })
})
