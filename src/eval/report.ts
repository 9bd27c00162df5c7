// Scores a set's query runs and lays the figures out: one row for all queries, one per extra group and
// per query source, as a Markdown table or plain JSON. Pure: no runtime imports.
import type { EvalQuery } from './dataset.ts'
import { percentile, scoreQuery, summarize, type MetricSummary, type QueryScore } from './metrics.ts'
import type { QueryRun } from './run-queries.ts'

export interface ScoredQuery {
  query: EvalQuery
  run: QueryRun
  score: QueryScore
}

export interface GroupRow extends MetricSummary {
  group: string
  p50Ms: number | null
  p95Ms: number | null
}

export interface SetReport {
  name: string
  docs: number
  sentences: number
  buildS: number
  warmed: number
  notes: string[]
  rows: GroupRow[]
}

/** Pairs each query with its run and scores it; a query the run lacks counts as answered with nothing. */
export function scoreRuns(queries: readonly EvalQuery[], runs: readonly QueryRun[]): ScoredQuery[] {
  const byId = new Map(runs.map((r) => [r.id, r]))
  return queries.map((query) => {
    const run = byId.get(query.id) ?? { id: query.id, hits: [], ms: Number.NaN }
    return { query, run, score: scoreQuery(new Set(query.relevant), run.hits) }
  })
}

function row(group: string, scored: readonly ScoredQuery[]): GroupRow {
  const ms = scored.map((s) => s.run.ms).filter((x) => Number.isFinite(x))
  return { group, ...summarize(scored.map((s) => s.score)), p50Ms: percentile(ms, 0.5), p95Ms: percentile(ms, 0.95) }
}

/**
 * The `all` row, then each named group, then one row per query source (KLUE genre, keyword count).
 * @example
 * breakdown(scored, { news: (q) => q.source === 'wikinews' }).map((r) => r.group)
 * // => ['all', 'news', 'source NSMC', 'source airbnb', …]
 */
export function breakdown(scored: readonly ScoredQuery[], groups: Record<string, (q: EvalQuery) => boolean>): GroupRow[] {
  const rows = [row('all', scored)]
  for (const [name, test] of Object.entries(groups)) rows.push(row(name, scored.filter((s) => test(s.query))))
  const sources = [...new Set(scored.map((s) => s.query.source).filter((x): x is string => x !== null))].sort()
  if (sources.length > 1) for (const source of sources) rows.push(row(`source ${source}`, scored.filter((s) => s.query.source === source)))
  return rows
}

const fixed = (x: number, digits = 3) => x.toFixed(digits)
const ms = (x: number | null) => (x === null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1))

/** A set's figures as Markdown: a heading line, the notes, then the table. */
export function markdown(report: SetReport): string {
  const lines = [
    `### ${report.name}: ${report.docs} documents (${report.sentences} sentences indexed), ${report.rows[0]?.queries ?? 0} queries`,
    '',
    ...report.notes.map((n) => `- ${n}`),
    `- build ${report.buildS.toFixed(2)} s; latency after ${report.warmed} warm-up searches, ranking call (rankArticles) only, k = 10`,
    '',
    '| queries | n | nDCG@10 | R@1 | R@10 | MRR@10 | 0-hit | p50 ms | p95 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of report.rows) {
    lines.push(
      `| ${r.group} | ${r.queries} | ${fixed(r['nDCG@10'])} | ${fixed(r['R@1'])} | ${fixed(r['R@10'])} | ${fixed(r['MRR@10'])} | ${fixed(r.zeroHit)} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} |`,
    )
  }
  return lines.join('\n')
}

const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits)

/** The same figures for `--json`, rounded to 4 decimals. */
export function toJson(report: SetReport) {
  return {
    set: report.name,
    documents: report.docs,
    sentences: report.sentences,
    build_s: round(report.buildS, 3),
    warmup_searches: report.warmed,
    notes: report.notes,
    rows: report.rows.map((r) => ({
      group: r.group,
      queries: r.queries,
      'nDCG@10': round(r['nDCG@10']),
      'R@1': round(r['R@1']),
      'R@10': round(r['R@10']),
      'MRR@10': round(r['MRR@10']),
      zero_hit_share: round(r.zeroHit),
      p50_ms: round(r.p50Ms),
      p95_ms: round(r.p95Ms),
    })),
  }
}
