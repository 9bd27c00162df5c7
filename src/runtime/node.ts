// Node adapter: loads (or first builds) index/ and serves the Hono app with @hono/node-server.
// PORT (default 8787) and HOST (default 0.0.0.0) come from the environment.
import { serve } from '@hono/node-server'
import { createApp } from '../api/app.ts'
import { suggesterFor } from '../search/suggest.ts'
import { answerMemoryRequests } from './memory-probe.ts'
import { loadOrBuildIndex } from './node-index.ts'

const index = await loadOrBuildIndex()
suggesterFor(index) // built now, so the first keystroke on the search page does not wait for it
const app = createApp({ getIndex: () => index })
const port = Number(process.env.PORT ?? 8787)
const hostname = process.env.HOST ?? '0.0.0.0'

const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`search: ${index.meta.articles} articles, ${index.meta.sentences} sentences on http://${hostname}:${info.port}`)
})

answerMemoryRequests()

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
