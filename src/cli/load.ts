// `npm run load -- [--duration 10] [--connections 50] [--seed 1]`: starts the Node server on
// 127.0.0.1, warms it up, fires a realistic query mix at it with autocannon twice back to back, and
// prints per run req/s, p50/p99 latency, errors, non-2xx, the server's RSS (start, peak, end), its
// heap after a full GC (asked over an IPC channel), and CPU time, so a leak shows as growth from run
// to run. `--writes N` also sends N article writes per second (POST, PUT corrections, DELETEs) to the write API during each run (the
// server gets a throwaway token and journal). Each connection sends its next request when the last
// is answered, so the server runs flat out: with 50 connections a request waits behind ~49 others
// (p50 ~200 ms), and the unluckiest wait seconds (max); with 8, the same ~220 req/s come at p50
// ~33 ms, max ~0.2 s. Only targets 127.0.0.1; duration is bounded.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { ROOT } from '../runtime/node-index.ts'
import { percentile } from '../eval/metrics.ts'
import { startWriter, writeBodies, type WriteTally } from './load-writer.ts'
import { buildQueryMix } from './query-mix.ts'
import { freePort, startServer } from './spawn-server.ts'

const MAX_DURATION_S = 300
const MIX_SIZE = 5000
const WARM_UP_REQUESTS = 200

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const duration = option('--duration', 10)
const connections = option('--connections', 50)
const seed = option('--seed', 1)
const runs = option('--runs', 2)
const writesPerSecond = option('--writes', 0)
const valid =
  duration >= 1 &&
  duration <= MAX_DURATION_S &&
  Number.isInteger(connections) &&
  connections >= 1 &&
  connections <= 1000 &&
  Number.isInteger(runs) &&
  runs >= 1 &&
  runs <= 10 &&
  writesPerSecond >= 0 &&
  writesPerSecond <= 50
if (!valid) {
  console.error(`usage: npm run load -- [--duration 1..${MAX_DURATION_S}] [--connections 1..1000] [--runs 1..10] [--writes 0..50] [--seed N]`)
  process.exit(2)
}

interface Memory {
  rssKb: number
  hwmKb: number
}

/** VmRSS and VmHWM (peak RSS) of a process, from /proc (Linux). */
function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') }
}

/** User + system CPU seconds a process has used, from /proc/<pid>/stat. */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ') // after "pid (comm) "
  return (Number(fields[11]) + Number(fields[12])) / 100 // utime, stime in clock ticks (USER_HZ = 100)
}

function describeWrites({ sent, created, replaced, deleted, failed, failures, latencies }: WriteTally): string {
  const ms = (p: number) => (percentile(latencies, p) ?? NaN).toFixed(1)
  return `writes: ${sent} sent, ${created} created (201), ${replaced} replaced and ${deleted} deleted (200), ${failed} failed${failed > 0 ? ` (${[...failures].map(([what, n]) => `${what} ×${n}`).join(', ')})` : ''}; write latency p50 ${ms(0.5)} ms, p99 ${ms(0.99)} ms`
}

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`

const mix = buildQueryMix(MIX_SIZE, seed)
console.log(
  `load: ${mix.paths.length} queries from ${mix.from} (${mix.kinds.words} words, ${mix.kinds.title} titles, ${mix.kinds.question} questions), seed ${seed}`,
)

const port = await freePort()
// Writes go to a throwaway journal, never to index/: a load test must not change the user's archive.
const scratchDir = mkdtempSync(join(tmpdir(), 'load-'))
const writeToken = randomBytes(24).toString('hex')
const writeEnv: Record<string, string> = writesPerSecond > 0 ? { SEARCH_WRITE_TOKEN: writeToken, SEARCH_JOURNAL_FILE: join(scratchDir, 'journal.jsonl') } : {}
// node --import tsx (not the tsx wrapper), so the pid we sample is the server itself; --expose-gc
// and the IPC channel let us read its heap after a full collection between runs.
const server = await startServer(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', 'src/runtime/node.ts'],
  port,
  { PORT: String(port), HOST: '127.0.0.1', ...writeEnv },
  { ipc: true },
)
const writing = writesPerSecond > 0 ? `, ${writesPerSecond} article writes/s` : ''
console.log(`load: server pid ${server.pid} on ${server.url}, ${connections} connections${writing}, ${duration} s per run, ${runs} runs`)
const bodies = writesPerSecond > 0 ? writeBodies() : []

/** Heap (JS objects + ArrayBuffers) the server holds after a full GC, in kB like /proc's figures. */
const liveHeapKb = async () => {
  const report = await server.memory()
  return (report.heapUsed + report.arrayBuffers) / 1024
}

// Warm-up, not measured: the first requests run in V8's interpreter, and 50 of them queued at once
// would put JIT warm-up into run 1's tail instead of the server's steady state.
for (const path of mix.paths.slice(0, WARM_UP_REQUESTS)) await (await fetch(server.url + path)).arrayBuffer()
const heapAfterWarmUpKb = await liveHeapKb()
console.log(`load: warmed up with ${WARM_UP_REQUESTS} sequential requests; live heap after GC ${mb(heapAfterWarmUpKb)}`)

let failed = false
const liveHeapsKb: number[] = []
const rssAfterKb: number[] = []
try {
  for (let run = 1; run <= runs; run++) {
    const before = memoryOf(server.pid)
    const cpuBefore = cpuSecondsOf(server.pid)
    let peakRssKb = before.rssKb
    const sampler = setInterval(() => {
      peakRssKb = Math.max(peakRssKb, memoryOf(server.pid).rssKb)
    }, 250)
    let next = 0
    const writer = writesPerSecond > 0 ? startWriter(server.url, writeToken, writesPerSecond, `load-${run}`, bodies) : null
    const result = await autocannon({
      url: server.url,
      connections,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, path: mix.paths[next++ % mix.paths.length]! }) }],
    })
    const writes = await writer?.stop()
    clearInterval(sampler)
    const after = memoryOf(server.pid)
    const cpu = cpuSecondsOf(server.pid) - cpuBefore
    const heapKb = await liveHeapKb()
    liveHeapsKb.push(heapKb)
    rssAfterKb.push(after.rssKb)
    if (result.errors + result.timeouts > 0 || result.non2xx > 0 || (writes && writes.failed > 0)) failed = true
    console.log(
      [
        `run ${run}: ${result.requests.total} requests in ${result.duration.toFixed(1)} s`,
        `${result.requests.average.toFixed(0)} req/s`,
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
        ...(writes ? [describeWrites(writes)] : []),
        `server RSS ${mb(before.rssKb)} → peak ${mb(peakRssKb)} → ${mb(after.rssKb)} (VmHWM ${mb(after.hwmKb)})`,
        `server live heap after GC ${mb(heapKb)} (heapUsed + arrayBuffers)`,
        `server CPU ${cpu.toFixed(1)} s (${((cpu * 1000) / Math.max(1, result.requests.total)).toFixed(2)} ms/request)`,
      ].join('\n  '),
    )
  }
  /** Signed MB from each value to the next: +0.4, -1.6, 0.0. */
  const growth = (xs: number[]) =>
    xs.slice(1).map((x, i) => {
      const mbs = Math.round((x - xs[i]!) / 102.4) / 10
      return `${mbs > 0 ? '+' : ''}${mbs.toFixed(1)}`
    })
  console.log(`memory: live heap after GC ${[heapAfterWarmUpKb, ...liveHeapsKb].map(mb).join(' → ')}`)
  if (runs > 1) {
    console.log(`memory: run-to-run growth: live heap ${growth(liveHeapsKb).join(', ')} MB; RSS ${growth(rssAfterKb).join(', ')} MB`)
  }
} finally {
  await server.stop()
  rmSync(scratchDir, { recursive: true, force: true })
}
console.log(`load: ${failed ? 'FAILED (errors, non-2xx or failed writes)' : 'ok'} — root ${ROOT}`)
process.exit(failed ? 1 : 0)
