// The write API for newsroom tools, behind a bearer token: POST /api/articles adds an article, PUT
// /api/articles/:id adds or replaces one, DELETE /api/articles/:id removes one, each searchable (or
// gone) at once. The runtime decides whether writes exist at all and how an accepted change is made
// durable (the Node server appends it to a journal first). No runtime imports.
import { zValidator } from '@hono/zod-validator'
import { Hono, type Context } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { z } from 'zod'
import type { Analyzer } from '../analysis/analyzers.ts'
import { normaliseDate } from '../ingest/date.ts'
import { ingestRecord, toSentences } from '../ingest/index.ts'
import { deleteArticle, putArticle } from '../index/deletions.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { Article } from '../types.ts'
import { errorResponse } from './errors.ts'
import { oneAtATime } from './one-at-a-time.ts'
import { badRequest } from './validation.ts'

export interface ArticleWrites {
  /** The bearer token editors' tools send (compared in constant time; never logged). */
  token: string
  /** Index-time analyzer for new articles (the Node server's has MeCab-ko and jieba). */
  analyzer: Analyzer
  /** Makes an accepted change durable before the index sees it; a throw refuses the write. */
  persist: (change: ArticleChange) => void | Promise<void>
  /** Where refused credentials are reported; default console.warn. */
  log?: (line: string) => void
}

/** An accepted write: an article added or replaced (whole), or the id of one deleted. */
export type ArticleChange = { article: Article } | { deleted: string }

/** Shortest token the server accepts: a guessable token would make the archive writable by anyone. */
const MIN_WRITE_TOKEN_CHARS = 16
/** RFC 6750's token characters: a header carrying any other is refused before it is compared. */
const BEARER_TOKEN = /^[A-Za-z0-9._~+/-]+=*$/

/** Why `token` cannot be the write token, or null when it can. */
export function writeTokenProblem(token: string): string | null {
  if (token.length < MIN_WRITE_TOKEN_CHARS) return `the write token must have at least ${MIN_WRITE_TOKEN_CHARS} characters`
  if (!BEARER_TOKEN.test(token)) return 'the write token may hold only letters, digits and . _ ~ + / - (then = padding)'
  return null
}

/**
 * Ids become part of /api/articles/:id, so they are plain path-safe text with at least one letter or
 * digit: `.` and `..` would be resolved away as path segments and the article could not be read back.
 */
const ARTICLE_ID = /^(?=.*[\p{L}\p{N}])[\p{L}\p{N}._~-]{1,200}$/u
const ID_RULE = 'id must be 1–200 letters, digits, . _ ~ or -, with a letter or digit'
const MAX_ARTICLE_CHARS = 200_000

const text = (max: number) => z.string().max(max, `at most ${max} characters`).nullish()

export const articleBodySchema = z.object(
  {
    id: z.string().regex(ARTICLE_ID, ID_RULE).optional(),
    title: z.string({ error: 'title is required' }).trim().min(1, 'title must not be blank').max(500),
    body: z.string({ error: 'body is required' }).trim().min(1, 'body must not be blank').max(MAX_ARTICLE_CHARS),
    outlet: text(100),
    byline: text(200),
    section: text(100),
    published_at: text(40).refine((v) => v == null || normaliseDate(v) !== null, 'published_at must be a date such as 2015-06-24'),
    url: z.string().url('url must be an absolute URL').max(2000).nullish(),
  },
  { error: 'the body must be a JSON object with title and body' },
)

const pathIdSchema = z.object({ id: z.string().regex(ARTICLE_ID, ID_RULE) })

/**
 * @example
 * app.route('/', writeRoutes(getIndex, { token, analyzer, persist }))
 * // POST   /api/articles      { "title": "…", "body": "…" } => 201 { id, sentences, … }
 * // PUT    /api/articles/k1   { "title": "…", "body": "…" } => 200 { id, replaced: true, … } (201 when new)
 * // DELETE /api/articles/k1                                 => 200 { id, deleted: true, … }
 * // each with Authorization: Bearer <token>
 */
export function writeRoutes(getIndex: () => SearchIndex | Promise<SearchIndex>, writes: ArticleWrites | undefined) {
  const app = new Hono()
  if (!writes) {
    const readOnly = (c: Context) =>
      errorResponse(c, 403, 'WRITES_DISABLED', 'this server is read-only: start the Node server with SEARCH_WRITE_TOKEN set to change articles')
    app.post('/api/articles', readOnly)
    app.on(['PUT', 'DELETE'], '/api/articles/:id', readOnly)
    return app
  }
  const problem = writeTokenProblem(writes.token)
  if (problem) throw new Error(problem)
  const log = writes.log ?? console.warn
  /** Logs who was refused and why, never what they sent as a token. */
  const refuse = (reason: string, code: string) => (c: Context) => {
    log(`auth: refused ${c.req.method} ${c.req.path}: ${reason}`)
    return { error: { code, message: reason } }
  }
  const auth = bearerAuth({
    token: writes.token,
    noAuthenticationHeader: { message: refuse('no bearer token', 'UNAUTHORIZED') },
    invalidAuthenticationHeader: { message: refuse('malformed Authorization header', 'BAD_REQUEST') },
    invalidToken: { message: refuse('wrong bearer token', 'UNAUTHORIZED') },
  })
  // Changes to one id run one after another (a correction sent while the article's POST is still being saved waits for it).
  const perId = oneAtATime()
  const located = (c: Context, id: string) => c.header('Location', `/api/articles/${encodeURIComponent(id)}`)

  app.post('/api/articles', auth, zValidator('json', articleBodySchema, badRequest), async (c) => {
    const index = await getIndex()
    const article = ingestRecord(c.req.valid('json'), 'request')
    return perId(article.id, async () => {
      if (index.store.articleById(article.id)) {
        return errorResponse(c, 409, 'CONFLICT', `article ${JSON.stringify(article.id)} already exists: PUT /api/articles/:id replaces it`)
      }
      await writes.persist({ article })
      const { sentences } = putArticle(index, { article, sentences: toSentences(article) }, writes.analyzer)
      located(c, article.id)
      return c.json({ id: article.id, title: article.title, sentences, articles: index.meta.articles }, 201)
    })
  })

  app.put('/api/articles/:id', auth, zValidator('param', pathIdSchema, badRequest), zValidator('json', articleBodySchema, badRequest), async (c) => {
    const index = await getIndex()
    const { id } = c.req.valid('param')
    const record = c.req.valid('json')
    if (record.id !== undefined && record.id !== id) {
      return errorResponse(c, 400, 'BAD_QUERY', `the body's id ${JSON.stringify(record.id)} is not the path's ${JSON.stringify(id)}`)
    }
    const article = ingestRecord({ ...record, id }, 'request')
    return perId(id, async () => {
      await writes.persist({ article })
      const { previous, sentences } = putArticle(index, { article, sentences: toSentences(article) }, writes.analyzer)
      located(c, id)
      return c.json({ id, title: article.title, sentences, articles: index.meta.articles, replaced: previous !== undefined }, previous ? 200 : 201)
    })
  })

  app.delete('/api/articles/:id', auth, zValidator('param', pathIdSchema, badRequest), async (c) => {
    const index = await getIndex()
    const { id } = c.req.valid('param')
    return perId(id, async () => {
      if (!index.store.articleById(id)) return errorResponse(c, 404, 'NOT_FOUND', `no article with id ${JSON.stringify(id)}`)
      await writes.persist({ deleted: id })
      deleteArticle(index, id)
      return c.json({ id, deleted: true, articles: index.meta.articles })
    })
  })
  return app
}
