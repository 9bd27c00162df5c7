// Build-time analysis cache: news text repeats eojeols (기자는, 밝혔다, 정부가 …), so the indexed
// terms of each whitespace-separated chunk are computed once and reused. Exact for an analyzer that
// treats whitespace as a hard boundary (v1 does: no token, normalisation cluster or particle rule
// crosses it), which a test checks over the corpus; turn it off for an analyzer that does not.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import type { TokenKind } from '../types.ts'
import { FIELD_OF_KIND, FIELDS } from './fields.ts'
import type { TermTable } from './term-table.ts'
import { rehashSlots } from './hash-slots.ts'

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
  if (c > 0x3000) return c === 0xfeff // Hangul and Han: one test, as the build scans every char
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13)
  if (c < 0xa0) return false
  return c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
}

/** Units of a chunk kept in its slot (most eojeols are shorter); a longer key lives in a char pool. */
const INLINE_UNITS = 8
/** Int32s a slot: hash, key length (0: empty), terms offset, terms count, then the key. */
const SLOT = 4 + INLINE_UNITS / 2

/**
 * Chunk → cached terms, as an open-addressing hash table over the chunk's characters: a hit costs
 * no string allocation (the hash is computed while the chunk is scanned for spaces, and keys are
 * compared in place), which matters when a build looks up fifteen million eojeols. A slot holds
 * the hash, the key's units and where its terms are, so a hit usually reads one cache line of the
 * table; and no key is a string the GC would have to mark.
 */
class ChunkTable {
  private slots = new Int32Array(SLOT * 1024)
  private mask = 1023
  /** Keys longer than INLINE_UNITS; their slot holds the start. */
  private chars = new Uint16Array(1 << 12)
  private charsLength = 0
  size = 0
  foundOffset = 0
  foundCount = 0

  constructor(readonly capacity: number) {}

  /** Whether text[start, end) with hash `hash` is in the table; if so, `foundOffset` and `foundCount` say where its terms are. */
  find(text: string, start: number, end: number, hash: number): boolean {
    const { slots, mask } = this
    const length = end - start
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT
      if (slots[at + 1] === 0) return false
      if (this.matches(at, text, start, length, hash)) {
        this.foundOffset = slots[at + 2]!
        this.foundCount = slots[at + 3]!
        return true
      }
    }
  }

  private matches(at: number, text: string, start: number, length: number, hash: number): boolean {
    const table = this.slots
    if (table[at + 1] !== length || table[at] !== hash) return false
    if (length > INLINE_UNITS) {
      const { chars } = this
      const key = table[at + 4]!
      for (let i = 0; i < length; i++) if (chars[key + i] !== text.charCodeAt(start + i)) return false
      return true
    }
    for (let i = 0; i < length; i += 2) {
      const pair = text.charCodeAt(start + i) | (i + 1 < length ? text.charCodeAt(start + i + 1) << 16 : 0)
      if (table[at + 4 + (i >> 1)] !== pair) return false
    }
    return true
  }

  /** Adds text[start, end) (not in the table) with hash `hash`. */
  add(text: string, start: number, end: number, hash: number, offset: number, count: number): void {
    // At most three slots in four in use keeps probes short (a probe's next slot is mostly in the same cache line).
    if (4 * ++this.size > 3 * (this.mask + 1)) this.rehash(2 * (this.mask + 1))
    const { slots, mask } = this
    let slot = hash & mask
    while (slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask
    const at = slot * SLOT
    const length = end - start
    slots[at] = hash
    slots[at + 1] = length
    slots[at + 2] = offset
    slots[at + 3] = count
    if (length > INLINE_UNITS) {
      if (this.charsLength + length > this.chars.length) {
        const chars = new Uint16Array(Math.max(2 * this.chars.length, this.charsLength + length))
        chars.set(this.chars.subarray(0, this.charsLength))
        this.chars = chars
      }
      for (let i = 0; i < length; i++) this.chars[this.charsLength + i] = text.charCodeAt(start + i)
      slots[at + 4] = this.charsLength
      this.charsLength += length
    } else {
      for (let i = 0; i < length; i += 2) {
        slots[at + 4 + (i >> 1)] = text.charCodeAt(start + i) | (i + 1 < length ? text.charCodeAt(start + i + 1) << 16 : 0)
      }
    }
  }

  private rehash(slotCount: number): void {
    this.slots = rehashSlots(this.slots, slotCount, SLOT)
    this.mask = slotCount - 1
  }

  clear(): void {
    this.slots.fill(0)
    this.size = 0
    this.charsLength = 0
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
      if (this.table.find(text, start, i, hash)) {
        this.stats.hits++
        this.append(this.table.foundOffset, this.table.foundCount)
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
      if (terms <= MAX_CHUNK_TERMS) this.remember(text, start, i, hash, from, terms)
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

  private remember(text: string, start: number, end: number, hash: number, from: number, terms: number): void {
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
    this.table.add(text, start, end, hash, this.poolLength, terms)
    this.poolLength += terms
  }
}
