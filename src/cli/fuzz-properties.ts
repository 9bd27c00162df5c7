// The fuzz properties: hostile inputs (fuzz-inputs.ts) × invariants (fuzz-checks.ts) over the
// analyzer, the sentence splitter, the highlighter and the search API. Run small by
// test/properties.node.test.ts and long by `npm run fuzz`. Dev-only: imports fast-check.
import fc from 'fast-check'
import { createAnalyzer, type Analyzer } from '../analysis/analyzers.ts'
import { createApp } from '../api/app.ts'
import { splitSentences } from '../ingest/split-sentences.ts'
import { jiebaSegmenter, loadOrBuildIndex } from '../runtime/node-index.ts'
import { highlight } from '../search/highlight.ts'
import { analyzeQuery, planQuery } from '../search/query.ts'
import { checkHighlighted, checkSearchAnswer, checkSentences, checkTokens } from './fuzz-checks.ts'
import { anyText, extraParams, hostileText, queryFor, queryInUrl } from './fuzz-inputs.ts'

export interface FuzzDeps {
  /** Query-time analyzer (what search and highlight use). */
  queryAnalyzer: Analyzer
  /** Index-time analyzer (adds the native Han segmenter). */
  indexAnalyzer: Analyzer
  app: ReturnType<typeof createApp>
  /** Real sentences to cut queries from, so some fuzzed searches hit and get highlighted. */
  sampleSentences: readonly string[]
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
  return {
    queryAnalyzer: createAnalyzer(),
    indexAnalyzer: createAnalyzer({ hanSegmenter: jiebaSegmenter }),
    app: createApp({ getIndex: () => index }),
    sampleSentences,
    ...(onRequestTime ? { onRequestTime } : {}),
  }
}

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
  ]
}
