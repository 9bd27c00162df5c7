// Property tests, small run: every fuzz property (src/cli/fuzz-properties.ts) for a few hundred
// hostile inputs with a fixed seed, so a failure replays. `npm run fuzz -- 100000` is the long run.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../src/analysis/normalize.ts'
import { checkHighlighted, checkSentences, checkTokens, expectedTerm, FuzzViolation, isRestoredStem } from '../src/cli/fuzz-checks.ts'
import { createProperties, loadFuzzDeps } from '../src/cli/fuzz-properties.ts'

const CASES = 300
const SEED = 20240611

const properties = createProperties(await loadFuzzDeps())

describe(`fuzz properties (${CASES} cases, seed ${SEED})`, () => {
  it.each(properties.map((p) => [p.name, p.property] as const))('%s', async (_, property) => {
    await fc.assert(property, { numRuns: CASES, seed: SEED })
  })
})

describe('the checks catch what they are meant to', () => {
  it('expectedTerm drops joiners and in-number commas, and is exact unless an edge char expands', () => {
    expect(expectedTerm('한․벨')).toEqual({ term: '한벨', exact: true })
    expect(expectedTerm('1,000')).toEqual({ term: '1000', exact: true })
    expect(expectedTerm('ＩＣＴ')).toEqual({ term: 'ict', exact: true })
    expect(expectedTerm('㈜')).toEqual({ term: '(주)', exact: false }) // the token 주 is part of it
    expect(normalize('㈜').text).toBe('(주)')
  })

  it.each([
    ['더웠', '덥', true], // 더웠다 → 덥다
    ['가까워', '가깝', true], // 가까워서 → 가깝다
    ['했', '하', true], // 했다 → 하다
    ['벨라루스', '벨라루스', true],
    ['픈', '싶', true], // 보고픈 = 보고 싶은
    ['ICT', '정보통신기술', false], // an alias is not a stem
    ['쒼', '씌우', true], // 씌운 contracted
    ['장', '장관님', false], // far longer than the slice
    ['벨라루스', 'bela', false], // not Hangul
  ] as const)('isRestoredStem(%s → %s) is %s', (slice, term, expected) => {
    expect(isRestoredStem(term, slice)).toBe(expected)
  })

  it.each([
    ['an offset past the end', '벨라루스', [{ term: '벨라루스', kind: 'surface', start: 0, end: 5, position: 0 }]],
    ['a term that is not its slice', '벨라루스', [{ term: '벨라', kind: 'surface', start: 0, end: 3, position: 0 }]],
    ['a stem that is not a prefix', '벨라루스를', [{ term: '벨라루스를', kind: 'surface', start: 0, end: 5, position: 0 }, { term: '라루스', kind: 'stem', start: 1, end: 4, position: 0 }]],
    ['words out of order', '장관 벨라', [{ term: '벨라', kind: 'surface', start: 3, end: 5, position: 0 }, { term: '장관', kind: 'surface', start: 0, end: 2, position: 1 }]],
  ] as const)('checkTokens rejects %s', (_, text, tokens) => {
    expect(() => checkTokens(text, [...tokens])).toThrow(FuzzViolation)
  })

  it('checkSentences rejects a dropped or overlapping sentence', () => {
    expect(() => checkSentences('가. 나.', [{ text: '가.', start: 0 }])).toThrow(FuzzViolation)
    expect(() => checkSentences('가. 나.', [{ text: '가. 나.', start: 0 }, { text: '나.', start: 3 }])).toThrow(FuzzViolation)
  })

  it('checkHighlighted rejects raw markup and misplaced marks', () => {
    expect(() => checkHighlighted('<b>', { html: '<b>', highlights: [] })).toThrow(FuzzViolation)
    expect(() => checkHighlighted('a & b', { html: 'a & b', highlights: [] })).toThrow(FuzzViolation)
    expect(() => checkHighlighted('벨라루스를', { html: '<mark>벨라루스</mark>를', highlights: [[0, 3]] })).toThrow(FuzzViolation)
    expect(() => checkHighlighted('벨라루스를', { html: '<mark>벨라루스</mark>를', highlights: [[0, 4]] })).not.toThrow()
  })
})
