// The write side of `npm run load`: changes articles at a steady rate while the reads run, as a
// newsroom tool would — of every four requests two POST a new article, one PUTs a correction of the
// newest article already created, one DELETEs the oldest — and tallies statuses and latencies. The articles are the
// bundled corpus's own, under fresh ids, so their size and language are real. Node-only.
import { ingestFiles } from '../ingest/index.ts'
import { readCorpus } from '../runtime/node-index.ts'
import type { Article } from '../types.ts'

export interface WriteTally {
  sent: number
  /** 201 to a POST (or to a PUT that came before its POST). */
  created: number
  /** 200 to a PUT. */
  replaced: number
  /** 200 to a DELETE. */
  deleted: number
  /** Any other answer, and network failures. */
  failed: number
  /** What the failures were: "DELETE 404" → count. */
  failures: Map<string, number>
  /** Milliseconds per write, in the order they finished. */
  latencies: number[]
}

/** The corpus articles, as write-request bodies. */
export function writeBodies(): Array<Omit<Article, 'id'>> {
  return ingestFiles(readCorpus()).map(({ id: _, ...rest }) => rest)
}

/**
 * Request n of the cycle: POST, POST, PUT (a correction of the newest article created), DELETE (a
 * retraction of the oldest). Like a tool, it changes only articles whose POST has been answered.
 */
function writeRequest(n: number, prefix: string, bodies: ReadonlyArray<Omit<Article, 'id'>>, created: string[]) {
  const article = bodies[n % bodies.length]
  // Two created at least, so the newest (corrected) is never the oldest (retracted) at the same time.
  const step = created.length < 2 ? 0 : n % 4
  if (step === 2) return { method: 'PUT', path: `/api/articles/${created.at(-1)}`, body: JSON.stringify(article), ok: [200] } // the path names it: no id in the body
  if (step === 3) return { method: 'DELETE', path: `/api/articles/${created.shift()}`, body: undefined, ok: [200] }
  return { method: 'POST', path: '/api/articles', body: JSON.stringify({ id: `${prefix}-${n}`, ...article }), ok: [201], id: `${prefix}-${n}` }
}

/**
 * Sends one write every 1000/`perSecond` ms until `stop()`; ids are `${prefix}-${n}`.
 * @example
 * const writer = startWriter(url, token, 2, 'load-1'); …; const tally = await writer.stop()
 */
export function startWriter(baseUrl: string, token: string, perSecond: number, prefix: string, bodies = writeBodies()) {
  const tally: WriteTally = { sent: 0, created: 0, replaced: 0, deleted: 0, failed: 0, failures: new Map(), latencies: [] }
  const fail = (what: string) => {
    tally.failed++
    tally.failures.set(what, (tally.failures.get(what) ?? 0) + 1)
  }
  const pending = new Set<Promise<void>>()
  /** Ids created and not yet deleted, oldest first. */
  const created: string[] = []
  const send = async (n: number) => {
    const { method, path, body, ok, id } = writeRequest(n, prefix, bodies, created)
    const started = performance.now()
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { body }),
      })
      await res.arrayBuffer()
      if (!ok.includes(res.status)) fail(`${method} ${res.status}`)
      else if (res.status === 201) {
        tally.created++
        created.push(id!)
      } else if (method === 'PUT') tally.replaced++
      else tally.deleted++
    } catch (error) {
      fail(`${method} ${(error as Error).message}`)
    }
    tally.latencies.push(performance.now() - started)
  }
  const timer = setInterval(() => {
    const request = send(tally.sent++).finally(() => pending.delete(request))
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
