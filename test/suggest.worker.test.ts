// The suggester inside workerd: es-hangul and the dictionary build run unchanged in the Worker.
import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

interface SuggestBody {
  query: string
  suggestions: Array<{ text: string; kind: string; article_id?: string }>
}

const get = (path: string) => exports.default.fetch(new Request(`http://worker.test${path}`))

describe('Worker /api/suggest', () => {
  it.each([
    ['ㅂㄹㄹㅅ', '벨라루스'],
    ['벨라ㄹ', '벨라루스'],
    ['ㅁㄹㅊㅈㄱㅎㅂ', '미래창조과학부'],
  ])('%s lists %s first', async (q, first) => {
    const res = await get(`/api/suggest?q=${encodeURIComponent(q)}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as SuggestBody
    expect(body.suggestions[0]).toEqual({ text: first, kind: 'term' })
  })

  it('rejects limit=21 with a 400 JSON error', async () => {
    const res = await get('/api/suggest?q=a&limit=21')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_QUERY')
  })

  it('serves the search page and its script', async () => {
    const page = await get('/')
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const src = /<script src="([^"]+)"/.exec(await page.text())![1]!
    const script = await get(src)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
  })
})
