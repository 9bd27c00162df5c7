// Runs a TermWalker over a sorted list of terms, the way a sorted-array dictionary (a compact
// segment, or the small outlet vocabulary) answers TermSource.walkTerms: states are kept for the
// prefix shared with the previous term, and a rejected prefix skips its whole run by binary search.
// Must not import runtime code.
import type { TermWalker } from './term-source.ts'

/**
 * @example
 * walkSortedTerms(['벨라루스', '벨기에', '장관'], startsWith('벨'), 10) // => [['벨라루스', …], ['벨기에', …]]
 */
export function walkSortedTerms<S>(sorted: readonly string[], walker: TermWalker<S>, limit: number): Array<[string, S]> {
  const out: Array<[string, S]> = []
  const prefix = walker.prefix ?? ''
  const atPrefix = stepThrough(walker, prefix)
  if (atPrefix === null) return out
  // states[k] = walker state after the first k units of the current term (the prefix is stepped once).
  const states: S[] = []
  for (let k = 0; k < prefix.length; k++) states.push(walker.start)
  states.push(atPrefix)
  let previous = prefix
  let i = firstAtOrAfter(sorted, prefix, 0)
  while (i < sorted.length && out.length < limit && sorted[i]!.startsWith(prefix)) {
    const term = sorted[i]!
    let shared = 0
    const max = Math.min(previous.length, term.length, states.length - 1)
    while (shared < max && previous.charCodeAt(shared) === term.charCodeAt(shared)) shared++
    states.length = shared + 1
    let rejectedAt = -1
    for (let k = shared; k < term.length; k++) {
      const next = walker.step(states[k]!, term.charCodeAt(k))
      if (next === null) {
        rejectedAt = k
        break
      }
      states.push(next)
    }
    previous = term
    if (rejectedAt < 0) {
      if (walker.accept(states[term.length]!)) out.push([term, states[term.length]!])
      i++
      continue
    }
    // Every following term with the rejected prefix is rejected too: jump past them.
    i = firstAtOrAfter(sorted, prefixSuccessor(term.slice(0, rejectedAt + 1)), i + 1)
    previous = term.slice(0, rejectedAt)
  }
  return out
}

/** The walker's state after `units` (from `from`, by default its start), or null when it rejects them. */
export function stepThrough<S>(walker: TermWalker<S>, units: string, from: S = walker.start): S | null {
  let state: S | null = from
  for (let k = 0; k < units.length && state !== null; k++) state = walker.step(state, units.charCodeAt(k))
  return state
}

/** The smallest string greater than every string starting with `prefix`. */
export function prefixSuccessor(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1)
  // U+FFFF has no successor unit: fall back to the prefix plus the largest unit (close enough).
  return last === 0xffff ? `${prefix}\uffff` : prefix.slice(0, -1) + String.fromCharCode(last + 1)
}

function firstAtOrAfter(sorted: readonly string[], key: string, from: number): number {
  let lo = from
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}
