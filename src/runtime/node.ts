// Node adapter: loads (or first builds) index/ and serves the Hono app with @hono/node-server.
// PORT (default 8787) and HOST (default 0.0.0.0) come from the environment; SEARCH_WRITE_TOKEN turns
// on the write API (POST, PUT and DELETE /api/articles), whose changes go to the journal before the index.
import { serve } from '@hono/node-server'
import { createAnalyzer, type Analyzer } from '../analysis/analyzers.ts'
import { createApp } from '../api/app.ts'
import { writeTokenProblem, type ArticleWrites } from '../api/writes.ts'
import { suggesterFor } from '../search/suggest.ts'
import { appendToJournal, JOURNAL_FILE, replayJournal } from './journal.ts'
import { answerMemoryRequests } from './memory-probe.ts'
import { indexAnalyzerOptions, loadOrBuildIndex } from './node-index.ts'

const token = process.env.SEARCH_WRITE_TOKEN
const tokenProblem = token === undefined ? null : writeTokenProblem(token)
if (tokenProblem) {
  console.error(`search: SEARCH_WRITE_TOKEN: ${tokenProblem}`)
  process.exit(1)
}

const index = await loadOrBuildIndex()
// MeCab-ko's dictionary (~100 MB of heap) loads on the first article replayed, or at start when
// writes are on, rather than inside the first write (~0.1 s in which no read is answered). A
// read-only server never loads it.
let analyzer: Analyzer | undefined
const indexAnalyzer: Analyzer = (text) => (analyzer ??= createAnalyzer(indexAnalyzerOptions()))(text)
if (token) indexAnalyzer('韓國 벨라루스를')
const replayed = replayJournal(index, indexAnalyzer)
if (replayed > 0) console.log(`search: ${replayed} changes from ${JOURNAL_FILE} replayed`)
suggesterFor(index) // built now, so the first keystroke on the search page does not wait for it

const writes: ArticleWrites | undefined = token ? { token, analyzer: indexAnalyzer, persist: (change) => appendToJournal(change) } : undefined
const app = createApp({ getIndex: () => index, writes })
const port = Number(process.env.PORT ?? 8787)
const hostname = process.env.HOST ?? '0.0.0.0'

const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  const mode = writes ? `writes on (journal ${JOURNAL_FILE})` : 'read-only'
  console.log(`search: ${index.meta.articles} articles, ${index.meta.sentences} sentences on http://${hostname}:${info.port}, ${mode}`)
})

answerMemoryRequests()

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
