import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Container, writeContainer } from './format.ts'
import { encodeTermDict, TermDict, TERMS_PER_BLOCK } from './termdict.ts'
import type { TermWalker } from '../term-source.ts'
import { walkSortedTerms } from '../term-walk.ts'

// Korean stems and bigrams sharing prefixes, in UTF-16 order as the writer requires.
const TERMS = ['2013', 'ict', '가스', '벨라', '벨라루스', '벨라루스어', '정보', '정보통신', '정보통신기술', '정부', '포럼', '韓美', ...Array.from({ length: 60 }, (_, i) => `협력${String(i).padStart(2, '0')}`)].sort()

function open(terms: readonly string[]) {
  const docFreqs = terms.map((_, i) => i + 1)
  // The first term is in one doc: its length (1 byte, an even varint) is read off the postings.
  const postingsLengths = terms.map((_, i) => (i === 0 ? 1 : (i % 5) + 1))
  const bytes = writeContainer({ analyzerVersion: 1, docCount: 0, articleCount: 0 }, encodeTermDict({ terms, docFreqs, postingsLengths }, 0))
  const postings = new Uint8Array(postingsLengths.reduce((a, b) => a + b, 0))
  return { dict: new TermDict(new Container(bytes, { verify: true }), 0, terms.length, postings), postingsLengths }
}

describe('term dictionary', () => {
  it(`finds every term across blocks of ${TERMS_PER_BLOCK}, with its df and postings range`, () => {
    const { dict, postingsLengths } = open(TERMS)
    let at = 0
    TERMS.forEach((term, i) => {
      expect(dict.find(term)).toBe(true)
      expect([dict.docFreq, dict.postingsStart, dict.postingsEnd]).toEqual([i + 1, at, at + postingsLengths[i]!])
      at += postingsLengths[i]!
    })
  })

  it.each(['벨', '벨라루', '정보통', '협력', '협력99', '가', '힣', '', 'ict2'])('does not find %j', (term) => {
    expect(open(TERMS).dict.find(term)).toBe(false)
  })

  it('lists terms by prefix in order, up to the limit', () => {
    const { dict } = open(TERMS)
    expect(dict.termsWithPrefix('벨라', 10)).toEqual(['벨라', '벨라루스', '벨라루스어'])
    expect(dict.termsWithPrefix('정보통', 10)).toEqual(['정보통신', '정보통신기술'])
    expect(dict.termsWithPrefix('협력', 3)).toEqual(['협력00', '협력01', '협력02'])
    expect(dict.termsWithPrefix('협력', 100)).toHaveLength(60)
    expect(dict.termsWithPrefix('없는', 10)).toEqual([])
  })

  it('finds a term again after a prefix scan (the lookup memo is reset)', () => {
    const { dict } = open(TERMS)
    expect(dict.find('정보')).toBe(true)
    dict.termsWithPrefix('협력', 5)
    expect(dict.find('정보')).toBe(true)
    expect(dict.docFreq).toBe(TERMS.indexOf('정보') + 1)
  })

  /** Accepts terms made of `allowed` units only, the state being the term so far. */
  const unitsIn = (allowed: string, prefix?: string): TermWalker<string> => ({
    start: '',
    prefix,
    step: (state, code) => (allowed.includes(String.fromCharCode(code)) ? state + String.fromCharCode(code) : null),
    accept: (state) => state.length > 0,
  })

  it.each([
    ['every term', { start: 0, step: (n: number) => n + 1, accept: () => true }, 1000],
    ['협력 + digits 0–4 (rejections inside blocks and across them)', unitsIn('협력01234'), 1000],
    ['정보… and 벨라… from a prefix', unitsIn('정보통신기술', '정보'), 1000],
    ['벨라루스 letters', unitsIn('벨라루스어'), 1000],
    ['with a limit', unitsIn('협력0123456789'), 7],
    ['a prefix no term has', unitsIn('없는', '없'), 10],
  ] as Array<[string, TermWalker<unknown>, number]>)('walks %s like a sorted list', (_, walker, limit) => {
    const { dict } = open(TERMS)
    expect(dict.walkTerms(walker, limit)).toEqual(walkSortedTerms(TERMS, walker, limit))
    expect(dict.find('정보')).toBe(true) // the lookup memo is reset
  })

  // Terms over a few units, so prefixes are shared deeply and runs span many blocks.
  const termSets = fc
    .uniqueArray(fc.array(fc.constantFrom('가', '나', '다', '라', 'a', '\uffff'), { minLength: 1, maxLength: 7 }).map((units) => units.join('')), { maxLength: 400, size: 'max' })
    .map((terms) => [...terms].sort())

  it('finds exactly its terms (property, against a Set)', () => {
    fc.assert(
      fc.property(termSets, fc.array(fc.array(fc.constantFrom('가', '나', '다', '라', 'a', '\uffff'), { maxLength: 7 }).map((u) => u.join('')), { maxLength: 50 }), (terms, probes) => {
        const { dict } = open(terms)
        const known = new Set(terms)
        for (const probe of [...probes, ...terms]) expect([probe, dict.find(probe)]).toEqual([probe, known.has(probe)])
        terms.forEach((term, i) => {
          dict.find(term)
          expect(dict.docFreq).toBe(i + 1)
        })
      }),
    )
  })

  it('walks like a sorted list (property: any allowed units, prefix and limit)', () => {
    const walkers = fc.record({
      allowed: fc.subarray(['가', '나', '다', '라', 'a', '\uffff'], { minLength: 1 }),
      prefix: fc.option(fc.array(fc.constantFrom('가', '나', '다', 'a'), { maxLength: 2 }).map((u) => u.join('')), { nil: undefined }),
      maxLength: fc.integer({ min: 1, max: 8 }),
      limit: fc.integer({ min: 1, max: 500 }),
    })
    fc.assert(
      fc.property(termSets, walkers, (terms, { allowed, prefix, maxLength, limit }) => {
        const walker: TermWalker<string> = {
          start: '',
          prefix,
          step: (state, code) => (allowed.includes(String.fromCharCode(code)) && state.length < maxLength ? state + String.fromCharCode(code) : null),
          accept: (state) => state.length > 0 && !state.endsWith('나'),
        }
        expect(open(terms).dict.walkTerms(walker, limit)).toEqual(walkSortedTerms(terms, walker, limit))
      }),
      { numRuns: 300 },
    )
  })

  it('skips exactly the terms below a rejected prefix, however many blocks they span (property)', () => {
    // Terms sharing long prefixes: a few stems, each with many endings.
    const denseSets = fc
      .tuple(
        fc.uniqueArray(fc.array(fc.constantFrom('가', '나', '다'), { minLength: 1, maxLength: 3 }).map((u) => u.join('')), { minLength: 1, maxLength: 6, size: 'max' }),
        fc.uniqueArray(fc.array(fc.constantFrom('가', '나', '다', '라'), { maxLength: 4 }).map((u) => u.join('')), { minLength: 1, maxLength: 90, size: 'max' }),
      )
      .map(([stems, endings]) => [...new Set(stems.flatMap((stem) => endings.map((e) => stem + e)))].sort())
    fc.assert(
      fc.property(denseSets, fc.nat(), fc.nat(), fc.option(fc.constantFrom('가', '나'), { nil: undefined }), (terms, pick, cut, prefix) => {
        const term = terms[pick % terms.length]!
        const rejected = term.slice(0, 1 + (cut % term.length))
        const walker: TermWalker<string> = {
          start: '',
          prefix,
          step: (state, code) => (state + String.fromCharCode(code) === rejected ? null : state + String.fromCharCode(code)),
          accept: () => true,
        }
        expect(open(terms).dict.walkTerms(walker, 10_000)).toEqual(walkSortedTerms(terms, walker, 10_000))
      }),
      { numRuns: 300 },
    )
  })

  it('looks up the one term a walker leaves to `rest` (property: one unit inserted anywhere)', () => {
    /** Terms that are `typed` with one unit inserted at `at`; past it the rest of `typed` is fixed. */
    const inserted = (typed: string, at: number, declare: boolean): TermWalker<number> => ({
      start: 0,
      ...(declare ? { prefix: typed.slice(0, at) } : {}),
      step: (i, code) => (i === at ? i + 1 : i <= typed.length && code === typed.charCodeAt(i < at ? i : i - 1) ? i + 1 : null),
      accept: (i) => i === typed.length + 1,
      rest: (i) => (i > at ? typed.slice(i - 1) : undefined),
    })
    fc.assert(
      fc.property(termSets, fc.nat(), fc.nat(), fc.boolean(), (terms, pick, cut, declare) => {
        const term = terms[pick % Math.max(1, terms.length)] ?? '가나'
        // Drop one unit of a term, so the walk has something to find.
        const at = cut % term.length
        const typed = term.slice(0, at) + term.slice(at + 1)
        for (const position of [0, at, typed.length]) {
          const walker = inserted(typed, position, declare)
          expect(open(terms).dict.walkTerms(walker, 1000)).toEqual(walkSortedTerms(terms, walker, 1000))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('is empty without terms', () => {
    const { dict } = open([])
    expect(dict.find('벨라루스')).toBe(false)
    expect(dict.termsWithPrefix('', 5)).toEqual([])
  })

  it('rejects unsorted terms when writing', () => {
    expect(() => encodeTermDict({ terms: ['정부', '가스'], docFreqs: [1, 1], postingsLengths: [1, 1] }, 0)).toThrow(/out of order/)
  })
})
