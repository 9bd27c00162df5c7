// Measures the JS heap a loaded index takes, with the same loading code the Worker runs.
// Run with `node --expose-gc --import tsx src/cli/measure-heap.ts <index.json>`; prints JSON.
import { readFileSync } from 'node:fs'
import { loadIndexFromGzip } from '../index/search-index.ts'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('measure-heap: run node with --expose-gc')
const settle = () => {
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage()
}

const before = settle()
// The Worker keeps the compressed index as a data module, so the bytes stay referenced here too.
const bytes = readFileSync(process.argv[2]!)
const started = performance.now()
const index = await loadIndexFromGzip(bytes)
const loadMs = performance.now() - started
const after = settle()
console.log(
  JSON.stringify({
    heapBytes: after.heapUsed - before.heapUsed,
    externalBytes: after.external + after.arrayBuffers - before.external - before.arrayBuffers,
    loadMs,
    sentences: index.meta.sentences,
    gzipBytes: bytes.length,
  }),
)
