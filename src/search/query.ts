// Query analysis: runs the shared analyzer over the query text and groups its terms by field and
// by query word (eojeol), which ranking and highlighting both need. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { FIELD_OF_KIND, FIELDS, type Field } from '../index/fields.ts'
import { MAX_QUERY_WORDS, MAX_TERMS_PER_FIELD } from './limits.ts'

export type TermsByField = Record<Field, string[]>

/** One word of the query (an eojeol or a script run) and the terms it produced per field. */
export interface QueryWord {
  text: string
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
  for (const token of analyzer(text)) {
    const field = FIELD_OF_KIND[token.kind]
    let word = byPosition.get(token.position)
    if (!word) {
      word = { text: '', terms: emptyTerms() }
      byPosition.set(token.position, word)
    }
    // The widest token of a position is the word as typed: 한․벨 → 한․벨
    if (token.end - token.start > word.text.length) word.text = text.slice(token.start, token.end)
    if (!field) continue
    if (!word.terms[field].includes(token.term)) word.terms[field].push(token.term)
  }
  return { text, ...capWords([...byPosition.values()]) }
}

/**
 * Keeps the first MAX_QUERY_WORDS distinct words (정부 정부 → 정부) and, per field, the first
 * MAX_TERMS_PER_FIELD distinct terms; a word keeps only the terms that are searched, so coverage
 * is counted over them. Bounds the work of one query whatever it holds (limits.ts).
 */
function capWords(all: QueryWord[]): Pick<AnalyzedQuery, 'words' | 'terms'> {
  const terms = emptyTerms()
  const words: QueryWord[] = []
  const seen = new Set<string>()
  for (const word of all) {
    if (words.length === MAX_QUERY_WORDS) break
    const key = JSON.stringify(word.terms)
    if (seen.has(key)) continue
    seen.add(key)
    for (const field of FIELDS) {
      word.terms[field] = word.terms[field].filter((term) => {
        if (terms[field].includes(term)) return true
        if (terms[field].length === MAX_TERMS_PER_FIELD) return false
        terms[field].push(term)
        return true
      })
    }
    if (FIELDS.some((field) => word.terms[field].length > 0)) words.push(word)
  }
  return { words, terms }
}

/** The share of query words a sentence matches (0–1), given MiniSearch's term → fields map. */
export function coverage(query: AnalyzedQuery, match: Record<string, string[]>): number {
  if (query.words.length === 0) return 0
  let credit = 0
  for (const word of query.words) {
    const whole = FIELDS.some((f) => f !== 'bigram' && word.terms[f].some((t) => hit(match, f, t)))
    if (whole) {
      credit += 1
      continue
    }
    // No whole-word match: partial credit for the share of the word's bigrams found (테크노밸리 ~ 테크노벨리).
    const bigrams = word.terms.bigram
    if (bigrams.length > 0) credit += (0.8 * bigrams.filter((t) => hit(match, 'bigram', t)).length) / bigrams.length
  }
  return credit / query.words.length
}

/**
 * Whether `term` matched in `field`. Own keys only: MiniSearch's match is a plain object, and
 * `constructor` is a query word too. A module function, not a closure made per word and result:
 * esbuild's keepNames (tsx, wrangler) wraps each such closure in a defineProperty call.
 */
function hit(match: Record<string, string[]>, field: Field, term: string): boolean {
  return Object.hasOwn(match, term) && match[term]!.includes(field)
}
