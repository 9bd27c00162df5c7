// The write side of `npm run load`: posts articles to POST /api/articles at a steady rate while the
// reads run, as a newsroom tool would, and tallies statuses and latencies. The articles are the
// bundled corpus's own, under fresh ids, so their size and language are real. Node-only.
import { ingestFiles } from '../ingest/index.ts'
import { readCorpus } from '../runtime/node-index.ts'
import type { Article } from '../types.ts'

export interface WriteTally {
  sent: number
  created: number
  /** Any answer other than 201, and network failures. */
  failed: number
  /** Milliseconds per write, in the order they finished. */
  latencies: number[]
}

/** The corpus articles, as write-request bodies. */
export function writeBodies(): Array<Omit<Article, 'id'>> {
  return ingestFiles(readCorpus()).map(({ id: _, ...rest }) => rest)
}

/**
 * Posts one article every 1000/`perSecond` ms until `stop()`; ids are `${prefix}-${n}`.
 * @example
 * const writer = startWriter(url, token, 2, 'load-1'); …; const tally = await writer.stop()
 */
export function startWriter(baseUrl: string, token: string, perSecond: number, prefix: string, bodies = writeBodies()) {
  const tally: WriteTally = { sent: 0, created: 0, failed: 0, latencies: [] }
  const pending = new Set<Promise<void>>()
  const post = async (n: number) => {
    const started = performance.now()
    try {
      const res = await fetch(`${baseUrl}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: `${prefix}-${n}`, ...bodies[n % bodies.length] }),
      })
      await res.arrayBuffer()
      if (res.status === 201) tally.created++
      else tally.failed++
    } catch {
      tally.failed++
    }
    tally.latencies.push(performance.now() - started)
  }
  const timer = setInterval(() => {
    const request = post(tally.sent++).finally(() => pending.delete(request))
    pending.add(request)
  }, 1000 / perSecond)
  return {
    stop: async (): Promise<WriteTally> => {
      clearInterval(timer)
      await Promise.all(pending)
      return tally
    },
  }
}
