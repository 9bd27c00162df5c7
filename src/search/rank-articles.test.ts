import { describe, expect, it } from 'vitest'
import { LiveStore } from '../index/store.ts'
import { groupArticles } from './rank-articles.ts'
import { TUNING } from './tuning.ts'

const meta = (id: string) => ({ id, title: '', outlet: null, byline: null, published_at: null, section: null, url: null })

describe('groupArticles', () => {
  // Article "one" is a single sentence matching query words 0 and 1; article "two" has a best
  // sentence with the same score matching word 0 and a second one (score 6) matching word 1.
  const store = new LiveStore({ articles: [meta('one'), meta('two')], sentences: [[0, 0, 0, '가'], [1, 0, 0, '나'], [1, 1, 2, '다']] })
  const sentences = { count: 3, docs: Int32Array.of(0, 1, 2), scores: Float64Array.of(10, 10, 6), words: Uint32Array.of(0b11, 0b01, 0b10) }
  const scores = (queryWords: number) => [...groupArticles(store, { sentences, wordWeights: new Float64Array(queryWords).fill(1) }).scores]

  it('lets a short query count an article whole: its further sentences and the words they add', () => {
    // 2 words: support 0.1 · 6/2, coverage spread (2/2 ÷ 1/2)^1
    expect(scores(2)).toEqual([10, (10 + TUNING.supportWeight * 3) * 2])
  })

  it('scales that down for a long query, a sentence to find rather than a topic', () => {
    // 8 words: both scaled by (4/8)^2
    const scale = (TUNING.articleQueryWords / 8) ** TUNING.articleQueryPower
    const [one, two] = scores(8)
    expect(one).toBe(10)
    expect(two).toBeCloseTo((10 + TUNING.supportWeight * scale * 3) * 2 ** (TUNING.articleCoverageExponent * scale), 10)
    expect(two! / one!).toBeLessThan(scores(2)[1]! / scores(2)[0]!)
  })
})
