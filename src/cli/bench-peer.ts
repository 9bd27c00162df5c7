// Our engine as a batch peer of ../shared/peers (see its README, "Peer protocol"), for the bench:
// indexes the prepared corpus (each document's body = title + text becomes one article) as archive
// segments, writes the pack to the work folder, opens it like the Worker does, warms up, then
// answers every query once through search() — the /api/search path, with highlighting off — and
// prints one JSON line per query plus a meta line. A stand-in until the project's `npm run peer`.
//
//   node --import tsx src/cli/bench-peer.ts --corpus C.jsonl --queries Q.jsonl --workdir DIR [--k 10]
//        [--warmup 1000] [--warmup-s 30]
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAnalyzer } from '../analysis/analyzers.ts'
import { buildSegmentedIndex, openIndex, serializeSegments } from '../index/search-index.ts'
import { toSentences } from '../ingest/index.ts'
import { indexAnalyzerOptions } from '../runtime/node-index.ts'
import { search } from '../search/search.ts'
import type { Article } from '../types.ts'

const argv = process.argv.slice(2)
const arg = (name: string, fallback?: string) => {
  const i = argv.indexOf(`--${name}`)
  const value = i >= 0 ? argv[i + 1] : fallback
  if (value === undefined) throw new Error(`bench-peer: --${name} is required`)
  return value
}
const readJsonl = <T>(file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T)

const docs = readJsonl<{ id: string; title?: string; text?: string; body?: string }>(arg('corpus'))
const queries = readJsonl<{ id: string; text: string }>(arg('queries'))
const k = Number(arg('k', '10'))
const workdir = arg('workdir')

// Reading files and loading jieba's dictionary are not part of the build time (as for every peer).
const articles = docs.map((d) => {
  const body = d.body ?? (d.title ? `${d.title}\n${d.text ?? ''}` : (d.text ?? ''))
  const article: Article = { id: String(d.id), title: d.title ?? '', outlet: null, byline: null, published_at: null, section: null, url: null, body }
  return { article, sentences: toSentences(article) }
})
const indexOptions = indexAnalyzerOptions()
createAnalyzer(indexOptions)('韓美關係 벨라루스를') // loads jieba's and MeCab's dictionaries outside the timed build

const started = performance.now()
const pack = serializeSegments(buildSegmentedIndex(articles, indexOptions))
const buildS = (performance.now() - started) / 1000
const packFile = join(workdir, 'search-index.pack')
writeFileSync(packFile, pack)
const index = openIndex(readFileSync(packFile))

const analyzer = index.queryAnalyzer
const ask = (q: string) => search(index, analyzer, { q, limit: k, offset: 0, highlight: false })
const warmup = Number(arg('warmup', '1000'))
const warmupUntil = performance.now() + 1000 * Number(arg('warmup-s', '30'))
for (let i = 0; i < warmup && queries.length > 0 && performance.now() < warmupUntil; i++) ask(queries[i % queries.length]!.text)

const lines: string[] = []
for (const q of queries) {
  const t0 = performance.now()
  const response = ask(q.text)
  const ms = performance.now() - t0
  lines.push(JSON.stringify({ id: q.id, hits: response.hits.map((h) => h.article.id), ms }))
}
process.stdout.write(`${lines.join('\n')}\n`)
const sentences = articles.reduce((sum, a) => sum + a.sentences.length, 0)
console.log(
  JSON.stringify({
    meta: {
      build_s: buildS,
      index_bytes: pack.length,
      index_bytes_kind: 'files',
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
      engine: 'korean-news-search (segments)',
      version: '0.1',
      settings: `${articles.length} articles, ${sentences} sentences, ${index.segments.length} segments; search() with highlight off`,
    },
  }),
)
