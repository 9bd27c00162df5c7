import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../analysis/analyzers.ts'
import { buildSearchIndex } from '../index/search-index.ts'
import type { Article } from '../types.ts'
import { analyzeQuery, planQuery } from './query.ts'
import { DEFAULT_SCORING, scoreSentences } from './scorer.ts'

const analyzer = createAnalyzer()
const SENTENCES = [
  '최양희 장관이 벨라루스를 방문했다.', // both query words
  '장관은 장관과 장관을 만났다.', // one word, many times
  '판교 테크노벨리에 클러스터가 있다.', // only through bigrams of 테크노밸리
  '물가와 인건비도 저렴한 편이다.', // nothing
]
const article: Article = { id: 'a', title: 't', outlet: null, byline: null, published_at: null, section: null, url: null, body: SENTENCES.join(' ') }
let start = 0
const index = buildSearchIndex(
  [{ article, sentences: SENTENCES.map((text, n) => ({ id: `a:${n}`, article: 'a', n, text, start: (start += text.length + 1) - text.length - 1 })) }],
  {},
)
const scores = (q: string) =>
  Object.fromEntries(scoreSentences(index.sources, planQuery(analyzeQuery(q, analyzer)), index.store.sentenceCount).sentences.map((s) => [s.doc, s.score]))

describe('scoreSentences', () => {
  it('ranks a sentence covering every query word above one repeating a single word', () => {
    const s = scores('최양희 장관')
    expect(s[0]).toBeGreaterThan(s[1]!)
    expect(s[3]).toBeUndefined()
  })

  it('gives partial credit through bigrams: 테크노밸리 finds 테크노벨리', () => {
    const s = scores('테크노밸리')
    expect(Object.keys(s)).toEqual(['2'])
  })

  it('scores the same on repeated calls (scratch arrays are reset)', () => {
    expect(scores('장관 벨라루스')).toEqual(scores('장관 벨라루스'))
  })

  it('scores terms in more sentences than the scratch first holds, docs ascending', () => {
    // 3,000 sentences, each holding 장관: the postings buffer and slot arrays grow mid-query.
    const texts = Array.from({ length: 3000 }, (_, i) => (i % 2 ? `장관이 ${i}번째로 말했다.` : `장관과 차관이 ${i}번째로 만났다.`))
    const big = buildSearchIndex([{ article: { ...article, id: 'big' }, sentences: texts.map((text, n) => ({ id: `big:${n}`, article: 'big', n, text, start: 0 })) }], {})
    const { sentences } = scoreSentences(big.sources, planQuery(analyzeQuery('장관', analyzer)), big.store.sentenceCount)
    expect(sentences.map((s) => s.doc)).toEqual(texts.map((_, doc) => doc))
    expect(sentences.every((s) => Number.isFinite(s.score) && s.score > 0)).toBe(true)
    expect(scores('최양희 장관')[0]).toBeGreaterThan(0) // scratch shrinks back and still scores
  })

  it('lets common terms only add to the sentences selective ones bring in, scoring those exactly as before', () => {
    // 100 sentences hold 에서 (a common bigram); one also holds 벨라루스 (selective).
    const texts = [...Array.from({ length: 99 }, (_, i) => `서울에서 ${i}번째 회의가 열렸다.`), '민스크에서 벨라루스 회의가 열렸다.']
    const corpus = buildSearchIndex([{ article: { ...article, id: 'c' }, sentences: texts.map((text, n) => ({ id: `c:${n}`, article: 'c', n, text, start: 0 })) }], {})
    const score = (q: string, options = DEFAULT_SCORING) =>
      scoreSentences(corpus.sources, planQuery(analyzeQuery(q, analyzer)), corpus.store.sentenceCount, options).sentences
    const everything = { ...DEFAULT_SCORING, commonShare: { word: 1, partial: 1 } }
    // 벨라루스에서: the bigram 에서 alone brought in all 100 sentences; now only the one with 벨라루스.
    expect(score('벨라루스에서', everything)).toHaveLength(100)
    expect(score('벨라루스에서')).toEqual(score('벨라루스에서', everything).filter((s) => s.doc === 99))
    // A query of common terms only: every sentence they match, as before.
    expect(score('서울에서')).toEqual(score('서울에서', everything))
    expect(score('서울에서').length).toBeGreaterThanOrEqual(99)
  })

  it('returns nothing for an empty plan', () => {
    expect(scores('')).toEqual({})
  })
})

describe('MiniSearch term source', () => {
  const [source] = index.sources
  it('reads document frequencies and postings of MiniSearch 7.2.0', () => {
    expect(source!.docCount).toBe(4)
    expect(source!.docFreq('word', '장관')).toBe(2)
    const postings: Array<[number, number]> = []
    source!.forEachPosting('word', '장관', (doc, tf) => postings.push([doc, tf]))
    expect(postings).toEqual([
      [0, 1],
      [1, 3],
    ])
  })

  it('lists terms by prefix within a field', () => {
    expect(source!.termsWithPrefix('word', '벨라', 10)).toEqual(['벨라루스'])
  })
})
