// Build-time analysis cache: news text repeats eojeols (기자는, 밝혔다, 정부가 …), so the indexed
// terms of each whitespace-separated chunk are computed once and reused. Exact for an analyzer that
// treats whitespace as a hard boundary (v1 does: no token, normalisation cluster or particle rule
// crosses it), which a test checks over the corpus; turn it off for an analyzer that does not.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { TokenKind } from '../types.ts'
import { FIELD_OF_KIND, FIELDS } from './fields.ts'
import type { TermTable } from './term-table.ts'

export interface EojeolCacheOptions {
  /** Off: every sentence goes through the analyzer whole (default on). */
  enabled?: boolean
  /** Chunks remembered before the cache starts over (bounds build memory). */
  maxEntries?: number
}

/** A chunk starting with a combining mark or a medial/final jamo would join the space before it. */
const JOINS_PREVIOUS = /^[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u
/** At most this many terms per cached chunk (a longer chunk is analysed every time). */
const MAX_CHUNK_TERMS = 1023

const FIELD_NUMBER_OF_KIND = Object.fromEntries(
  Object.entries(FIELD_OF_KIND).map(([kind, field]) => [kind, field === null ? -1 : FIELDS.indexOf(field)]),
) as Record<TokenKind, number>

/** JS `\s`: the whitespace the analyzer's tokenizer splits on (after normalisation keeps it a space). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 ||
    c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff
}

export class EojeolCache {
  /** Term ids of the last analysed sentence, duplicates kept, in `ids[0, count)`. */
  ids = new Int32Array(256)
  count = 0
  readonly stats = { chunks: 0, hits: 0, sentencesAnalysedWhole: 0 }
  private readonly enabled: boolean
  private readonly maxEntries: number
  /** chunk → offset × 1024 + term count into `pool`. */
  private entries = new Map<string, number>()
  private pool = new Int32Array(1 << 16)
  private poolLength = 0

  constructor(
    private readonly analyzer: Analyzer,
    private readonly table: TermTable,
    options: EojeolCacheOptions = {},
  ) {
    this.enabled = options.enabled ?? true
    this.maxEntries = options.maxEntries ?? 1 << 21
  }

  /**
   * Analyses `text` into term ids (`ids[0, count)`); returns `count`.
   * @example
   * cache.analyze('정부가 밝혔다. 정부가 답했다.') // => 8 (정부 and 정부가's bigram analysed once)
   */
  analyze(text: string): number {
    this.count = 0
    if (!this.enabled) return this.analyzeWhole(text)
    const n = text.length
    let i = 0
    while (i < n) {
      while (i < n && isSpace(text.charCodeAt(i))) i++
      if (i >= n) break
      const start = i
      while (i < n && !isSpace(text.charCodeAt(i))) i++
      const chunk = text.slice(start, i)
      this.stats.chunks++
      const entry = this.entries.get(chunk)
      if (entry !== undefined) {
        this.stats.hits++
        this.append(this.pool, Math.floor(entry / 1024), entry % 1024)
        continue
      }
      if (JOINS_PREVIOUS.test(chunk)) {
        this.count = 0
        return this.analyzeWhole(text)
      }
      const from = this.count
      this.addTokens(chunk)
      const terms = this.count - from
      if (terms <= MAX_CHUNK_TERMS) this.remember(chunk, from, terms)
    }
    return this.count
  }

  private analyzeWhole(text: string): number {
    this.stats.sentencesAnalysedWhole++
    this.addTokens(text)
    return this.count
  }

  private addTokens(text: string): void {
    for (const token of this.analyzer(text)) {
      const field = FIELD_NUMBER_OF_KIND[token.kind]
      if (field < 0) continue
      this.push(this.table.intern(field, token.term))
    }
  }

  private push(id: number): void {
    if (this.count >= this.ids.length) {
      const next = new Int32Array(this.ids.length * 2)
      next.set(this.ids)
      this.ids = next
    }
    this.ids[this.count++] = id
  }

  private append(source: Int32Array, from: number, length: number): void {
    for (let k = 0; k < length; k++) this.push(source[from + k]!)
  }

  private remember(chunk: string, from: number, terms: number): void {
    if (this.entries.size >= this.maxEntries) {
      this.entries = new Map()
      this.poolLength = 0
    }
    if (this.poolLength + terms > this.pool.length) {
      const next = new Int32Array(Math.max(this.pool.length * 2, this.poolLength + terms))
      next.set(this.pool.subarray(0, this.poolLength))
      this.pool = next
    }
    this.pool.set(this.ids.subarray(from, from + terms), this.poolLength)
    this.entries.set(chunk, this.poolLength * 1024 + terms)
    this.poolLength += terms
  }
}
