// Starts a server process (for integration tests and `npm run load`) and stops it with its whole
// process group (wrangler starts a workerd child that must not outlive the caller). Node-only.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MEMORY_REQUEST, type MemoryReport } from '../runtime/memory-probe.ts'

/** A free TCP port on 127.0.0.1 (the OS picks it; we release it for the server to take). */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', resolve)
  })
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

export interface RunningServer {
  url: string
  /** Process id of the spawned command (the server itself when the command is node). */
  pid: number
  output: () => string
  stop: () => Promise<void>
  /** The server's memory after a full GC (only for a node server started with `ipc: true`). */
  memory: () => Promise<MemoryReport>
}

export interface StartOptions {
  /** Open an IPC channel, so `memory()` can ask a node server (src/runtime/memory-probe.ts). */
  ipc?: boolean
}

export async function startServer(
  command: string,
  args: string[],
  port: number,
  env: Record<string, string> = {},
  { ipc = false }: StartOptions = {},
): Promise<RunningServer> {
  let output = ''
  const child: ChildProcess = spawn(command, args, {
    detached: true, // own process group, so stop() reaches workerd too
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'wrangler-')),
      ...env,
    },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  const memory = () =>
    new Promise<MemoryReport>((resolve, reject) => {
      if (!child.send) return reject(new Error('memory(): start the server with { ipc: true }'))
      child.once('message', (report) => resolve(report as MemoryReport))
      child.send(MEMORY_REQUEST)
    })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return { url, pid: child.pid!, output: () => output, stop, memory }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await stop()
  throw new Error(`server did not answer /healthz within 60 s:\n${output}`)
}
