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
  /**
   * Common terms only add to the sentences rarer ones bring in, like Elasticsearch's
   * cutoff_frequency: a sentence that only 에서 or 하는 match (the particle bigrams of a large share
   * of the corpus) is too weak to rank, and then costs no slot, grouping or sorting. Common are the
   * terms of a word whose rarest whole term is in more than `word` of the sentences (있다, 하다),
   * and a word's partial terms (bigrams, parts) in more than `partial` of them. When no term of a
   * query is selective, every term brings its sentences in. Shares of 1 turn it off.
   */
  commonShare: { word: number; partial: number }
}

export const DEFAULT_SCORING: ScoringOptions = {
  k1: 1.2,
  b: 0.75,
  boosts: FIELD_BOOSTS,
  maxPartialCredit: 0.9,
  idfWeightedCoverage: true,
  coverageExponent: 0.75,
  commonShare: { word: 0.05, partial: 0.02 },
}

export interface ScoredSentence {
  doc: number
  score: number
  /** Bit w is set when the sentence matches query word w (at least half of it, for partial terms). */
  words: number
}

/**
 * The matching sentences of a query as parallel arrays, docs ascending (so an article's sentences,
 * which are contiguous doc ids, are neighbours): no object per sentence. The first `count` entries
 * hold them; the arrays may be longer.
 */
export interface ScoredSentences {
  count: number
  docs: Int32Array
  scores: Float64Array
  /** Bit w is set when the sentence matches query word w (at least half of it, for partial terms). */
  words: Uint32Array
}

export interface ScoredQuery {
  sentences: ScoredSentences
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

/**
 * The sentences at `keep` (indices into `scored`, any order), docs still ascending.
 * @example
 * selectSentences(scored, [2, 0]).docs // => [scored.docs[0], scored.docs[2]]
 */
export function selectSentences(scored: ScoredSentences, keep: ArrayLike<number>): ScoredSentences {
  const order = Int32Array.from(keep).sort()
  const out = emptySentences(order.length)
  for (let i = 0; i < order.length; i++) {
    const from = order[i]!
    out.docs[i] = scored.docs[from]!
    out.scores[i] = scored.scores[from]!
    out.words[i] = scored.words[from]!
  }
  return out
}

const emptySentences = (count: number): ScoredSentences => ({ count, docs: new Int32Array(count), scores: new Float64Array(count), words: new Uint32Array(count) })

/**
 * Scratch reused across queries (JS runs one query at a time per isolate). Per document of the
 * index only `slotOf` and the bitsets (4.13 bytes each: 4.1 MB at 1M sentences); the rest is per
 * matching sentence and grows with the largest query, shrinking back after an unusually large one.
 */
class Scratch {
  /**
   * Per global doc: its slot in this query — valid only when `slot < used && docs[slot] === doc`
   * (a sparse set: nothing is cleared between queries).
   */
  slotOf = new Int32Array(0)
  // Per slot: the doc, its BM25 sum, coverage credit and word mask, and what the word being scored
  // gave it so far: the sum of its partial shares, Infinity once a whole term matched, 0 when
  // untouched (so a first touch needs no mark of its own; endWord sets it back to 0).
  docs = new Int32Array(0)
  score = new Float64Array(0)
  credit = new Float64Array(0)
  mask = new Uint32Array(0)
  wordCredit = new Float64Array(0)
  /** Slots touched by the word being scored. */
  wordSlots = new Int32Array(0)
  /**
   * The touched docs as a bitset, and a bit per 32-doc word that has any: read in doc order at the
   * end (no sort), clearing as it goes. 0.13 bytes a doc.
   */
  present = new Uint32Array(0)
  presentWords = new Uint32Array(0)
  /**
   * Docs a selective term holds, as a bitset: when the query has common partial terms, only these
   * may open a slot (cleared with `present`, whose docs they are a subset of).
   */
  admitted = new Uint32Array(0)
  /**
   * What `sentences` returns, reused by the next query: a fresh set of arrays per query cost more
   * than filling them (they are written to memory no cache holds yet).
   */
  private outDocs = new Int32Array(0)
  private outScores = new Float64Array(0)
  private outWords = new Uint32Array(0)
  readonly postings = new PostingsBuffer()
  /** The selective terms' postings, read once to admit their docs and kept for scoring. */
  readonly selective = new PostingsBuffer()
  /** Slots in use in this query, and of them touched by the current word. */
  used = 0
  private wordUsed = 0
  /** The first slot opened by the current word: below it, credit and mask add to earlier words'. */
  private wordStart = 0

  ensureDocs(size: number) {
    if (this.slotOf.length >= size) return
    const n = Math.max(size, Math.ceil(this.slotOf.length * 1.5))
    this.slotOf = new Int32Array(n)
    this.present = new Uint32Array((n + 31) >>> 5)
    this.admitted = new Uint32Array((n + 31) >>> 5)
    this.presentWords = new Uint32Array((n + 1023) >>> 10)
  }

  startWord() {
    this.wordUsed = 0
    this.wordStart = this.used
  }

  /** Marks docs [from, to) of a selective term's postings as admitted. */
  admit(docs: Int32Array, from: number, to: number) {
    const { admitted } = this
    for (let p = from; p < to; p++) admitted[docs[p]! >>> 5]! |= 1 << (docs[p]! & 31)
  }

  /** Adds postings [from, to) of one term; with `admittedOnly`, a doc not admitted opens no slot. */
  add(term: TermScoring, docs: Int32Array, tfs: Uint32Array, lengths: Uint32Array | Float64Array, from: number, to: number, admittedOnly: boolean) {
    const { slotOf } = this
    const { factor, k1, b, avg, whole, share } = term
    const once = factor * 1 * (k1 + 1) // the numerator at tf = 1, the usual case
    const touch = whole ? Infinity : share
    // Room for every posting to open a slot (at most one a doc), so the loop's arrays stay put.
    const room = this.used + to - from
    if (room > this.docs.length && this.docs.length < slotOf.length) this.resize(Math.max(1024, Math.min(room * 2, slotOf.length)), this.used)
    const { score, wordCredit, docs: slotDocs, wordSlots, present, presentWords, admitted } = this
    let { used, wordUsed } = this
    for (let p = from; p < to; p++) {
      const doc = docs[p]!
      let slot = slotOf[doc]!
      const isNew = slot >= used || slotDocs[slot] !== doc
      // A common term's posting for a sentence no selective term found: skipped before any math.
      if (isNew && admittedOnly && (admitted[doc >>> 5]! & (1 << (doc & 31))) === 0) continue
      const tf = tfs[p]!
      const length = lengths[p]!
      // The same expression as a cache of it would hold, so the same bits; computing it is cheaper
      // than a table lookup here.
      const norm = k1 * (1 - b + (b * length) / avg)
      const bm25 = (tf === 1 ? once : factor * tf * (k1 + 1)) / (tf + norm)
      if (isNew) {
        // A new sentence: its first values are set, not added to zeros (0 + x is x: the same bits).
        slot = used++
        slotOf[doc] = slot
        slotDocs[slot] = doc
        present[doc >>> 5]! |= 1 << (doc & 31)
        presentWords[doc >>> 10]! |= 1 << ((doc >>> 5) & 31)
        score[slot] = bm25
        wordCredit[slot] = touch
        wordSlots[wordUsed++] = slot
      } else {
        score[slot]! += bm25
        const credited = wordCredit[slot]!
        if (credited === 0) wordSlots[wordUsed++] = slot
        wordCredit[slot] = credited + touch
      }
    }
    this.used = used
    this.wordUsed = wordUsed
  }

  /** Credits the word's coverage to every sentence it touched. */
  endWord(word: number, weight: number, maxPartialCredit: number) {
    const { wordCredit, credit, mask, wordSlots, wordStart } = this
    const bit = word < 32 ? 1 << word : 0
    for (let k = 0; k < this.wordUsed; k++) {
      const slot = wordSlots[k]!
      const credited = wordCredit[slot]!
      wordCredit[slot] = 0
      const c = credited === Infinity ? 1 : Math.min(maxPartialCredit, credited)
      const matched = c >= 0.5 ? bit : 0
      // A sentence this word found first has no credit or mask yet.
      if (slot >= wordStart) {
        credit[slot] = weight * c
        mask[slot] = matched
      } else {
        credit[slot]! += weight * c
        mask[slot]! |= matched
      }
    }
  }

  /** The sentences with some coverage, docs ascending, score × coverage^exponent. */
  sentences(totalWeight: number, exponent: number): ScoredSentences {
    const { used, slotOf, docs, present, presentWords, credit, score, mask } = this
    if (this.outDocs.length < used) {
      const n = Math.max(used, Math.ceil(this.outDocs.length * 1.5))
      this.outDocs = new Int32Array(n)
      this.outScores = new Float64Array(n)
      this.outWords = new Uint32Array(n)
    }
    const out: ScoredSentences = { count: 0, docs: this.outDocs, scores: this.outScores, words: this.outWords }
    const { docs: outDocs, scores: outScores, words: outWords } = out
    const powOf = powCache.table(exponent)
    let count = 0
    for (let group = 0; group < presentWords.length; group++) {
      let words = presentWords[group]!
      if (words === 0) continue
      presentWords[group] = 0
      while (words !== 0) {
        const w = (group << 5) | (31 - Math.clz32(words & -words))
        words &= words - 1
        let bits = present[w]!
        present[w] = 0
        this.admitted[w] = 0
        while (bits !== 0) {
          const doc = (w << 5) | (31 - Math.clz32(bits & -bits))
          bits &= bits - 1
          const slot = slotOf[doc]!
          // A bit left by a query that threw has no slot in this one.
          if (slot >= used || docs[slot] !== doc) continue
          const coverage = credit[slot]! / totalWeight
          if (!(coverage > 0)) continue
          outDocs[count] = doc
          let factor = coverage
          // x ** 1 is x (fdlibm's pow returns x for y = 1): skip the call for the default exponent.
          if (exponent !== 1) {
            const at = ((coverage * POW_SLOTS) | 0) & (POW_SLOTS - 1)
            if (powOf.keys[at] === coverage) factor = powOf.values[at]!
            else factor = powOf.remember(at, coverage)
          }
          outScores[count] = score[slot]! * factor
          outWords[count] = mask[slot]!
          count++
        }
      }
    }
    out.count = count
    return out
  }

  /** Ends the query: gives back slot arrays grown far past the usual. */
  reset() {
    this.used = 0
    if (this.docs.length > KEPT_SLOTS) this.resize(KEPT_SLOTS, 0)
    if (this.postings.docs.length > KEPT_SLOTS) this.postings.shrink(KEPT_SLOTS)
    if (this.selective.docs.length > KEPT_SLOTS) this.selective.shrink(KEPT_SLOTS)
    // The arrays just returned stay the caller's; the next query gets smaller ones.
    if (this.outDocs.length > KEPT_SLOTS) {
      this.outDocs = new Int32Array(0)
      this.outScores = new Float64Array(0)
      this.outWords = new Uint32Array(0)
    }
  }

  private resize(n: number, keep: number) {
    this.docs = copyInto(this.docs, new Int32Array(n), keep)
    this.score = copyInto(this.score, new Float64Array(n), keep)
    this.credit = copyInto(this.credit, new Float64Array(n), keep)
    this.mask = copyInto(this.mask, new Uint32Array(n), keep)
    this.wordCredit = copyInto(this.wordCredit, new Float64Array(n), keep)
    this.wordSlots = copyInto(this.wordSlots, new Int32Array(n), keep)
  }
}

/** `next` holding the first `keep` entries of `old` (for growing or shrinking a typed array). */
function copyInto<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(old: T, next: T, keep: number): T {
  next.set(old.subarray(0, Math.min(keep, old.length, next.length)))
  return next
}

/**
 * coverage ** exponent remembered by coverage: a query's sentences share few coverage values (sums of
 * its words' weights), so most of them skip the pow call. Same inputs, same call: the same bits.
 * Direct-mapped by the coverage itself (a share in [0, 1]): no hashing of the float's bits.
 */
class PowCache {
  readonly keys = new Float64Array(POW_SLOTS).fill(NaN)
  readonly values = new Float64Array(POW_SLOTS)
  private exponent = NaN

  /** The cache, emptied when the exponent changed; look a coverage up at its slot first. */
  table(exponent: number): this {
    if (exponent !== this.exponent) {
      this.keys.fill(NaN)
      this.exponent = exponent
    }
    return this
  }

  /** Computes and keeps `x ** exponent` at slot `at`. */
  remember(at: number, x: number): number {
    const value = x ** this.exponent
    this.keys[at] = x
    this.values[at] = value
    return value
  }
}

/** Slots of the pow cache; a coverage c sits at ⌊c · POW_SLOTS⌋. */
const POW_SLOTS = 4096
const powCache = new PowCache()

/** Slots kept between queries: 64 Ki matching sentences (~2.5 MB). */
const KEPT_SLOTS = 1 << 16

const scratch = new Scratch()

/**
 * Scores every sentence that matches a query term: Σ boost·weight·BM25, times coverage, where
 * coverage is the share of query words the sentence matches (whole, or partly through bigrams/parts).
 * `docLimit` bounds the global doc ids the sources use. The sentences' arrays are the scorer's and
 * the next call overwrites them: copy what must outlive it (scoreSentences does).
 * @example
 * scoreQuery([source], planQuery(analyzeQuery('최양희 장관', analyzer)), store.sentenceCount).sentences.count // => 12
 */
export function scoreQuery(sources: readonly TermSource[], plan: QueryPlan, docLimit: number, options: ScoringOptions = DEFAULT_SCORING): ScoredQuery {
  const none = { sentences: emptySentences(0), wordWeights: new Float64Array(plan.words).fill(1) }
  if (plan.words === 0 || plan.terms.length === 0) return none
  const { k1, b, boosts, maxPartialCredit, idfWeightedCoverage, coverageExponent, commonShare } = options
  const n = sources.reduce((sum, s) => sum + s.docCount, 0)
  if (n === 0) return none
  const avgLength = {} as Record<Field, number>
  for (const f of FIELDS) avgLength[f] = Math.max(1e-9, sources.reduce((sum, s) => sum + s.totalFieldLength(f), 0) / n)

  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5))
  // A word weighs as much as its rarest whole term (a word the index lacks weighs the most).
  const wordWeight = new Float64Array(plan.words).fill(idfWeightedCoverage ? 0 : 1)
  // Per term and source (term-major), so a source without the term is not asked for its postings.
  const sourceDocFreqs = new Uint32Array(plan.terms.length * sources.length)
  const docFreqs = plan.terms.map((t, i) => {
    let sum = 0
    sources.forEach((source, s) => (sum += sourceDocFreqs[i * sources.length + s] = source.docFreq(t.field, t.term)))
    return sum
  })
  if (idfWeightedCoverage) {
    plan.terms.forEach((t, i) => {
      if (t.whole && t.weight >= 1) wordWeight[t.word] = Math.max(wordWeight[t.word]!, idfOf(docFreqs[i]!))
    })
    for (let w = 0; w < plan.words; w++) if (wordWeight[w] === 0) wordWeight[w] = idfOf(0)
  }
  const totalWeight = wordWeight.reduce((sum, x) => sum + x, 0)

  scratch.ensureDocs(docLimit)
  scratch.used = 0
  const admits = selectiveTerms(plan, docFreqs, n, commonShare)
  const admittedOnly = admits.some(Boolean) && admits.some((a, i) => !a && docFreqs[i]! > 0)
  let finished = false
  try {
    // Per term and source, where its postings start in `scratch.selective` (−1: not read yet) and end.
    const kept = new Int32Array(plan.terms.length * sources.length * 2).fill(-1)
    if (admittedOnly) {
      const { selective } = scratch
      let at = 0
      plan.terms.forEach((t, i) => {
        if (!admits[i]) return
        for (let s = 0; s < sources.length; s++) {
          if (sourceDocFreqs[i * sources.length + s] === 0) continue
          const source = sources[s]!
          if (source.readPostings) {
            const count = source.readPostings(t.field, t.term, selective, at) // first: a long list replaces the buffer's arrays
            scratch.admit(selective.docs, at, at + count)
            kept[(i * sources.length + s) * 2] = at
            at += count
            kept[(i * sources.length + s) * 2 + 1] = at
          } else {
            const loose = collectPostings(source, t.field, t.term)
            scratch.admit(loose.docs, 0, loose.count)
          }
        }
      })
    }
    for (let w = 0; w < plan.words; w++) {
      scratch.startWord()
      for (let i = 0; i < plan.terms.length; i++) {
        const t = plan.terms[i]!
        if (t.word !== w || docFreqs[i] === 0) continue
        const idf = idfOf(t.blendedDocFreq ?? docFreqs[i]!)
        const bm25: TermScoring = { factor: boosts[t.field] * t.weight * idf, k1, b, avg: avgLength[t.field], whole: t.whole, share: t.share ?? 0 }
        for (let s = 0; s < sources.length; s++) {
          if (sourceDocFreqs[i * sources.length + s] === 0) continue
          const source = sources[s]!
          const at = kept[(i * sources.length + s) * 2]!
          if (at >= 0) {
            const { selective } = scratch
            scratch.add(bm25, selective.docs, selective.tfs, selective.lengths, at, kept[(i * sources.length + s) * 2 + 1]!, admittedOnly)
          } else if (source.readPostings) {
            const { postings } = scratch
            // Read first: the buffer's arrays are replaced when a long list grows it. A common term
            // keeps only the admitted docs' postings: the rest would open no slot.
            const count = source.readPostings(t.field, t.term, postings, 0, admittedOnly ? scratch.admitted : undefined)
            scratch.add(bm25, postings.docs, postings.tfs, postings.lengths, 0, count, false)
          } else {
            const loose = collectPostings(source, t.field, t.term)
            scratch.add(bm25, loose.docs, loose.tfs, loose.lengths, 0, loose.count, admittedOnly)
          }
        }
      }
      scratch.endWord(w, wordWeight[w]!, maxPartialCredit)
    }
    const sentences = scratch.sentences(totalWeight, coverageExponent)
    finished = true
    return { sentences, wordWeights: wordWeight }
  } finally {
    // A query that threw may leave admitted docs its sentences() did not clear.
    if (!finished && admittedOnly) scratch.admitted.fill(0)
    scratch.reset()
  }
}

/**
 * Per planned term, whether it brings its sentences in (see ScoringOptions.commonShare).
 * @example
 * // '대한민국 정부에서': the words 대한민국 and 정부 bring their sentences in; a bigram such as 에서,
 * // in more than 2% of the sentences, only adds to them
 */
function selectiveTerms(plan: QueryPlan, docFreqs: readonly number[], n: number, share: ScoringOptions['commonShare']): boolean[] {
  // A word no whole term of which is indexed (a typo) is selective: its bigrams are all it has.
  const rarestWhole = new Float64Array(plan.words).fill(0)
  plan.terms.forEach((t, i) => {
    const df = docFreqs[i]!
    if (t.whole && df > 0) rarestWhole[t.word] = rarestWhole[t.word] === 0 ? df : Math.min(rarestWhole[t.word]!, df)
  })
  return plan.terms.map((t, i) => {
    const df = docFreqs[i]!
    return df > 0 && rarestWhole[t.word]! <= share.word * n && (t.whole || df <= share.partial * n)
  })
}

/** Constants of one term's BM25 in one scoring pass. */
interface TermScoring {
  /** boost × weight × idf */
  factor: number
  k1: number
  b: number
  /** Average length of the term's field. */
  avg: number
  whole: boolean
  share: number
}

/** Postings of a source without `readPostings` (the outlet source, whose lengths are fractional). */
const loose = { count: 0, docs: new Int32Array(64), tfs: new Uint32Array(64), lengths: new Float64Array(64) }

function collectPostings(source: TermSource, field: Field, term: string): typeof loose {
  loose.count = 0
  source.forEachPosting(field, term, (doc, tf, length) => {
    if (loose.count === loose.docs.length) {
      const n = loose.count * 2
      loose.docs = copyInto(loose.docs, new Int32Array(n), n)
      loose.tfs = copyInto(loose.tfs, new Uint32Array(n), n)
      loose.lengths = copyInto(loose.lengths, new Float64Array(n), n)
    }
    loose.docs[loose.count] = doc
    loose.tfs[loose.count] = tf
    loose.lengths[loose.count++] = length
  })
  return loose
}

/**
 * scoreQuery with the sentences as objects, for tools and tests that look at a few.
 * @example
 * scoreSentences([source], planQuery(analyzeQuery('최양희 장관', analyzer)), store.sentenceCount).sentences
 * // => [{ doc: 0, score: 41.2, words: 3 }, …] (docs ascending)
 */
export function scoreSentences(
  sources: readonly TermSource[],
  plan: QueryPlan,
  docLimit: number,
  options: ScoringOptions = DEFAULT_SCORING,
): { sentences: ScoredSentence[]; wordWeights: Float64Array } {
  const { sentences, wordWeights } = scoreQuery(sources, plan, docLimit, options)
  const { docs, scores, words, count } = sentences
  return { sentences: Array.from({ length: count }, (_, i) => ({ doc: docs[i]!, score: scores[i]!, words: words[i]! })), wordWeights }
}
