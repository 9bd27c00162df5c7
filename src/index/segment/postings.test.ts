import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PostingsBuffer } from '../term-source.ts'
import { ByteWriter } from './bytes.ts'
import { decodePostings, EF_MIN_DOCS, encodePostings } from './postings.ts'

/** Encodes one list (plus the section's 4 padding bytes) and decodes it back. */
function roundTrip(docs: number[], tfs: number[], docCount: number, docBase = 0) {
  const out = new ByteWriter()
  encodePostings(out, docs, tfs, 0, docs.length)
  const end = out.length
  out.u32(0)
  const norms = new Uint8Array(docCount).map((_, d) => (d * 7) % 250)
  const buffer = new PostingsBuffer()
  const n = decodePostings(out.finish(), 0, end, docs.length, docBase, docCount, norms, () => 999, buffer, 0)
  return { bytes: end, docs: [...buffer.docs.subarray(0, n)], tfs: [...buffer.tfs.subarray(0, n)], lengths: [...buffer.lengths.subarray(0, n)] }
}

describe('postings codec', () => {
  it.each([
    ['varint gaps', [0, 1, 5], [1, 3, 1]],
    ['Elias–Fano', [2, 3, 5, 8, 13, 21, 34, 55, 89, 144], [1, 1, 2, 1, 1, 1, 7, 1, 1, 300]],
    ['Elias–Fano with dense docs (no low bits)', Array.from({ length: 40 }, (_, i) => i), Array.from({ length: 40 }, () => 1)],
  ])('round-trips %s with term frequencies and doc lengths', (_, docs, tfs) => {
    const back = roundTrip(docs, tfs, 200, 1000)
    expect(back.docs).toEqual(docs.map((d) => d + 1000))
    expect(back.tfs).toEqual(tfs)
    expect(back.lengths).toEqual(docs.map((d) => (d * 7) % 250))
  })

  it('takes one byte per posting for close docs with tf 1', () => {
    expect(roundTrip([0, 1, 5], [1, 1, 1], 10).bytes).toBe(3)
  })

  it('takes about 2 + log2(docs / df) bits per posting for a long list', () => {
    const docs = Array.from({ length: 1000 }, (_, i) => i * 100 + (i % 7))
    const { bytes } = roundTrip(docs, docs.map(() => 1), 100_000)
    expect(bytes).toBeLessThan((1000 * (2 + Math.log2(100))) / 8 + 8) // ≈ 1.1 bytes a posting, varints would take 2
  })

  it('round-trips any ascending list (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 1000 }), (raw, seed) => {
        const docs = [...raw].sort((a, b) => a - b)
        const tfs = docs.map((d, i) => ((d + i + seed) % 11 === 0 ? 2 + ((d + seed) % 40) : 1))
        const back = roundTrip(docs, tfs, 50_001)
        expect(back.docs).toEqual(docs)
        expect(back.tfs).toEqual(tfs)
      }),
      { numRuns: 200 },
    )
  })

  it(`switches to Elias–Fano at ${EF_MIN_DOCS} docs`, () => {
    const docs = Array.from({ length: EF_MIN_DOCS }, (_, i) => i * 1000)
    expect(roundTrip(docs, docs.map(() => 1), 10_000).docs).toEqual(docs)
  })

  it.each([
    ['a doc past the segment', [0, 5, 9], 8],
    ['a list longer than its dictionary entry says', [0, 1, 2], 10],
  ])('reports DATA_CORRUPTION for %s', (name, docs, docCount) => {
    const out = new ByteWriter()
    encodePostings(out, docs, docs.map(() => 1), 0, docs.length)
    const count = name.startsWith('a list longer') ? docs.length - 1 : docs.length
    const decode = () => decodePostings(out.finish(), 0, out.length, count, 0, docCount, new Uint8Array(docCount), () => 0, new PostingsBuffer(), 0)
    expect(decode).toThrow(expect.objectContaining({ code: 'DATA_CORRUPTION' }))
  })

  it('rejects docs out of order when writing', () => {
    expect(() => encodePostings(new ByteWriter(), [3, 3], [1, 1], 0, 2)).toThrow(/after/)
  })
})
