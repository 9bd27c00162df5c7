// GET /api/suggest over the bundled corpus, through app().request(): half-typed syllables, 초성 and
// English-mode typing complete to the words people meant, and bad parameters are 400 JSON errors.
import { describe, expect, it } from 'vitest'
import { SEED, useBundledApp } from './helpers/bundled-app.ts'
import type { SuggestResponse } from '../src/search/suggest.ts'

const app = useBundledApp()

async function suggestFor(q: string, extra = ''): Promise<SuggestResponse> {
  const res = await app().request(`/api/suggest?q=${encodeURIComponent(q)}${extra}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return (await res.json()) as SuggestResponse
}

describe('GET /api/suggest', () => {
  it.each([
    ['ㅂㄹㄹㅅ', '벨라루스'], // 초성 only
    ['벨라ㄹ', '벨라루스'], // half-typed final syllable
    ['벨랄', '벨라루스'], // the same keystrokes as the IME joins them
    ['벨라루ㅅ', '벨라루스'],
    ['ㅁㄹㅊㅈㄱㅎㅂ', '미래창조과학부'],
    ['qpffkfntm', '벨라루스'], // typed with the keyboard in English mode
  ])('%s lists %s first', async (q, first) => {
    const body = await suggestFor(q)
    expect(body.query).toBe(q)
    expect(body.suggestions[0]).toEqual({ text: first, kind: 'term' })
  })

  it('qpffk (English mode, half-typed) suggests 벨라…', async () => {
    const texts = (await suggestFor('qpffk')).suggestions.map((s) => s.text)
    expect(texts).toContain('벨라루스')
  })

  it('lists the seed article by its title, with its id', async () => {
    const { suggestions } = await suggestFor('벨라ㄹ')
    expect(suggestions).toContainEqual({
      text: '최양희 미래창조과학부 장관이 첫 외교 행보로 벨라루스를 선택했다.',
      kind: 'title',
      article_id: SEED,
    })
  })

  it('returns 8 suggestions by default and honours limit', async () => {
    expect((await suggestFor('ㅂ')).suggestions).toHaveLength(8)
    expect((await suggestFor('ㅂ', '&limit=20')).suggestions).toHaveLength(20)
    expect((await suggestFor('ㅂ', '&limit=1')).suggestions).toHaveLength(1)
  })

  it('answers text it cannot complete with no suggestions', async () => {
    expect((await suggestFor('<script>alert(1)</script>')).suggestions).toEqual([])
  })
})

describe('bad /api/suggest parameters give 400 JSON', () => {
  it.each([
    '/api/suggest',
    '/api/suggest?q=',
    '/api/suggest?q=%20',
    `/api/suggest?q=${'가'.repeat(51)}`,
    '/api/suggest?q=a&limit=0',
    '/api/suggest?q=a&limit=21',
    '/api/suggest?q=a&limit=two',
    '/api/suggest?q=a&q=b',
  ])('%s → 400', async (path) => {
    const res = await app().request(path)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('BAD_QUERY')
    expect(body.error.message.length).toBeGreaterThan(0)
  })

  it('accepts a q of exactly 50 characters', async () => {
    expect((await app().request(`/api/suggest?q=${'가'.repeat(50)}`)).status).toBe(200)
  })
})
