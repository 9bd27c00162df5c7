// Bulk build of archive segments: articles are analysed (through the eojeol cache), their terms
// interned as ids and logged as (term, doc, tf); finishing a segment groups the log by term with a
// counting sort and writes the segment. Must not import runtime code.
import { ANALYZER_VERSION, type Analyzer } from '../analysis/analyzers.ts'
import type { Article, Sentence } from '../types.ts'
import { EojeolCache, type EojeolCacheOptions } from './eojeol-cache.ts'
import { FIELDS } from './fields.ts'
import { encodeSegment, type FieldPostings } from './segment/writer.ts'
import type { StoredSentence } from './segment/store.ts'
import type { StoredArticle } from './store.ts'
import { TermTable } from './term-table.ts'

export interface SegmentBuilderOptions {
  /** The index-time analyzer (with the Han segmenter when available). */
  analyzer: Analyzer
  cache?: EojeolCacheOptions
}

/** A growable Int32Array. */
class IntLog {
  data = new Int32Array(1 << 16)
  length = 0

  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = a
    this.data[this.length++] = b
    this.data[this.length++] = c
  }
}

export class SegmentBuilder {
  readonly table = new TermTable()
  readonly cache: EojeolCache
  private articles: StoredArticle[] = []
  private firstDoc: number[] = []
  /** The current segment's sentences, as parallel columns (no object per sentence). */
  private texts: string[] = []
  private numbers = new IntLog()
  /** (term id, local doc, tf) for every distinct term of every doc, in doc order. */
  private log = new IntLog()
  /** Doc-major field lengths of the current segment. */
  private lengths = new Uint32Array(1 << 12)
  /** Per term id: the last doc (global build counter + 1) it was seen in, and its tf there. */
  private seenIn = new Int32Array(1 << 16)
  private tf = new Int32Array(1 << 16)
  /** Per term id: 1 once a doc holds it (a term interned for a sentence analysed again whole may not). */
  private posted = new Uint8Array(1 << 16)
  private unique = new Int32Array(1 << 10)
  /** Postings columns (doc, tf) of the segment being finished, grouped by term. */
  private docs = new Int32Array(0)
  private tfs = new Uint32Array(0)
  /** Per field: the ids of the terms interned before `sortedSize`, in term order. */
  private sorted: number[][] = FIELDS.map(() => [])
  private sortedSize = 0
  private docsBuilt = 0

  constructor(options: SegmentBuilderOptions) {
    this.cache = new EojeolCache(options.analyzer, this.table, options.cache)
  }

  /** Documents added since the last `finish`. */
  get pendingDocs(): number {
    return this.texts.length
  }

  /** Adds an article and its sentences (an article never straddles two segments). */
  addArticle(article: Article, sentences: readonly Sentence[]): void {
    const { body: _body, ...stored } = article
    this.articles.push(stored)
    this.firstDoc.push(this.texts.length)
    for (const s of sentences) this.addSentence(s)
  }

  private addSentence(sentence: Sentence): void {
    const doc = this.texts.length
    this.texts.push(sentence.text)
    this.numbers.push3(sentence.n, sentence.start, 0)
    const count = this.cache.analyze(sentence.text)
    const ids = this.cache.ids
    this.growPerTerm(this.table.size)
    this.growPerDoc(doc + 1, count)
    const stamp = ++this.docsBuilt
    const { seenIn, tf, unique } = this
    let distinct = 0
    for (let k = 0; k < count; k++) {
      const id = ids[k]!
      if (seenIn[id] !== stamp) {
        seenIn[id] = stamp
        tf[id] = 1
        unique[distinct++] = id
      } else tf[id]!++
    }
    const fieldOf = this.table.fieldOf
    const base = doc * FIELDS.length
    for (let k = 0; k < distinct; k++) {
      const id = unique[k]!
      this.posted[id] = 1
      this.lengths[base + fieldOf[id]!]!++
      this.log.push3(id, doc, tf[id]!)
    }
    // The live tier (MiniSearch) counts an empty field as one distinct term (the empty string);
    // segments do the same so a sentence scores identically in either tier.
    for (let f = 0; f < FIELDS.length; f++) if (this.lengths[base + f] === 0) this.lengths[base + f] = 1
  }

  private growPerTerm(size: number): void {
    if (size <= this.seenIn.length) return
    const n = Math.max(size, this.seenIn.length * 2)
    const seenIn = new Int32Array(n)
    seenIn.set(this.seenIn)
    this.seenIn = seenIn
    this.tf = new Int32Array(n)
    const posted = new Uint8Array(n)
    posted.set(this.posted)
    this.posted = posted
  }

  /**
   * Whether any doc built so far (in any segment) holds `term` in field number `field`: what the
   * segments' docFreq > 0 says, without a dictionary search per segment.
   * @example
   * builder.addArticle(article, sentences); builder.holds(0, '벨라루스') // => true
   */
  holds(field: number, term: string): boolean {
    const id = this.table.find(field, term)
    return id !== undefined && this.posted[id] === 1
  }

  private growPerDoc(docs: number, terms: number): void {
    if (terms > this.unique.length) this.unique = new Int32Array(Math.max(terms, this.unique.length * 2))
    if (docs * FIELDS.length <= this.lengths.length) return
    const next = new Uint32Array(Math.max(docs * FIELDS.length, this.lengths.length * 2))
    next.set(this.lengths)
    this.lengths = next
  }

  /**
   * Writes the documents added since the last call as one segment and starts a new one.
   * @example
   * builder.addArticle(article, sentences); builder.finish() // => Uint8Array (segment bytes)
   */
  finish(): Uint8Array {
    const docCount = this.texts.length
    const { table } = this
    const log = this.log.data
    const logLength = this.log.length

    // Postings per term id, then each field's used terms in sorted order.
    const perTerm = new Uint32Array(table.size)
    for (let at = 0; at < logLength; at += 3) perTerm[log[at]!]!++
    this.sortNewTerms()
    const usedTerms: string[][] = FIELDS.map(() => [])
    const usedIds: number[][] = FIELDS.map(() => [])
    this.sorted.forEach((ids, f) => {
      for (const id of ids) {
        if (perTerm[id] === 0) continue
        usedTerms[f]!.push(table.terms[id]!)
        usedIds[f]!.push(id)
      }
    })
    // Where each term's postings go in one flat array (fields one after the other, terms sorted).
    const next = new Int32Array(table.size)
    const total = logLength / 3
    // The postings columns are read by encodeSegment below and dropped, so one pair of buffers
    // serves every segment: fresh 40 MB a segment would also bring V8's external-memory GCs.
    if (this.docs.length < total) {
      this.docs = new Int32Array(total + (total >> 2))
      this.tfs = new Uint32Array(this.docs.length)
    }
    const { docs, tfs } = this
    let at = 0
    const postings: FieldPostings[] = usedTerms.map((terms, f) => {
      const fieldStart = at
      const starts = new Uint32Array(terms.length + 1)
      for (let r = 0; r < terms.length; r++) {
        const id = usedIds[f]![r]!
        next[id] = at
        at += perTerm[id]!
        starts[r + 1] = at - fieldStart
      }
      return { terms, starts, docs: docs.subarray(fieldStart, at), tfs: tfs.subarray(fieldStart, at) }
    })
    // Counting-sort scatter: the log is in doc order, so each term's docs come out ascending.
    for (let i = 0; i < logLength; i += 3) {
      const p = next[log[i]!]!++
      docs[p] = log[i + 1]!
      tfs[p] = log[i + 2]!
    }

    const fieldLengths = new Uint32Array(FIELDS.length * docCount)
    for (let doc = 0; doc < docCount; doc++) {
      for (let f = 0; f < FIELDS.length; f++) fieldLengths[f * docCount + doc] = this.lengths[doc * FIELDS.length + f]!
    }
    const { texts } = this
    const numbers = this.numbers.data
    const bytes = encodeSegment({
      analyzerVersion: ANALYZER_VERSION,
      fields: FIELDS,
      docCount,
      articles: this.articles,
      articleFirstDoc: [...this.firstDoc, docCount],
      fieldLengths,
      postings,
      sentence: (doc): StoredSentence => ({ n: numbers[doc * 3]!, start: numbers[doc * 3 + 1]!, text: texts[doc]! }),
    })
    this.reset()
    return bytes
  }

  /**
   * Brings `sorted` up to the term table: the terms interned since the last segment are sorted
   * (natively, as strings) and merged in, so a segment does not sort its whole vocabulary again.
   */
  private sortNewTerms(): void {
    const { table } = this
    const fresh: string[][] = FIELDS.map(() => [])
    for (let id = this.sortedSize; id < table.size; id++) fresh[table.fieldOf[id]!]!.push(table.terms[id]!)
    this.sortedSize = table.size
    this.sorted = this.sorted.map((old, f) => {
      const added = fresh[f]!.sort() // UTF-16 code-unit order, what the dictionary's binary search expects
      if (added.length === 0) return old
      const merged: number[] = []
      let i = 0
      for (const term of added) {
        while (i < old.length && table.terms[old[i]!]! < term) merged.push(old[i++]!)
        merged.push(table.find(f, term)!)
      }
      while (i < old.length) merged.push(old[i++]!)
      return merged
    })
  }

  private reset(): void {
    this.articles = []
    this.firstDoc = []
    this.texts = []
    // The logs keep their (large) buffers for the next segment.
    this.numbers.length = 0
    this.log.length = 0
    this.lengths.fill(0)
  }
}

export interface BuildSegmentsOptions extends SegmentBuilderOptions {
  /** A segment is closed at the first article boundary after this many sentences. */
  segmentDocs?: number
  /** Receives the eojeol cache's counters when the build is done (benchmarks print them). */
  onBuilt?: (stats: EojeolCache['stats']) => void
}

export const DEFAULT_SEGMENT_DOCS = 100_000

/**
 * Builds archive segments from articles and their sentences.
 * @example
 * buildSegments([{ article, sentences }], { analyzer }).segments.length // => 1
 */
export function buildSegments(
  articles: Iterable<{ article: Article; sentences: readonly Sentence[] }>,
  options: BuildSegmentsOptions,
): { segments: Uint8Array[]; holds: (field: number, term: string) => boolean } {
  const builder = new SegmentBuilder(options)
  const limit = options.segmentDocs ?? DEFAULT_SEGMENT_DOCS
  const segments: Uint8Array[] = []
  for (const { article, sentences } of articles) {
    builder.addArticle(article, sentences)
    if (builder.pendingDocs >= limit) segments.push(builder.finish())
  }
  if (builder.pendingDocs > 0 || segments.length === 0) segments.push(builder.finish())
  options.onBuilt?.(builder.cache.stats)
  return { segments, holds: (field, term) => builder.holds(field, term) }
}
