// Per-query misses for error analysis: every query whose relevant document is not ranked first, with
// the texts side by side and where the relevant document did land. No runtime imports.
import type { EvalDoc } from './dataset.ts'
import type { Engine } from './engine.ts'
import type { ScoredQuery } from './report.ts'

export interface Miss {
  id: string
  source: string | null
  query: string
  /** Rank of the first relevant document among up to `deep` hits; null when it is not among them. */
  rank: number | null
  /** How many documents matched the query at all. */
  matched: number
  relevant: Array<{ id: string; text: string }>
  top: Array<{ rank: number; id: string; relevant: boolean; text: string }>
}

export interface MissOptions {
  /** How deep to look for the relevant document's rank. */
  deep: number
  /** How many of our top hits to show. */
  top: number
  /** Longer document texts are cut (articles). */
  maxChars: number
}

export const DEFAULT_MISS_OPTIONS: MissOptions = { deep: 1000, top: 5, maxChars: 300 }

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)

/**
 * @example
 * collectMisses(scored, engine, docsById)[0]
 * // => { id: 'klue-nli-v1_dev_00012', query: '…', rank: 3, matched: 812, relevant: [{ id: 'nli-p0004', text: '…' }], top: [ … ] }
 */
export function collectMisses(
  scored: readonly ScoredQuery[],
  engine: Engine,
  docsById: ReadonlyMap<string, EvalDoc>,
  options: MissOptions = DEFAULT_MISS_OPTIONS,
): Miss[] {
  const textOf = (id: string) => clip(docsById.get(id)?.body ?? '', options.maxChars)
  return scored
    .filter((s) => s.score.firstRelevantRank !== 1)
    .map(({ query }) => {
      const relevant = new Set(query.relevant)
      const response = engine.respond(query.text, options.deep)
      const ids = response?.hits.map((h) => h.article.id) ?? []
      const at = ids.findIndex((id) => relevant.has(id))
      return {
        id: query.id,
        source: query.source,
        query: query.text,
        rank: at < 0 ? null : at + 1,
        matched: response?.total ?? 0,
        relevant: query.relevant.map((id) => ({ id, text: textOf(id) })),
        top: ids.slice(0, options.top).map((id, i) => ({ rank: i + 1, id, relevant: relevant.has(id), text: textOf(id) })),
      }
    })
}
