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
  /** A stem/latin/hanja term matches the word whole; a bigram only a part of it. */
  whole: boolean
  /**
   * Document frequency to score with instead of the term's own, shared by a word's expansions so the
   * rarest near-miss does not win on idf alone (Lucene's blended fuzzy rewrite does the same).
   */
  blendedDocFreq?: number
}

export interface QueryPlan {
  /** Number of query words; coverage is measured against it. */
  words: number
  /** Bigrams of each query word, for partial credit (테크노밸리 ~ 테크노벨리 shares 3 of 4). */
  bigramsPerWord: number[]
  terms: PlannedTerm[]
}

export interface ScoringOptions {
  k1: number
  b: number
  boosts: Readonly<Record<Field, number>>
  /** Credit for a word matched only through bigrams, at full bigram overlap. */
  partialCredit: number
}

export const DEFAULT_SCORING: ScoringOptions = { k1: 1.2, b: 0.75, boosts: FIELD_BOOSTS, partialCredit: 0.8 }

export interface ScoredSentence {
  doc: number
  score: number
}

/** Per-document scratch arrays, reused across queries (JS runs one query at a time per isolate). */
class Scratch {
  score = new Float64Array(0)
  credit = new Float64Array(0)
  queryStamp = new Uint32Array(0)
  wordStamp = new Uint32Array(0)
  whole = new Uint8Array(0)
  bigrams = new Uint16Array(0)
  private stamp = 0

  ensure(size: number) {
    if (this.score.length >= size) return
    const n = Math.max(size, this.score.length * 2)
    this.score = new Float64Array(n)
    this.credit = new Float64Array(n)
    this.queryStamp = new Uint32Array(n)
    this.wordStamp = new Uint32Array(n)
    this.whole = new Uint8Array(n)
    this.bigrams = new Uint16Array(n)
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
 * coverage is the share of query words the sentence matches (whole, or partly through bigrams).
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
): ScoredSentence[] {
  if (plan.words === 0 || plan.terms.length === 0) return []
  const { k1, b, boosts, partialCredit } = options
  const n = sources.reduce((sum, s) => sum + s.docCount, 0)
  if (n === 0) return []
  const avgLength = {} as Record<Field, number>
  for (const f of FIELDS) avgLength[f] = Math.max(1e-9, sources.reduce((sum, s) => sum + s.totalFieldLength(f), 0) / n)

  scratch.ensure(docLimit)
  const { score, credit, queryStamp, wordStamp, whole, bigrams } = scratch
  const query = scratch.next()
  const touched: number[] = []

  for (let w = 0; w < plan.words; w++) {
    const wordMark = scratch.next()
    const wordTouched: number[] = []
    for (const t of plan.terms) {
      if (t.word !== w) continue
      const ownDf = sources.reduce((sum, s) => sum + s.docFreq(t.field, t.term), 0)
      if (ownDf === 0) continue
      const df = t.blendedDocFreq ?? ownDf
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      const factor = boosts[t.field] * t.weight * idf
      const avg = avgLength[t.field]
      for (const source of sources) {
        source.forEachPosting(t.field, t.term, (doc, tf, length) => {
          if (queryStamp[doc] !== query) {
            queryStamp[doc] = query
            score[doc] = 0
            credit[doc] = 0
            touched.push(doc)
          }
          if (wordStamp[doc] !== wordMark) {
            wordStamp[doc] = wordMark
            whole[doc] = 0
            bigrams[doc] = 0
            wordTouched.push(doc)
          }
          score[doc]! += (factor * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avg))
          if (t.whole) whole[doc] = 1
          else bigrams[doc]!++
        })
      }
    }
    const wordBigrams = plan.bigramsPerWord[w] ?? 0
    for (const doc of wordTouched) {
      credit[doc]! += whole[doc] ? 1 : wordBigrams > 0 ? (partialCredit * Math.min(bigrams[doc]!, wordBigrams)) / wordBigrams : 0
    }
  }

  const out: ScoredSentence[] = []
  for (const doc of touched) {
    const coverage = credit[doc]! / plan.words
    if (coverage > 0) out.push({ doc, score: score[doc]! * coverage * coverage })
  }
  return out
}
