// `npm run morph:bench [-- --passes N] [--mecab] [files.jsonl…]`: dictionary load time and memory,
// then sentences/s and chars/s of the morphological analyzer in each mode, single thread, after a
// warm-up. The best pass, the median pass and the CPU-time rate print: on a shared machine the
// wall clock drifts with load. --mecab times the C++ MeCab CLI (`mecab` or $MECAB) on the same input, run right after.
import { loadMorphDictionary } from '../analysis/morph/morph-dictionary.ts'
import { createMorphAnalyzer, type MorphAnalyzerOptions } from '../analysis/morph/morph-analyzer.ts'
import { execFileSync } from 'node:child_process'
import { mecabKoDicDir, readMorphDictionaryFiles } from '../runtime/morph-node.ts'
import { readSentences } from './morph-sentences.ts'

const args = process.argv.slice(2)
const passesAt = args.indexOf('--passes')
const passes = passesAt >= 0 ? Number(args[passesAt + 1]) : 8
const withMecab = args.includes('--mecab')
const files = args.filter((a, i) => !a.startsWith('--') && (passesAt < 0 || i !== passesAt + 1))
const sentences = readSentences(files.length > 0 ? files : undefined)
const chars = sentences.reduce((sum, s) => sum + s.length, 0)

const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-US')
const gc = (globalThis as { gc?: () => void }).gc
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
const memory = (label: string) => {
  for (let i = 0; gc && i < 3; i++) gc()
  const m = process.memoryUsage()
  console.log(`  ${label.padEnd(26)} heapUsed ${MB(m.heapUsed)}, arrayBuffers ${MB(m.arrayBuffers)}, rss ${MB(m.rss)}`)
}

console.log(`morph-bench: ${sentences.length} sentences, ${chars} UTF-16 chars (${(chars / sentences.length).toFixed(1)} per sentence), ${passes} timed passes`)
if (!gc) console.log('morph-bench: run node with --expose-gc for heap figures after GC')
memory('before load')
let started = performance.now()
const bytes = readMorphDictionaryFiles()
const readMs = performance.now() - started
started = performance.now()
const dict = loadMorphDictionary(bytes)
const parseMs = performance.now() - started
console.log(`load: read files ${readMs.toFixed(0)} ms + build views ${parseMs.toFixed(1)} ms = ${(readMs + parseMs).toFixed(0)} ms`)
memory('after load')

const variants: Array<[string, MorphAnalyzerOptions]> = [
  ['exact (mecab-ko penalty)', {}],
  ['exact (penalty off)', { leftSpacePenalty: false }],
  ['eojeol-cache', { mode: 'eojeol-cache' }],
]
for (const [name, options] of variants) {
  const analyze = createMorphAnalyzer(dict, options)
  let morphemes = 0
  const pass = () => {
    const t = performance.now()
    for (const s of sentences) morphemes += analyze(s).length
    return performance.now() - t
  }
  // The first pass warms the JIT (and, in cache mode, fills the cache from cold: reported apart).
  const firstMs = pass()
  const times: number[] = []
  const cpuBefore = process.cpuUsage()
  for (let i = 0; i < passes; i++) times.push(pass())
  const cpuMs = process.cpuUsage(cpuBefore).user / 1000
  times.sort((a, b) => a - b)
  const best = times[0]!
  const median = times[Math.floor(times.length / 2)]!
  const n = sentences.length
  console.log(
    `${name.padEnd(26)} best pass ${rate(n, best)} sentences/s, ${rate(chars, best)} chars/s, ${((best * 1000) / n).toFixed(1)} µs/sentence;` +
      ` median ${rate(n, median)}/s; CPU time ${rate(n * passes, cpuMs)}/s; first pass ${rate(n, firstMs)}/s;` +
      ` ${(morphemes / (passes + 1) / n).toFixed(1)} morphemes/sentence`,
  )
  memory(`after ${name}`)
}

if (withMecab) {
  // Output formatting included, as the CLI must print; compare with the analyzers' wall-clock rates.
  const input = Array.from({ length: passes }, () => sentences.join('\n')).join('\n') + '\n'
  const t = performance.now()
  execFileSync(process.env.MECAB ?? 'mecab', ['-d', mecabKoDicDir()], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'ignore', 'ignore'] })
  const ms = performance.now() - t
  console.log(`${'C++ MeCab 0.996 CLI'.padEnd(26)} ${rate(sentences.length * passes, ms)} sentences/s, ${rate(chars * passes, ms)} chars/s (wall clock)`)
}
