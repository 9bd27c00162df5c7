// Postings of one term (layout in format.ts). Short lists are varint doc gaps; lists of
// EF_MIN_DOCS or more are Elias–Fano coded: each doc split into L low bits (packed) and a high
// part (unary buckets), about 2 + log2(docs / df) bits a posting: 1.1 bytes where varint gaps
// take 2 for a term in 1% of docs. Term frequencies above 1 are rare and stored as exceptions. Decoding fills caller-owned typed arrays: a query allocates nothing per posting.
// Must not import runtime code.
import type { PostingsBuffer } from '../term-source.ts'
import type { ByteWriter } from './bytes.ts'
import { corrupt } from './format.ts'

/** Lists shorter than this stay varint gaps (Elias–Fano's header would cost more than it saves). */
export const EF_MIN_DOCS = 8
/** Low bits per doc at most, so a low part is read through one 32-bit window. */
const MAX_LOW_BITS = 24

/**
 * Appends the postings of one term: `docs` ascending local ids, `tfs` their frequencies (≥ 1).
 * @example
 * encodePostings(out, [0, 1, 5], [1, 3, 1], 0, 3) // varint gaps: 0x00, 0x01 0x01, 0x06
 */
export function encodePostings(out: ByteWriter, docs: ArrayLike<number>, tfs: ArrayLike<number>, from: number, to: number): void {
  const n = to - from
  let previous = -1
  for (let i = from; i < to; i++) {
    if (docs[i]! <= previous) throw new RangeError(`postings: doc ${docs[i]} after ${previous}`)
    if (tfs[i]! - 2 >= 2 ** 21) throw new RangeError(`postings: term frequency ${tfs[i]} over the 3-byte varint`)
    previous = docs[i]!
  }
  if (n < EF_MIN_DOCS) {
    previous = -1
    for (let i = from; i < to; i++) {
      const tf = tfs[i]!
      out.varint((docs[i]! - previous - 1) * 2 + (tf > 1 ? 1 : 0))
      if (tf > 1) out.varint(tf - 2)
      previous = docs[i]!
    }
    return
  }
  const low = lowBits(docs[to - 1]! + 1, n)
  const highBytes = Math.ceil((n + (docs[to - 1]! >>> low) + 1) / 8)
  const lowBytes = Math.ceil((n * low) / 8)
  let exceptions = 0
  for (let i = from; i < to; i++) if (tfs[i]! > 1) exceptions++
  out.varint(low * 2 + (exceptions > 0 ? 1 : 0))
  out.varint(highBytes)
  // Both parts are built in place; the low part gets 3 spare bytes for the 4-byte writes below,
  // which are dropped again (they stay zero, so the next list overwrites them).
  const highAt = out.zeros(highBytes + lowBytes + 3)
  const lowAt = highAt + highBytes
  const bytes = out.array
  const mask = low === 0 ? 0 : 0xffffffff >>> (32 - low)
  for (let i = 0; i < n; i++) {
    const doc = docs[from + i]!
    const bucket = (doc >>> low) + i
    bytes[highAt + (bucket >>> 3)]! |= 1 << (bucket & 7)
    if (low === 0) continue
    const bit = i * low
    const value = (doc & mask) << (bit & 7)
    const at = lowAt + (bit >>> 3)
    // Up to 24 bits shifted by up to 7 span at most 4 bytes.
    bytes[at]! |= value & 0xff
    bytes[at + 1]! |= (value >>> 8) & 0xff
    bytes[at + 2]! |= (value >>> 16) & 0xff
    bytes[at + 3]! |= value >>> 24
  }
  out.length -= 3
  if (exceptions === 0) return
  out.varint(exceptions)
  let last = 0
  for (let i = 0; i < n; i++) {
    if (tfs[from + i]! <= 1) continue
    out.varint(i - last)
    out.varint(tfs[from + i]! - 2)
    last = i
  }
}

/** L = ⌊log2(universe / n)⌋, capped: the split that minimises Elias–Fano's size. */
function lowBits(universe: number, n: number): number {
  const ratio = Math.floor(universe / n)
  return ratio < 1 ? 0 : Math.min(MAX_LOW_BITS, 31 - Math.clz32(ratio))
}

/**
 * Decodes the postings in `bytes[start, end)` (holding `count` of the segment's `docCount` docs)
 * into `out` from index `at` on, adding `docBase` to each doc and reading each doc's field length
 * from `norms[doc]` (255, or no dense norms, defers to `lengthOf(doc)`). With `keep`, a bitset
 * over global docs, only the postings of docs in it are kept (their lengths alone are read).
 * Returns how many were written. The section behind the last list is padded, so the 32-bit window
 * over the low bits never reads past the bytes.
 * @example
 * decodePostings(bytes, 0, 3, 3, 100, docCount, norms, lengthOf, out, 0) // => 3; out.docs = [100, 101, 105]
 */
export function decodePostings(
  bytes: Uint8Array,
  start: number,
  end: number,
  count: number,
  docBase: number,
  docCount: number,
  norms: Uint8Array | null,
  lengthOf: (doc: number) => number,
  out: PostingsBuffer,
  at: number,
  keep?: Uint32Array,
): number {
  out.ensure(at + count)
  const { docs, tfs, lengths } = out
  const last = count < EF_MIN_DOCS ? decodeGaps(bytes, start, end, count, docs, tfs, at) : decodeEliasFano(bytes, start, end, count, docs, tfs, at)
  if (last !== end) corrupt(`postings decode to byte ${last}, expected ${end}`)
  const to = at + count
  let kept = at
  for (let i = at; i < to; i++) {
    const doc = docs[i]!
    if (doc >= docCount) corrupt(`postings name doc ${doc}, past the segment's ${docCount}`)
    const global = docBase + doc
    if (keep !== undefined && (keep[global >>> 5]! & (1 << (global & 31))) === 0) continue
    const norm = norms === null ? 255 : norms[doc]!
    lengths[kept] = norm === 255 ? lengthOf(doc) : norm
    tfs[kept] = tfs[i]!
    docs[kept++] = global
  }
  return kept - at
}

/** Cursor of `varintAt`: module state keeps the decoders free of allocations. */
let cursor = 0

function varintAt(bytes: Uint8Array): number {
  let b = bytes[cursor++]!
  if (b < 0x80) return b
  let value = b & 0x7f
  for (let shift = 7; shift < 28; shift += 7) {
    b = bytes[cursor++]!
    value |= (b & 0x7f) << shift
    if (b < 0x80) return value >>> 0
  }
  return corrupt('postings varint longer than 4 bytes or past the end')
}

function decodeGaps(bytes: Uint8Array, start: number, end: number, count: number, docs: Int32Array, tfs: Uint32Array, at: number): number {
  cursor = start
  let doc = -1
  for (let i = at; i < at + count && cursor < end; i++) {
    const v = varintAt(bytes)
    doc += (v >>> 1) + 1
    docs[i] = doc
    tfs[i] = v & 1 ? varintAt(bytes) + 2 : 1
  }
  return cursor
}

function decodeEliasFano(bytes: Uint8Array, start: number, end: number, count: number, docs: Int32Array, tfs: Uint32Array, at: number): number {
  cursor = start
  const header = varintAt(bytes)
  const highBytes = varintAt(bytes)
  const low = header >>> 1
  if (low > MAX_LOW_BITS) corrupt(`postings with ${low} low bits`)
  const highStart = cursor
  const highEnd = highStart + highBytes
  const lowStart = highEnd
  const lowEnd = lowStart + Math.ceil((count * low) / 8)
  if (lowEnd > end) corrupt('postings: Elias–Fano parts run past the list')
  const mask = low === 0 ? 0 : 0xffffffff >>> (32 - low)
  let byte = highStart
  let bits = bytes[byte]!
  // The low parts are read through a bit reservoir refilled a byte at a time (≤ 23 + 8 bits held).
  let reservoir = 0
  let held = 0
  let next = lowStart
  for (let i = 0; i < count; i++) {
    while (bits === 0) {
      if (++byte >= highEnd) corrupt('postings: Elias–Fano high part ends early')
      bits = bytes[byte]!
    }
    const lowest = bits & -bits
    bits ^= lowest
    const bucket = ((byte - highStart) << 3) + 31 - Math.clz32(lowest) - i
    while (held < low) {
      reservoir |= bytes[next++]! << held
      held += 8
    }
    docs[at + i] = (bucket << low) | (reservoir & mask)
    reservoir >>>= low
    held -= low
  }
  tfs.fill(1, at, at + count)
  cursor = lowEnd
  if (header & 1) {
    const exceptions = varintAt(bytes)
    let i = 0
    for (let e = 0; e < exceptions; e++) {
      i += varintAt(bytes)
      if (i >= count) corrupt('postings: term-frequency exception past the list')
      tfs[at + i] = varintAt(bytes) + 2
    }
  }
  return cursor
}
