// The write API for newsroom tools: POST /api/articles adds an article to the live tier (searchable at
// once), behind a bearer token. The runtime decides whether writes exist at all and how an accepted
// article is made durable (the Node server appends it to a journal first). No runtime imports.
import { zValidator } from '@hono/zod-validator'
import { Hono, type Context } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { z } from 'zod'
import type { Analyzer } from '../analysis/analyzers.ts'
import { normaliseDate } from '../ingest/date.ts'
import { ingestRecord, toSentences } from '../ingest/index.ts'
import { addArticles, type SearchIndex } from '../index/search-index.ts'
import type { Article } from '../types.ts'
import { errorResponse } from './errors.ts'
import { badRequest } from './validation.ts'

export interface ArticleWrites {
  /** The bearer token editors' tools send (compared in constant time; never logged). */
  token: string
  /** Index-time analyzer for new articles (the Node server's has MeCab-ko and jieba). */
  analyzer: Analyzer
  /** Makes an accepted article durable before it is indexed; a throw refuses the write. */
  persist: (article: Article) => void | Promise<void>
  /** Where refused credentials are reported; default console.warn. */
  log?: (line: string) => void
}

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
const MAX_ARTICLE_CHARS = 200_000

const text = (max: number) => z.string().max(max, `at most ${max} characters`).nullish()

export const articleBodySchema = z.object(
  {
    id: z.string().regex(ARTICLE_ID, 'id must be 1–200 letters, digits, . _ ~ or -, with a letter or digit').optional(),
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

/**
 * @example
 * app.route('/', writeRoutes(getIndex, { token, analyzer, persist }))
 * // POST /api/articles  Authorization: Bearer <token>  { "title": "…", "body": "…" } => 201 { id, sentences, … }
 */
export function writeRoutes(getIndex: () => SearchIndex | Promise<SearchIndex>, writes: ArticleWrites | undefined) {
  const app = new Hono()
  if (!writes) {
    app.post('/api/articles', (c) =>
      errorResponse(c, 403, 'WRITES_DISABLED', 'this server is read-only: start the Node server with SEARCH_WRITE_TOKEN set to add articles'),
    )
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
  // Ids being persisted: a second request for the same id must not slip in while the first awaits.
  const inFlight = new Set<string>()

  app.post(
    '/api/articles',
    bearerAuth({
      token: writes.token,
      noAuthenticationHeader: { message: refuse('no bearer token', 'UNAUTHORIZED') },
      invalidAuthenticationHeader: { message: refuse('malformed Authorization header', 'BAD_REQUEST') },
      invalidToken: { message: refuse('wrong bearer token', 'UNAUTHORIZED') },
    }),
    zValidator('json', articleBodySchema, badRequest),
    async (c) => {
      const index = await getIndex()
      const article = ingestRecord(c.req.valid('json'), 'request')
      if (index.store.articleById(article.id) || inFlight.has(article.id)) {
        return errorResponse(c, 409, 'CONFLICT', `article ${JSON.stringify(article.id)} already exists`)
      }
      inFlight.add(article.id)
      try {
        await writes.persist(article)
        const sentences = addArticles(index, [{ article, sentences: toSentences(article) }], writes.analyzer)
        c.header('Location', `/api/articles/${encodeURIComponent(article.id)}`)
        return c.json({ id: article.id, title: article.title, sentences, articles: index.meta.articles }, 201)
      } finally {
        inFlight.delete(article.id)
      }
    },
  )
  return app
}
