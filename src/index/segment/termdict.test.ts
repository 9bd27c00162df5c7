import { describe, expect, it } from 'vitest'
import { Container, writeContainer } from './format.ts'
import { encodeTermDict, TermDict, TERMS_PER_BLOCK } from './termdict.ts'

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

  it('is empty without terms', () => {
    const { dict } = open([])
    expect(dict.find('벨라루스')).toBe(false)
    expect(dict.termsWithPrefix('', 5)).toEqual([])
  })

  it('rejects unsorted terms when writing', () => {
    expect(() => encodeTermDict({ terms: ['정부', '가스'], docFreqs: [1, 1], postingsLengths: [1, 1] }, 0)).toThrow(/out of order/)
  })
})
