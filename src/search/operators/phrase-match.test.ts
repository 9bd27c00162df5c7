import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../../analysis/analyzers.ts'
import { matchesPhrase, phrasePattern } from './phrase-match.ts'

const analyzer = createAnalyzer()
const SENTENCE = '벨라루스가 개발한 바이버(무료통화앱)는 전 세계 2억명이 이용하고 있다.'

describe('matchesPhrase', () => {
  it.each([
    ['바이버(무료통화앱)', true],
    ['바이버 무료통화앱', true], // the same words, spaced
    ['벨라루스가 개발한', true], // particles and endings compare by stem
    ['벨라루스 개발', true],
    ['개발한 벨라루스', false], // order matters
    ['벨라루스 바이버', false], // adjacency matters
    ['2억명 이용', true], // 2억명 is 2 + 억명 on both sides
    ['억명이 이용하고', true],
  ])('%s in the 바이버 sentence: %s', (phrase, yes) => {
    expect(matchesPhrase(analyzer(SENTENCE), phrasePattern(phrase, analyzer))).toBe(yes)
  })

  it('counts words across a dropped particle: NIA를 통해 matches "NIA 통해"', () => {
    expect(matchesPhrase(analyzer('한국정보화진흥원(NIA)를 통해 지원했다'), phrasePattern('NIA 통해', analyzer))).toBe(true)
  })
})
