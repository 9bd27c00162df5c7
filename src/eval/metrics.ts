// Retrieval metrics with binary relevance, defined exactly as the peers harness
// (../shared/peers/lib/metrics.mjs) defines them, so our figures and the harness's agree.
// Pure functions: no runtime imports.

/** Scores of one query's ranked list (best first) against its relevant ids. */
export interface QueryScore {
  /** 1-based rank of the first relevant hit within the list, or null. */
  firstRelevantRank: number | null
  'R@1': number
  'R@10': number
  'MRR@10': number
  'nDCG@10': number
  zeroHit: boolean
}

/** Averages over the judged queries. */
export interface MetricSummary {
  queries: number
  'nDCG@10': number
  'R@1': number
  'R@10': number
  'MRR@10': number
  /** Share of queries with an empty result list. */
  zeroHit: number
}

/** Metrics are cut at 10 like the harness's @10 columns. */
const DEPTH = 10

/**
 * Scores one ranked list. A relevant id counts once even if the list repeats it; nDCG uses gains of 1
 * and the ideal list puts min(|relevant|, 10) relevant documents first.
 * @example
 * scoreQuery(new Set(['nli-p0001']), ['kn-000007', 'nli-p0001'])
 * // => { firstRelevantRank: 2, 'R@1': 0, 'R@10': 1, 'MRR@10': 0.5, 'nDCG@10': 0.6309…, zeroHit: false }
 */
export function scoreQuery(relevant: ReadonlySet<string>, hits: readonly string[]): QueryScore {
  const seen = new Set<string>()
  let found1 = 0
  let found10 = 0
  let firstRelevantRank: number | null = null
  let dcg = 0
  hits.slice(0, DEPTH).forEach((id, i) => {
    if (!relevant.has(id) || seen.has(id)) return
    seen.add(id)
    if (i === 0) found1++
    found10++
    firstRelevantRank ??= i + 1
    dcg += 1 / Math.log2(i + 2)
  })
  let idcg = 0
  for (let i = 0; i < Math.min(relevant.size, DEPTH); i++) idcg += 1 / Math.log2(i + 2)
  const size = relevant.size || 1
  return {
    firstRelevantRank,
    'R@1': found1 / size,
    'R@10': found10 / size,
    'MRR@10': firstRelevantRank === null ? 0 : 1 / firstRelevantRank,
    'nDCG@10': idcg > 0 ? dcg / idcg : 0,
    zeroHit: hits.length === 0,
  }
}

/**
 * Mean of each metric over `scores`; zeroHit becomes the share of empty lists.
 * @example
 * summarize([scoreQuery(new Set(['a']), ['a']), scoreQuery(new Set(['b']), [])])
 * // => { queries: 2, 'nDCG@10': 0.5, 'R@1': 0.5, 'R@10': 0.5, 'MRR@10': 0.5, zeroHit: 0.5 }
 */
export function summarize(scores: readonly QueryScore[]): MetricSummary {
  const n = scores.length
  const mean = (pick: (s: QueryScore) => number) => (n === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / n)
  return {
    queries: n,
    'nDCG@10': mean((s) => s['nDCG@10']),
    'R@1': mean((s) => s['R@1']),
    'R@10': mean((s) => s['R@10']),
    'MRR@10': mean((s) => s['MRR@10']),
    zeroHit: mean((s) => (s.zeroHit ? 1 : 0)),
  }
}

/**
 * The p-quantile (0–1) with linear interpolation between ranks, as the harness computes p50/p95.
 * @example
 * percentile([4, 1, 3, 2], 0.5) // => 2.5
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * p
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}
