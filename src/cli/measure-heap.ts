// Measures the memory a loaded index takes, with the same loading code the Worker runs: JS heap
// and ArrayBuffers (the pack's bytes, which the Worker holds as a data module), after GC.
// Run with `node --expose-gc --import tsx src/cli/measure-heap.ts <index.pack>`; prints JSON.
import { readFileSync } from 'node:fs'
import { createAnalyzer } from '../analysis/analyzers.ts'
import { openIndex } from '../index/search-index.ts'
import { search } from '../search/search.ts'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('measure-heap: run node with --expose-gc')
const settle = () => {
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage()
}

const analyzer = createAnalyzer()
// A first copy loads the code and warms it up; it stays alive so that freeing it cannot offset the
// figures of the measured copy.
const warm = openIndex(readFileSync(process.argv[2]!))
search(warm, analyzer, { q: '워밍업', limit: 1, offset: 0 })
const before = settle()
const started = performance.now()
const bytes = readFileSync(process.argv[2]!)
const index = openIndex(bytes)
search(index, analyzer, { q: '벨라루스', limit: 10, offset: 0 })
const loadMs = performance.now() - started
const after = settle()
console.log(
  JSON.stringify({
    heapBytes: after.heapUsed - before.heapUsed,
    arrayBufferBytes: after.arrayBuffers - before.arrayBuffers,
    loadMs,
    sentences: index.meta.sentences,
    packBytes: bytes.length,
    warmSentences: warm.meta.sentences,
  }),
)
