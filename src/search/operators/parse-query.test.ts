import { describe, expect, it } from 'vitest'
import { SearchError } from '../../errors.ts'
import { parseQuery } from './parse-query.ts'

describe('parseQuery', () => {
  it('splits phrases and exclusions and keeps offsets into the query', () => {
    const q = '"바이버(무료통화앱)" 벨라루스 -ICT'
    const parsed = parseQuery(q)
    expect(parsed.phrases).toEqual([{ text: '바이버(무료통화앱)', start: 1, end: 11 }])
    expect(q.slice(1, 11)).toBe('바이버(무료통화앱)')
    expect(parsed.excluded).toEqual(['ICT'])
    expect(parsed.scoringText).toBe(' 바이버(무료통화앱)  벨라루스     ')
    expect(parsed.scoringText).toHaveLength(q.length)
    expect(parsed.lastWordOpen).toBe(false)
  })

  it.each([
    ['벨라루', true], // still typing the last word
    ['벨라루스 ', false], // a space closes it
    ['벨라루스 -ICT', false], // the last thing typed is an exclusion
    ['"벨라루스"', false],
  ])('%j: last word open = %s', (q, open) => {
    expect(parseQuery(q).lastWordOpen).toBe(open)
  })

  it.each([
    ['한-벨 포럼', [], []], // a hyphen inside a word is no operator
    ['- 벨라루스', [], []], // nor a lone dash
    ['-"무료 통화" 벨라루스', [], ['무료 통화']], // an excluded phrase
    ['“바이버” 앱', ['바이버'], []], // typographic quotes
    ['"바이버 무료', ['바이버 무료'], []], // an unclosed quote runs to the end
  ])('%j → phrases %j, excluded %j', (q, phrases, excluded) => {
    const parsed = parseQuery(q)
    expect(parsed.phrases.map((p) => p.text)).toEqual(phrases)
    expect(parsed.excluded).toEqual(excluded)
  })

  it('rejects more than 10 operators with a BAD_QUERY error', () => {
    const q = Array.from({ length: 11 }, (_, i) => `-w${i}`).join(' ')
    expect(() => parseQuery(q)).toThrow(SearchError)
    expect(() => parseQuery(q)).toThrow(/at most 10 phrases and exclusions, got 11/)
  })
})
