// The HTTP API as a Hono app. The index comes in through deps, so the same app runs under Node and
// in a Worker; nothing here imports a runtime.
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import { createAnalyzer, type Analyzer } from '../analysis/analyzers.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { search } from '../search/search.ts'
import { errorResponse, handleError } from './errors.ts'
import { securityMiddleware } from './security.ts'
import { badRequest, searchQuerySchema } from './validation.ts'

export interface AppDeps {
  /** Resolves the loaded index; called per request, so a runtime can load it lazily once. */
  getIndex: () => SearchIndex | Promise<SearchIndex>
  /** Query-time analyzer (no native Han segmenter); defaults to the shared chain. */
  analyzer?: Analyzer
}

/**
 * @example
 * const app = createApp({ getIndex: () => index })
 * await app.request('/api/search?q=벨라루스') // => 200 { query, total, took_ms, hits }
 */
export function createApp(deps: AppDeps) {
  const analyzer = deps.analyzer ?? createAnalyzer()
  const app = new Hono()
  app.use(...securityMiddleware())

  app.get('/healthz', async (c) => {
    const { meta } = await deps.getIndex()
    return c.json({ status: 'ok', articles: meta.articles, sentences: meta.sentences })
  })

  app.get('/api/search', zValidator('query', searchQuerySchema, badRequest), async (c) => {
    const index = await deps.getIndex()
    return c.json(search(index, analyzer, c.req.valid('query')))
  })

  app.get('/api/articles/:id', async (c) => {
    const { store } = await deps.getIndex()
    const id = c.req.param('id')
    const article = store.articleById(id)
    if (!article) return errorResponse(c, 404, 'NOT_FOUND', `no article with id ${JSON.stringify(id)}`)
    return c.json({ ...article, sentences: store.sentencesOf(id) })
  })

  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`))
  app.onError(handleError)
  return app
}
