// Query analysis: runs the shared analyzer over the query text and groups its terms by field and
// by query word (eojeol), which ranking and highlighting both need. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { FIELD_OF_KIND, FIELDS, type Field } from '../index/fields.ts'
import { MAX_QUERY_WORDS, MAX_TERMS_PER_FIELD } from './limits.ts'
import { parseQuery, type ParsedQuery } from './operators/parse-query.ts'
import type { PlannedTerm, QueryPlan } from './scorer.ts'
import { TUNING } from './tuning.ts'

export type TermsByField = Record<Field, string[]>

/** One word of the query (an eojeol or a script run) and the terms it produced per field. */
export interface QueryWord {
  text: string
  /** Offsets of `text` in the query. */
  start: number
  end: number
  terms: TermsByField
  /** Compound parts among the word-field terms (정보통신기술 → 정보, 통신, 기술). */
  parts: string[]
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
      word = { text: '', start: token.start, end: token.start, terms: emptyTerms(), parts: [] }
      byPosition.set(token.position, word)
    }
    // The widest token of a position is the word as typed: 한․벨 → 한․벨
    if (token.end - token.start > word.text.length) {
      word.text = text.slice(token.start, token.end)
      word.start = token.start
      word.end = token.end
    }
    if (!field) continue
    if (token.kind === 'part' && !word.parts.includes(token.term)) word.parts.push(token.term)
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
    const key = FIELDS.map((field) => word.terms[field].join('\u0000')).join('\u0001')
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
    word.parts = word.parts.filter((part) => word.terms.word.includes(part))
    if (FIELDS.some((field) => word.terms[field].length > 0)) words.push(word)
  }
  return { words, terms }
}

/** A query text as the forgiving stages read it: its operators, and its free text analysed. */
export interface QueryReading {
  parsed: ParsedQuery
  analyzed: AnalyzedQuery
}

/**
 * Parses and analyses `text` once, for the stages that read the same text (spacing, then the plan).
 * @example
 * readQuery('"한벨 포럼" 장관', analyzer).analyzed.words.map((w) => w.text) // => ['장관']
 */
export function readQuery(text: string, analyzer: Analyzer, parsed: ParsedQuery = parseQuery(text)): QueryReading {
  return { parsed, analyzed: analyzeQuery(parsed.scoringText, analyzer) }
}

/** A long word's many bigrams should not outweigh its stem: each weighs (1/n)^bigramWeightDecay. */
const bigramWeight = (n: number) => (1 / n) ** TUNING.bigramWeightDecay

/**
 * The terms to score, per query word. A word counts as matched whole through its stem, Latin or Han
 * terms, and partly through its bigrams or compound parts.
 * @example
 * planQuery(analyzeQuery('ICT 협력', analyzer)).terms.map(t => `${t.field}:${t.term}`)
 * // => ['latin:ict', 'word:협력', 'bigram:협력']
 */
export function planQuery(query: AnalyzedQuery): QueryPlan {
  const terms: PlannedTerm[] = []
  query.words.forEach((word, i) => {
    for (const field of FIELDS) {
      for (const term of word.terms[field]) {
        if (field === 'bigram') terms.push({ field, term, weight: bigramWeight(word.terms.bigram.length), word: i, whole: false, share: TUNING.bigramShare / word.terms.bigram.length })
        else if (!word.parts.includes(term)) terms.push({ field, term, weight: 1, word: i, whole: true })
      }
    }
    // 정보통신기술 → 정보, 통신, 기술: each part is a share of the word, weighted down like a partial match
    for (const term of word.parts) terms.push({ field: 'word', term, weight: TUNING.partWeight, word: i, whole: false, share: TUNING.partsShare / word.parts.length })
  })
  return { words: query.words.length, terms }
}
