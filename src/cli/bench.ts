// `npm run bench [-- --sizes 10k,real,100k,1m] [--minisearch-max 1m] [--no-worker]
//   [--peers DIR --peers-sizes real]`: a benchmark, not a test. For each corpus size it builds our segments and the plain MiniSearch index from the
// same articles (bench-corpus.ts: real sentences, then generated ones) and prints, per engine:
// build throughput (one core), bytes on disk, memory per sentence after load, cold load time,
// query latency p50/p95/p99 and nDCG@10 over the 1,000 klue-nli-dev queries; then the Worker
// bundle size from `wrangler deploy --dry-run`; with `--peers DIR` (a copy of ../shared/peers) also
// Lucene-Nori and our engine through the peers harness on the same corpus. Every measurement runs
// in a fresh child process.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { ANALYZER_VERSION, createAnalyzer } from '../analysis/analyzers.ts'
import { createLiveTier, toIndexedSentence } from '../index/live-tier.ts'
import {
  assembleIndex,
  buildSearchIndex,
  finishAnalysis,
  recordingAnalyzer,
  buildSegmentedIndex,
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  loadIndexFromGzip,
  openIndex,
  serializeIndex,
  serializeSegments,
  type SearchIndex,
} from '../index/search-index.ts'
import { search } from '../search/search.ts'
import { buildFromCorpus, INDEX_FILE, indexAnalyzerOptions, readCorpus, ROOT, staleReason, writeIndexFile } from '../runtime/node-index.ts'
import { benchCorpus, benchQueries, GENERATOR_SETTINGS, realArticles, type BenchQuery } from './bench-corpus.ts'

const SELF = fileURLToPath(import.meta.url)
/** Children run this same file: the bundle `npm run bench` builds (build/cli), or the source through tsx. */
const LOADER = SELF.endsWith('.ts') ? ['--import', 'tsx'] : []
const MB = 1024 * 1024

// ---------------------------------------------------------------------------------------------
// Measurements shared by the children.

const gc = () => {
  const run = (globalThis as { gc?: () => void }).gc
  if (!run) throw new Error('bench: run node with --expose-gc (npm run bench does)')
  for (let i = 0; i < 3; i++) run()
}

/** Lets the warm-up's leftovers go (timers, weak references) before a baseline is taken. */
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const memory = () => {
  gc()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, arrayBuffers: m.arrayBuffers }
}

const percentile = (sorted: number[], p: number) => {
  const at = (sorted.length - 1) * p
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo)
}

interface QueryFigures {
  p50: number
  p95: number
  p99: number
  ndcg: number
  queries: number
}

/** One warm-up pass over the queries, then one timed pass; nDCG@10 with binary relevance. */
function runQueries(index: SearchIndex, queries: BenchQuery[]): QueryFigures {
  const ask = (q: BenchQuery) => search(index, index.queryAnalyzer, { q: q.text, limit: 10, offset: 0, highlight: false })
  for (const q of queries) ask(q)
  const times: number[] = []
  let ndcg = 0
  for (const q of queries) {
    const started = performance.now()
    const response = ask(q)
    times.push(performance.now() - started)
    const rank = response.hits.findIndex((h) => q.relevant.includes(h.article.id))
    if (rank >= 0) ndcg += 1 / Math.log2(rank + 2)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), ndcg: ndcg / queries.length, queries: queries.length }
}

/** Runs the search code once on a tiny index, so compiled code is not counted as index memory. */
function warmUpCode(): void {
  const tiny = realArticles().slice(0, 50)
  // A pack opened from bytes too: its reading code is then compiled before memory is measured.
  for (const index of [buildSegmentedIndex(tiny), openIndex(serializeSegments(buildSegmentedIndex(tiny))), buildSearchIndex(tiny)]) {
    for (const q of benchQueries().slice(0, 50)) search(index, index.queryAnalyzer, { q: q.text, limit: 10, offset: 0, highlight: false })
  }
}

// ---------------------------------------------------------------------------------------------
// Child tasks: each prints one JSON line.

type Args = Record<string, string>

function indexAnalyzer() {
  const options = indexAnalyzerOptions()
  createAnalyzer(options)('韓美關係 벨라루스를') // loads jieba's and MeCab's dictionaries outside the timed build
  return options
}

/** Ours: build the segments (timed: analysis + indexing + packing) and write the pack. */
function childBuildOurs(args: Args) {
  const corpus = benchCorpus(Number(args.size))
  const analyzer = indexAnalyzer()
  gc()
  let cache: unknown
  const cpu = process.cpuUsage()
  const started = performance.now()
  const index = buildSegmentedIndex(corpus.articles, analyzer, null, { onBuilt: (stats) => (cache = stats) })
  const bytes = serializeSegments(index)
  const buildMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  const buildCpuMs = (used.user + used.system) / 1000
  writeFileSync(args.out!, bytes)
  return {
    buildMs,
    buildCpuMs,
    sentences: corpus.sentences,
    realSentences: corpus.realSentences,
    bytes: bytes.length,
    storeBytes: index.segments.reduce((sum, s) => sum + s.storeBytes, 0),
    segments: index.segments.length,
    cache,
  }
}

/** Ours: cold load in a fresh process (bytes → first answer). */
async function childColdOurs(args: Args) {
  const query = benchQueries()[0]!
  const started = performance.now()
  const index = openIndex(readFileSync(args.file!))
  search(index, index.queryAnalyzer, { q: query.text, limit: 10, offset: 0, highlight: false })
  return { coldMs: performance.now() - started, segments: index.segments.length }
}

/** Ours: memory after load (code warmed on a tiny index first), then the queries. */
async function childQueryOurs(args: Args) {
  warmUpCode()
  await settle()
  const before = memory()
  const index = openIndex(readFileSync(args.file!))
  const loaded = memory()
  search(index, index.queryAnalyzer, { q: '벨라루스', limit: 10, offset: 0, highlight: false })
  const after = memory()
  const storeBytes = index.segments.reduce((sum, s) => sum + s.storeBytes, 0)
  return {
    loadedHeapBytes: loaded.heap - before.heap,
    loadedArrayBufferBytes: loaded.arrayBuffers - before.arrayBuffers,
    heapBytes: after.heap - before.heap,
    arrayBufferBytes: after.arrayBuffers - before.arrayBuffers,
    storeBytes,
    sentences: index.meta.sentences,
    ...runQueries(index, benchQueries()),
  }
}

/**
 * MiniSearch baseline, in one process: build (timed: the same analysis plus MiniSearch's addAll),
 * MiniSearch's own heap (measured with the store already built, so its sentence text is excluded,
 * as for ours), the queries on the built index, and the gzip JSON file when JSON can hold it.
 */
function childMiniSearch(args: Args) {
  const corpus = benchCorpus(Number(args.size))
  // Recorded like buildSearchIndex does, so the baseline answers queries through the same lexicon.
  const { analyzer, seen } = recordingAnalyzer(indexAnalyzer())
  warmUpCode()
  gc()
  const cpu = process.cpuUsage()
  let started = performance.now()
  const live = createLiveTier(0)
  live.store.append(corpus.articles)
  let buildMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  const before = memory()
  const cpuAgain = process.cpuUsage()
  started = performance.now()
  let docs = []
  for (let doc = 0; doc < live.store.sentenceCount; doc++) docs.push(toIndexedSentence(doc, live.store.sentence(doc).text, analyzer))
  live.miniSearch.addAll(docs)
  buildMs += performance.now() - started
  const usedAgain = process.cpuUsage(cpuAgain)
  const buildCpuMs = (used.user + used.system + usedAgain.user + usedAgain.system) / 1000
  docs = []
  const after = memory()
  const meta = { format: INDEX_FORMAT, version: INDEX_FORMAT_VERSION, analyzerVersion: ANALYZER_VERSION, builtAt: new Date().toISOString(), articles: 0, sentences: 0, sourceFingerprint: null, acronyms: [] }
  started = performance.now()
  const index = finishAnalysis(assembleIndex(meta, [], live), analyzer, seen)
  buildMs += performance.now() - started
  const figures = runQueries(index, benchQueries())
  let bytes: number | null = null
  let jsonBytes: number | null = null
  let note: string | null = null
  try {
    const json = serializeIndex(index)
    jsonBytes = Buffer.byteLength(json)
    const gz = gzipSync(json, { level: 6 })
    bytes = gz.length
    writeFileSync(args.out!, gz)
  } catch (err) {
    note = `not serialisable: ${(err as Error).message}`
  }
  return { buildMs, buildCpuMs, sentences: corpus.sentences, heapBytes: after.heap - before.heap, bytes, jsonBytes, note, ...figures }
}

/** MiniSearch baseline: cold load of the gzip JSON in a fresh process (bytes → first answer). */
async function childColdMiniSearch(args: Args) {
  const query = benchQueries()[0]!
  const started = performance.now()
  const index = await loadIndexFromGzip(readFileSync(args.file!))
  search(index, index.queryAnalyzer, { q: query.text, limit: 10, offset: 0, highlight: false })
  return { coldMs: performance.now() - started }
}

const CHILDREN: Record<string, (args: Args) => unknown> = {
  'build-ours': childBuildOurs,
  'cold-ours': childColdOurs,
  'query-ours': childQueryOurs,
  minisearch: childMiniSearch,
  'cold-minisearch': childColdMiniSearch,
}

// ---------------------------------------------------------------------------------------------
// Parent: runs the children and prints the table.

function runChild<T>(task: string, args: Args, nodeFlags: string[] = []): T {
  const argv = Object.entries(args).flatMap(([k, v]) => [`--${k}`, v])
  const result = spawnSync(process.execPath, [...nodeFlags, '--expose-gc', ...LOADER, SELF, '--child', task, ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  })
  const last = result.stdout.trim().split('\n').pop() ?? ''
  if (result.status !== 0 || !last.startsWith('{')) {
    throw new Error(`bench: child ${task} ${JSON.stringify(args)} failed (${result.status}):\n${result.stderr.slice(-3000)}`)
  }
  return JSON.parse(last) as T
}

const parseSize = (s: string, realCount: number) => {
  if (s === 'real') return realCount
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s)
  if (!m) throw new Error(`bench: bad size ${s}`)
  return Math.round(Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : m[2]!.toLowerCase() === 'm' ? 1e6 : 1))
}

/**
 * Build children run on one core: V8's GC on the main thread too (no helper threads), and a young
 * generation large enough that per-sentence garbage dies young (the same flags for both engines).
 */
const BUILD_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=64', '--max-old-space-size=8192']

/** Sentences per second of wall time, and of CPU time (what one core does when others compete for it). */
const throughput = (sentences: number, wallMs: number, cpuMs: number) =>
  `${Math.round(sentences / (wallMs / 1000))} (CPU ${Math.round(sentences / (cpuMs / 1000))})`

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${Math.round(n / 100) / 10}k` : String(n))
const fmtBytes = (n: number | null) => (n === null ? 'n/a' : n >= MB ? `${(n / MB).toFixed(1)} MB` : `${(n / 1024).toFixed(0)} kB`)
const ms = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(0))

interface Row {
  corpus: string
  engine: string
  build: string
  bytes: string
  memory: string
  cold: string
  p50: string
  p95: string
  p99: string
  ndcg: string
}

function workerBundle(): string {
  if (staleReason(readCorpus()) !== null) writeIndexFile(buildFromCorpus().bytes)
  const outdir = mkdtempSync(join(tmpdir(), 'bench-dist-'))
  try {
    const log = execFileSync(join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'wrangler-')) },
    })
    const total = /Total Upload: ([^\n]+)/.exec(log)?.[1]?.trim() ?? 'unknown'
    return `${total} (index pack ${fmtBytes(readFileSync(INDEX_FILE).length)})`
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

interface PeerFigures {
  peer: string
  status: string
  p50_ms: number | null
  p95_ms: number | null
  'nDCG@10': number | null
  build_s: number | null
  index_bytes: number | null
}

/**
 * Runs ../shared/peers (a prepared copy: `--peers DIR`) with lucene-nori and our engine (`npm run
 * peer`, as the README runs it) on the same corpus and queries.
 */
function runPeers(peersDir: string, size: number, work: string): PeerFigures[] {
  const data = join(work, `peers-data-${size}`)
  mkdirSync(data, { recursive: true })
  const { articles } = benchCorpus(size)
  writeFileSync(join(data, 'corpus.jsonl'), `${articles.map(({ article }) => JSON.stringify({ id: article.id, title: article.title, text: article.body })).join('\n')}\n`)
  writeFileSync(join(data, 'queries.jsonl'), `${benchQueries().map((q) => JSON.stringify(q)).join('\n')}\n`)
  const out = join(work, `peers-out-${size}`)
  const ours = `npm --prefix ${ROOT} run --silent peer -- --corpus {corpus} --queries {queries} --workdir {workdir} --k {k} --warmup {warmup} --warmup-s {warmup_s}`
  const result = spawnSync(process.execPath, ['run.mjs', '--data', data, '--peers', 'lucene-nori,ours-segments', '--peer', `ours-segments=${ours}`, '--out', out, '--timeout', '7200'], {
    cwd: peersDir,
    encoding: 'utf8',
    env: { ...process.env, PEERS_SCRATCH: join(work, 'peers-scratch') },
    maxBuffer: 64 * MB,
  })
  if (result.status !== 0) throw new Error(`bench: peers run failed (${result.status}):\n${result.stderr.slice(-3000)}`)
  return readFileSync(join(out, 'results.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PeerFigures)
}

function miniSearchRow(corpus: string, size: number, file: string, notes: string[]): Row {
  const m = runChild<QueryFigures & { buildMs: number; buildCpuMs: number; sentences: number; heapBytes: number; bytes: number | null; jsonBytes: number | null; note: string | null }>(
    'minisearch',
    { size: String(size), out: file },
    [...BUILD_FLAGS, '--max-old-space-size=16384'],
  )
  const mCold = m.bytes === null ? null : runChild<{ coldMs: number }>('cold-minisearch', { file }, ['--max-old-space-size=16384'])
  if (m.note) notes.push(`MiniSearch at ${corpus}: ${m.note}, so no file size or cold load`)
  console.log(`bench: ${corpus} MiniSearch: ${JSON.stringify({ ...m, ...mCold })}`)
  return {
    corpus,
    engine: 'MiniSearch',
    build: throughput(m.sentences, m.buildMs, m.buildCpuMs),
    bytes: m.bytes === null ? 'n/a' : `${fmtBytes(m.bytes)} gz (${fmtBytes(m.jsonBytes)} JSON)`,
    memory: `${Math.round(m.heapBytes / m.sentences)} B (${fmtBytes(m.heapBytes)})`,
    cold: mCold ? ms(mCold.coldMs) : 'n/a',
    p50: ms(m.p50),
    p95: ms(m.p95),
    p99: ms(m.p99),
    ndcg: m.ndcg.toFixed(4),
  }
}

function parent(argv: string[]) {
  const option = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback
  }
  const realCount = realArticles().reduce((sum, a) => sum + a.sentences.length, 0)
  const sizes = option('sizes', '10k,real,100k,1m').split(',').map((s) => parseSize(s, realCount))
  const miniSearchMax = parseSize(option('minisearch-max', '1m'), realCount)
  const work = mkdtempSync(join(tmpdir(), 'bench-'))
  mkdirSync(work, { recursive: true })
  const rows: Row[] = []
  const notes: string[] = []
  console.log(`bench: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log(`bench: ${realCount} real sentences; generated ones recombine them (${JSON.stringify(GENERATOR_SETTINGS)}), see src/cli/bench-corpus.ts`)

  for (const size of sizes) {
    const corpus = `${label(size)}${size === realCount ? ' (all real)' : ''}`
    const pack = join(work, `ours-${size}.pack`)
    const built = runChild<{ buildMs: number; buildCpuMs: number; sentences: number; realSentences: number; bytes: number; storeBytes: number; segments: number }>(
      'build-ours',
      { size: String(size), out: pack },
      BUILD_FLAGS,
    )
    const cold = runChild<{ coldMs: number; segments: number }>('cold-ours', { file: pack })
    const q = runChild<QueryFigures & { loadedHeapBytes: number; loadedArrayBufferBytes: number; heapBytes: number; arrayBufferBytes: number; storeBytes: number; sentences: number }>('query-ours', { file: pack }, ['--max-old-space-size=8192', '--no-flush-bytecode'])
    const indexMemory = q.heapBytes + q.arrayBufferBytes - q.storeBytes
    const loadedMemory = q.loadedHeapBytes + q.loadedArrayBufferBytes - q.storeBytes
    rows.push({
      corpus,
      engine: `ours (${built.segments} segment${built.segments === 1 ? '' : 's'})`,
      build: throughput(built.sentences, built.buildMs, built.buildCpuMs),
      bytes: `${fmtBytes(built.bytes - built.storeBytes)} + store ${fmtBytes(built.storeBytes)}`,
      memory: `${Math.round(loadedMemory / q.sentences)} B (${fmtBytes(loadedMemory)}); after 1st query ${Math.round(indexMemory / q.sentences)} B (${fmtBytes(indexMemory)})`,
      cold: `${ms(cold.coldMs)} (${ms(cold.coldMs / Math.max(1, size / 100_000))}/100k)`,
      p50: ms(q.p50),
      p95: ms(q.p95),
      p99: ms(q.p99),
      ndcg: q.ndcg.toFixed(4),
    })
    console.log(`bench: ${corpus} ours: ${JSON.stringify({ ...built, ...cold, ...q })}`)

    if (size <= miniSearchMax) {
      try {
        rows.push(miniSearchRow(corpus, size, join(work, `minisearch-${size}.json.gz`), notes))
      } catch (err) {
        notes.push(`MiniSearch at ${corpus} failed: ${String(err).split('\n').slice(0, 3).join(' ')}`)
      }
    } else {
      notes.push(`MiniSearch skipped at ${corpus} (--minisearch-max ${label(miniSearchMax)})`)
    }
    rmSync(join(work, `minisearch-${size}.json.gz`), { force: true })
  }

  const bundle = argv.includes('--no-worker') ? 'skipped (--no-worker)' : workerBundle()
  const peersDir = option('peers', '')
  const peerRows: string[] = []
  if (peersDir) {
    for (const size of option('peers-sizes', 'real').split(',').map((s) => parseSize(s, realCount))) {
      let results: PeerFigures[]
      try {
        results = runPeers(peersDir, size, work)
      } catch (err) {
        notes.push(`peers at ${label(size)} failed: ${String(err).split('\n').slice(0, 3).join(' ')}`)
        continue
      }
      const nori = results.find((r) => r.peer === 'lucene-nori')
      const ours = results.find((r) => r.peer === 'ours-segments')
      for (const r of results) {
        peerRows.push(
          `| ${label(size)} | ${r.peer} | ${r.status} | ${ms(r.p50_ms)} | ${ms(r.p95_ms)} | ${r['nDCG@10']?.toFixed(4) ?? 'n/a'} | ${r.build_s?.toFixed(1) ?? 'n/a'} | ${fmtBytes(r.index_bytes)} |`,
        )
      }
      if (nori?.p50_ms && ours?.p50_ms) notes.push(`peers at ${label(size)}: our p50 is ${(ours.p50_ms / nori.p50_ms).toFixed(2)}× Lucene-Nori's`)
    }
  }
  rmSync(work, { recursive: true, force: true })

  const header = ['corpus', 'engine', 'build sent/s, 1 core (per CPU s)', 'index bytes on disk', 'index memory/sentence after load', 'cold load ms', 'p50 ms', 'p95 ms', 'p99 ms', 'nDCG@10']
  console.log('')
  console.log(`| ${header.join(' | ')} |`)
  console.log(`|${header.map(() => '---').join('|')}|`)
  for (const r of rows) console.log(`| ${[r.corpus, r.engine, r.build, r.bytes, r.memory, r.cold, r.p50, r.p95, r.p99, r.ndcg].join(' | ')} |`)
  if (peerRows.length > 0) {
    console.log('')
    console.log('../shared/peers, same corpus and queries, same run (articles as documents; latency measured in each peer process):')
    console.log('| corpus | peer | status | p50 ms | p95 ms | nDCG@10 | build s | index bytes |')
    console.log('|---|---|---|---|---|---|---|---|')
    for (const row of peerRows) console.log(row)
  }
  console.log('')
  console.log(`Worker bundle (wrangler deploy --dry-run, bundled corpus): ${bundle}`)
  console.log(
    'Memory = JS heap + ArrayBuffers after GC, without sentence text and article metadata (ours: the pack minus its store sections, right after load and again after a first query has sized the scorer\'s buffers; MiniSearch: its own heap, measured with the store already built). Queries: 1,000 klue-nli-dev, one warm-up pass then one timed pass, highlight off, top 10 articles.',
  )
  for (const note of notes) console.log(`Note: ${note}`)
  console.log(`bench: load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on this machine inflates timings)`)
}

// ---------------------------------------------------------------------------------------------

const argv = process.argv.slice(2)
const childAt = argv.indexOf('--child')
if (childAt >= 0) {
  const task = argv[childAt + 1]!
  const args: Args = {}
  for (let i = childAt + 2; i < argv.length; i += 2) args[argv[i]!.replace(/^--/, '')] = argv[i + 1]!
  const run = CHILDREN[task]
  if (!run) throw new Error(`bench: unknown child task ${task}`)
  console.log(JSON.stringify(await run(args)))
} else {
  parent(argv)
}
