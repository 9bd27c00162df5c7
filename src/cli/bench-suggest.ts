// `npm run bench:suggest`: how long /api/suggest takes per keystroke on the bundled corpus. Replays
// words from the titles as an IME shows them while typing (벨 → 벨ㄹ → 벨라 …), as 초성 and as Latin
// typed in English mode, and prints the suggester's build time and latency percentiles.
import { assemble, convertHangulToQwerty, disassemble, getChoseong } from 'es-hangul'
import { createApp } from '../api/app.ts'
import { loadOrBuildIndex } from '../runtime/node-index.ts'
import { createSuggester } from '../search/suggest.ts'

const WORDS = 300
const ROUNDS = 3
const LIMIT = 8

const index = await loadOrBuildIndex(() => {})

const gc = (globalThis as { gc?: () => void }).gc
gc?.()
const heapBefore = process.memoryUsage().heapUsed
const buildStarted = performance.now()
const suggester = createSuggester(index)
const buildMs = performance.now() - buildStarted
gc?.()
const heapMb = gc ? ((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024).toFixed(1) : null

/** Every third distinct Hangul word (≥ 2 syllables) of the titles: what people look for. */
function sampleWords(): string[] {
  const distinct = new Set<string>()
  for (let i = 0; i < index.store.articleCount; i++) for (const w of index.store.article(i).title.match(/[가-힣]{2,}/g) ?? []) distinct.add(w)
  return [...distinct].filter((_, i) => i % 3 === 0).slice(0, WORDS)
}

/** What the box holds after each keystroke: 벨 → 벨ㄹ → 벨라 → 벨랄 → 벨라루 … (2-beolsik IME). */
function imeStates(word: string): string[] {
  const jamo = [...disassemble(word)]
  return jamo.map((_, i) => assemble(jamo.slice(0, i + 1)))
}

const prefixes = (s: string, from = 1) => Array.from({ length: Math.max(0, s.length - from + 1) }, (_, i) => s.slice(0, from + i))

const words = sampleWords()
const workloads: Record<string, string[]> = {
  'jamo (IME states)': words.flatMap(imeStates),
  '초성': words.flatMap((w) => prefixes(getChoseong(w), 2)),
  'English layout': words.flatMap((w) => prefixes(convertHangulToQwerty(w), 2)),
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1]! }
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`
const line = (name: string, samples: number[]) => {
  const p = percentiles(samples)
  console.log(`bench:suggest: ${name.padEnd(22)} n=${String(p.n).padStart(5)}  p50 ${fmt(p.p50)}  p95 ${fmt(p.p95)}  p99 ${fmt(p.p99)}  max ${fmt(p.max)}`)
}

console.log(`bench:suggest: ${index.meta.articles} articles, ${index.meta.sentences} sentences; ${words.length} title words replayed`)
console.log(`bench:suggest: suggester built in ${buildMs.toFixed(0)} ms${heapMb ? `, ${heapMb} MB heap` : ''}`)

// Warm-up round (JIT), then timed rounds.
for (const queries of Object.values(workloads)) for (const q of queries) suggester.suggest({ q, limit: LIMIT })
const all: number[] = []
const fastestOf = new Map<string, number>()
for (const [name, queries] of Object.entries(workloads)) {
  const samples: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const started = performance.now()
      suggester.suggest({ q, limit: LIMIT })
      const ms = performance.now() - started
      samples.push(ms)
      fastestOf.set(q, Math.min(ms, fastestOf.get(q) ?? Infinity))
    }
  }
  line(name, samples)
  all.push(...samples)
}
line('all (suggest())', all)
// A query slow in every round is slow by itself; one slow only once met a GC pause.
const slowest = [...fastestOf].sort((a, b) => b[1] - a[1]).slice(0, 5)
console.log(`bench:suggest: slowest queries (best of ${ROUNDS}): ${slowest.map(([q, ms]) => `${q} ${fmt(ms)}`).join(', ')}`)

// The same keystrokes through the Hono app in-process: validation, routing and JSON included.
const app = createApp({ getIndex: () => index })
const queries = Object.values(workloads).flat()
for (const q of queries.slice(0, 200)) await app.request(`/api/suggest?q=${encodeURIComponent(q)}`)
const http: number[] = []
for (const q of queries) {
  const started = performance.now()
  const res = await app.request(`/api/suggest?q=${encodeURIComponent(q)}&limit=${LIMIT}`)
  await res.text()
  http.push(performance.now() - started)
}
line('GET /api/suggest', http)
