// BM25 over every index tier at once, with global statistics (document count, document frequency
// and average field length summed over the tiers), so a sentence scores the same whichever tier
// holds it. Scores are then weighted by how many query words the sentence covers.
// Must not import runtime code.
import { FIELD_BOOSTS, FIELDS, type Field } from '../index/fields.ts'
import type { TermSource } from '../index/term-source.ts'

/** One term to look up: which query word it stands for, and whether it matches that word whole. */
export interface PlannedTerm {
  field: Field
  term: string
  weight: number
  word: number
  /** A stem/latin/hanja term matches the word whole; a bigram or compound part only a share of it. */
  whole: boolean
  /** For a partial term: the share of its word it stands for (a bigram of 4: 0.8 / 4). */
  share?: number
  /**
   * Document frequency to score with instead of the term's own, shared by a word's expansions so the
   * rarest near-miss does not win on idf alone (Lucene's blended fuzzy rewrite does the same).
   */
  blendedDocFreq?: number
}

export interface QueryPlan {
  /** Number of query words; coverage is measured against it. */
  words: number
  terms: PlannedTerm[]
}

export interface ScoringOptions {
  k1: number
  b: number
  boosts: Readonly<Record<Field, number>>
  /** Most credit a word gets from partial terms alone (테크노밸리 ~ 테크노벨리 through 3 of 4 bigrams). */
  maxPartialCredit: number
  /** Coverage counts each query word by its rarity (IDF), so missing 토익 costs more than missing 한. */
  idfWeightedCoverage: boolean
  /** The BM25 sum is multiplied by coverage to this power. */
  coverageExponent: number
}

export const DEFAULT_SCORING: ScoringOptions = {
  k1: 1.2,
  b: 0.75,
  boosts: FIELD_BOOSTS,
  maxPartialCredit: 0.9,
  idfWeightedCoverage: true,
  coverageExponent: 0.75,
}

export interface ScoredSentence {
  doc: number
  score: number
  /** Bit w is set when the sentence matches query word w (at least half of it, for partial terms). */
  words: number
}

export interface ScoredQuery {
  sentences: ScoredSentence[]
  /** How much each query word counts toward coverage (its IDF, or 1). */
  wordWeights: Float64Array
}

/** Share of the query's weight that the words in `mask` carry. */
export function maskCoverage(mask: number, wordWeights: Float64Array): number {
  let covered = 0
  let total = 0
  for (let w = 0; w < wordWeights.length; w++) {
    total += wordWeights[w]!
    if (w < 32 && mask & (1 << w)) covered += wordWeights[w]!
  }
  return total > 0 ? covered / total : 0
}

/** Per-document scratch arrays, reused across queries (JS runs one query at a time per isolate). */
class Scratch {
  score = new Float64Array(0)
  credit = new Float64Array(0)
  mask = new Uint32Array(0)
  queryStamp = new Uint32Array(0)
  wordStamp = new Uint32Array(0)
  whole = new Uint8Array(0)
  partial = new Float64Array(0)
  private stamp = 0

  ensure(size: number) {
    if (this.score.length >= size) return
    const n = Math.max(size, this.score.length * 2)
    this.score = new Float64Array(n)
    this.credit = new Float64Array(n)
    this.mask = new Uint32Array(n)
    this.queryStamp = new Uint32Array(n)
    this.wordStamp = new Uint32Array(n)
    this.whole = new Uint8Array(n)
    this.partial = new Float64Array(n)
    this.stamp = 0
  }

  next(): number {
    if (this.stamp >= 0xfffffff0) {
      this.queryStamp.fill(0)
      this.wordStamp.fill(0)
      this.stamp = 0
    }
    return ++this.stamp
  }
}

const scratch = new Scratch()

/**
 * Scores every sentence that matches a query term: Σ boost·weight·BM25, times (coverage)², where
 * coverage is the share of query words the sentence matches (whole, or partly through bigrams/parts).
 * `docLimit` bounds the global doc ids the sources use.
 * @example
 * scoreSentences([source], planQuery(analyzeQuery('최양희 장관', analyzer)), store.sentenceCount)
 * // => [{ doc: 0, score: 41.2 }, …] (unsorted)
 */
export function scoreSentences(
  sources: readonly TermSource[],
  plan: QueryPlan,
  docLimit: number,
  options: ScoringOptions = DEFAULT_SCORING,
): ScoredQuery {
  const none = { sentences: [], wordWeights: new Float64Array(plan.words).fill(1) }
  if (plan.words === 0 || plan.terms.length === 0) return none
  const { k1, b, boosts, maxPartialCredit, idfWeightedCoverage, coverageExponent } = options
  const n = sources.reduce((sum, s) => sum + s.docCount, 0)
  if (n === 0) return none
  const avgLength = {} as Record<Field, number>
  for (const f of FIELDS) avgLength[f] = Math.max(1e-9, sources.reduce((sum, s) => sum + s.totalFieldLength(f), 0) / n)

  scratch.ensure(docLimit)
  const { score, credit, mask, queryStamp, wordStamp, whole, partial } = scratch
  const query = scratch.next()
  const touched: number[] = []
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5))
  // A word weighs as much as its rarest whole term (a word the index lacks weighs the most).
  const wordWeight = new Float64Array(plan.words).fill(idfWeightedCoverage ? 0 : 1)
  const docFreqs = plan.terms.map((t) => sources.reduce((sum, s) => sum + s.docFreq(t.field, t.term), 0))
  if (idfWeightedCoverage) {
    plan.terms.forEach((t, i) => {
      if (t.whole && t.weight >= 1) wordWeight[t.word] = Math.max(wordWeight[t.word]!, idfOf(docFreqs[i]!))
    })
    for (let w = 0; w < plan.words; w++) if (wordWeight[w] === 0) wordWeight[w] = idfOf(0)
  }
  const totalWeight = wordWeight.reduce((sum, x) => sum + x, 0)

  for (let w = 0; w < plan.words; w++) {
    const wordMark = scratch.next()
    const wordTouched: number[] = []
    for (let i = 0; i < plan.terms.length; i++) {
      const t = plan.terms[i]!
      if (t.word !== w) continue
      if (docFreqs[i] === 0) continue
      const idf = idfOf(t.blendedDocFreq ?? docFreqs[i]!)
      const factor = boosts[t.field] * t.weight * idf
      const avg = avgLength[t.field]
      for (const source of sources) {
        source.forEachPosting(t.field, t.term, (doc, tf, length) => {
          if (queryStamp[doc] !== query) {
            queryStamp[doc] = query
            score[doc] = 0
            credit[doc] = 0
            mask[doc] = 0
            touched.push(doc)
          }
          if (wordStamp[doc] !== wordMark) {
            wordStamp[doc] = wordMark
            whole[doc] = 0
            partial[doc] = 0
            wordTouched.push(doc)
          }
          score[doc]! += (factor * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avg))
          if (t.whole) whole[doc] = 1
          else partial[doc]! += t.share ?? 0
        })
      }
    }
    const weight = wordWeight[w]!
    for (const doc of wordTouched) {
      const c = whole[doc] ? 1 : Math.min(maxPartialCredit, partial[doc]!)
      credit[doc]! += weight * c
      if (c >= 0.5 && w < 32) mask[doc]! |= 1 << w
    }
  }

  const out: ScoredSentence[] = []
  for (const doc of touched) {
    const coverage = credit[doc]! / totalWeight
    if (coverage > 0) out.push({ doc, score: score[doc]! * coverage ** coverageExponent, words: mask[doc]! })
  }
  return { sentences: out, wordWeights: wordWeight }
}
