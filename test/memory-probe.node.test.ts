// The load test reads the server's heap after a full GC over an IPC channel (no HTTP route).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { freePort, startServer, type RunningServer } from './helpers/spawn-server.ts'

let server: RunningServer

beforeAll(async () => {
  const port = await freePort()
  const env = { PORT: String(port), HOST: '127.0.0.1' }
  server = await startServer(process.execPath, ['--expose-gc', '--import', 'tsx', 'src/runtime/node.ts'], port, env, { ipc: true })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

it('reports the heap after a forced GC over IPC', async () => {
  const report = await server.memory()
  expect(report.collected).toBe(true)
  expect(report.heapUsed).toBeGreaterThan(1_000_000)
  expect(report.rss).toBeGreaterThanOrEqual(report.heapUsed)
})

it('has no HTTP route for memory', async () => {
  for (const path of ['/memory', '/debug/memory', '/api/memory']) {
    expect((await fetch(server.url + path)).status).toBe(404)
  }
})
