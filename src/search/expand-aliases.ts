// Query expansion through aliases: a query word also matches its acronym or synonym, a little below
// the word itself. ICT → 정보통신기술; 미래부 → 미래창조과학부. Must not import runtime code.
import type { AliasTable } from '../index/aliases.ts'
import type { PlannedTerm, QueryPlan } from './scorer.ts'

/** An alias counts as the word itself, at this share of its weight. */
export const ALIAS_WEIGHT = 0.8

/**
 * @example
 * aliasTerms(planQuery(analyzeQuery('ICT', analyzer)), index.aliases)
 * // => [{ field: 'word', term: '정보통신기술', weight: 0.8, word: 0, whole: true }]
 */
export function aliasTerms(plan: QueryPlan, aliases: AliasTable): PlannedTerm[] {
  const out: PlannedTerm[] = []
  const seen = new Set(plan.terms.map((t) => `${t.word}\u0000${t.field}\u0000${t.term}`))
  for (const t of plan.terms) {
    if (!t.whole) continue
    for (const alias of aliases.lookup(t.field, t.term)) {
      const key = `${t.word}\u0000${alias.field}\u0000${alias.term}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ ...alias, weight: t.weight * ALIAS_WEIGHT, word: t.word, whole: true })
    }
  }
  return out
}
