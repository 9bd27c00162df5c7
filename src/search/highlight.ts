// Highlighting: finds the spans of a sentence that match the query, using the same analyzer as the
// index so offsets come from the original text, and renders escaped HTML with <mark>.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { Token } from '../types.ts'
import type { QueryPlan } from './scorer.ts'

export type Span = [start: number, end: number]

export interface Highlighted {
  html: string
  highlights: Span[]
}

/**
 * @example
 * highlight('벨라루스를 선택했다.', analyzer, planQuery(analyzeQuery('벨라루스', analyzer)))
 * // => { html: '<mark>벨라루스</mark>를 선택했다.', highlights: [[0, 4]] }
 */
export function highlight(text: string, analyzer: Analyzer, plan: QueryPlan): Highlighted {
  const spans = mergeSpans(matchedSpans(analyzer(text), plan))
  return { html: renderHtml(text, spans), highlights: spans }
}

/** Terms of the plan (the query's own, and its expansions such as aliases) in one field. */
const termsIn = (plan: QueryPlan, field: string) => new Set(plan.terms.filter((t) => t.field === field).map((t) => t.term))

function matchedSpans(tokens: Token[], plan: QueryPlan): Span[] {
  const words = termsIn(plan, 'word')
  const latin = termsIn(plan, 'latin')
  const hanja = termsIn(plan, 'hanja')
  const bigrams = termsIn(plan, 'bigram')
  const spans: Span[] = []
  for (const group of groupByPosition(tokens)) {
    // Mark the stem (or a compound part), not the particle: 벨라루스를 → <mark>벨라루스</mark>를
    const wordHits = group.filter((t) => (t.kind === 'stem' || t.kind === 'part') && words.has(t.term))
    const other = group.filter((t) => (t.kind === 'latin' && latin.has(t.term)) || (t.kind === 'hanja' && hanja.has(t.term)))
    for (const t of [...wordHits, ...other]) spans.push([t.start, t.end])
    if (wordHits.length > 0) continue
    // Bigram fallback inside one eojeol: keep a chain of ≥ 3 syllables, or a 2-syllable chain that
    // is a whole query word. 협력방안에 with query 협력 → <mark>협력</mark>방안에; 정보화 with 정보통신 → nothing.
    for (const chain of bigramChains(group.filter((t) => t.kind === 'bigram' && t.term.length === 2 && bigrams.has(t.term)))) {
      if (chain.length >= 2 || words.has(chain[0]!.term)) spans.push([chain[0]!.start, chain[chain.length - 1]!.end])
    }
  }
  return spans
}

function groupByPosition(tokens: Token[]): Token[][] {
  const groups = new Map<number, Token[]>()
  for (const t of tokens) {
    const g = groups.get(t.position)
    if (g) g.push(t)
    else groups.set(t.position, [t])
  }
  return [...groups.values()]
}

/** Runs of bigrams where each overlaps the next by one syllable. */
function bigramChains(bigrams: Token[]): Token[][] {
  const sorted = [...bigrams].sort((a, b) => a.start - b.start)
  const chains: Token[][] = []
  for (const b of sorted) {
    const last = chains[chains.length - 1]
    const tail = last?.[last.length - 1]
    if (last && tail && b.start < tail.end) last.push(b)
    else chains.push([b])
  }
  return chains
}

/** Sorted, with overlapping or touching spans merged. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: Span[] = []
  for (const [s, e] of sorted) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

function renderHtml(text: string, spans: Span[]): string {
  let html = ''
  let at = 0
  for (const [s, e] of spans) {
    html += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`
    at = e
  }
  return html + escapeHtml(text.slice(at))
}
