// The fuzz properties: hostile inputs (fuzz-inputs.ts) × invariants (fuzz-checks.ts) over the
// analyzer, the sentence splitter, the highlighter, the search API and the write API. Run small by
// test/properties.node.test.ts and long by `npm run fuzz`. Dev-only: imports fast-check.
import fc from 'fast-check'
import { createAnalyzer, type Analyzer } from '../analysis/analyzers.ts'
import { createApp } from '../api/app.ts'
import { splitSentences } from '../ingest/split-sentences.ts'
import { INDEX_FILE, indexAnalyzerOptions, loadOrBuildIndex } from '../runtime/node-index.ts'
import { highlight } from '../search/highlight.ts'
import { analyzeQuery, planQuery } from '../search/query.ts'
import { readFileSync } from 'node:fs'
import { openIndex } from '../index/search-index.ts'
import { checkHighlighted, checkSearchAnswer, checkSentences, checkTokens, FuzzViolation, jsonAnswer } from './fuzz-checks.ts'
import { anyText, articleWrite, extraParams, hostileText, queryFor, queryInUrl } from './fuzz-inputs.ts'

export interface FuzzDeps {
  /** Query-time analyzer (what search and highlight use: the index's lexicon and vocabulary). */
  queryAnalyzer: Analyzer
  /** Index-time analyzer (adds MeCab-ko for Hangul eojeols and the native Han segmenter). */
  indexAnalyzer: Analyzer
  app: ReturnType<typeof createApp>
  /** Real sentences to cut queries from, so some fuzzed searches hit and get highlighted. */
  sampleSentences: readonly string[]
  /** The app with the write API on, over its own copy of the index (reset as its live tier grows). */
  writeApp: ReturnType<typeof createApp>
  /** Call after each change the write app accepted. */
  afterWrite: () => void
  /** Receives the wall time of every fuzzed HTTP request, in ms, its URL and its status. */
  onRequestTime?: (ms: number, url: string, status: number) => void
}

/** Sentences sampled evenly from the index, as query sources. */
const SAMPLE_SENTENCES = 400

/** Loads (or builds) index/ and wires the app and both analyzers the way the runtimes do. */
export async function loadFuzzDeps(onRequestTime?: FuzzDeps['onRequestTime']): Promise<FuzzDeps> {
  const index = await loadOrBuildIndex(() => {})
  const { sentenceCount } = index.store
  const step = Math.max(1, Math.floor(sentenceCount / SAMPLE_SENTENCES))
  const sampleSentences: string[] = []
  for (let doc = 0; doc < sentenceCount; doc += step) sampleSentences.push(index.store.sentence(doc).text)
  const indexAnalyzer = createAnalyzer(indexAnalyzerOptions())
  // Written articles pile up in the live tier: start from a fresh copy of the archive now and then.
  const pack = readFileSync(INDEX_FILE)
  let writeIndex = openIndex(pack)
  let written = 0
  const writes = { token: FUZZ_WRITE_TOKEN, analyzer: indexAnalyzer, persist: () => {}, log: () => {} }
  return {
    queryAnalyzer: index.queryAnalyzer,
    indexAnalyzer,
    app: createApp({ getIndex: () => index }),
    writeApp: createApp({ getIndex: () => writeIndex, writes }),
    afterWrite: () => {
      if (++written % WRITES_PER_INDEX === 0) writeIndex = openIndex(pack)
    },
    sampleSentences,
    ...(onRequestTime ? { onRequestTime } : {}),
  }
}

const FUZZ_WRITE_TOKEN = 'fuzz-write-token-0123456789'
const WRITES_PER_INDEX = 200

export interface NamedProperty {
  name: string
  property: fc.IRawProperty<unknown>
}

export function createProperties(deps: FuzzDeps): NamedProperty[] {
  const { queryAnalyzer, indexAnalyzer, app } = deps
  const textAndQuery = anyText.chain((text) => fc.tuple(fc.constant(text), queryFor(text)))
  // Mostly queries near real text (so hits get highlighted), some anything-goes (often a 400).
  const searchQuery = fc.oneof(
    { weight: 1, arbitrary: anyText },
    { weight: 2, arbitrary: fc.constantFrom(...deps.sampleSentences).chain((s) => fc.tuple(queryFor(s), hostileText(3)).map(([a, b]) => a + b)) },
    { weight: 2, arbitrary: fc.constantFrom(...deps.sampleSentences).chain(queryFor) },
  )
  const searchUrl = searchQuery.chain((q) => fc.tuple(queryInUrl(q), extraParams)).map(([q, extra]) => `/api/search?q=${q}${extra}`)

  return [
    {
      name: 'analyzer: offsets in order, inside the text, slicing to each term',
      property: fc.property(anyText, (text) => {
        checkTokens(text, queryAnalyzer(text))
        checkTokens(text, indexAnalyzer(text))
      }) as fc.IRawProperty<unknown>,
    },
    {
      name: 'splitter: sentences cover the text, in order, without overlap',
      property: fc.property(anyText, (body) => checkSentences(body, splitSentences(body))) as fc.IRawProperty<unknown>,
    },
    {
      name: 'highlight: escaped html whose marks are the highlights',
      property: fc.property(textAndQuery, ([text, q]) => {
        checkHighlighted(text, highlight(text, queryAnalyzer, planQuery(analyzeQuery(q, queryAnalyzer))))
      }) as fc.IRawProperty<unknown>,
    },
    {
      name: 'search: any q gives 2xx or a 4xx JSON error, never 5xx',
      property: fc.asyncProperty(searchUrl, async (url) => {
        const started = performance.now()
        const res = await app.request(url)
        deps.onRequestTime?.(performance.now() - started, url, res.status)
        await checkSearchAnswer(res)
      }) as fc.IRawProperty<unknown>,
    },
    {
      name: 'write: any POST, PUT or DELETE gives 2xx or a 4xx JSON error, never 5xx; a write reads back, a deletion is gone',
      property: fc.asyncProperty(articleWrite, async ({ method, id, body }) => {
        const headers = { authorization: `Bearer ${FUZZ_WRITE_TOKEN}`, 'content-type': 'application/json' }
        const path = method === 'POST' ? '/api/articles' : `/api/articles/${encodeURIComponent(id)}`
        const res = await deps.writeApp.request(path, { method, headers, ...(method === 'DELETE' ? {} : { body }) })
        const answer = await jsonAnswer(res, method === 'DELETE' ? [200] : [200, 201])
        if (res.status >= 300) return
        const read = await deps.writeApp.request(method === 'POST' ? (res.headers.get('location') ?? '/missing-location') : path)
        if (method === 'DELETE') {
          if (read.status !== 404) throw new FuzzViolation(`deleted article ${JSON.stringify(id)} still reads back (${read.status})`)
        } else {
          const article = await jsonAnswer(read, [200])
          if (article.id !== answer.id || article.title !== answer.title) throw new FuzzViolation(`written article reads back differently: ${JSON.stringify({ answer, article })}`)
        }
        deps.afterWrite()
      }) as fc.IRawProperty<unknown>,
    },
  ]
}
