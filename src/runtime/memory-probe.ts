// Answers a parent process's "memory" message (over the IPC channel a load test opens) with the
// heap after a full GC, so a leak can be told from V8 keeping freed pages. Node-only; no HTTP route,
// so nothing about memory is exposed to the network.

/** What the server reports: process.memoryUsage() after gc(), and whether gc() was available. */
export interface MemoryReport extends NodeJS.MemoryUsage {
  collected: boolean
}

export const MEMORY_REQUEST = 'memory'

/** Listens for MEMORY_REQUEST when the process was started with an IPC channel (else does nothing). */
export function answerMemoryRequests(): void {
  if (!process.send) return
  process.on('message', (message) => {
    if (message !== MEMORY_REQUEST) return
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    const report: MemoryReport = { ...process.memoryUsage(), collected: gc !== undefined }
    process.send?.(report)
  })
  // The channel must not keep the server alive on its own, nor stop it from exiting on SIGTERM.
  process.channel?.unref()
}
