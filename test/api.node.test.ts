// The HTTP API over the bundled corpus, through app().request(): Korean queries that must hit, exact
// highlight offsets, and 4xx JSON errors for bad input.
import { describe, expect, it } from 'vitest'
import { checkHighlighted } from '../src/cli/fuzz-checks.ts'
import type { SearchResponse } from '../src/search/search.ts'
import { SEED, useBundledApp } from './helpers/bundled-app.ts'

const app = useBundledApp()

async function searchFor(q: string, extra = ''): Promise<SearchResponse> {
  const res = await app().request(`/api/search?q=${encodeURIComponent(q)}${extra}`)
  expect(res.status).toBe(200)
  return (await res.json()) as SearchResponse
}

/** Every marked span in `html` is the text at the matching `highlights` offsets (and nothing else is markup). */
function expectConsistentMarks(response: SearchResponse) {
  for (const hit of response.hits) {
    for (const s of hit.sentences) expect(() => checkHighlighted(s.text, s)).not.toThrow()
  }
}

describe('GET /api/search', () => {
  it('벨라루스를 finds the seed article first and marks the stem 벨라루스', async () => {
    const r = await searchFor('벨라루스를')
    expect(r.query).toBe('벨라루스를')
    expect(r.hits[0]!.article.id).toBe(SEED)
    expect(r.hits[0]!.article.title).toContain('최양희')
    expect(r.hits[0]!.sentences.some((s) => s.html.includes('<mark>벨라루스</mark>'))).toBe(true)
    expectConsistentMarks(r)
  })

  it.each([
    ['벨라루스', ['벨라루스']],
    ['최양희 장관', ['최양희', '장관']],
    ['정보통신기술', ['정보통신기술']],
    ['ICT 협력', ['ICT', '협력']],
    ['미래창조과학부', ['미래창조과학부']],
    ['바이버', ['바이버']],
    ['한벨 포럼', ['포럼']],
    ['하이테크파크', ['하이테크파크']],
  ])('%s ranks the seed article in the top 3 and marks %j', async (q, marks) => {
    const r = await searchFor(q)
    const rank = r.hits.findIndex((h) => h.article.id === SEED)
    expect(rank).toBeGreaterThanOrEqual(0)
    expect(rank).toBeLessThan(3)
    const seedHtml = r.hits[rank]!.sentences.map((s) => s.html).join('\n')
    for (const m of marks) expect(seedHtml).toContain(`<mark>${m}</mark>`)
    expectConsistentMarks(r)
  })

  it('한벨 marks 한․벨 (U+2024) and 한-벨 in the original text', async () => {
    const r = await searchFor('한벨 포럼', '&limit=1')
    const marked = r.hits[0]!.sentences.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b)))
    expect(marked).toEqual(expect.arrayContaining(['한․벨', '포럼']))
    expect(r.hits[0]!.sentences.some((s) => s.text.includes('한-벨'))).toBe(true)
  })

  it('reports total articles, and pages with limit/offset', async () => {
    const all = await searchFor('벨라루스', '&limit=100')
    expect(all.total).toBe(all.hits.length)
    const page2 = await searchFor('벨라루스', '&limit=1&offset=1')
    expect(page2.hits).toHaveLength(1)
    expect(page2.hits[0]!.article.id).toBe(all.hits[1]!.article.id)
    expect(page2.total).toBe(all.total)
  })

  it('answers a query with no searchable words with no hits', async () => {
    const r = await searchFor('!!! ...')
    expect(r.total).toBe(0)
    expect(r.hits).toEqual([])
  })

  it('escapes markup in the query echo-free html', async () => {
    const r = await searchFor('<script>벨라루스</script>')
    for (const s of r.hits.flatMap((h) => h.sentences)) expect(s.html).not.toMatch(/<(?!\/?mark>)/)
  })
})

describe('bad input gives 4xx JSON, never 500', () => {
  it.each([
    ['/api/search', 400],
    ['/api/search?q=', 400],
    ['/api/search?q=%20%20', 400],
    [`/api/search?q=${'가'.repeat(201)}`, 400],
    ['/api/search?q=a&limit=0', 400],
    ['/api/search?q=a&limit=101', 400],
    ['/api/search?q=a&limit=abc', 400],
    ['/api/search?q=a&offset=abc', 400],
    ['/api/search?q=a&offset=-1', 400],
    ['/api/search?q=a&q=b', 400],
    ['/api/articles/nope', 404],
    ['/no/such/route', 404],
  ])('%s → %i', async (path, status) => {
    const res = await app().request(path)
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toMatch(/^[A-Z_]+$/)
    expect(body.error.message.length).toBeGreaterThan(0)
  })

  it('accepts a q of exactly 200 characters', async () => {
    const res = await app().request(`/api/search?q=${'가'.repeat(200)}`)
    expect(res.status).toBe(200)
  })
})

describe('GET /api/articles/:id and /healthz', () => {
  it('returns the seed article with its 15 de-duplicated paragraphs as sentences', async () => {
    const res = await app().request(`/api/articles/${SEED}`)
    expect(res.status).toBe(200)
    const a = (await res.json()) as { id: string; outlet: string; byline: string; sentences: Array<{ id: string; n: number; text: string }> }
    expect(a.outlet).toBe('아주경제')
    expect(a.byline).toBe('김봉철')
    expect(a.sentences[0]!.text).toBe('최양희 미래창조과학부 장관이 첫 외교 행보로 벨라루스를 선택했다.')
    expect(a.sentences.map((s) => s.n)).toEqual(a.sentences.map((_, i) => i))
  })

  it('healthz counts articles and sentences', async () => {
    const res = await app().request('/healthz')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: string; articles: number; sentences: number }
    expect(body).toMatchObject({ status: 'ok', articles: 631 })
    expect(body.sentences).toBeGreaterThan(6000)
  })
})
