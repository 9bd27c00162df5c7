// `npm run fuzz -- [cases] [--seed N] [--only text]`: runs every fuzz property for `cases` cases
// (default 1000) and prints, per property, the cases run, failures, time, and for the search API the
// request times (p50/p99/max); then times pathological inputs at 10k and 40k characters to catch
// super-linear stages. Exits 1 on any failure, printing the shrunk input and how to replay it.
import fc from 'fast-check'
import { createProperties, loadFuzzDeps } from './fuzz-properties.ts'
import { MAX_GROWTH, measureScaling } from './fuzz-scaling.ts'

const args = process.argv.slice(2)
const option = (name: string) => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}
const positional = args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--'))
const cases = Number(positional ?? 1000)
const seed = option('--seed') === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(option('--seed'))
const only = option('--only')
if (!Number.isSafeInteger(cases) || cases < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: npm run fuzz -- [cases] [--seed N] [--only text]')
  process.exit(2)
}

const requestMs: number[] = []
const statuses = new Map<number, number>()
let slowest = { ms: 0, url: '' }
const onRequestTime = (ms: number, url: string, status: number) => {
  requestMs.push(ms)
  statuses.set(status, (statuses.get(status) ?? 0) + 1)
  if (ms > slowest.ms) slowest = { ms, url }
}
const deps = await loadFuzzDeps(onRequestTime)
const properties = createProperties(deps).filter((p) => !only || p.name.includes(only))

// The app logs every 500 with its stack; count them here instead of flooding the report.
const serverErrors: unknown[][] = []
console.error = (...args: unknown[]) => serverErrors.push(args)
console.log(`fuzz: ${cases} cases per property, ${properties.length} properties, seed ${seed}`)

let failed = 0
for (const { name, property } of properties) {
  const started = performance.now()
  const details = await fc.check(property, { numRuns: cases, seed, endOnFailure: false })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (details.failed) {
    failed++
    console.log(`✗ ${name}: 1 failure after ${details.numRuns} cases (${seconds} s)`)
    console.log(`  counterexample: ${fc.stringify(details.counterexample)}`)
    console.log(`  error: ${String(details.errorInstance).slice(0, 2000)}`)
    console.log(`  replay: npm run fuzz -- ${cases} --seed ${seed} --only '${name.split(':')[0]}'  (path ${details.counterexamplePath})`)
  } else {
    console.log(`✓ ${name}: ${details.numRuns} cases, 0 failures (${seconds} s)`)
  }
}

if (requestMs.length > 0) {
  const sorted = [...requestMs].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2)
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ')
  console.log(`search requests: ${sorted.length} (${byStatus}), p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${slowest.ms.toFixed(2)} ms`)
  console.log(`slowest request: ${slowest.url.slice(0, 300)}`)
}
if (serverErrors.length > 0) console.log(`server logged ${serverErrors.length} errors; first: ${String(serverErrors[0]![0]).slice(0, 500)}`)
if (!only || 'scaling'.includes(only)) {
  const rows = measureScaling(deps.queryAnalyzer)
  const worst = rows.reduce((a, b) => (b.growth > a.growth && b.ms4 > 1 ? b : a))
  const slowest = rows.reduce((a, b) => (b.ms4 > a.ms4 ? b : a))
  const inputs = new Set(rows.map((r) => r.input)).size
  console.log(
    `scaling: ${inputs} pathological inputs × analyzer/splitter/highlight, 10k → 40k chars: ` +
      `slowest ${slowest.ms4.toFixed(1)} ms at 40k (${slowest.input}, ${slowest.stage}); ` +
      `largest growth ×${worst.growth.toFixed(1)} (${worst.input}, ${worst.stage}; linear ≈ ×4, limit ×${MAX_GROWTH}, ` +
      `checked again at 160k for ${rows.filter((r) => r.confirmGrowth !== null).length})`,
  )
  for (const r of rows.filter((r) => r.superLinear)) {
    failed++
    console.log(`✗ super-linear: ${r.input} through ${r.stage}: ×${r.growth.toFixed(1)} from 10k to 40k, ×${r.confirmGrowth!.toFixed(1)} from 40k to 160k`)
  }
}
console.log(`fuzz: ${failed === 0 ? 'ok' : `${failed} failures`} (${cases} cases per property, seed ${seed})`)
process.exit(failed === 0 ? 0 : 1)
