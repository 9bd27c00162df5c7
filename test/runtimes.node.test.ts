// Node (npm start) and `wrangler dev` serve the same answers from the same bundled index, and the
// Worker bundles offline with `wrangler deploy --dry-run`.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startServer, type RunningServer } from './helpers/spawn-server.ts'

const WRANGLER = 'node_modules/.bin/wrangler'
const servers: RunningServer[] = []
let node: RunningServer
let worker: RunningServer

beforeAll(async () => {
  // Ports the OS hands out, so a server left over from another run cannot answer in our place.
  const [nodePort, workerPort] = [await freePort(), await freePort()]
  ;[node, worker] = await Promise.all([
    startServer('node_modules/.bin/tsx', ['src/runtime/node.ts'], nodePort, { PORT: String(nodePort), HOST: '127.0.0.1' }),
    startServer(WRANGLER, ['dev', '--port', String(workerPort), '--ip', '127.0.0.1', '--inspector-port', '0'], workerPort),
  ])
  servers.push(node, worker)
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
})

/** The answer without its timing, which differs from run to run. */
async function answer(server: RunningServer, q: string) {
  const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`)
  expect(res.status).toBe(200)
  const { took_ms: _took, ...rest } = (await res.json()) as Record<string, unknown>
  return rest
}

describe('Node and wrangler dev', () => {
  it.each(['벨라루스', '최양희 장관', 'ICT 협력', '한벨 포럼'])('answer %s identically', async (q) => {
    const [fromNode, fromWorker] = await Promise.all([answer(node, q), answer(worker, q)])
    expect(fromWorker).toEqual(fromNode)
    expect((fromNode.hits as Array<{ article: { id: string } }>)[0]!.article.id).toBe('000_df47cecabbcbfc25')
  })

  it('both reject a blank query with the same 400 body', async () => {
    const [a, b] = await Promise.all([fetch(`${node.url}/api/search?q=`), fetch(`${worker.url}/api/search?q=`)])
    expect([a.status, b.status]).toEqual([400, 400])
    expect(await b.json()).toEqual(await a.json())
  })
})

describe('wrangler deploy --dry-run', () => {
  it('bundles the Worker with its index offline', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'dist-'))
    const log = execFileSync(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir], {
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'wrangler-')) },
    })
    expect(log).toMatch(/Total Upload: .* gzip: /)
    expect(existsSync(join(outdir, 'worker.js'))).toBe(true)
  }, 60_000)
})
