// `npm run --silent peer -- --corpus F --queries F --workdir D [--k 10] [--warmup N] [--warmup-s S]`:
// our engine as a batch peer of ../shared/peers (see its README, "Peer protocol"). stdout carries
// only protocol JSON lines — one per query, then one meta line; every log goes to stderr. Node only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ANALYZER_VERSION } from '../analysis/analyzers.ts'
import { parseJsonLines, toDocs, toQueries } from '../eval/dataset.ts'
import { createEngine } from '../eval/engine.ts'
import { DEFAULT_WARM_UP, runQueries } from '../eval/run-queries.ts'
import { FIELD_BOOSTS } from '../index/fields.ts'
import { serializeSegments } from '../index/search-index.ts'
import { SYNONYMS_FILE, jiebaSegmenter, indexAnalyzerOptions, ROOT } from '../runtime/node-index.ts'

const USAGE = 'usage: npm run --silent peer -- --corpus corpus.jsonl --queries queries.jsonl --workdir DIR [--k 10] [--warmup N] [--warmup-s S]'

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    workdir: { type: 'string' },
    k: { type: 'string', default: '10' },
    warmup: { type: 'string', default: String(DEFAULT_WARM_UP.searches) },
    'warmup-s': { type: 'string', default: String(DEFAULT_WARM_UP.seconds) },
  },
})
if (!args.corpus || !args.queries || !args.workdir) {
  console.error(USAGE)
  process.exit(2)
}
const k = Number(args.k)
const log = (line: string) => console.error(`peer: ${line}`)
const emit = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`)

// Reading and parsing the files and loading jieba's dictionary are not part of the build time.
const docs = toDocs(parseJsonLines(readFileSync(args.corpus, 'utf8'), args.corpus))
const queries = toQueries(parseJsonLines(readFileSync(args.queries, 'utf8'), args.queries))
const indexAnalyzer = indexAnalyzerOptions()
jiebaSegmenter('韓國') // loads jieba's dictionary now

const started = performance.now()
const engine = createEngine(docs, { indexAnalyzer, synonyms: existsSync(SYNONYMS_FILE) ? readFileSync(SYNONYMS_FILE, 'utf8') : undefined })
const buildS = (performance.now() - started) / 1000
log(`indexed ${docs.length} docs (${engine.index.meta.sentences} sentences) in ${buildS.toFixed(2)} s`)

const { runs, warmed } = runQueries((q) => engine.search(q, k), queries, {
  searches: Number(args.warmup),
  seconds: Number(args['warmup-s']),
})
// Read before the index is serialised, which briefly needs several times the index's memory.
const peakRss = process.resourceUsage().maxRSS * 1024
const failures = runs.filter((r) => r.error !== undefined)
for (const f of failures.slice(0, 5)) log(`query ${f.id} failed: ${f.error}`)

// The index as it ships to the Worker: the segment pack.
const serializeStarted = performance.now()
const pack = serializeSegments(engine.index)
mkdirSync(args.workdir, { recursive: true })
const indexFile = join(args.workdir, 'search-index.pack')
writeFileSync(indexFile, pack)
const serializeS = (performance.now() - serializeStarted) / 1000

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
for (const r of runs) emit({ id: r.id, hits: r.hits, ms: Math.round(r.ms * 1e4) / 1e4 })
emit({
  meta: {
    engine: 'ours',
    version: `${version} (analyzer v${ANALYZER_VERSION})`,
    docs: docs.length,
    sentences: engine.index.meta.sentences,
    queries: queries.length,
    warmup_queries: warmed,
    build_s: Math.round(buildS * 1e4) / 1e4,
    index_bytes: pack.length,
    index_bytes_kind: 'segment pack (as shipped to the Worker)',
    serialize_s: Math.round(serializeS * 1e4) / 1e4,
    query_failures: failures.length,
    peak_rss_bytes: peakRss,
    peak_rss_bytes_incl_size_step: process.resourceUsage().maxRSS * 1024,
    // `npm run peer` runs the CLI as one esbuild bundle, as the Worker runs its code.
    runtime: `node ${process.version} (${import.meta.url.endsWith('.ts') ? 'tsx' : 'esbuild bundle'})`,
    settings:
      `rankArticles() (the ranking of /api/search's search(); ids only, like every peer), limit k=${k}: one article per doc, split into sentences, one segment doc per sentence; ` +
      `analyzer v${ANALYZER_VERSION} (index: MeCab-ko + jieba for Han runs; query: the index's eojeol lexicon and vocabulary); BM25 × query-word coverage; ` +
      `field boosts ${Object.entries(FIELD_BOOSTS).map(([f, b]) => `${f}^${b}`).join(' ')}`,
  },
})
log(`answered ${runs.length} queries after ${warmed} warm-up searches; index ${pack.length} bytes (segment pack)`)
