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
  const keyOf = (word: number, field: string, term: string) => `${word}\u0000${field}\u0000${term}`
  // Most queries have no alias at all: the plan's keys are gathered only once one turns up.
  let seen: Set<string> | null = null
  for (const t of plan.terms) {
    if (!t.whole) continue
    for (const alias of aliases.lookup(t.field, t.term)) {
      seen ??= new Set(plan.terms.map((p) => keyOf(p.word, p.field, p.term)))
      const key = keyOf(t.word, alias.field, alias.term)
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ ...alias, weight: t.weight * ALIAS_WEIGHT, word: t.word, whole: true })
    }
  }
  return out
}
