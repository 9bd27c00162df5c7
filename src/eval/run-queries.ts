// Warm-up, then one timed pass over the queries, the way the peers harness times its peers: warm-up
// searches cycle over the queries (results discarded) until a count or a time cap, then every query
// runs once, one at a time, timed around the search call only. No runtime imports.

export interface WarmUpOptions {
  /** Warm-up searches (the harness's default is 1000). */
  searches: number
  /** …but at most this many seconds (default 30). */
  seconds: number
}

export const DEFAULT_WARM_UP: WarmUpOptions = { searches: 1000, seconds: 30 }

export interface QueryRun {
  id: string
  hits: string[]
  /** Latency of this query's search call, in milliseconds. */
  ms: number
  /** Why the search threw, if it did (the query then counts as answered with no hits). */
  error?: string
}

/**
 * @example
 * runQueries((q) => engine.search(q, 10), [{ id: 'q1', text: '훈민정음 창제' }], { searches: 10, seconds: 1 })
 * // => { runs: [{ id: 'q1', hits: ['s01', …], ms: 0.21 }], warmed: 10 }
 */
export function runQueries(
  searchFn: (q: string) => string[],
  queries: ReadonlyArray<{ id: string; text: string }>,
  warmUp: WarmUpOptions = DEFAULT_WARM_UP,
): { runs: QueryRun[]; warmed: number } {
  let warmed = 0
  const warmUntil = performance.now() + warmUp.seconds * 1000
  while (queries.length > 0 && warmed < warmUp.searches && performance.now() < warmUntil) {
    try {
      searchFn(queries[warmed % queries.length]!.text)
    } catch {
      // the timed pass records the error
    }
    warmed++
  }
  const runs = queries.map(({ id, text }): QueryRun => {
    const started = performance.now()
    try {
      const hits = searchFn(text)
      return { id, hits, ms: performance.now() - started }
    } catch (err) {
      return { id, hits: [], ms: performance.now() - started, error: err instanceof Error ? err.message : String(err) }
    }
  })
  return { runs, warmed }
}
