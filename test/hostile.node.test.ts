// Hostile input through app.request(): one row per class of docs/hostile-inputs.md, each giving a
// 2xx with sane results or a 4xx JSON error — never a 5xx, a stack trace or unescaped markup.
// URLs are written by hand, so invalid percent-encoding reaches the app as sent.
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAnalyzer } from '../src/analysis/analyzers.ts'
import { createApp } from '../src/api/app.ts'
import { handleError } from '../src/api/errors.ts'
import { MAX_BODY_BYTES } from '../src/api/security.ts'
import { checkSearchAnswer } from '../src/cli/fuzz-checks.ts'
import { SearchError } from '../src/errors.ts'
import type { SearchIndex } from '../src/index/search-index.ts'
import { loadOrBuildIndex } from '../src/runtime/node-index.ts'
import { MAX_QUERY_WORDS, MAX_TERMS_PER_FIELD } from '../src/search/limits.ts'
import { analyzeQuery } from '../src/search/query.ts'
import type { SearchResponse } from '../src/search/search.ts'

let index: SearchIndex
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  index = await loadOrBuildIndex(() => {})
  app = createApp({ getIndex: () => index })
}, 120_000)

const enc = encodeURIComponent
const search = (q: string, extra = '') => `/api/search?q=${q}${extra}`

/** What a row expects: a status, the error code of a 4xx, and for a 200 whether hits are expected. */
interface Row {
  /** Class name: the first column of docs/hostile-inputs.md. */
  name: string
  path: string
  init?: RequestInit
  status: number
  code?: string
  hits?: 'none' | 'some'
}

const ROWS: Row[] = [
  { name: 'query at the length limit', path: search(enc('가'.repeat(200))), status: 200 },
  { name: 'query over the length limit', path: search(enc('가'.repeat(201))), status: 400, code: 'BAD_QUERY' },
  { name: '10,000-character query', path: search(enc('벨라루스 '.repeat(2000))), status: 400, code: 'BAD_QUERY' },
  { name: 'hundred-word query', path: search(enc(`벨라루스 ${Array.from({ length: 97 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[i % 36]).join(' ')}`)), status: 200, hits: 'some' },
  { name: 'thousands of parameters', path: search(enc('벨라루스'), Array.from({ length: 2000 }, (_, i) => `&x${i}=${i}`).join('')), status: 200, hits: 'some' },
  { name: 'one-syllable query', path: search(enc('책')), status: 200, hits: 'some' },
  { name: 'particle-only query', path: search(enc('은 는 이 가 을 를 의')), status: 200, hits: 'some' },
  { name: 'operator soup', path: search(enc('"""---')), status: 200, hits: 'none' },
  { name: 'boolean and wildcard syntax', path: search(enc('벨라루스 AND -포럼 OR 장관* "ICT"~2')), status: 200, hits: 'some' },
  { name: 'regex-like input', path: search(enc('.*(a|b)+[^가]\\d{3}$')), status: 200 },
  { name: 'Object.prototype key as a word', path: search(enc('constructor 벨라루스')), status: 200, hits: 'some' },
  { name: 'NUL byte', path: search('%00'), status: 200, hits: 'none' },
  { name: 'control characters and bidi overrides', path: search(enc('\u202E\u0007벨라루스\u200F\u0000')), status: 200, hits: 'some' },
  { name: 'emoji and ZWJ sequences', path: search(enc('👨‍👩‍👧‍👦벨라루스🇰🇷')), status: 200, hits: 'some' },
  { name: 'conjoining jamo', path: search(enc('\u1107\u1166\u11AF\u1105\u1161\u1105\u116E\u1109\u1173')), status: 200, hits: 'some' },
  { name: 'lone surrogate (raw)', path: search('\uD800벨라루스'), status: 200, hits: 'some' },
  { name: 'lone surrogate (percent-encoded)', path: search('%ED%A0%80'), status: 400, code: 'BAD_QUERY' },
  { name: 'invalid percent-encoding', path: search('%ZZ'), status: 400, code: 'BAD_QUERY' },
  { name: 'truncated percent-encoding', path: search('%E0%A4%A'), status: 400, code: 'BAD_QUERY' },
  { name: 'bare percent sign', path: search('%'), status: 400, code: 'BAD_QUERY' },
  { name: 'HTML and script in the query', path: search(enc('<script>alert(1)</script>벨라루스"\'&')), status: 200, hits: 'some' },
  { name: 'blank query', path: search(enc(' \t\n')), status: 400, code: 'BAD_QUERY' },
  { name: 'missing query', path: '/api/search', status: 400, code: 'BAD_QUERY' },
  { name: 'repeated parameter', path: search('a', '&q=b'), status: 400, code: 'BAD_QUERY' },
  { name: 'repeated limit', path: search('a', '&limit=1&limit=2'), status: 400, code: 'BAD_QUERY' },
  { name: 'array-style parameter', path: '/api/search?q[]=a', status: 400, code: 'BAD_QUERY' },
  { name: 'limit out of range', path: search('a', '&limit=101'), status: 400, code: 'BAD_QUERY' },
  { name: 'non-decimal limit', path: search('a', '&limit=1e3'), status: 400, code: 'BAD_QUERY' },
  { name: 'negative offset', path: search('a', '&offset=-1'), status: 400, code: 'BAD_QUERY' },
  { name: 'offset past the last hit', path: search(enc('벨라루스'), '&offset=100000'), status: 200, hits: 'none' },
  { name: 'path traversal in an article id', path: '/api/articles/..%2F..%2Fetc%2Fpasswd', status: 404, code: 'NOT_FOUND' },
  { name: 'markup in an article id', path: `/api/articles/${enc('<img src=x onerror=alert(1)>')}`, status: 404, code: 'NOT_FOUND' },
  { name: 'unknown route', path: '/admin', status: 404, code: 'NOT_FOUND' },
  { name: 'unsupported method', path: search('a'), init: { method: 'DELETE' }, status: 404, code: 'NOT_FOUND' },
  { name: 'small request body', path: search('a'), init: { method: 'POST', body: '{"q":"a"}' }, status: 404, code: 'NOT_FOUND' },
  {
    name: 'body over the size limit',
    path: search('a'),
    init: { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1), headers: { 'content-length': String(MAX_BODY_BYTES + 1) } },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'streamed body over the size limit',
    path: search('a'),
    init: { method: 'POST', body: streamOf(MAX_BODY_BYTES + 1), duplex: 'half' } as RequestInit,
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
]

/** A body with no content-length, so the limit must count the bytes as they stream. */
function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let left = bytes
  return new ReadableStream({
    pull(controller) {
      const n = Math.min(left, 16 * 1024)
      controller.enqueue(new Uint8Array(n).fill(120))
      left -= n
      if (left === 0) controller.close()
    },
  })
}

describe('hostile input gives a 2xx with sane results or a 4xx JSON error', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_, row) => {
    const res = await app.request(row.path, row.init)
    expect(res.status).toBe(row.status)
    await checkSearchAnswer(res.clone())
    const body = (await res.json()) as SearchResponse & { error?: { code: string } }
    if (row.code) expect(body.error?.code).toBe(row.code)
    if (row.hits === 'some') expect(body.hits.length).toBeGreaterThan(0)
    if (row.hits === 'none') expect(body.hits).toEqual([])
  })

  it('lists every class in docs/hostile-inputs.md, and nothing the tests do not cover', () => {
    const doc = readFileSync(new URL('../docs/hostile-inputs.md', import.meta.url), 'utf8').split('## Limits')[0]!
    const documented = [...doc.matchAll(/^\| ([^|]+?) \|/gm)].map((m) => m[1]!).filter((c) => c !== 'Input class')
    expect(documented).toEqual(ROWS.map((r) => r.name))
  })
})

describe('query work is capped (src/search/limits.ts)', () => {
  const analyzer = createAnalyzer()

  it(`counts at most ${MAX_QUERY_WORDS} distinct words, a repeated word once`, () => {
    const words = Array.from({ length: 100 }, (_, i) => `단어${String.fromCharCode(0xac00 + i)}`)
    expect(analyzeQuery(words.join(' '), analyzer).words).toHaveLength(MAX_QUERY_WORDS)
    expect(analyzeQuery('정부 정부는 정부', analyzer).words.map((w) => w.text)).toEqual(['정부', '정부는'])
  })

  it(`searches at most ${MAX_TERMS_PER_FIELD} terms per field, and words keep only searched terms`, () => {
    const eojeol = Array.from({ length: 199 }, (_, i) => String.fromCharCode(0xac00 + i * 7)).join('')
    const query = analyzeQuery(eojeol, analyzer)
    expect(query.terms.bigram).toHaveLength(MAX_TERMS_PER_FIELD)
    expect(query.words[0]!.terms.bigram).toEqual(query.terms.bigram)
  })

  it(`ignores words past the ${MAX_QUERY_WORDS}th: 벨라루스 after ${MAX_QUERY_WORDS} fillers finds nothing`, async () => {
    const fillers = (n: number) => Array.from({ length: n }, (_, i) => `qx${i}`).join(' ')
    const hits = async (q: string) => ((await (await app.request(search(enc(q)))).json()) as SearchResponse).hits
    expect(await hits(`${fillers(MAX_QUERY_WORDS - 1)} 벨라루스`)).not.toEqual([])
    expect(await hits(`${fillers(MAX_QUERY_WORDS)} 벨라루스`)).toEqual([])
  })
})

describe('security', () => {
  it.each([
    ['a search', search(enc('벨라루스'))],
    ['a 400', '/api/search'],
    ['a 404', '/nope'],
    ['a 413', search('a')],
  ])('sends secure headers on %s', async (what, path) => {
    const init = what === 'a 413' ? { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1) } : undefined
    const res = await app.request(path, init)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('answers an internal error with a generic 500 body: no message, no stack', async () => {
    const secret = 'ENOENT: /srv/secret/index.json.gz'
    const failing = createApp({
      getIndex: () => {
        throw new Error(secret)
      },
    })
    const errors: unknown[] = []
    const log = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      const res = await failing.request(search('a'))
      expect(res.status).toBe(500)
      const text = await res.text()
      expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } })
      expect(text).not.toContain('ENOENT')
      expect(text).not.toMatch(/\bat\b.*\.ts/)
    } finally {
      console.error = log
    }
    expect(errors).toHaveLength(1) // logged server-side, once
  })

  it('keeps the 4xx of an HTTPException from Hono middleware, as JSON', async () => {
    const thrower = new Hono()
    thrower.get('/auth', () => {
      throw new HTTPException(401, { message: 'missing bearer token' })
    })
    thrower.onError(handleError)
    const res = await thrower.request('/auth')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'missing bearer token' } })
  })

  it('answers a missing index with a 503 that hides the cause', async () => {
    const failing = createApp({
      getIndex: () => {
        throw new SearchError('INDEX_NOT_FOUND', 'index: /srv/secret/index.json.gz missing')
      },
    })
    const log = console.error
    console.error = () => {}
    try {
      const res = await failing.request('/healthz')
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ error: { code: 'INDEX_NOT_FOUND', message: 'the search index is not available' } })
    } finally {
      console.error = log
    }
  })
})
