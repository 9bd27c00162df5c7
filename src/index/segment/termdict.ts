// Term dictionary of one field: terms sorted by UTF-16 code units, cut into blocks of 32. The first
// term of every block is stored whole, so a binary search over blocks finds the one block to scan;
// the other terms are front-coded (shared prefix length + suffix), which roughly halves the bytes
// of Korean bigrams and stems (벨라 · 벨라루스 share 벨라). Must not import runtime code.
import { ByteWriter, compareUnitRanges, compareUnits, unitsToString } from './bytes.ts'
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

/** Lookups remembered per dictionary (direct-mapped by a hash of the term): a query asks for a term's
 * frequency, then its postings, and the forgiving stages ask again. A power of two. */
const LOOKUP_CACHE = 512
const NO_FACTS = new Uint32Array(0)

/** Reads one field's dictionary from views into the segment bytes. */
export class TermDict {
  readonly termCount: number
  private readonly firstOffsets: Uint32Array
  private readonly firstUnits: Uint16Array
  /**
   * Per block, the first two units of its first term as one integer (headOf), so the binary search
   * over blocks compares integers and reads a block's units only on a tie. Built at open: 4 bytes a
   * block.
   */
  private readonly heads: Int32Array
  private readonly blocks: Uint32Array
  private readonly entries: Uint8Array
  private readonly postings: Uint8Array
  /**
   * Recent lookups: the term, and its docFreq, postings start and end (docFreq 0: absent). Made on
   * the first lookup (10 kB a dictionary), so fields a query never asks (hanja, in most segments)
   * cost nothing.
   */
  private cachedTerms: Array<string | undefined> = []
  private cachedFacts = NO_FACTS
  /** The term being rebuilt while a block is scanned. */
  private scratch = new Uint16Array(64)
  /** The distinct first units of the terms, once a walk without a prefix asked. */
  private distinctFirstUnits: Uint16Array | null = null

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
    this.heads = new Int32Array(this.firstOffsets.length - 1)
    for (let block = 0; block < this.heads.length; block++) {
      const from = this.firstOffsets[block]!
      const length = this.firstOffsets[block + 1]! - from
      this.heads[block] = packHead(length > 0 ? this.firstUnits[from]! : 0, length > 1 ? this.firstUnits[from + 1]! : 0)
    }
  }

  private get blockCount(): number {
    return this.firstOffsets.length - 1
  }

  /** The last block whose first term is ≤ `key`, or −1 when `key` sorts before every term. */
  private blockOf(key: string): number {
    const { heads, firstUnits, firstOffsets } = this
    const head = packHead(key.length > 0 ? key.charCodeAt(0) : 0, key.length > 1 ? key.charCodeAt(1) : 0)
    let lo = 0
    let hi = this.blockCount - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const h = heads[mid]!
      // Different heads order the terms; equal ones (a missing unit packs as 0) need the units.
      if (head !== h ? head > h : compareUnits(key, firstUnits, firstOffsets[mid]!, firstOffsets[mid + 1]!) >= 0) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }

  /** blockOf for a key held as units: `key[0, length)`. */
  private blockOfUnits(key: Uint16Array, length: number): number {
    let lo = 0
    let hi = this.blockCount - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (compareUnitRanges(key, 0, length, this.firstUnits, this.firstOffsets[mid]!, this.firstOffsets[mid + 1]!) >= 0) {
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
    let hash = term.length
    for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x9e3779b1)
    const slot = (hash >>> 16) & (LOOKUP_CACHE - 1)
    if (this.cachedFacts === NO_FACTS) {
      this.cachedTerms = new Array(LOOKUP_CACHE)
      this.cachedFacts = new Uint32Array(LOOKUP_CACHE * 3)
    }
    const facts = this.cachedFacts
    if (this.cachedTerms[slot] !== term) {
      const found = this.lookup(term)
      this.cachedTerms[slot] = term
      facts[slot * 3] = found ? this.docFreq : 0
      facts[slot * 3 + 1] = this.postingsStart
      facts[slot * 3 + 2] = this.postingsEnd
    }
    if (facts[slot * 3] === 0) return false
    this.docFreq = facts[slot * 3]!
    this.postingsStart = facts[slot * 3 + 1]!
    this.postingsEnd = facts[slot * 3 + 2]!
    return true
  }

  /**
   * Finds `key` in its block without rebuilding terms: `matched` is how much of `key` the current
   * term holds. A term sharing less with its predecessor than that sorts after `key` (stop); one
   * sharing more sorts before it (next); only an equal share needs its suffix compared.
   */
  private lookup(key: string): boolean {
    const block = this.blockOf(key)
    if (block < 0) return false
    const { entries, firstUnits, postings: postingBytes } = this
    const from = this.firstOffsets[block]!
    const firstLength = this.firstOffsets[block + 1]! - from
    let matched = 0
    while (matched < firstLength && matched < key.length && firstUnits[from + matched] === key.charCodeAt(matched)) matched++
    let equal = matched === firstLength && matched === key.length
    // The read position stays in a local: varints are nearly always one byte, read inline; a longer
    // one goes through readVarint.
    let at = this.blocks[block * 2]!
    let postings = this.blocks[block * 2 + 1]!
    const end = this.blockEnd(block)
    for (let i = 0; at < end; i++) {
      if (i > 0) {
        let shared = entries[at++]!
        if (shared >= 0x80) [shared, at] = [varintAt(entries, at - 1), cursor]
        let suffix = entries[at++]!
        if (suffix >= 0x80) [suffix, at] = [varintAt(entries, at - 1), cursor]
        const units = at
        at += 2 * suffix
        if (shared < matched) return false // the term left key's prefix: every later term sorts after key
        if (shared === matched) {
          // The term continues where key's match stopped: compare its suffix with the rest of key.
          let j = 0
          while (j < suffix && matched < key.length && (entries[units + 2 * j]! | (entries[units + 2 * j + 1]! << 8)) === key.charCodeAt(matched)) {
            j++
            matched++
          }
          if (j < suffix && (matched === key.length || (entries[units + 2 * j]! | (entries[units + 2 * j + 1]! << 8)) > key.charCodeAt(matched))) return false
          equal = j === suffix && matched === key.length
        }
      }
      let docFreq = entries[at++]!
      if (docFreq >= 0x80) [docFreq, at] = [varintAt(entries, at - 1), cursor]
      let length: number
      if (docFreq === 1) length = singlePostingLength(postingBytes, postings)
      else {
        length = entries[at++]!
        if (length >= 0x80) [length, at] = [varintAt(entries, at - 1), cursor]
      }
      if (postings + length > postingBytes.length || at > end) corrupt(`dictionary block ${block} runs past its bytes or postings`)
      if (equal) {
        this.docFreq = docFreq
        this.postingsStart = postings
        this.postingsEnd = postings + length
        return true
      }
      postings += length
    }
    return false
  }

  /** Terms starting with `prefix`, in sorted order, at most `limit`. */
  termsWithPrefix(prefix: string, limit: number): string[] {
    const out: string[] = []
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
   * Runs `walker` over the dictionary in sorted order (TermSource.walkTerms). Walker states are kept
   * for the units a term shares with the previous one. When the walker rejects a prefix, the terms
   * below it are passed over on their shared-prefix lengths alone (no units copied, nothing
   * compared), and a run that goes past the block is jumped by binary search over the blocks.
   * @example
   * dict.walkTerms(startsWith('벨'), 10) // => [['벨기에', …], ['벨라루스', …]]
   */
  walkTerms<S>(walker: TermWalker<S>, limit: number): Array<[string, S]> {
    const out: Array<[string, S]> = []
    if (limit <= 0 || this.blockCount === 0) return out
    const prefix = walker.prefix ?? ''
    if (prefix !== '') {
      const atPrefix = stepThrough(walker, prefix)
      if (atPrefix !== null) this.walkFrom(walker, prefix, atPrefix, out, limit)
      return out
    }
    // No prefix: step the distinct first units, then walk only the runs the walker accepts (a
    // typo walk rejects most first syllables without reading their terms).
    for (const unit of this.firstUnitsOfTerms()) {
      const state = walker.step(walker.start, unit)
      if (state === null) continue
      const first = String.fromCharCode(unit)
      const rest = walker.rest?.(state)
      if (rest === undefined) this.walkFrom(walker, first, state, out, limit)
      else this.lookUpRest(walker, first, state, rest, out)
      if (out.length >= limit) return out
    }
    return out
  }

  /** Adds `prefix + rest` to `out` when the walker accepts it and the dictionary holds it. */
  private lookUpRest<S>(walker: TermWalker<S>, prefix: string, atPrefix: S, rest: string, out: Array<[string, S]>): void {
    const state = stepThrough(walker, rest, atPrefix)
    const term = prefix + rest
    if (state !== null && walker.accept(state) && this.holds(term)) out.push([term, state])
  }

  /** The distinct first units of the terms, ascending (read once, on the first walk without a prefix). */
  private firstUnitsOfTerms(): Uint16Array {
    if (this.distinctFirstUnits) return this.distinctFirstUnits
    const found: number[] = []
    const { entries, firstUnits, firstOffsets } = this
    for (let block = 0; block < this.blockCount; block++) {
      const from = firstOffsets[block]!
      if (firstOffsets[block + 1]! > from && found[found.length - 1] !== firstUnits[from]) found.push(firstUnits[from]!)
      cursor = this.blocks[block * 2]!
      const end = this.blockEnd(block)
      if (cursor < end) skipEntryTail(entries) // the block's first term: its units are stored apart
      while (cursor < end) {
        const shared = readVarint(entries)
        const suffix = readVarint(entries)
        // A term sharing nothing with the one before starts with a new unit.
        if (shared === 0 && suffix > 0) found.push(entries[cursor]! | (entries[cursor + 1]! << 8))
        cursor += 2 * suffix
        skipEntryTail(entries)
      }
    }
    return (this.distinctFirstUnits = Uint16Array.from(found))
  }

  /** walkTerms below `prefix` (stepped to `atPrefix`), appending to `out` up to `limit`. */
  private walkFrom<S>(walker: TermWalker<S>, prefix: string, atPrefix: S, out: Array<[string, S]>, limit: number): void {
    const { entries, firstUnits, firstOffsets } = this
    // states[k] = walker state after the first k units of the current term, for k ≤ valid (the
    // prefix is stepped once; states below it are never read).
    const states: S[] = new Array<S>(prefix.length + 1)
    states[prefix.length] = atPrefix
    let valid = prefix.length
    // scratch[0, known) holds the units of the last term looked at (only its first `skipDepth` when
    // skipping). While skipDepth > 0, terms sharing ≥ skipDepth units are below a rejected prefix.
    let known = 0
    let skipDepth = 0
    let inPrefix = false
    let block = Math.max(0, this.blockOf(prefix))
    while (block < this.blockCount) {
      const from = firstOffsets[block]!
      const firstLength = firstOffsets[block + 1]! - from
      if (skipDepth > 0 && firstLength >= skipDepth && compareUnitRanges(firstUnits, from, from + skipDepth, this.scratch, 0, skipDepth) === 0) {
        // The rejected prefix runs into this block: jump to the last block starting below its successor.
        const target = this.successorBlock(skipDepth)
        if (target > block) {
          block = target
          continue
        }
      }
      cursor = this.blocks[block * 2]!
      const end = this.blockEnd(block)
      for (let i = 0; cursor < end; i++) {
        let shared: number
        let length: number
        if (i === 0) {
          length = firstLength
          shared = 0
          const max = Math.min(known, length)
          while (shared < max && firstUnits[from + shared] === this.scratch[shared]) shared++
          if (skipDepth > 0 && shared >= skipDepth) {
            skipEntryTail(entries)
            continue
          }
          this.ensureScratch(length)
          this.scratch.set(firstUnits.subarray(from + shared, from + length), shared)
        } else {
          shared = readVarint(entries)
          const suffix = readVarint(entries)
          length = shared + suffix
          if (skipDepth > 0 && shared >= skipDepth) {
            cursor += 2 * suffix
            skipEntryTail(entries)
            continue
          }
          this.ensureScratch(length)
          const units = this.scratch
          for (let u = shared, at = cursor; u < length; u++, at += 2) units[u] = entries[at]! | (entries[at + 1]! << 8)
          cursor += 2 * suffix
        }
        skipEntryTail(entries)
        if (cursor > end) corrupt(`dictionary block ${block} runs past its bytes`)
        skipDepth = 0
        known = length
        valid = Math.min(valid, shared)
        const units = this.scratch
        // Where the term stands against the prefix: before it (next term), in it, or past it (done).
        if (!inPrefix || shared < prefix.length) {
          const c = compareUnits(prefix, units, 0, Math.min(length, prefix.length))
          inPrefix = c === 0 && length >= prefix.length
          if (!inPrefix) {
            if (c < 0) return
            continue
          }
        }
        let k = Math.max(prefix.length, valid)
        let rest: string | undefined
        for (; k < length; k++) {
          const next = walker.step(states[k]!, units[k]!)
          if (next === null) break
          states[k + 1] = next
          rest = walker.rest?.(next)
          if (rest !== undefined) break
        }
        if (rest !== undefined) {
          // Only units[0, k] + rest can be wanted below this prefix: look it up, skip the rest.
          valid = k + 1
          skipDepth = k + 1
          known = skipDepth
          this.lookUpRest(walker, unitsToString(units, 0, k + 1), states[k + 1]!, rest, out)
          if (out.length >= limit) return
          continue
        }
        valid = k
        if (k < length) {
          // Every term below units[0, k] is rejected too.
          skipDepth = k + 1
          known = skipDepth
          continue
        }
        if (walker.accept(states[length]!)) {
          out.push([unitsToString(units, 0, length), states[length]!])
          if (out.length >= limit) return
        }
      }
      block++
    }
  }

  /** Whether the dictionary holds `term`, leaving a block scan in progress (its cursor) as it was. */
  private holds(term: string): boolean {
    const at = cursor
    const { docFreq, postingsStart, postingsEnd } = this
    const found = this.find(term)
    cursor = at
    this.docFreq = docFreq
    this.postingsStart = postingsStart
    this.postingsEnd = postingsEnd
    return found
  }

  /** The last block whose first term sorts below the successor of scratch[0, depth) (its prefix run). */
  private successorBlock(depth: number): number {
    const last = this.scratch[depth - 1]!
    if (last === 0xffff) return -1 // no successor unit: scan on
    const key = this.scratch.slice(0, depth)
    key[depth - 1] = last + 1
    return this.blockOfUnits(key, depth)
  }

  /** Calls `visit(term, docFreq)` for every term, in sorted order (a suggestion vocabulary). */
  forEachTerm(visit: (term: string, docFreq: number) => void): void {
    for (let block = 0; block < this.blockCount; block++) {
      this.scanBlock(block, (length) => {
        visit(unitsToString(this.scratch, 0, length), this.docFreq)
        return true
      })
    }
  }

  /** Where block `block`'s entries end. */
  private blockEnd(block: number): number {
    return block + 1 < this.blockCount ? this.blocks[block * 2 + 2]! : this.entries.length
  }

  /**
   * Decodes block `block` term by term into `scratch`, setting docFreq and the postings range of
   * each term before calling `visit(termLength)`; stops when `visit` returns false. Overwrites the
   * result of the last `find` (which is cached and set again on the next call).
   */
  private scanBlock(block: number, visit: (termLength: number) => boolean): void {
    const { entries } = this
    cursor = this.blocks[block * 2]!
    let postings = this.blocks[block * 2 + 1]!
    const end = this.blockEnd(block)
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

/** Passes over what follows a term's units in its entry: docFreq, and the postings length unless 1. */
function skipEntryTail(entries: Uint8Array): void {
  if (readVarint(entries) !== 1) readVarint(entries)
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

/** The varint at `at` (readVarint from there: `cursor` ends past it). */
function varintAt(bytes: Uint8Array, at: number): number {
  cursor = at
  return readVarint(bytes)
}

/**
 * The first two units of a term as one integer that orders like the terms' first two units (a
 * missing unit as 0), its top bit flipped so signed comparison orders it: 벨라루스 → 벨, 라.
 */
function packHead(first: number, second: number): number {
  return ((first << 16) | second) ^ 0x80000000
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
