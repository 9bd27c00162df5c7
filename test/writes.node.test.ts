// The write API: POST /api/articles behind a bearer token, the new article searchable at once, and
// the Node journal that brings accepted articles back after a restart.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAnalyzer } from '../src/analysis/analyzers.ts'
import { createApp } from '../src/api/app.ts'
import type { ArticleChange } from '../src/api/writes.ts'
import { MAX_BODY_BYTES } from '../src/api/security.ts'
import type { SearchIndex } from '../src/index/search-index.ts'
import { appendToJournal, replayJournal } from '../src/runtime/journal.ts'
import { indexAnalyzerOptions, loadOrBuildIndex } from '../src/runtime/node-index.ts'
import type { Article } from '../src/types.ts'
import { matchSentences } from '../src/search/match-sentences.ts'
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
const persisted: ArticleChange[] = []
const logged: string[] = []
let failPersist = false

beforeAll(async () => {
  index = await loadOrBuildIndex(() => {})
  const persist = (change: ArticleChange) => {
    if (failPersist) throw new Error('disk full')
    persisted.push(change)
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
    expect(persisted.map((change) => 'article' in change && change.article.id)).toEqual([ARTICLE.id])

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

describe('PUT and DELETE /api/articles/:id', () => {
  const ARCHIVED = 'kowikinews-b77494f05b19' // the only bundled article about 사채업자
  const hitIds = async (q: string) => (await json(await app.request(`/api/search?q=${encodeURIComponent(q)}`))).hits.map((h: { article: { id: string } }) => h.article.id)
  const send = (method: 'PUT' | 'DELETE', id: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    app.request(`/api/articles/${encodeURIComponent(id)}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  it('replaces an archived article: 200, the new text found at once, the old one no longer', async () => {
    expect((await hitIds('사채업자'))[0]).toBe(ARCHIVED)
    const correction = async (q: string) => (await json(await app.request(`/api/search?q=${encodeURIComponent(q)}`))).corrected?.to
    expect(await correction('사채업쟈 ')).toBe('사채업자')
    const before = index.meta.articles
    const res = await send('PUT', ARCHIVED, { title: '대부업 피해 판결 정정', body: '법원은 대부업자에게 징역 1년을 선고했다.', outlet: '위키뉴스' })
    expect(res.status).toBe(200)
    expect(await json(res)).toMatchObject({ id: ARCHIVED, replaced: true, sentences: 1, articles: before })
    expect(persisted.at(-1)).toMatchObject({ article: { id: ARCHIVED, title: '대부업 피해 판결 정정' } })
    // Only the new version can match now (업자 in 대부업자): no sentence of the old one is shown.
    const old = await json(await app.request('/api/search?q=사채업자'))
    expect(old.hits.flatMap((h: { sentences: Array<{ text: string }> }) => h.sentences.map((x) => x.text)).join(' ')).not.toContain('사채')
    expect((await hitIds('대부업자'))[0]).toBe(ARCHIVED)
    const read = await json(await app.request(`/api/articles/${ARCHIVED}`))
    expect(read).toMatchObject({ title: '대부업 피해 판결 정정', sentences: [{ text: '법원은 대부업자에게 징역 1년을 선고했다.' }] })
    // The old title is no longer suggested, the new one is.
    const titles = async (q: string) =>
      (await json(await app.request(`/api/suggest?q=${encodeURIComponent(q)}`))).suggestions.filter((s: { kind: string }) => s.kind === 'title').map((s: { text: string }) => s.text)
    expect(await titles('사채 부담')).not.toContain('사채 부담으로 사망에 이른 부녀 사건의 사채업자 징역 10월 판결')
    expect(await titles('대부업 피해')).toContain('대부업 피해 판결 정정')
    // Words only the old version had are no longer suggested either.
    const words = async (q: string) => (await json(await app.request(`/api/suggest?q=${encodeURIComponent(q)}`))).suggestions.map((s: { text: string }) => s.text)
    expect(await words('사채')).toEqual([]) // were 사채, 사채업자, 사채업자들 and the title
    // …nor offered as a correction or a completion: only the retracted version had them.
    expect(await correction('사채업쟈 ')).toBeUndefined()
    const analyzer = index.queryAnalyzer
    const planned = (q: string) => matchSentences(index, analyzer, q, {}).plan.terms.map((t) => t.term)
    expect(planned('사채업')).not.toContain('사채업자')
    expect(planned('대부업')).toContain('대부업자')
    expect(await words('대부업')).toContain('대부업자')
  })

  it('replaces a live article again (the newest version wins) and creates one that did not exist (201)', async () => {
    const created = await send('PUT', 'live-put-1', { title: '첫 판', body: '해오라기 떼가 한강에 나타났다.' })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe('/api/articles/live-put-1')
    expect(await json(created)).toMatchObject({ replaced: false })
    expect((await send('PUT', 'live-put-1', { id: 'live-put-1', title: '둘째 판', body: '왜가리 떼가 한강에 나타났다.' })).status).toBe(200)
    expect(await hitIds('해오라기')).not.toContain('live-put-1')
    expect((await hitIds('왜가리'))[0]).toBe('live-put-1')
    expect((await json(await app.request('/api/articles/live-put-1'))).title).toBe('둘째 판')
  })

  it('deletes: 200, gone from search, totals and reads; a second delete is 404', async () => {
    const search = async () => json(await app.request('/api/search?q=왜가리 떼'))
    const before = await search()
    expect(before.hits[0].article.id).toBe('live-put-1')
    const articles = index.meta.articles
    const res = await send('DELETE', 'live-put-1')
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({ id: 'live-put-1', deleted: true, articles: articles - 1 })
    expect(persisted.at(-1)).toEqual({ deleted: 'live-put-1' })
    const after = await search()
    expect(after.total).toBe(before.total - 1)
    expect(after.hits.map((h: { article: { id: string } }) => h.article.id)).not.toContain('live-put-1')
    expect((await app.request('/api/articles/live-put-1')).status).toBe(404)
    expect((await send('DELETE', 'live-put-1')).status).toBe(404)
  })

  it('makes a correction sent while the POST is still being saved wait for it (200, not 409)', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const slow = createApp({
      getIndex: () => index,
      writes: { token: TOKEN, analyzer: createAnalyzer(), persist: async (change) => void ('article' in change && change.article.title === '첫 판' && (await gate)) },
    })
    const request = (method: string, path: string, body: BodyInit) =>
      slow.request(path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body, duplex: 'half' } as RequestInit)
    const posted = request('POST', '/api/articles', JSON.stringify({ id: 'live-race-1', title: '첫 판', body: '두루미가 나타났다.' }))
    // The gate opens once the PUT's body has been read: its handler then queues behind the POST.
    const putBody = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ title: '둘째 판', body: '황새가 나타났다.' })))
        controller.close()
        setTimeout(release, 10)
      },
    })
    const put = request('PUT', '/api/articles/live-race-1', putBody)
    expect([(await posted).status, (await put).status]).toEqual([201, 200])
    expect(index.store.articleById('live-race-1')?.title).toBe('둘째 판')
  })

  it.each([
    ['a body id that is not the path id', 'PUT', 'live-put-2', { id: 'other', title: '제목', body: '본문.' }, 400],
    ['a path id with a space', 'PUT', 'a b', { title: '제목', body: '본문.' }, 400],
    ['no body', 'PUT', 'live-put-2', undefined, 400],
    ['a path id that cannot exist', 'DELETE', 'a b', undefined, 400],
    ['a malformed escape in the path', 'DELETE', '%E0%A4%A', undefined, 400],
  ] as const)('answers %s with %i', async (_, method, id, body, status) => {
    const res = id.startsWith('%')
      ? await app.request(`/api/articles/${id}`, { method, headers: { authorization: `Bearer ${TOKEN}` } })
      : await send(method, id, body)
    expect(res.status).toBe(status)
    expect((await json(res)).error.code).toMatch(/BAD_/)
    expect(index.store.articleById('live-put-2')).toBeUndefined()
  })

  it('refuses changes without the token (401) and on a read-only server (403)', async () => {
    expect((await send('DELETE', SEED, undefined, {})).status).toBe(401)
    expect((await send('PUT', SEED, { title: '제목', body: '본문.' }, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401)
    expect(index.store.articleById(SEED)).toBeDefined()
    const readOnly = createApp({ getIndex: () => index })
    for (const method of ['PUT', 'DELETE']) {
      const res = await readOnly.request(`/api/articles/${SEED}`, { method, body: JSON.stringify(ARTICLE), headers: { authorization: `Bearer ${TOKEN}` } })
      expect(res.status).toBe(403)
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
  it('replays accepted articles once, cutting off a torn last line so the next write starts a line of its own', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'live-articles.jsonl')
    const fresh = await loadOrBuildIndex(() => {})
    const article: Article = { id: 'journal-1', title: '한벨 포럼 재개', body: '한벨 포럼이 다시 열렸다.', outlet: null, byline: null, published_at: null, section: null, url: null }
    appendToJournal({ article }, file)
    appendToJournal({ article }, file) // a retried write: one article
    writeFileSync(file, readFileSync(file, 'utf8') + '{"id":"journal-2","tit', { flag: 'w' })
    const warnings: string[] = []
    expect(replayJournal(fresh, createAnalyzer(indexAnalyzerOptions()), file, (l) => warnings.push(l))).toBe(1)
    expect(warnings).toEqual([`journal: ${file} ends in a torn line (22 bytes of a write never answered); cut off`])
    expect(fresh.store.articleById('journal-1')?.title).toBe('한벨 포럼 재개')
    expect(fresh.meta.journalBytes).toBe(statSync(file).size)
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true)
    // The next write is a line of its own; a replay reads only what the index does not hold yet.
    appendToJournal({ article: { ...article, id: 'journal-2' } }, file)
    expect(replayJournal(fresh, createAnalyzer(indexAnalyzerOptions()), file, () => {})).toBe(1)
    expect(fresh.store.articleById('journal-2')?.title).toBe('한벨 포럼 재개')
    const again = await loadOrBuildIndex(() => {}) // nothing held: all of it, each article once
    expect(replayJournal(again, createAnalyzer(indexAnalyzerOptions()), file, () => {})).toBe(2)
  })

  it('replays replacements and deletions: the last change of each id wins, and a second replay changes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'live-articles.jsonl')
    const fresh = await loadOrBuildIndex(() => {})
    const base = { outlet: null, byline: null, published_at: null, section: null, url: null }
    appendToJournal({ article: { ...base, id: 'journal-3', title: '첫 판', body: '해오라기 떼가 나타났다.' } }, file)
    appendToJournal({ article: { ...base, id: 'journal-3', title: '둘째 판', body: '왜가리 떼가 나타났다.' } }, file)
    appendToJournal({ deleted: SEED }, file)
    appendToJournal({ article: { ...base, id: 'journal-4', title: '곧 지울 기사', body: '지울 기사다.' } }, file)
    appendToJournal({ deleted: 'journal-4' }, file)
    const articles = fresh.meta.articles
    const analyzer = createAnalyzer(indexAnalyzerOptions())
    expect(replayJournal(fresh, analyzer, file)).toBe(2) // journal-3 written (as 둘째 판), SEED deleted
    expect(fresh.store.articleById('journal-3')?.title).toBe('둘째 판')
    expect(fresh.store.articleById(SEED)).toBeUndefined()
    expect(fresh.store.articleById('journal-4')).toBeUndefined()
    expect(fresh.meta.articles).toBe(articles) // one more, one fewer
    expect(replayJournal(fresh, analyzer, file)).toBe(0)
    expect(fresh.meta.articles).toBe(articles)
  })
})
