import { existsSync, readFileSync } from 'node:fs'
// `npm run eval [-- --set NAME] [--json] [--misses FILE] [--export DIR] [--limit N] [--warmup N] [--warmup-s S]`:
// runs our engine (the same search() as /api/search) on the eval sets in ../shared and prints, per
// set, nDCG@10, R@1, R@10, MRR@10, the zero-hit share and query latency. Node only.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { createEngine } from '../eval/engine.ts'
import { collectMisses, type Miss } from '../eval/misses.ts'
import { breakdown, markdown, scoreRuns, toJson, type SetReport } from '../eval/report.ts'
import { DEFAULT_WARM_UP, runQueries } from '../eval/run-queries.ts'
import { SYNONYMS_FILE, jiebaSegmenter, indexAnalyzerOptions } from '../runtime/node-index.ts'
import { DEFAULT_SHARED, loadSet, SET_NAMES, type EvalSet } from './eval-sets.ts'

const USAGE = `usage: npm run eval -- [--set NAME]... [--json] [--misses FILE] [--export DIR] [--limit N]
                        [--warmup N] [--warmup-s S] [--shared DIR] [--tier segments|minisearch]
  --set NAME      one of ${SET_NAMES.join(', ')} (repeatable; default: all)
  --json          print JSON instead of Markdown tables
  --misses FILE   write every query whose relevant document is not first, as JSON lines
  --export DIR    also write each set as DIR/<set>/{corpus,queries}.jsonl for the peers harness
  --limit N       only the first N queries of each set
  --warmup N      warm-up searches before timing (default ${DEFAULT_WARM_UP.searches}), at most
  --warmup-s S    S seconds of them (default ${DEFAULT_WARM_UP.seconds})
  --shared DIR    where the shared data lives (default ${DEFAULT_SHARED})
  --tier T        index the set as a segment pack, as the service serves it (segments, default),
                  or as a MiniSearch-only index (minisearch); both must rank identically`

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    misses: { type: 'string' },
    export: { type: 'string' },
    limit: { type: 'string' },
    warmup: { type: 'string', default: String(DEFAULT_WARM_UP.searches) },
    'warmup-s': { type: 'string', default: String(DEFAULT_WARM_UP.seconds) },
    shared: { type: 'string', default: DEFAULT_SHARED },
    tier: { type: 'string', default: 'segments' },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}

const log = (line: string) => console.error(`eval: ${line}`)
const indexAnalyzer = indexAnalyzerOptions()
if (args.tier !== 'segments' && args.tier !== 'minisearch') {
  console.error(USAGE)
  process.exit(2)
}
const tier = args.tier
const warmUp = { searches: Number(args.warmup), seconds: Number(args['warmup-s']) }

function exportSet(set: EvalSet, dir: string) {
  const out = join(dir, set.name)
  mkdirSync(out, { recursive: true })
  const lines = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n'
  writeFileSync(join(out, 'corpus.jsonl'), lines(set.docs.map(({ id, title, text, source }) => ({ id, title, text, source }))))
  writeFileSync(join(out, 'queries.jsonl'), lines(set.queries))
  log(`${set.name}: wrote ${out}/corpus.jsonl and queries.jsonl`)
}

function evaluateSet(name: string): { report: SetReport; misses: Miss[] } {
  const set = loadSet(name, args.shared)
  if (args.limit) set.queries = set.queries.slice(0, Number(args.limit))
  if (args.export) exportSet(set, args.export)
  log(`${name}: indexing ${set.docs.length} documents…`)
  const started = performance.now()
  const engine = createEngine(set.docs, { indexAnalyzer, tier, synonyms: existsSync(SYNONYMS_FILE) ? readFileSync(SYNONYMS_FILE, 'utf8') : undefined })
  const buildS = (performance.now() - started) / 1000
  const { runs, warmed } = runQueries((q) => engine.search(q, 10), set.queries, warmUp)
  const scored = scoreRuns(set.queries, runs)
  const report: SetReport = {
    name,
    docs: set.docs.length,
    sentences: engine.index.meta.sentences,
    buildS,
    warmed,
    notes: set.notes,
    rows: breakdown(scored, set.groups),
  }
  const misses = args.misses ? collectMisses(scored, engine, new Map(set.docs.map((d) => [d.id, d]))) : []
  return { report, misses }
}

const names = args.set ?? SET_NAMES
const reports: SetReport[] = []
const misses: Array<Miss & { set: string }> = []
for (const name of names) {
  const result = evaluateSet(name)
  reports.push(result.report)
  misses.push(...result.misses.map((m) => ({ set: name, ...m })))
  if (!args.json) console.log(`${markdown(result.report)}\n`)
}
if (args.json) console.log(JSON.stringify({ sets: reports.map(toJson) }, null, 2))
if (args.misses) {
  mkdirSync(dirname(args.misses), { recursive: true })
  writeFileSync(args.misses, misses.map((m) => JSON.stringify(m)).join('\n') + '\n')
  log(`wrote ${misses.length} misses to ${args.misses}`)
}
