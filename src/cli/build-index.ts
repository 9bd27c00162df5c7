// `npm run build:index [-- --if-stale]`: builds index/ from corpus/ and reports what it built:
// articles, sentences, time, bytes on disk, and the memory the loaded index takes.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { buildFromCorpus, INDEX_FILE, readCorpus, ROOT, staleReason, writeIndexFile } from '../runtime/node-index.ts'

/** A Worker isolate has 128 MB and local workerd does not enforce it: keep the index well under. */
const HEAP_BUDGET = 64 * 1024 * 1024
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`

const files = readCorpus()
if (process.argv.includes('--if-stale')) {
  const reason = staleReason(files)
  if (reason === null) {
    console.log(`build:index: ${INDEX_FILE} is up to date`)
    process.exit(0)
  }
  console.log(`build:index: rebuilding (${reason})`)
}

const report = buildFromCorpus(files)
const bytes = writeIndexFile(report.bytes)
const { meta, segments } = report.index
console.log(`build:index: ${report.files} files → ${meta.articles} articles, ${meta.sentences} sentences`)
console.log(`build:index: built in ${(report.buildMs / 1000).toFixed(2)} s (${Math.round(meta.sentences / (report.buildMs / 1000))} sentences/s)`)
console.log(`build:index: eojeol lexicon ${report.index.lexicon.size} entries, ${report.index.aliases.size} alias terms`)
console.log(`build:index: wrote ${INDEX_FILE} (${bytes} bytes, ${segments.length} segment${segments.length === 1 ? '' : 's'})`)

const heap = JSON.parse(
  execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./measure-heap.ts', import.meta.url)), INDEX_FILE], {
    cwd: ROOT,
    encoding: 'utf8',
  }),
) as { heapBytes: number; arrayBufferBytes: number; loadMs: number }
// The isolate holds the data module's bytes too, so the budget covers heap and ArrayBuffers.
const used = heap.heapBytes + heap.arrayBufferBytes
const verdict = used < HEAP_BUDGET ? 'within' : 'OVER'
console.log(
  `build:index: loaded index heap ${MB(heap.heapBytes)} + ${MB(heap.arrayBufferBytes)} ArrayBuffers after GC (${verdict} the ${MB(HEAP_BUDGET)} budget), load ${heap.loadMs.toFixed(1)} ms`,
)
if (used >= HEAP_BUDGET) process.exitCode = 1
