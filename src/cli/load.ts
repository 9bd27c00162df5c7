// `npm run load -- [--duration 10] [--connections 50] [--seed 1]`: starts the Node server on
// 127.0.0.1, warms it up, fires a realistic query mix at it with autocannon twice back to back, and
// prints per run req/s, p50/p99 latency, errors, non-2xx, and the server's RSS (start, peak, end) and
// CPU time, so a leak shows as growth from run 1 to run 2. Only targets 127.0.0.1; duration is bounded.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import autocannon from 'autocannon'
import { ROOT } from '../runtime/node-index.ts'
import { buildQueryMix } from './query-mix.ts'
import { startServer } from './spawn-server.ts'

const MAX_DURATION_S = 300
const MIX_SIZE = 5000
const RUNS = 2
const WARM_UP_REQUESTS = 200

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const duration = option('--duration', 10)
const connections = option('--connections', 50)
const seed = option('--seed', 1)
if (!(duration >= 1 && duration <= MAX_DURATION_S && Number.isInteger(connections) && connections >= 1 && connections <= 1000)) {
  console.error(`usage: npm run load -- [--duration 1..${MAX_DURATION_S}] [--connections 1..1000] [--seed N]`)
  process.exit(2)
}

/** A free TCP port on 127.0.0.1 (the OS picks it; we release it for the server). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
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

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`

const mix = buildQueryMix(MIX_SIZE, seed)
console.log(
  `load: ${mix.paths.length} queries from ${mix.from} (${mix.kinds.words} words, ${mix.kinds.title} titles, ${mix.kinds.question} questions), seed ${seed}`,
)

const port = await freePort()
// node --import tsx (not the tsx wrapper), so the pid we sample is the server itself.
const server = await startServer(process.execPath, ['--import', 'tsx', 'src/runtime/node.ts'], port, { PORT: String(port), HOST: '127.0.0.1' })
console.log(`load: server pid ${server.pid} on ${server.url}, ${connections} connections, ${duration} s per run, ${RUNS} runs`)

// Warm-up, not measured: the first requests run in V8's interpreter, and 50 of them queued at once
// would put JIT warm-up into run 1's tail instead of the server's steady state.
for (const path of mix.paths.slice(0, WARM_UP_REQUESTS)) await (await fetch(server.url + path)).arrayBuffer()
console.log(`load: warmed up with ${WARM_UP_REQUESTS} sequential requests`)

let failed = false
try {
  for (let run = 1; run <= RUNS; run++) {
    const before = memoryOf(server.pid)
    const cpuBefore = cpuSecondsOf(server.pid)
    let peakRssKb = before.rssKb
    const sampler = setInterval(() => {
      peakRssKb = Math.max(peakRssKb, memoryOf(server.pid).rssKb)
    }, 250)
    let next = 0
    const result = await autocannon({
      url: server.url,
      connections,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, path: mix.paths[next++ % mix.paths.length]! }) }],
    })
    clearInterval(sampler)
    const after = memoryOf(server.pid)
    const cpu = cpuSecondsOf(server.pid) - cpuBefore
    const errors = result.errors + result.timeouts
    if (errors > 0 || result.non2xx > 0) failed = true
    console.log(
      [
        `run ${run}: ${result.requests.total} requests in ${result.duration.toFixed(1)} s`,
        `${result.requests.average.toFixed(0)} req/s`,
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
        `server RSS ${mb(before.rssKb)} → peak ${mb(peakRssKb)} → ${mb(after.rssKb)} (VmHWM ${mb(after.hwmKb)})`,
        `server CPU ${cpu.toFixed(1)} s (${((cpu * 1000) / Math.max(1, result.requests.total)).toFixed(2)} ms/request)`,
      ].join('\n  '),
    )
  }
} finally {
  await server.stop()
}
console.log(`load: ${failed ? 'FAILED (errors or non-2xx)' : 'ok'} — root ${ROOT}`)
process.exit(failed ? 1 : 0)
