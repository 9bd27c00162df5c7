// Query analysis: runs the shared analyzer over the query text and groups its terms by field and
// by query word (eojeol), which ranking and highlighting both need. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { FIELD_OF_KIND, FIELDS, type Field } from '../index/fields.ts'
import type { PlannedTerm, QueryPlan } from './scorer.ts'

export type TermsByField = Record<Field, string[]>

/** One word of the query (an eojeol or a script run) and the terms it produced per field. */
export interface QueryWord {
  text: string
  /** Offsets of `text` in the query. */
  start: number
  end: number
  terms: TermsByField
}

export interface AnalyzedQuery {
  text: string
  words: QueryWord[]
  /** Distinct terms per field over all words. */
  terms: TermsByField
}

const emptyTerms = (): TermsByField => ({ word: [], bigram: [], latin: [], hanja: [] })

/**
 * @example
 * analyzeQuery('최양희 장관', analyzer).words.map(w => w.text) // => ['최양희', '장관']
 */
export function analyzeQuery(text: string, analyzer: Analyzer): AnalyzedQuery {
  const byPosition = new Map<number, QueryWord>()
  const terms = emptyTerms()
  for (const token of analyzer(text)) {
    const field = FIELD_OF_KIND[token.kind]
    let word = byPosition.get(token.position)
    if (!word) {
      word = { text: '', start: token.start, end: token.start, terms: emptyTerms() }
      byPosition.set(token.position, word)
    }
    // The widest token of a position is the word as typed: 한․벨 → 한․벨
    if (token.end - token.start > word.text.length) {
      word.text = text.slice(token.start, token.end)
      word.start = token.start
      word.end = token.end
    }
    if (!field) continue
    if (!word.terms[field].includes(token.term)) word.terms[field].push(token.term)
    if (!terms[field].includes(token.term)) terms[field].push(token.term)
  }
  return { text, words: [...byPosition.values()], terms }
}

/**
 * The terms to score, per query word. A word counts as matched whole through its stem, Latin or Han
 * terms, and partly through its bigrams.
 * @example
 * planQuery(analyzeQuery('ICT 협력', analyzer)).terms.map(t => `${t.field}:${t.term}`)
 * // => ['latin:ict', 'word:협력', 'bigram:협력']
 */
export function planQuery(query: AnalyzedQuery): QueryPlan {
  const terms: PlannedTerm[] = []
  query.words.forEach((word, i) => {
    for (const field of FIELDS) {
      for (const term of word.terms[field]) terms.push({ field, term, weight: 1, word: i, whole: field !== 'bigram' })
    }
  })
  return { words: query.words.length, bigramsPerWord: query.words.map((w) => w.terms.bigram.length), terms }
}
