// The write API: POST /api/articles behind a bearer token, the new article searchable at once, and
// the Node journal that brings accepted articles back after a restart.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAnalyzer } from '../src/analysis/analyzers.ts'
import { createApp } from '../src/api/app.ts'
import { MAX_BODY_BYTES } from '../src/api/security.ts'
import type { SearchIndex } from '../src/index/search-index.ts'
import { appendToJournal, replayJournal } from '../src/runtime/journal.ts'
import { indexAnalyzerOptions, loadOrBuildIndex } from '../src/runtime/node-index.ts'
import type { Article } from '../src/types.ts'
import { SEED, type App } from './helpers/bundled-app.ts'

const TOKEN = 'test-token-0123456789abcdef'
const ARTICLE = {
  id: 'live-quantum-1',
  title: '양자컴퓨팅연구소 첫 시연회',
  body: '서울 강남구에 문을 연 양자컴퓨팅연구소가 25일 첫 시연회를 열었다.\n연구소는 내년까지 연구원을 두 배로 늘린다.',
  outlet: '테스트일보',
  published_at: '2026-11-25',
}

let index: SearchIndex
let app: App
const persisted: Article[] = []
const logged: string[] = []
let failPersist = false

beforeAll(async () => {
  index = await loadOrBuildIndex(() => {})
  const persist = (article: Article) => {
    if (failPersist) throw new Error('disk full')
    persisted.push(article)
  }
  app = createApp({ getIndex: () => index, writes: { token: TOKEN, analyzer: createAnalyzer(indexAnalyzerOptions()), persist, log: (l) => logged.push(l) } })
}, 120_000)

/** What the API answers, loosely typed for assertions. */
type Json = { error: { code: string; message: string } } & Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json

const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  app.request('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('auth', () => {
  it.each([
    ['no Authorization header', {}, 401, 'UNAUTHORIZED', 'no bearer token'],
    ['a wrong token', { authorization: 'Bearer wrong-token-but-well-formed' }, 401, 'UNAUTHORIZED', 'wrong bearer token'],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }, 400, 'BAD_REQUEST', 'malformed Authorization header'],
  ])('refuses %s with %i JSON and logs why, without the secret', async (_, headers, status, code, reason) => {
    logged.length = 0
    const res = await post(ARTICLE, headers)
    expect(res.status).toBe(status)
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await json(res)).toEqual({ error: { code, message: reason } })
    expect(logged).toEqual([`auth: refused POST /api/articles: ${reason}`])
    expect(logged.join()).not.toMatch(/wrong-token|dXNlcjpwYXNz|test-token/)
    expect(index.store.articleById(ARTICLE.id)).toBeUndefined()
  })
})

describe('POST /api/articles', () => {
  it('adds the article: 201, journaled first, searchable, suggested and readable at once', async () => {
    const suggested = async () => (await json(await app.request('/api/suggest?q=양자컴'))).suggestions.map((s: { text: string }) => s.text)
    expect(await suggested()).not.toContain('양자컴퓨팅연구소') // the suggester is built before the write
    const res = await post(ARTICLE)
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe('/api/articles/live-quantum-1')
    expect(await json(res)).toMatchObject({ id: ARTICLE.id, title: ARTICLE.title, sentences: 2 })
    expect(persisted.map((a) => a.id)).toEqual([ARTICLE.id])

    const found = await json(await app.request('/api/search?q=양자컴퓨팅연구소'))
    expect(found.hits[0].article).toMatchObject({ id: ARTICLE.id, outlet: '테스트일보', published_at: '2026-11-25' })
    expect(found.hits[0].sentences[0].html).toContain('<mark>양자컴퓨팅연구소</mark>가')
    // 연구원을 → 연구원: the live tier is analysed like the archive.
    const stem = await json(await app.request('/api/search?q=연구원'))
    expect(stem.hits.map((h: { article: { id: string } }) => h.article.id)).toContain(ARTICLE.id)

    // 양자컴 → the new word and the new title, without a restart.
    expect(await suggested()).toEqual(expect.arrayContaining(['양자컴퓨팅연구소', '양자컴퓨팅연구소 첫 시연회']))
    expect(await json(await app.request('/api/suggest?q=ㅇㅈㅋㅍㅌ'))).toMatchObject({ suggestions: expect.arrayContaining([expect.objectContaining({ text: '양자컴퓨팅연구소' })]) })

    const read = await app.request('/api/articles/live-quantum-1')
    expect(read.status).toBe(200)
    expect((await json(read)).sentences).toHaveLength(2)
  })

  it('mines the acronyms a written article defines: KINAC finds the long form without a restart', async () => {
    const before = await json(await app.request('/api/search?q=KINAC'))
    expect(before.total).toBe(0)
    const res = await post({
      id: 'live-kinac-1',
      title: '핵안보 점검 결과 발표',
      body: '한국원자력통제기술원(KINAC)은 25일 점검 결과를 발표했다.\n한국원자력통제기술원은 내년에 점검 대상을 늘린다.',
    })
    expect(res.status).toBe(201)
    expect(index.meta.acronyms).toContainEqual(['한국원자력통제기술원', 'kinac', 1])
    const found = await json(await app.request('/api/search?q=KINAC'))
    expect(found.hits[0].article.id).toBe('live-kinac-1')
    const htmls = found.hits[0].sentences.map((s: { html: string }) => s.html)
    expect(htmls).toContain('<mark>한국원자력통제기술원</mark>은 내년에 점검 대상을 늘린다.')
  })

  it.each([
    ['an id already written', ARTICLE.id],
    ['an id of the bundled corpus', SEED],
  ])('answers 409 for %s', async (_, id) => {
    const before = index.meta.sentences
    const res = await post({ ...ARTICLE, id })
    expect(res.status).toBe(409)
    expect((await json(res)).error.code).toBe('CONFLICT')
    expect(index.meta.sentences).toBe(before)
  })

  it.each([
    ['not JSON', '{"title": "깨진', 'BAD_REQUEST'],
    ['no body', { title: '제목만' }, 'BAD_QUERY'],
    ['a blank title', { title: '  ', body: '본문.' }, 'BAD_QUERY'],
    ['an impossible date', { title: '제목', body: '본문.', published_at: '2015-02-30' }, 'BAD_QUERY'],
    ['an id with a slash', { id: 'a/b', title: '제목', body: '본문.' }, 'BAD_QUERY'],
    ['an id that is a path segment', { id: '..', title: '제목', body: '본문.' }, 'BAD_QUERY'], // found by the fuzzer: /api/articles/. reads /api/articles/
    ['a relative url', { title: '제목', body: '본문.', url: '/news/1' }, 'BAD_QUERY'],
    ['an array', [ARTICLE], 'BAD_QUERY'],
  ])('answers 400 JSON for %s', async (_, body, code) => {
    const res = await post(body)
    expect(res.status).toBe(400)
    expect((await json(res)).error.code).toBe(code)
  })

  it('answers 413 for a body over the limit', async () => {
    const res = await post({ title: '긴 기사', body: '가'.repeat(MAX_BODY_BYTES) })
    expect(res.status).toBe(413)
  })

  it('does not index an article it could not make durable', async () => {
    failPersist = true
    try {
      const res = await post({ ...ARTICLE, id: 'live-not-saved' })
      expect(res.status).toBe(500)
      expect(await json(res)).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } })
      expect(index.store.articleById('live-not-saved')).toBeUndefined()
    } finally {
      failPersist = false
    }
  })
})

it.each([
  ['short-token', /at least 16 characters/],
  ['a token with spaces in it', /only letters, digits/],
])('refuses to start writes with the token %j', (token, why) => {
  expect(() => createApp({ getIndex: () => index, writes: { token, analyzer: createAnalyzer(), persist: () => {} } })).toThrow(why)
})

it('is refused with 403 on a read-only server (the Worker)', async () => {
  const readOnly = createApp({ getIndex: () => index })
  const res = await readOnly.request('/api/articles', { method: 'POST', body: JSON.stringify(ARTICLE), headers: { authorization: `Bearer ${TOKEN}` } })
  expect(res.status).toBe(403)
  expect((await json(res)).error.code).toBe('WRITES_DISABLED')
})

describe('journal', () => {
  it('replays accepted articles once, skipping a torn last line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'live-articles.jsonl')
    const fresh = await loadOrBuildIndex(() => {})
    const article: Article = { id: 'journal-1', title: '한벨 포럼 재개', body: '한벨 포럼이 다시 열렸다.', outlet: null, byline: null, published_at: null, section: null, url: null }
    appendToJournal(article, file)
    appendToJournal(article, file) // a retried write: one article
    writeFileSync(file, readFileSync(file, 'utf8') + '{"id":"journal-2","tit', { flag: 'w' })
    const warnings: string[] = []
    expect(replayJournal(fresh, createAnalyzer(indexAnalyzerOptions()), file, (l) => warnings.push(l))).toBe(1)
    expect(warnings).toEqual([`journal: ${file}:3 is not a whole JSON line; skipped`])
    expect(fresh.store.articleById('journal-1')?.title).toBe('한벨 포럼 재개')
    expect(replayJournal(fresh, createAnalyzer(indexAnalyzerOptions()), file, () => {})).toBe(0) // already in the index
  })
})
