// BM25 over every index tier at once, with global statistics (document count, document frequency
// and average field length summed over the tiers), so a sentence scores the same whichever tier
// holds it. Scores are then weighted by how many query words the sentence covers.
// Must not import runtime code.
import { FIELD_BOOSTS, FIELDS, type Field } from '../index/fields.ts'
import { PostingsBuffer, type TermSource } from '../index/term-source.ts'

/** One term to look up: which query word it stands for, and whether it matches that word whole. */
export interface PlannedTerm {
  field: Field
  term: string
  weight: number
  word: number
  /** A stem/latin/hanja term matches the word whole; a bigram only a part of it. */
  whole: boolean
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
  touched = new Int32Array(0)
  wordTouched = new Int32Array(0)
  outDocs = new Int32Array(0)
  outScores = new Float64Array(0)
  readonly postings = new PostingsBuffer()
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
    this.touched = new Int32Array(n)
    this.wordTouched = new Int32Array(n)
    this.outDocs = new Int32Array(n)
    this.outScores = new Float64Array(n)
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
 * Matching sentences of one query: `docs[i]` scored `scores[i]` for i < count, in no particular
 * order. The arrays are shared scratch, valid until the next query.
 */
export interface ScoredDocs {
  docs: Int32Array
  scores: Float64Array
  count: number
}

/**
 * Scores every sentence that matches a query term: Σ boost·weight·BM25, times (coverage)², where
 * coverage is the share of query words the sentence matches (whole, or partly through bigrams).
 * Statistics (N, df, average field length) are summed over every source, so a sentence scores the
 * same whichever tier holds it. `docLimit` bounds the global doc ids the sources use.
 * @example
 * scoreDocs([source], planQuery(analyzeQuery('최양희 장관', analyzer)), store.sentenceCount)
 * // => { docs: [0, 1, …], scores: [41.2, 12.9, …], count: 2 }
 */
export function scoreDocs(sources: readonly TermSource[], plan: QueryPlan, docLimit: number, options: ScoringOptions = DEFAULT_SCORING): ScoredDocs {
  scratch.ensure(docLimit)
  const empty = { docs: scratch.outDocs, scores: scratch.outScores, count: 0 }
  if (plan.words === 0 || plan.terms.length === 0) return empty
  const { k1, b, boosts, partialCredit } = options
  const n = sources.reduce((sum, s) => sum + s.docCount, 0)
  if (n === 0) return empty
  const avgLength = {} as Record<Field, number>
  for (const f of FIELDS) avgLength[f] = Math.max(1e-9, sources.reduce((sum, s) => sum + s.totalFieldLength(f), 0) / n)

  const { score, credit, queryStamp, wordStamp, whole, bigrams, touched, wordTouched, postings } = scratch
  const query = scratch.next()
  let touchedCount = 0
  const sourceDf = new Array<number>(sources.length)

  for (let w = 0; w < plan.words; w++) {
    const wordMark = scratch.next()
    let wordCount = 0
    for (const t of plan.terms) {
      if (t.word !== w) continue
      let df = 0
      for (let s = 0; s < sources.length; s++) df += sourceDf[s] = sources[s]!.docFreq(t.field, t.term)
      if (df === 0) continue
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      const factor = boosts[t.field] * t.weight * idf
      const avg = avgLength[t.field]
      const isWhole = t.whole
      for (let s = 0; s < sources.length; s++) {
        if (sourceDf[s] === 0) continue
        const count = sources[s]!.readPostings(t.field, t.term, postings)
        const { docs, tfs, lengths } = postings
        for (let i = 0; i < count; i++) {
          const doc = docs[i]!
          const tf = tfs[i]!
          if (queryStamp[doc] !== query) {
            queryStamp[doc] = query
            score[doc] = 0
            credit[doc] = 0
            touched[touchedCount++] = doc
          }
          if (wordStamp[doc] !== wordMark) {
            wordStamp[doc] = wordMark
            whole[doc] = 0
            bigrams[doc] = 0
            wordTouched[wordCount++] = doc
          }
          // The same expression, in the same order, for every tier: scores agree to the last bit.
          score[doc]! += (factor * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[i]!) / avg))
          if (isWhole) whole[doc] = 1
          else bigrams[doc]!++
        }
      }
    }
    const wordBigrams = plan.bigramsPerWord[w] ?? 0
    for (let i = 0; i < wordCount; i++) {
      const doc = wordTouched[i]!
      credit[doc]! += whole[doc] ? 1 : wordBigrams > 0 ? (partialCredit * Math.min(bigrams[doc]!, wordBigrams)) / wordBigrams : 0
    }
  }

  const { outDocs, outScores } = scratch
  let count = 0
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!
    const coverage = credit[doc]! / plan.words
    if (coverage > 0) {
      outDocs[count] = doc
      outScores[count++] = score[doc]! * coverage * coverage
    }
  }
  return { docs: outDocs, scores: outScores, count }
}

/**
 * `scoreDocs` as a list of objects.
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
  const { docs, scores, count } = scoreDocs(sources, plan, docLimit, options)
  const out: ScoredSentence[] = []
  for (let i = 0; i < count; i++) out.push({ doc: docs[i]!, score: scores[i]! })
  return out
}
