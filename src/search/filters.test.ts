import { describe, expect, it } from 'vitest'
import type { StoredArticle } from '../index/store.ts'
import { articlePredicate, sortByDate } from './filters.ts'

const article = (published_at: string | null, outlet: string | null = '위키뉴스', section: string | null = null): StoredArticle => ({
  id: 'a', title: 't', outlet, byline: null, published_at, section, url: null,
})

describe('articlePredicate', () => {
  it('is null without filters', () => {
    expect(articlePredicate({})).toBeNull()
  })

  it.each([
    [{ from: '2015-06-24' }, article('2015-06-24'), true], // inclusive
    [{ from: '2015-06-25' }, article('2015-06-24'), false],
    [{ to: '2015-06-24' }, article('2015-06-24T09:00:00+09:00'), true], // a timestamp is cut to its date
    [{ from: '2010-01-01', to: '2010-12-31' }, article('2011-01-01'), false],
    [{ from: '2010-01-01' }, article(null), false], // undated articles leave when a date bound is set
    [{ outlet: '아주경제' }, article(null, '아주경제'), true],
    [{ outlet: '아주경제' }, article(null, '아주 경제'), false], // exact match
    [{ section: '경제' }, article(null, null, '경제'), true],
    [{ section: '경제' }, article(null, null, null), false],
  ] as const)('%j on %j → %s', (filters, a, yes) => {
    expect(articlePredicate(filters)!(a)).toBe(yes)
  })
})

describe('sortByDate', () => {
  it('puts the newest first, breaks ties by score, and undated last', () => {
    const ranked = [
      { id: 'old', score: 9, date: '2010-01-01' },
      { id: 'none', score: 99, date: null },
      { id: 'new-low', score: 1, date: '2015-06-24' },
      { id: 'new-high', score: 5, date: '2015-06-24' },
    ]
    expect(sortByDate(ranked, (r) => r.date).map((r) => r.id)).toEqual(['new-high', 'new-low', 'old', 'none'])
  })
})
