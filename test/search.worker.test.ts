// The Worker inside workerd: the same app and the bundled index answer /api/search unchanged.
import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const SEED = '000_df47cecabbcbfc25'

interface SearchBody {
  total: number
  corrected?: { from: string; to: string }
  hits: Array<{ article: { id: string }; sentences: Array<{ html: string; highlights: Array<[number, number]>; text: string }> }>
}

const get = (path: string) => exports.default.fetch(new Request(`http://worker.test${path}`))

describe('Worker /api/search', () => {
  it('벨라루스 finds the seed article first with <mark>벨라루스</mark>', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('벨라루스')}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as SearchBody
    expect(body.hits[0]!.article.id).toBe(SEED)
    const sentence = body.hits[0]!.sentences[0]!
    expect(sentence.html).toContain('<mark>벨라루스</mark>')
    for (const [a, b] of sentence.highlights) expect(sentence.text.slice(a, b)).toBe('벨라루스')
  })

  it('한벨 포럼 finds 한․벨 through the joined eojeol', async () => {
    const body = (await (await get(`/api/search?q=${encodeURIComponent('한벨 포럼')}`)).json()) as SearchBody
    expect(body.hits[0]!.article.id).toBe(SEED)
  })

  it('forgives a wrong keyboard layout and a half-typed syllable (es-hangul runs in workerd)', async () => {
    const layout = (await (await get('/api/search?q=qpffkfntm')).json()) as SearchBody
    expect(layout.corrected).toEqual({ from: 'qpffkfntm', to: '벨라루스' })
    expect(layout.hits[0]!.article.id).toBe(SEED)
    const typing = (await (await get(`/api/search?q=${encodeURIComponent('벨라ㄹ')}`)).json()) as SearchBody
    expect(typing.hits.some((h) => h.article.id === SEED)).toBe(true)
  })

  it('rejects a blank query with a 400 JSON error', async () => {
    const res = await get('/api/search?q=')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_QUERY')
  })

  it.each([
    ['POST', '/api/articles'],
    ['PUT', '/api/articles/000_df47cecabbcbfc25'],
    ['DELETE', '/api/articles/000_df47cecabbcbfc25'],
  ])('is read-only: %s %s answers 403 WRITES_DISABLED (writes need the Node server)', async (method, path) => {
    const body = method === 'DELETE' ? undefined : JSON.stringify({ title: '양자컴퓨터 연구소', body: '연구소가 문을 열었다.' })
    const res = await exports.default.fetch(
      new Request(`http://worker.test${path}`, { method, body, headers: { 'content-type': 'application/json', authorization: 'Bearer some-token-0123456789' } }),
    )
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('WRITES_DISABLED')
    expect((await get('/api/articles/000_df47cecabbcbfc25')).status).toBe(200)
  })

  it('serves /healthz and 404s unknown articles', async () => {
    expect(((await (await get('/healthz')).json()) as { articles: number }).articles).toBe(631)
    expect((await get('/api/articles/nope')).status).toBe(404)
  })

  it('sends the secure headers and rejects malformed percent-encoding, as under Node', async () => {
    const res = await get('/api/search?q=%ED%A0%80')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
