// Term dictionary of one field: terms sorted by UTF-16 code units, cut into blocks of 32. The first
// term of every block is stored whole, so a binary search over blocks finds the one block to scan;
// the other terms are front-coded (shared prefix length + suffix), which roughly halves the bytes
// of Korean bigrams and stems (벨라 · 벨라루스 share 벨라). Must not import runtime code.
import { ByteWriter, compareUnits, unitsToString } from './bytes.ts'
import { bytesOf, corrupt, SECTION, type Container, type SectionData } from './format.ts'
import type { TermWalker } from '../term-source.ts'
import { prefixSuccessor, stepThrough } from '../term-walk.ts'

export const TERMS_PER_BLOCK = 32

/** One field's terms in sorted order, with what the dictionary records about each. */
export interface DictInput {
  terms: readonly string[]
  docFreqs: ArrayLike<number>
  postingsLengths: ArrayLike<number>
}

/**
 * The four dictionary sections of field number `field`.
 * @example
 * encodeTermDict({ terms: ['벨라', '벨라루스'], docFreqs: [3, 2], postingsLengths: [3, 2] }, 0).length // => 4
 */
export function encodeTermDict(input: DictInput, field: number): SectionData[] {
  const { terms, docFreqs, postingsLengths } = input
  const blocks = Math.ceil(terms.length / TERMS_PER_BLOCK)
  const firstOffsets = new Uint32Array(blocks + 1)
  const blockTable = new Uint32Array(blocks * 2)
  const firstUnits = new ByteWriter()
  const entries = new ByteWriter()
  let postingsAt = 0
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!
    if (i > 0 && !(terms[i - 1]! < term)) throw new RangeError(`termdict: terms out of order at ${JSON.stringify(term)}`)
    const b = Math.floor(i / TERMS_PER_BLOCK)
    if (i % TERMS_PER_BLOCK === 0) {
      firstOffsets[b] = firstUnits.length / 2
      firstUnits.units(term)
      blockTable[b * 2] = entries.length
      blockTable[b * 2 + 1] = postingsAt
    } else {
      const previous = terms[i - 1]!
      let shared = 0
      while (shared < previous.length && shared < term.length && previous.charCodeAt(shared) === term.charCodeAt(shared)) shared++
      entries.varint(shared)
      entries.varint(term.length - shared)
      entries.units(term, shared)
    }
    entries.varint(docFreqs[i]!)
    // A term in one doc (most terms) needs no length: its postings are one or two varints.
    if (docFreqs[i] !== 1) entries.varint(postingsLengths[i]!)
    postingsAt += postingsLengths[i]!
  }
  firstOffsets[blocks] = firstUnits.length / 2
  return [
    { kind: SECTION.DICT_FIRST_OFFSETS, field, bytes: bytesOf(firstOffsets) },
    { kind: SECTION.DICT_FIRST_UNITS, field, bytes: firstUnits.finish() },
    { kind: SECTION.DICT_BLOCKS, field, bytes: bytesOf(blockTable) },
    { kind: SECTION.DICT_ENTRIES, field, bytes: entries.finish() },
  ]
}

/** Reads one field's dictionary from views into the segment bytes. */
export class TermDict {
  readonly termCount: number
  private readonly firstOffsets: Uint32Array
  private readonly firstUnits: Uint16Array
  private readonly blocks: Uint32Array
  private readonly entries: Uint8Array
  private readonly postings: Uint8Array
  private lastTerm: string | null = null
  private lastFound = false
  /** The term being rebuilt while a block is scanned. */
  private scratch = new Uint16Array(64)

  /** Result of the last successful `find`: document frequency and postings byte range. */
  docFreq = 0
  postingsStart = 0
  postingsEnd = 0

  constructor(container: Container, field: number, termCount: number, postings: Uint8Array) {
    this.firstOffsets = container.u32(SECTION.DICT_FIRST_OFFSETS, field, Math.ceil(termCount / TERMS_PER_BLOCK) + 1)
    this.firstUnits = container.u16(SECTION.DICT_FIRST_UNITS, field)
    this.blocks = container.u32(SECTION.DICT_BLOCKS, field, (this.firstOffsets.length - 1) * 2)
    this.entries = container.u8(SECTION.DICT_ENTRIES, field)
    this.termCount = termCount
    this.postings = postings
    if (this.firstOffsets[this.firstOffsets.length - 1] !== this.firstUnits.length) corrupt(`dictionary of field ${field}: first-term offsets do not match their units`)
  }

  private get blockCount(): number {
    return this.firstOffsets.length - 1
  }

  /** The last block whose first term is ≤ `key`, or −1 when `key` sorts before every term. */
  private blockOf(key: string): number {
    let lo = 0
    let hi = this.blockCount - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (compareUnits(key, this.firstUnits, this.firstOffsets[mid]!, this.firstOffsets[mid + 1]!) >= 0) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }

  /**
   * Looks `term` up; on success sets `docFreq`, `postingsStart` and `postingsEnd`.
   * @example
   * dict.find('벨라루스') // => true, and dict.docFreq === 11
   */
  find(term: string): boolean {
    // The scorer asks for a term's frequency and then its postings: the second find is free.
    if (term === this.lastTerm) return this.lastFound
    this.lastTerm = term
    this.lastFound = false
    const block = this.blockOf(term)
    if (block < 0) return false
    let found = false
    this.scanBlock(block, (length) => {
      const c = compareUnits(term, this.scratch, 0, length)
      if (c === 0) found = true
      return c > 0
    })
    this.lastFound = found
    return found
  }

  /** Terms starting with `prefix`, in sorted order, at most `limit`. */
  termsWithPrefix(prefix: string, limit: number): string[] {
    const out: string[] = []
    this.lastTerm = null // the scan below overwrites docFreq and the postings range
    if (limit <= 0) return out
    let block = Math.max(0, this.blockOf(prefix))
    let more = true
    for (; more && block < this.blockCount; block++) {
      this.scanBlock(block, (length) => {
        const c = compareUnits(prefix, this.scratch, 0, Math.min(length, prefix.length))
        if (c === 0 && length >= prefix.length) out.push(unitsToString(this.scratch, 0, length))
        else if (c < 0) more = false // past every term with this prefix
        return more && out.length < limit
      })
      if (out.length >= limit) break
    }
    return out
  }

  /**
   * Runs `walker` over the dictionary in sorted order (TermSource.walkTerms): walker states are kept
   * for the units a term shares with the previous one, and a rejected prefix is skipped by jumping to
   * the block of its successor.
   * @example
   * dict.walkTerms(startsWith('벨'), 10) // => [['벨기에', …], ['벨라루스', …]]
   */
  walkTerms<S>(walker: TermWalker<S>, limit: number): Array<[string, S]> {
    const out: Array<[string, S]> = []
    this.lastTerm = null // the scan below overwrites docFreq and the postings range
    const prefix = walker.prefix ?? ''
    const atPrefix = stepThrough(walker, prefix)
    if (atPrefix === null || limit <= 0) return out
    // states[k] = walker state after the first k units of the current term (the prefix is stepped once).
    const states: S[] = []
    for (let k = 0; k < prefix.length; k++) states.push(walker.start)
    states.push(atPrefix)
    // The units of the previous term whose states are kept; terms below `skipBelow` are skipped.
    let previous = new Uint16Array(Math.max(64, prefix.length))
    for (let k = 0; k < prefix.length; k++) previous[k] = prefix.charCodeAt(k)
    let previousLength = prefix.length
    let skipBelow: string | null = null
    let more = true
    let block = Math.max(0, this.blockOf(prefix))
    while (more && block < this.blockCount) {
      let jumpTo = -1
      this.scanBlock(block, (length) => {
        const units = this.scratch
        if (compareUnits(prefix, units, 0, length) > 0) return true // sorts before the prefix
        if (length < prefix.length || compareUnits(prefix, units, 0, prefix.length) !== 0) return (more = false)
        if (skipBelow !== null && compareUnits(skipBelow, units, 0, length) > 0) return true
        skipBelow = null
        let shared = 0
        const max = Math.min(previousLength, length, states.length - 1)
        while (shared < max && previous[shared] === units[shared]) shared++
        states.length = shared + 1
        if (previous.length < length) {
          const grown = new Uint16Array(length * 2)
          grown.set(previous)
          previous = grown
        }
        for (let k = shared; k < length; k++) {
          previous[k] = units[k]!
          const next = walker.step(states[k]!, String.fromCharCode(units[k]!))
          if (next === null) {
            // Every following term with the rejected prefix is rejected too: skip them, jumping to
            // a later block when they run past this one.
            previousLength = k
            skipBelow = prefixSuccessor(unitsToString(units, 0, k + 1))
            const target = this.blockOf(skipBelow)
            if (target > block) jumpTo = target
            return jumpTo < 0
          }
          states.push(next)
        }
        previousLength = length
        if (walker.accept(states[length]!)) out.push([unitsToString(units, 0, length), states[length]!])
        if (out.length >= limit) more = false
        return more
      })
      block = jumpTo >= 0 ? jumpTo : block + 1
    }
    return out
  }

  /** Calls `visit(term, docFreq)` for every term, in sorted order (a suggestion vocabulary). */
  forEachTerm(visit: (term: string, docFreq: number) => void): void {
    this.lastTerm = null
    for (let block = 0; block < this.blockCount; block++) {
      this.scanBlock(block, (length) => {
        visit(unitsToString(this.scratch, 0, length), this.docFreq)
        return true
      })
    }
  }

  /**
   * Decodes block `block` term by term into `scratch`, setting docFreq and the postings range of
   * each term before calling `visit(termLength)`; stops when `visit` returns false.
   */
  private scanBlock(block: number, visit: (termLength: number) => boolean): void {
    const { entries } = this
    cursor = this.blocks[block * 2]!
    let postings = this.blocks[block * 2 + 1]!
    const end = block + 1 < this.blockCount ? this.blocks[block * 2 + 2]! : entries.length
    let length = 0
    for (let i = 0; cursor < end; i++) {
      if (i === 0) {
        const from = this.firstOffsets[block]!
        length = this.firstOffsets[block + 1]! - from
        this.ensureScratch(length)
        this.scratch.set(this.firstUnits.subarray(from, from + length))
      } else {
        const shared = readVarint(entries)
        length = shared + readVarint(entries)
        this.ensureScratch(length)
        let at = cursor
        for (let u = shared; u < length; u++, at += 2) this.scratch[u] = entries[at]! | (entries[at + 1]! << 8)
        cursor = at
      }
      this.docFreq = readVarint(entries)
      this.postingsStart = postings
      this.postingsEnd = postings += this.docFreq === 1 ? singlePostingLength(this.postings, postings) : readVarint(entries)
      if (this.postingsEnd > this.postings.length || cursor > end) corrupt(`dictionary block ${block} runs past its bytes or postings`)
      if (!visit(length)) return
    }
  }

  private ensureScratch(length: number): void {
    if (length <= this.scratch.length) return
    const next = new Uint16Array(Math.max(length, this.scratch.length * 2))
    next.set(this.scratch)
    this.scratch = next
  }
}

/** Bytes of a one-doc postings list at `at`: varint (doc × 2 + (tf > 1)), then varint (tf − 2) if flagged. */
function singlePostingLength(postings: Uint8Array, at: number): number {
  let end = at
  while (postings[end]! >= 0x80) end++
  end++
  if (postings[at]! & 1) {
    while (postings[end]! >= 0x80) end++
    end++
  }
  return end - at
}

/** Read position of `readVarint`: module state keeps the dictionary scan free of allocations. */
let cursor = 0

/** A varint of at most 4 bytes at `cursor`; moves `cursor` past it. */
function readVarint(bytes: Uint8Array): number {
  let b = bytes[cursor++]!
  if (b < 0x80) return b
  let value = b & 0x7f
  for (let shift = 7; shift < 28; shift += 7) {
    b = bytes[cursor++]!
    value |= (b & 0x7f) << shift
    if (b < 0x80) return value >>> 0
  }
  return corrupt('dictionary varint longer than 4 bytes or past the end')
}
