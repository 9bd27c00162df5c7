// Forgiving search through the HTTP API over the bundled corpus: wrong keyboard layout, typos,
// half-typed last syllables, 초성, missing spaces, query operators, filters and sorting.
import { describe, expect, it } from 'vitest'
import { SEED, useBundledApp } from './helpers/bundled-app.ts'
import type { SearchResponse } from '../src/search/search.ts'

const app = useBundledApp()

async function searchFor(q: string, extra = ''): Promise<SearchResponse> {
  const res = await app().request(`/api/search?q=${encodeURIComponent(q)}${extra}`)
  expect(res.status).toBe(200)
  return (await res.json()) as SearchResponse
}

const marked = (r: SearchResponse) => r.hits.flatMap((h) => h.sentences.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b))))
const rankOf = (r: SearchResponse, id: string) => r.hits.findIndex((h) => h.article.id === id)

describe('한영 keyboard-layout correction', () => {
  it('qpffkfntm finds the seed article and reports the correction to 벨라루스', async () => {
    const r = await searchFor('qpffkfntm')
    expect(r.corrected).toEqual({ from: 'qpffkfntm', to: '벨라루스' })
    expect(rankOf(r, SEED)).toBe(0)
    expect(marked(r)).toContain('벨라루스')
  })

  it('dkwnrudwp reads as 아주경제, which matches the seed through its outlet', async () => {
    const r = await searchFor('dkwnrudwp')
    expect(r.corrected).toEqual({ from: 'dkwnrudwp', to: '아주경제' })
    expect(r.hits[0]!.article).toMatchObject({ id: SEED, outlet: '아주경제' })
  })

  it('corrects only the wrong-layout word of a mixed query', async () => {
    const r = await searchFor('qpffkfntm ICT')
    expect(r.corrected).toEqual({ from: 'qpffkfntm ICT', to: '벨라루스 ICT' })
    expect(rankOf(r, SEED)).toBe(0)
  })

  it.each(['ICT', 'covid', 'NASA', 'SK'])('leaves real English and acronyms alone: %s', async (q) => {
    const r = await searchFor(q)
    expect(r).not.toHaveProperty('corrected')
  })
})

describe('typos, half-typed syllables, 초성, spacing', () => {
  it('테크노밸리 finds and marks the sentence that spells it 테크노벨리', async () => {
    const r = await searchFor('테크노밸리')
    const seed = r.hits[rankOf(r, SEED)]!
    expect(seed.sentences.some((s) => s.html.includes('<mark>테크노벨리</mark>'))).toBe(true)
    // 테크노밸리 is written inside 판교테크노밸리: that ranks first, and nothing is "corrected".
    expect(marked(r)[0]).toBe('테크노밸리')
    expect(r).not.toHaveProperty('corrected')
  })

  it('벨라루쓰 is corrected to 벨라루스', async () => {
    const r = await searchFor('벨라루쓰')
    expect(r.corrected).toEqual({ from: '벨라루쓰', to: '벨라루스' })
    expect(rankOf(r, SEED)).toBe(0)
    expect(marked(r)).toContain('벨라루스')
  })

  it.each(['벨라ㄹ', '벨랄', '벨라루', '최양희 벨라ㄹ'])('%s, still being typed, completes to 벨라루스', async (q) => {
    const r = await searchFor(q)
    expect(rankOf(r, SEED)).toBeLessThan(2)
    expect(marked(r)).toContain('벨라루스')
    expect(r).not.toHaveProperty('corrected')
  })

  it('a trailing space ends the word: 벨랄 followed by a space is not completed', async () => {
    const r = await searchFor('벨랄 ')
    expect(marked(r)).not.toContain('벨라루스')
    expect(r.query).toBe('벨랄')
  })

  it('exact matches rank above completions: 벨라루스 marks 벨라루스 before 벨라루스어', async () => {
    const marks = marked(await searchFor('벨라루스', '&limit=100'))
    expect(marks[0]).toBe('벨라루스')
    expect(marks).toContain('벨라루스어') // the completion is there, further down
    expect(marks.indexOf('벨라루스어')).toBeGreaterThan(marks.lastIndexOf('벨라루스'))
  })

  it('ㅂㄹㄹㅅ (초성 only) finds 벨라루스', async () => {
    const r = await searchFor('ㅂㄹㄹㅅ')
    expect(rankOf(r, SEED)).toBeLessThan(2)
    expect(marked(r)).toContain('벨라루스')
  })

  it('초성 in a longer query picks the word that goes with the others: 최양희 ㅈㄱ → 장관', async () => {
    const r = await searchFor('최양희 ㅈㄱ')
    expect(rankOf(r, SEED)).toBe(0)
    expect(r.hits[0]!.sentences[0]!.html).toContain('<mark>장관</mark>')
  })

  it.each([
    ['최양희장관', '최양희 장관'],
    ['미래창조과학부장관', '미래창조과학부 장관'],
    ['벨라 루스', '벨라루스'],
  ])('%s is searched as %s', async (q, to) => {
    const r = await searchFor(q)
    expect(r.corrected).toEqual({ from: q, to })
    expect(rankOf(r, SEED)).toBe(0)
  })
})

describe('query operators', () => {
  it('"바이버(무료통화앱)" matches the one sentence with those words in that order', async () => {
    const r = await searchFor('"바이버(무료통화앱)"')
    expect(r.total).toBe(1)
    expect(r.hits[0]!.article.id).toBe(SEED)
    expect(r.hits[0]!.matches).toBe(1)
    expect(r.hits[0]!.sentences[0]!.html).toContain('<mark>바이버</mark>(<mark>무료통화앱</mark>)')
  })

  it('a phrase in the wrong order matches nothing', async () => {
    expect((await searchFor('"무료통화앱 바이버"')).total).toBe(0)
  })

  it('"정보통신기술(ICT) 협력" needs the words adjacent, not just in the same sentence', async () => {
    const adjacent = await searchFor('"정보통신기술(ICT) 협력"')
    expect(adjacent.hits.map((h) => h.article.id)).toEqual([SEED])
    expect((await searchFor('"ICT 정보통신기술"')).total).toBe(0)
  })

  it('-ICT drops every article that mentions ICT, not just the sentences', async () => {
    const all = await searchFor('벨라루스', '&limit=100')
    const without = await searchFor('벨라루스 -ICT', '&limit=100')
    expect(rankOf(all, SEED)).toBe(0)
    expect(rankOf(without, SEED)).toBe(-1)
    expect(without.total).toBe(all.total - 1)
    expect(without).not.toHaveProperty('corrected')
  })

  it('an excluded phrase drops only the articles holding it in that order', async () => {
    expect(rankOf(await searchFor('벨라루스 -"바이버(무료통화앱)"'), SEED)).toBe(-1)
    expect(rankOf(await searchFor('벨라루스 -"무료통화앱 바이버"'), SEED)).toBe(0)
  })
})

describe('filters and sorting', () => {
  it('outlet keeps that outlet only', async () => {
    const r = await searchFor('장관', '&outlet=아주경제')
    expect(r.hits.map((h) => h.article.id)).toEqual([SEED])
  })

  it('from/to keep dated articles in range, inclusive', async () => {
    const r = await searchFor('장관', '&from=2012-01-01&to=2012-12-31&limit=100')
    expect(r.total).toBeGreaterThan(0)
    for (const h of r.hits) expect(h.article.published_at! >= '2012-01-01' && h.article.published_at! <= '2012-12-31').toBe(true)
    const day = r.hits[0]!.article.published_at!
    const sameDay = await searchFor('장관', `&from=${day}&to=${day}&limit=100`)
    expect(sameDay.hits.every((h) => h.article.published_at === day)).toBe(true)
    expect(sameDay.total).toBeGreaterThan(0)
  })

  it('a section filter on a corpus without sections matches nothing', async () => {
    expect((await searchFor('장관', '&section=정치')).total).toBe(0)
  })

  it('sort=date lists the newest first, undated (the seed) last', async () => {
    const r = await searchFor('장관', '&sort=date&limit=100')
    const dates = r.hits.map((h) => h.article.published_at ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
    expect(r.hits.at(-1)!.article.id).toBe(SEED)
    expect(r.total).toBe((await searchFor('장관', '&limit=100')).total)
  })

  it('pages the date order with limit/offset', async () => {
    const all = await searchFor('장관', '&sort=date&limit=20')
    const page = await searchFor('장관', '&sort=date&limit=5&offset=5')
    expect(page.hits.map((h) => h.article.id)).toEqual(all.hits.slice(5, 10).map((h) => h.article.id))
  })
})

describe('bad operator and filter values are 400s', () => {
  it.each([
    '&from=2015-02-30', // no such day
    '&from=2015-6-24', // not YYYY-MM-DD
    '&to=yesterday',
    '&from=2015-06-25&to=2015-06-24', // from after to
    '&sort=newest',
    '&outlet=',
    `&section=${'가'.repeat(101)}`,
  ])('%s', async (extra) => {
    const res = await app().request(`/api/search?q=${encodeURIComponent('장관')}${extra}`)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('BAD_QUERY')
  })

  it('more than 10 phrases and exclusions', async () => {
    const q = ['장관', ...Array.from({ length: 11 }, (_, i) => `-w${i}`)].join(' ')
    const res = await app().request(`/api/search?q=${encodeURIComponent(q)}`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/at most 10/)
  })

  it('Latin input es-hangul cannot compose (hkd) is answered, not a 500', async () => {
    const r = await searchFor('hkd')
    expect(r).not.toHaveProperty('corrected')
  })
})

describe('bounded work', () => {
  it('forgives the first seven words and the last, not the ones between (bounded work)', async () => {
    const words = Array.from({ length: 10 }, () => '장관')
    const at = (i: number) => words.map((w, j) => (j === i ? 'qpffkfntm' : w)).join(' ')
    expect((await searchFor(at(6))).corrected?.to).toBe(at(6).replace('qpffkfntm', '벨라루스'))
    expect(await searchFor(at(7))).not.toHaveProperty('corrected')
    expect((await searchFor(at(9))).corrected?.to).toBe(at(9).replace('qpffkfntm', '벨라루스'))
  })
})
