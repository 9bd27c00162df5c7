// BM25 over every index tier with global statistics (document count, document frequency and
// average field length summed over the tiers), so a sentence scores the same whichever tier holds
// it; scores are then weighted by how many query words the sentence covers. Tiers are scored one
// after the other, so the per-document scratch is as large as the largest tier, not the archive.
// With a ranking threshold, articles that cannot reach it are counted but not scored (MaxScore).
// Must not import runtime code.
import { FIELD_BOOSTS, FIELDS, type Field } from '../index/fields.ts'
import type { TierArticles } from '../index/store.ts'
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

/**
 * Per-document scratch of one tier, reused across tiers and queries (JS runs one query at a time
 * per isolate): about 30 bytes per document of the largest tier.
 */
class Scratch {
  score = new Float64Array(0)
  credit = new Float64Array(0)
  /** Query and word marks in one: below the query's first mark = untouched in this query. */
  stamp = new Uint32Array(0)
  /** Per doc, for the current word: bit 15 = matched whole, low bits = bigrams matched. */
  wordState = new Uint16Array(0)
  touched = new Int32Array(0)
  wordTouched = new Int32Array(0)
  /** Bitsets over the tier's docs: matches any term (counted), belongs to a candidate article (scored). */
  matched = new Uint32Array(0)
  candidate = new Uint32Array(0)
  /** Every term's postings of the tier, one after the other. */
  readonly postings = new PostingsBuffer()
  private mark = 0

  ensure(docs: number) {
    if (this.score.length < docs) {
      const n = Math.max(docs, Math.ceil(this.score.length * 1.5))
      this.score = new Float64Array(n)
      this.credit = new Float64Array(n)
      this.stamp = new Uint32Array(n)
      this.wordState = new Uint16Array(n)
      this.touched = new Int32Array(n)
      this.wordTouched = new Int32Array(n)
      this.mark = 0
    }
    const words = (docs + 31) >>> 5
    if (this.matched.length < words) {
      this.matched = new Uint32Array(Math.max(words, Math.ceil(this.matched.length * 1.5)))
      this.candidate = new Uint32Array(this.matched.length)
    }
    this.matched.fill(0, 0, words)
    this.candidate.fill(0, 0, words)
  }

  /** A fresh mark, greater than every mark in the stamp arrays. */
  next(): number {
    if (this.mark >= 0xfffffff0) {
      this.stamp.fill(0)
      this.mark = 0
    }
    return ++this.mark
  }
}

const scratch = new Scratch()
const WHOLE = 0x8000

/** Sets bits [from, to) of a bitset. */
function setBits(bits: Uint32Array, from: number, to: number): void {
  for (let doc = from; doc < to; doc++) bits[doc >>> 5]! |= 1 << (doc & 31)
}

/**
 * Articles with at least one doc bit set: finds the next set bit, counts its article and jumps past
 * the article's last doc, so the cost follows the matching articles, not the tier's size.
 */
function countArticles(bits: Uint32Array, articles: TierArticles, docCount: number): number {
  const { firstDoc } = articles
  let count = 0
  let doc = 0
  while (doc < docCount) {
    let word = bits[doc >>> 5]! & (0xffffffff << (doc & 31))
    while (word === 0) {
      doc = (doc | 31) + 1
      if (doc >= docCount) return count
      word = bits[doc >>> 5]!
    }
    doc = (doc & ~31) + 31 - Math.clz32(word & -word)
    if (doc >= docCount) break
    count++
    doc = firstDoc[articles.articleOf(doc) + 1]!
  }
  return count
}

/**
 * One tier's results: `docs[i]` (local: global id − docBase) for i < count, in no particular
 * order, scored `scores[docs[i]]`. With pruning these are the matching docs of candidate articles
 * only (every doc of such an article is scored, so its article score is exact); `matchedArticles`
 * counts every article of the tier with a matching doc. Views into shared scratch, valid until the
 * next tier is scored.
 */
export interface TierScores {
  tier: number
  docBase: number
  docCount: number
  docs: Int32Array
  count: number
  scores: Float64Array
  matchedArticles: number
  articles: TierArticles | null
}

/** Lets the scorer skip articles that cannot enter the page. */
export interface Pruning {
  /** Article layout of each tier (same order as the sources). */
  articles: (tier: number) => TierArticles
  /** The k-th best article score so far (a lower bound of the final one), or 0. */
  threshold: () => number
  /** An article scores at most this multiple of its best sentence (1 + support weights). */
  articleBound: number
}

/** Corpus statistics of a plan's terms over all sources, computed once per query. */
interface PlanStats {
  /** Per planned term: boost × weight × idf, or 0 when no tier has the term. */
  factor: Float64Array
  /** Per planned term and source: document frequency (term-major). */
  docFreq: Uint32Array
  /** Per planned term: the average length of its field. */
  avgLength: Float64Array
}

function planStats(sources: readonly TermSource[], plan: QueryPlan, options: ScoringOptions): PlanStats | null {
  const n = sources.reduce((sum, s) => sum + s.docCount, 0)
  if (n === 0) return null
  const avg = {} as Record<Field, number>
  for (const f of FIELDS) avg[f] = Math.max(1e-9, sources.reduce((sum, s) => sum + s.totalFieldLength(f), 0) / n)
  const terms = plan.terms.length
  const stats: PlanStats = {
    factor: new Float64Array(terms),
    docFreq: new Uint32Array(terms * sources.length),
    avgLength: new Float64Array(terms),
  }
  plan.terms.forEach((t, i) => {
    let df = 0
    for (let s = 0; s < sources.length; s++) df += stats.docFreq[i * sources.length + s] = sources[s]!.docFreq(t.field, t.term)
    stats.avgLength[i] = avg[t.field]
    if (df > 0) stats.factor[i] = options.boosts[t.field] * t.weight * Math.log(1 + (n - df + 0.5) / (df + 0.5))
  })
  return stats
}

/**
 * Scores every sentence that matches a query term, tier by tier: Σ boost·weight·BM25, times
 * (coverage)², where coverage is the share of query words the sentence matches (whole, or partly
 * through bigrams). `visit` receives each tier's results (sources must cover consecutive global doc
 * ranges in order, as SearchIndex.sources do). With `pruning`, a tier's articles that match only
 * terms whose summed upper bound cannot reach the threshold are counted but not scored.
 * @example
 * scoreTiers(index.sources, planQuery(analyzeQuery('최양희 장관', analyzer)), (tier) => console.log(tier.count))
 */
export function scoreTiers(
  sources: readonly TermSource[],
  plan: QueryPlan,
  visit: (tier: TierScores) => void,
  options: ScoringOptions = DEFAULT_SCORING,
  pruning?: Pruning,
): void {
  if (plan.words === 0 || plan.terms.length === 0) return
  const stats = planStats(sources, plan, options)
  if (!stats) return
  let docBase = 0
  for (let s = 0; s < sources.length; s++) {
    const docCount = sources[s]!.docCount
    if (docCount > 0) {
      const result = scoreTier(sources, s, docBase, docCount, plan, stats, options, pruning)
      if (result.count > 0 || result.matchedArticles > 0) visit(result)
    }
    docBase += docCount
  }
}

/**
 * The terms a tier's articles must match to be worth scoring: all of them, unless the terms with
 * the smallest upper bounds (`bound[t]`: the most any one posting of t in this tier adds) —
 * together, at full coverage of the words they belong to — cannot lift an article to the
 * threshold. Returns a per-term flag (1 = essential).
 */
function essentialTerms(plan: QueryPlan, bound: Float64Array, listed: (t: number) => boolean, options: ScoringOptions, pruning: Pruning | undefined): Uint8Array {
  const terms = plan.terms.length
  const essential = new Uint8Array(terms).fill(1)
  const threshold = pruning?.threshold() ?? 0
  if (!pruning || threshold <= 0) return essential
  const order = Array.from({ length: terms }, (_, t) => t).sort((a, b) => bound[a]! - bound[b]! || a - b)
  const whole = new Uint8Array(plan.words)
  const bigrams = new Uint16Array(plan.words)
  let boundSum = 0
  for (const t of order) {
    if (!listed(t)) {
      essential[t] = 0 // matches nothing here
      continue
    }
    const term = plan.terms[t]!
    const sum = boundSum + bound[t]!
    if (term.whole) whole[term.word] = 1
    else bigrams[term.word]!++
    let credit = 0
    for (let w = 0; w < plan.words; w++) {
      const wb = plan.bigramsPerWord[w] ?? 0
      credit += whole[w] ? 1 : wb > 0 ? (options.partialCredit * Math.min(bigrams[w]!, wb)) / wb : 0
    }
    const coverage = credit / plan.words
    // A safety margin keeps rounding from pruning an article that ties the threshold.
    if (pruning.articleBound * sum * coverage * coverage * (1 + 1e-9) >= threshold) break
    boundSum = sum
    essential[t] = 0
  }
  return essential
}

/** Scores source `s` (global docs [docBase, docBase + docCount)). */
function scoreTier(
  sources: readonly TermSource[],
  s: number,
  docBase: number,
  docCount: number,
  plan: QueryPlan,
  stats: PlanStats,
  options: ScoringOptions,
  pruning: Pruning | undefined,
): TierScores {
  const { k1, b, partialCredit } = options
  const source = sources[s]!
  const tierDf = (t: number) => stats.docFreq[t * sources.length + s]!
  const articles = pruning?.articles(s) ?? null
  scratch.ensure(docCount)
  const { score, credit, stamp, wordState, touched, wordTouched, matched, candidate, postings } = scratch

  // Decode every term's postings once, one list after the other, noting the most any posting of
  // each list can add (largest tf over the shortest field: BM25 grows with tf, shrinks with length).
  const terms = plan.terms.length
  const from = new Int32Array(terms + 1)
  const bound = new Float64Array(terms)
  for (let t = 0; t < terms; t++) {
    const term = plan.terms[t]!
    const count = tierDf(t) > 0 ? source.readPostings(term.field, term.term, postings, from[t]!) : 0
    from[t + 1] = from[t]! + count
    if (count === 0 || !pruning) continue
    let maxTf = 0
    let minLength = Infinity
    for (let i = from[t]!; i < from[t + 1]!; i++) {
      if (postings.tfs[i]! > maxTf) maxTf = postings.tfs[i]!
      if (postings.lengths[i]! < minLength) minLength = postings.lengths[i]!
    }
    bound[t] = (stats.factor[t]! * maxTf * (k1 + 1)) / (maxTf + k1 * (1 - b + (b * minLength) / stats.avgLength[t]!))
  }
  const { docs, tfs, lengths } = postings

  // Candidate articles: those with a doc that matches an essential term; their docs get a bit.
  const essential = essentialTerms(plan, bound, (t) => from[t + 1]! > from[t]!, options, pruning)
  const everyArticle = !articles || essential.every((e, t) => e === 1 || from[t + 1] === from[t])
  if (!everyArticle) {
    for (let t = 0; t < terms; t++) {
      if (!essential[t]) continue
      for (let i = from[t]!; i < from[t + 1]!; i++) {
        const doc = docs[i]! - docBase
        if (candidate[doc >>> 5]! & (1 << (doc & 31))) continue // its article is marked already
        const a = articles.articleOf(doc)
        setBits(candidate, articles.firstDoc[a]!, articles.firstDoc[a + 1]!)
      }
    }
  }

  const queryMark = scratch.next()
  let touchedCount = 0
  for (let w = 0; w < plan.words; w++) {
    const wordMark = scratch.next()
    let wordCount = 0
    for (let t = 0; t < terms; t++) {
      const term = plan.terms[t]!
      if (term.word !== w || from[t] === from[t + 1]) continue
      const factor = stats.factor[t]!
      const avg = stats.avgLength[t]!
      const whole = term.whole
      for (let i = from[t]!; i < from[t + 1]!; i++) {
        const doc = docs[i]! - docBase
        if (!everyArticle) {
          // Note the doc as matching; score it only if its article is a candidate.
          const word = doc >>> 5
          const bit = 1 << (doc & 31)
          matched[word]! |= bit
          if (!(candidate[word]! & bit)) continue
        }
        const tf = tfs[i]!
        const seen = stamp[doc]!
        if (seen !== wordMark) {
          if (seen <= queryMark) {
            score[doc] = 0
            credit[doc] = 0
            touched[touchedCount++] = doc
          }
          stamp[doc] = wordMark
          wordState[doc] = 0
          wordTouched[wordCount++] = doc
        }
        // The same expression, in the same order, for every tier: scores agree to the last bit.
        score[doc]! += (factor * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[i]!) / avg))
        wordState[doc]! += whole ? WHOLE - (wordState[doc]! & WHOLE) : 1
      }
    }
    const wordBigrams = plan.bigramsPerWord[w] ?? 0
    for (let i = 0; i < wordCount; i++) {
      const doc = wordTouched[i]!
      const state = wordState[doc]!
      const bigrams = state & ~WHOLE
      credit[doc]! += state & WHOLE ? 1 : wordBigrams > 0 ? (partialCredit * Math.min(bigrams, wordBigrams)) / wordBigrams : 0
    }
  }
  let matchedArticles = 0
  if (articles) {
    // Every scored doc matched; with pruning, the skipped matches have their bit already.
    for (let i = 0; i < touchedCount; i++) matched[touched[i]! >>> 5]! |= 1 << (touched[i]! & 31)
    matchedArticles = countArticles(matched, articles, docCount)
  }
  // Apply coverage in place and keep the docs with any credit.
  let kept = 0
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!
    const coverage = credit[doc]! / plan.words
    if (coverage > 0) {
      score[doc] = score[doc]! * coverage * coverage
      touched[kept++] = doc
    }
  }
  return { tier: s, docBase, docCount, docs: touched, count: kept, scores: score, matchedArticles, articles }
}

/**
 * Every match over all tiers as a list of objects (global doc ids), unsorted; `scoreTiers` is the
 * allocation-free form search uses. `_docLimit` is kept for callers of the former signature.
 * @example
 * scoreSentences([source], planQuery(analyzeQuery('최양희 장관', analyzer)), store.sentenceCount)
 * // => [{ doc: 0, score: 41.2 }, …]
 */
export function scoreSentences(
  sources: readonly TermSource[],
  plan: QueryPlan,
  _docLimit?: number,
  options: ScoringOptions = DEFAULT_SCORING,
): ScoredSentence[] {
  const out: ScoredSentence[] = []
  scoreTiers(
    sources,
    plan,
    (tier) => {
      for (let i = 0; i < tier.count; i++) out.push({ doc: tier.docBase + tier.docs[i]!, score: tier.scores[tier.docs[i]!]! })
    },
    options,
  )
  return out
}
