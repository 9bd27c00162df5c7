// Starts a server process (for integration tests and `npm run load`) and stops it with its whole
// process group (wrangler starts a workerd child that must not outlive the caller). Node-only.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningServer {
  url: string
  /** Process id of the spawned command (the server itself when the command is node). */
  pid: number
  output: () => string
  stop: () => Promise<void>
}

export async function startServer(command: string, args: string[], port: number, env: Record<string, string> = {}): Promise<RunningServer> {
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
    stdio: ['ignore', 'pipe', 'pipe'],
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
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return { url, pid: child.pid!, output: () => output, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await stop()
  throw new Error(`server did not answer /healthz within 60 s:\n${output}`)
}
