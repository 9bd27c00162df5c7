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
const MAX_CHUNK_TERMS = 0xffff

const FIELD_NUMBER_OF_KIND = Object.fromEntries(
  Object.entries(FIELD_OF_KIND).map(([kind, field]) => [kind, field === null ? -1 : FIELDS.indexOf(field)]),
) as Record<TokenKind, number>

/** JS `\s`: the whitespace the analyzer's tokenizer splits on (after normalisation keeps it a space). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 ||
    c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff
}

/**
 * Chunk → cached terms, as an open-addressing hash table over the chunk's characters: a hit costs
 * no string allocation (the hash is computed while the chunk is scanned for spaces, and keys are
 * compared in place), which matters when a build looks up fifteen million eojeols.
 */
class ChunkTable {
  private slots: Int32Array
  private keys: string[] = []
  private offsets: Int32Array
  private counts: Uint16Array
  private mask: number

  constructor(readonly capacity: number) {
    let size = 1024
    while (size < capacity * 2) size *= 2
    this.slots = new Int32Array(size).fill(-1)
    this.mask = size - 1
    this.offsets = new Int32Array(Math.min(capacity, 1 << 16))
    this.counts = new Uint16Array(this.offsets.length)
  }

  get size(): number {
    return this.keys.length
  }

  /** The entry for text[start, end) with hash `hash`, or −1. */
  find(text: string, start: number, end: number, hash: number): number {
    const length = end - start
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!
      if (entry < 0) return -1
      const key = this.keys[entry]!
      if (key.length !== length) continue
      let i = 0
      while (i < length && key.charCodeAt(i) === text.charCodeAt(start + i)) i++
      if (i === length) return entry
    }
  }

  add(key: string, hash: number, offset: number, count: number): void {
    const entry = this.keys.length
    if (entry >= this.offsets.length) {
      const n = Math.min(this.capacity, this.offsets.length * 2)
      const offsets = new Int32Array(n)
      offsets.set(this.offsets)
      this.offsets = offsets
      const counts = new Uint16Array(n)
      counts.set(this.counts)
      this.counts = counts
    }
    this.keys.push(key)
    this.offsets[entry] = offset
    this.counts[entry] = count
    let slot = hash & this.mask
    while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask
    this.slots[slot] = entry
  }

  offset(entry: number): number {
    return this.offsets[entry]!
  }

  count(entry: number): number {
    return this.counts[entry]!
  }

  clear(): void {
    this.slots.fill(-1)
    this.keys = []
  }
}

export class EojeolCache {
  /** Term ids of the last analysed sentence, duplicates kept, in `ids[0, count)`. */
  ids = new Int32Array(256)
  count = 0
  readonly stats = { chunks: 0, hits: 0, sentencesAnalysedWhole: 0 }
  private readonly enabled: boolean
  private readonly table: ChunkTable
  private pool = new Int32Array(1 << 16)
  private poolLength = 0

  constructor(
    private readonly analyzer: Analyzer,
    private readonly terms: TermTable,
    options: EojeolCacheOptions = {},
  ) {
    this.enabled = options.enabled ?? true
    this.table = new ChunkTable(options.maxEntries ?? 1 << 21)
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
      // FNV-1a over the chunk's UTF-16 units, computed while looking for its end.
      let hash = 0x811c9dc5
      for (let c = text.charCodeAt(i); i < n && !isSpace(c); c = text.charCodeAt(++i)) hash = Math.imul(hash ^ c, 0x01000193)
      this.stats.chunks++
      const entry = this.table.find(text, start, i, hash)
      if (entry >= 0) {
        this.stats.hits++
        this.append(this.table.offset(entry), this.table.count(entry))
        continue
      }
      const chunk = text.slice(start, i)
      if (JOINS_PREVIOUS.test(chunk)) {
        this.count = 0
        return this.analyzeWhole(text)
      }
      const from = this.count
      this.addTokens(chunk)
      const terms = this.count - from
      if (terms <= MAX_CHUNK_TERMS) this.remember(chunk, hash, from, terms)
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
      this.push(this.terms.intern(field, token.term))
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

  private append(from: number, length: number): void {
    if (this.count + length > this.ids.length) {
      const next = new Int32Array(Math.max(this.ids.length * 2, this.count + length))
      next.set(this.ids)
      this.ids = next
    }
    const { ids, pool } = this
    for (let k = 0; k < length; k++) ids[this.count + k] = pool[from + k]!
    this.count += length
  }

  private remember(chunk: string, hash: number, from: number, terms: number): void {
    if (this.table.size >= this.table.capacity) {
      this.table.clear()
      this.poolLength = 0
    }
    if (this.poolLength + terms > this.pool.length) {
      const next = new Int32Array(Math.max(this.pool.length * 2, this.poolLength + terms))
      next.set(this.pool.subarray(0, this.poolLength))
      this.pool = next
    }
    this.pool.set(this.ids.subarray(from, from + terms), this.poolLength)
    this.table.add(chunk, hash, this.poolLength, terms)
    this.poolLength += terms
  }
}
