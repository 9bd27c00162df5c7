// /api/analyze shows the tokens the analyzer produces, with offsets into the original text.
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/api/app.ts'
import { loadOrBuildIndex } from '../src/runtime/node-index.ts'

interface AnalyzeBody {
  text: string
  tokens: Array<{ kind: string; term: string; start: number; end: number; field: string | null; text: string; aliases?: string[] }>
}

let app: ReturnType<typeof createApp>
beforeAll(async () => {
  const index = await loadOrBuildIndex(() => {})
  app = createApp({ getIndex: () => index })
}, 120_000)

const analyze = async (text: string) => {
  const res = await app.request(`/api/analyze?text=${encodeURIComponent(text)}`)
  expect(res.status).toBe(200)
  return (await res.json()) as AnalyzeBody
}

describe('GET /api/analyze', () => {
  it('한국정보화진흥원(NIA)를 shows the whole word, NIA and offsets into the original', async () => {
    const text = '한국정보화진흥원(NIA)를'
    const body = await analyze(text)
    const terms = body.tokens.map((t) => `${t.kind}:${t.term}`)
    expect(terms).toContain('surface:한국정보화진흥원')
    expect(terms).toContain('stem:한국정보화진흥원')
    expect(terms).toContain('latin:nia')
    for (const t of body.tokens) expect(t.text).toBe(text.slice(t.start, t.end))
    // the acronym mined from the seed article's 한국정보화진흥원(NIA)
    expect(body.tokens.find((t) => t.term === 'nia')!.aliases).toContain('한국정보화진흥원')
  })

  it('shows synonyms from corpus/synonyms.txt: 미래부 → 미래창조과학부', async () => {
    const body = await analyze('미래부는')
    expect(body.tokens.find((t) => t.kind === 'stem')).toMatchObject({ term: '미래부', aliases: ['미래창조과학부'] })
  })

  it('rejects a missing text with 400', async () => {
    expect((await app.request('/api/analyze')).status).toBe(400)
  })
})

describe('alias expansion in search', () => {
  it('NIA also finds and marks 한국정보화진흥원 (mined acronym)', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent('NIA')}`)
    const body = (await res.json()) as { hits: Array<{ sentences: Array<{ html: string }> }> }
    expect(body.hits[0]!.sentences[0]!.html).toContain('<mark>한국정보화진흥원</mark>')
  })

  it('미래부 finds articles that only say 미래창조과학부', async () => {
    const res = await app.request(`/api/search?limit=100&q=${encodeURIComponent('미래부')}`)
    const body = (await res.json()) as { hits: Array<{ sentences: Array<{ text: string }> }> }
    expect(body.hits.some((h) => h.sentences.every((s) => !s.text.includes('미래부') && s.text.includes('미래창조과학부')))).toBe(true)
  })
})
