// Pathological inputs for `npm run fuzz`: each repeated to n and 4n (10k, 40k) characters and timed through the
// analyzer, the sentence splitter and the highlighter. Linear code takes ~4× as long on 4× the
// input; quadratic code ~16× (and again at 16n), which is how ᄀ + 40,000 ᅡ once took 0.4 s to
// normalise (18 s at 160k).
import type { Analyzer } from '../analysis/analyzers.ts'
import { splitSentences } from '../ingest/split-sentences.ts'
import { highlight } from '../search/highlight.ts'
import { analyzeQuery, planQuery } from '../search/query.ts'

/** Each builds a string of about `n` UTF-16 units from one repeated unit. */
const PATHOLOGICAL: Readonly<Record<string, (n: number) => string>> = {
  'combining marks': (n) => 'a' + '\u0301'.repeat(n),
  'conjoining vowels': (n) => '\u1100' + '\u1161'.repeat(n), // ᄀ + ᅡᅡᅡ…
  'final jamo after a syllable': (n) => '가' + '\u11A8'.repeat(n),
  'joined eojeol 가·가·…': (n) => '가·'.repeat(n / 2),
  'hyphenated eojeol 가-가-…': (n) => '가-'.repeat(n / 2),
  'one long eojeol': (n) => '가나다라마'.repeat(n / 5),
  'number with commas': (n) => '1,'.repeat(n / 2),
  'Han run': (n) => '韓'.repeat(n),
  'Latin and Hangul alternating': (n) => 'a가'.repeat(n / 2),
  'lone surrogates': (n) => '\uD800'.repeat(n),
  'final marks': (n) => '.'.repeat(n),
  'unclosed quotes': (n) => '“'.repeat(n),
  'quoted sentences': (n) => '"가. '.repeat(n / 4),
  'nested brackets': (n) => '('.repeat(n / 2) + ')'.repeat(n / 2),
  'abbreviations': (n) => 'Mr. '.repeat(n / 4),
  'spaced dates': (n) => '2015. 6. '.repeat(n / 9),
}

/** Growth from n to 4n above which a stage counts as super-linear (quadratic gives ~16). */
export const MAX_GROWTH = 10
/** Below this many ms at 4n, timer noise outweighs growth: not judged. */
const NOISE_FLOOR_MS = 20

export interface ScalingRow {
  input: string
  stage: string
  /** CPU ms at n and 4n characters. */
  ms: number
  ms4: number
  growth: number
  /** Growth from 4n to 16n, measured only when n → 4n grew past MAX_GROWTH (a GC step or the real thing). */
  confirmGrowth: number | null
  superLinear: boolean
}

/**
 * CPU time (not wall time, which counts waiting for a core on a shared machine), best of a few
 * runs to filter out GC pauses.
 */
function bestMs(run: () => void, tries: number): number {
  let best = Infinity
  for (let k = 0; k < tries; k++) {
    const started = process.cpuUsage()
    run()
    const { user, system } = process.cpuUsage(started)
    best = Math.min(best, (user + system) / 1000)
  }
  return best
}

export function measureScaling(analyzer: Analyzer, n = 10_000): ScalingRow[] {
  const stages: Record<string, (text: string) => void> = {
    analyzer: (text) => analyzer(text),
    splitter: (text) => splitSentences(text),
    highlight: (text) => highlight(text, analyzer, planQuery(analyzeQuery(text.slice(0, 20), analyzer))),
  }
  const rows: ScalingRow[] = []
  for (const [input, make] of Object.entries(PATHOLOGICAL)) {
    for (const [stage, run] of Object.entries(stages)) {
      const time = (size: number, tries = 3) => {
        const text = make(size)
        return bestMs(() => run(text), tries)
      }
      const ms = time(n)
      const ms4 = time(4 * n)
      const growth = ms4 / Math.max(ms, 0.01)
      // Arrays outgrowing V8's young generation can make one step jump; quadratic code jumps on every step.
      const suspect = ms4 > NOISE_FLOOR_MS && growth > MAX_GROWTH
      const confirmGrowth = suspect ? time(16 * n, 1) / ms4 : null
      rows.push({ input, stage, ms, ms4, growth, confirmGrowth, superLinear: confirmGrowth !== null && confirmGrowth > MAX_GROWTH })
    }
  }
  return rows
}
