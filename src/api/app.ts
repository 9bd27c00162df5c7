// The HTTP API as a Hono app. The index comes in through deps, so the same app runs under Node and
// in a Worker; nothing here imports a runtime.
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import type { Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { search } from '../search/search.ts'
import { suggest } from '../search/suggest.ts'
import { errorResponse, handleError } from './errors.ts'
import { pageRoutes } from './page/routes.ts'
import { securityMiddleware } from './security.ts'
import { writeRoutes, type ArticleWrites } from './writes.ts'
import { analyzeQuerySchema, badRequest, searchQuerySchema, suggestQuerySchema } from './validation.ts'
import { FIELD_OF_KIND } from '../index/fields.ts'

export interface AppDeps {
  /** Resolves the loaded index; called per request, so a runtime can load it lazily once. */
  getIndex: () => SearchIndex | Promise<SearchIndex>
  /** Query-time analyzer; by default the one the loaded index provides (its lexicon + vocabulary). */
  analyzer?: Analyzer
  /** The write API (POST /api/articles); without it the server is read-only and says so. */
  writes?: ArticleWrites
}

/**
 * @example
 * const app = createApp({ getIndex: () => index })
 * await app.request('/api/search?q=벨라루스') // => 200 { query, total, took_ms, hits }
 */
export function createApp(deps: AppDeps) {
  const app = new Hono()
  app.use(...securityMiddleware())

  app.get('/healthz', async (c) => {
    const { meta } = await deps.getIndex()
    return c.json({ status: 'ok', articles: meta.articles, sentences: meta.sentences })
  })

  app.get('/api/search', zValidator('query', searchQuerySchema, badRequest), async (c) => {
    const index = await deps.getIndex()
    return c.json(search(index, deps.analyzer ?? index.queryAnalyzer, c.req.valid('query')))
  })

  // Like Elasticsearch's _analyze: the tokens a text yields, the index field each lands in, and the
  // aliases a query would expand them to — for newsroom staff to see why something matches.
  app.get('/api/analyze', zValidator('query', analyzeQuerySchema, badRequest), async (c) => {
    const { text } = c.req.valid('query')
    const { aliases, queryAnalyzer } = await deps.getIndex()
    const tokens = (deps.analyzer ?? queryAnalyzer)(text).map(({ kind, term, start, end, position }) => {
      const field = FIELD_OF_KIND[kind]
      const alias = field && kind !== 'bigram' ? aliases.lookup(field, term).map((a) => a.term) : []
      return { kind, term, start, end, position, field, text: text.slice(start, end), ...(alias.length > 0 ? { aliases: alias } : {}) }
    })
    return c.json({ text, tokens })
  })

  app.get('/api/suggest', zValidator('query', suggestQuerySchema, badRequest), async (c) => {
    const index = await deps.getIndex()
    return c.json(suggest(index, c.req.valid('query')))
  })

  app.get('/api/articles/:id', async (c) => {
    const { store } = await deps.getIndex()
    const id = c.req.param('id')
    const article = store.articleById(id)
    if (!article) return errorResponse(c, 404, 'NOT_FOUND', `no article with id ${JSON.stringify(id)}`)
    return c.json({ ...article, sentences: store.sentencesOf(id) })
  })

  app.route('/', writeRoutes(deps.getIndex, deps.writes))
  app.route('/', pageRoutes())

  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`))
  app.onError(handleError)
  return app
}
