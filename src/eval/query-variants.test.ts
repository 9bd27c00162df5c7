import { seededRandom } from './random.ts'
import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../analysis/analyzers.ts'
import type { Article } from '../types.ts'
import { keywordQueries, ndcgAt } from './keyword-queries.ts'
import {
  choseongVariant,
  halfTypedVariant,
  noSpacesVariant,
  spacingVariant,
  syllableVariant,
  typoVariant,
  VARIANTS,
  wrongLayoutVariant,
} from './query-variants.ts'

const QUERY = '최양희 장관 벨라루스'
const wordsOf = (q: string) => q.split(' ')
/** Runs a variant over many seeds. */
const outputs = (variant: (q: string, r: () => number) => string, query = QUERY) =>
  Array.from({ length: 40 }, (_, seed) => variant(query, seededRandom(seed)))

describe('query variants', () => {
  it('are deterministic for a seed', () => {
    for (const variant of Object.values(VARIANTS)) {
      expect(variant(QUERY, seededRandom(7))).toBe(variant(QUERY, seededRandom(7)))
    }
  })

  it('typo changes one word into other whole syllables', () => {
    for (const out of outputs(typoVariant)) {
      const changed = wordsOf(out).filter((w, i) => w !== wordsOf(QUERY)[i])
      expect(changed).toHaveLength(1)
      expect(changed[0]).toMatch(/^[가-힣]+$/)
    }
  })

  it('syllable doubles or drops one syllable of one word', () => {
    for (const out of outputs(syllableVariant)) {
      const lengths = wordsOf(out).map((w) => w.length)
      const diff = lengths.reduce((a, b) => a + b, 0) - 9
      expect(Math.abs(diff)).toBe(1)
    }
  })

  it('spacing splits a long word or joins two', () => {
    for (const out of outputs(spacingVariant)) {
      expect(out.replace(/ /g, '')).toBe(QUERY.replace(/ /g, ''))
      expect(out).not.toBe(QUERY)
    }
  })

  it.each([
    [noSpacesVariant, '최양희장관벨라루스'],
    [wrongLayoutVariant, 'chldidgml wkdrhks qpffkfntm'],
  ])('%o', (variant, expected) => {
    expect(variant(QUERY)).toBe(expected)
  })

  it('half-typed shows the last syllable as the IME does part-way', () => {
    expect(new Set(outputs(halfTypedVariant, '최양희 장관'))).toEqual(new Set(['최양희 장ㄱ', '최양희 장고', '최양희 장과']))
    expect(new Set(outputs(halfTypedVariant))).toEqual(new Set(['최양희 장관 벨라룻'])) // ㅅ waits as the final of 루
  })

  it('choseong turns one word into its 초성', () => {
    expect(new Set(outputs(choseongVariant))).toEqual(new Set(['ㅊㅇㅎ 장관 벨라루스', '최양희 ㅈㄱ 벨라루스', '최양희 장관 ㅂㄹㄹㅅ']))
  })
})

describe('keyword queries and nDCG', () => {
  const article = (id: string, title: string, body: string): Article => ({
    id, title, body, outlet: null, byline: null, published_at: null, section: null, url: null,
  })

  it('takes the rarest title words that the body also uses, in title order', () => {
    const articles = [
      article('a', '최양희 장관, 벨라루스 방문', '최양희 장관이 벨라루스를 방문했다.'),
      article('b', '장관 회의', '장관들이 모였다. 회의는 길었다.'),
    ]
    const queries = keywordQueries(articles, createAnalyzer(), { minWords: 2, maxWords: 2 })
    expect(queries).toEqual([
      { id: 'a', text: '최양희 벨라루스', relevant: ['a'] }, // 장관 is in both articles
      { id: 'b', text: '장관 회의', relevant: ['b'] },
    ])
  })

  it.each([
    [['a'], 1],
    [['b', 'a'], 1 / Math.log2(3)],
    [['b'], 0],
  ])('nDCG@10 of %j with a relevant = %f', (ranked, score) => {
    expect(ndcgAt(10, ranked, ['a'])).toBeCloseTo(score)
  })
})
