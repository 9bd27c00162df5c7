// Postings of one term: doc gaps and term frequencies as varints (see the layout in format.ts).
// Most postings take one byte: a gap under 64 with tf 1. Decoding fills caller-owned typed arrays,
// so a query allocates nothing per posting. Must not import runtime code.
import type { PostingsBuffer } from '../term-source.ts'
import type { ByteWriter } from './bytes.ts'
import { corrupt } from './format.ts'

/**
 * Appends the postings of one term: `docs` ascending local ids, `tfs` their frequencies (≥ 1).
 * @example
 * encodePostings(out, [0, 1, 5], [1, 3, 1], 0, 3) // bytes 0x00, 0x01 0x01, 0x06
 */
export function encodePostings(out: ByteWriter, docs: ArrayLike<number>, tfs: ArrayLike<number>, from: number, to: number): void {
  let previous = -1
  for (let i = from; i < to; i++) {
    const doc = docs[i]!
    const tf = tfs[i]!
    if (doc <= previous) throw new RangeError(`postings: doc ${doc} after ${previous}`)
    const gap = doc - previous - 1
    previous = doc
    out.varint(gap * 2 + (tf > 1 ? 1 : 0))
    if (tf > 1) {
      if (tf - 2 >= 2 ** 21) throw new RangeError(`postings: term frequency ${tf} over the 3-byte varint`)
      out.varint(tf - 2)
    }
  }
}

/**
 * Decodes the postings in `bytes[start, end)` into `out` (which must hold `count` entries), adding
 * `docBase` to each doc and reading each doc's field length from `norms` (an offset into it is
 * `normsBase + doc`); 255 in `norms` defers to `overflowLength(doc)`. Returns the number decoded.
 */
export function decodePostings(
  bytes: Uint8Array,
  start: number,
  end: number,
  count: number,
  docBase: number,
  norms: Uint8Array,
  normsBase: number,
  overflowLength: (doc: number) => number,
  out: PostingsBuffer,
): number {
  out.ensure(count)
  const { docs, tfs, lengths } = out
  let at = start
  let doc = -1
  let n = 0
  while (at < end) {
    // Inline varint (≤ 4 bytes: gaps stay under 2^27, see MAX_SEGMENT_DOCS).
    let b = bytes[at++]!
    let v = b & 0x7f
    if (b >= 0x80) {
      b = bytes[at++]!
      v |= (b & 0x7f) << 7
      if (b >= 0x80) {
        b = bytes[at++]!
        v |= (b & 0x7f) << 14
        if (b >= 0x80) {
          b = bytes[at++]!
          v |= (b & 0x7f) << 21
        }
      }
    }
    doc += (v >>> 1) + 1
    let tf = 1
    if (v & 1) {
      b = bytes[at++]!
      let t = b & 0x7f
      if (b >= 0x80) {
        b = bytes[at++]!
        t |= (b & 0x7f) << 7
        if (b >= 0x80) {
          b = bytes[at++]!
          t |= (b & 0x7f) << 14
        }
      }
      tf = t + 2
    }
    if (n >= count) break
    const norm = norms[normsBase + doc]!
    docs[n] = docBase + doc
    tfs[n] = tf
    lengths[n] = norm === 255 ? overflowLength(doc) : norm
    n++
  }
  if (n !== count || at !== end) corrupt(`postings decode to ${n} documents ending at byte ${at}, expected ${count} ending at ${end}`)
  return n
}
