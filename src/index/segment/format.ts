// The segment container: magic, version, a section table and 8-byte-aligned sections, each with
// its own checksum. Typed arrays are views straight into the bytes, so opening a segment copies
// nothing per posting. Must not import runtime code.
//
// Segment bytes, version 5 (SEGMENT_VERSION; all numbers little-endian):
//
//   offset  size    field
//   0       4       magic "KNSG"
//   4       2       format version (SEGMENT_VERSION)
//   6       2       analyzer version the terms were made with (ANALYZER_VERSION)
//   8       4       N: documents (sentences), local doc ids 0 … N−1
//   12      4       A: articles
//   16      4       S: sections
//   20      4       checksum of the section table
//   24      8       reserved, zero
//   32      S × 16  section table, one entry per section:
//                     u16 kind · u16 field number (0 unless per field) · u32 offset · u32 length ·
//                     u32 checksum of the section's bytes
//   …               sections, each starting at a multiple of 8, zero padding between them
//
// Sections (F = fields, B = dictionary blocks of a field); the index sections come first and the
// store sections last, so the index is a prefix of the file and the store can be read on demand:
//
//   1  META                  UTF-8 JSON {fields, totalFieldLength, termCount}: field names in
//                            field-number order; per field the sum of its lengths over the N
//                            documents and the number of distinct terms
//   2  NORMS                 per field: u8[N], the length of the field in each doc (its distinct
//                            terms); 255 means "look in NORM_OVERFLOW"
//   3  NORM_OVERFLOW         per field with NORMS: u32 pairs [doc, length] sorted by doc, for
//                            lengths ≥ 255
//   5  NORM_SPARSE           per field without NORMS (most docs have length 1): u32 pairs
//                            [doc, length] sorted by doc for every doc whose length is not 1
//   4  ARTICLE_FIRST_DOC     u32[A + 1]: the first doc of each article (an article's docs are
//                            contiguous), then N
//   10 DICT_FIRST_OFFSETS    per field: u32[B + 1], block b's first term is units [o[b], o[b+1])
//   11 DICT_FIRST_UNITS      per field: u16[], the first term of every block, UTF-16 code units
//   12 DICT_BLOCKS           per field: u32[B × 2], for block b: where its entries start in
//                            DICT_ENTRIES, and where its first term's postings start in POSTINGS
//   13 DICT_ENTRIES          per field: for each term of a block, in UTF-16 order: (except the
//                            block's first) varint shared-prefix length with the previous term,
//                            varint suffix length, suffix as u16 units; then varint document
//                            frequency df, and unless df = 1 varint postings byte length (a
//                            one-doc list's length is read off its varints; lists are consecutive)
//   14 POSTINGS              per field, per term, docs ascending; a list of df < 8 docs: per doc
//                            varint (gap × 2 + (tf > 1)), gap = doc − previous doc − 1 (previous
//                            starts at −1), then varint (tf − 2) when tf > 1; a longer list
//                            (Elias–Fano): varint (L × 2 + has-exceptions), varint H, H bytes of
//                            high part (bit (doc >> L) + i set for the i-th doc, LSB first), then
//                            ⌈df·L / 8⌉ bytes of low parts (L bits each, LSB first), then when
//                            flagged varint count and per exception varint index gap, varint
//                            (tf − 2); every other doc has tf 1. 4 zero bytes end the section
//   20 ARTICLE_ID_OFFSETS    u32[A + 1] into ARTICLE_ID_UNITS
//   21 ARTICLE_ID_UNITS      u16[], every article id, UTF-16
//   22 ARTICLE_ID_ORDER      u32[A], article numbers sorted by id (binary search by id)
//   23 ARTICLE_META_OFFSETS  u32[A + 1] into ARTICLE_META
//   24 ARTICLE_META          UTF-8 JSON per article: {title, outlet, byline, published_at, section, url}
//   25 SENTENCE_OFFSETS      u32[N + 1] into SENTENCE_UNITS
//   26 SENTENCE_UNITS        u16[], every sentence's text, UTF-16
//   27 SENTENCE_INFO         u32[N × 2]: per doc, n (its number in the article) and start (its
//                            UTF-16 offset in the article body)
import { SearchError } from '../../errors.ts'
import { ByteWriter } from './bytes.ts'
import { checksum } from './checksum.ts'

export const SEGMENT_MAGIC = 'KNSG'
export const SEGMENT_VERSION = 5
/** Local doc ids and gaps stay below 2^28, so postings varints fit 4 bytes and 32-bit arithmetic. */
export const MAX_SEGMENT_DOCS = 2 ** 28

export const SECTION = {
  META: 1,
  NORMS: 2,
  NORM_OVERFLOW: 3,
  ARTICLE_FIRST_DOC: 4,
  NORM_SPARSE: 5,
  DICT_FIRST_OFFSETS: 10,
  DICT_FIRST_UNITS: 11,
  DICT_BLOCKS: 12,
  DICT_ENTRIES: 13,
  POSTINGS: 14,
  ARTICLE_ID_OFFSETS: 20,
  ARTICLE_ID_UNITS: 21,
  ARTICLE_ID_ORDER: 22,
  ARTICLE_META_OFFSETS: 23,
  ARTICLE_META: 24,
  SENTENCE_OFFSETS: 25,
  SENTENCE_UNITS: 26,
  SENTENCE_INFO: 27,
} as const

export type SectionKind = (typeof SECTION)[keyof typeof SECTION]

export interface SegmentHeader {
  version: number
  analyzerVersion: number
  docCount: number
  articleCount: number
}

export interface SectionData {
  kind: SectionKind
  field: number
  bytes: Uint8Array
}

const HEADER_BYTES = 32
const ENTRY_BYTES = 16

/**
 * Lays out header, table and sections; sections are written in the order given.
 * @example
 * writeContainer({ analyzerVersion: 1, docCount: 15, articleCount: 1 }, sections).subarray(0, 4) // => 'KNSG'
 */
export function writeContainer(header: Omit<SegmentHeader, 'version'>, sections: SectionData[]): Uint8Array {
  const out = new ByteWriter(HEADER_BYTES + sections.reduce((sum, s) => sum + s.bytes.length + 8, ENTRY_BYTES * sections.length))
  for (const ch of SEGMENT_MAGIC) out.u8(ch.charCodeAt(0))
  out.u16(SEGMENT_VERSION)
  out.u16(header.analyzerVersion)
  out.u32(header.docCount)
  out.u32(header.articleCount)
  out.u32(sections.length)
  const tableChecksumAt = out.length
  out.u32(0)
  out.u32(0)
  out.u32(0)
  const tableAt = out.length
  for (let i = 0; i < sections.length; i++) for (let w = 0; w < 4; w++) out.u32(0)
  out.align(8)
  sections.forEach((section, i) => {
    const at = out.length
    out.bytes(section.bytes)
    out.align(8)
    const entry = tableAt + i * ENTRY_BYTES
    out.patchU32(entry, section.kind | (section.field << 16))
    out.patchU32(entry + 4, at)
    out.patchU32(entry + 8, section.bytes.length)
    out.patchU32(entry + 12, checksum(section.bytes))
  })
  const bytes = out.finish()
  out.patchU32(tableChecksumAt, checksum(bytes.subarray(tableAt, tableAt + sections.length * ENTRY_BYTES)))
  return bytes
}

/** A parsed container: the header and typed views of its sections. */
export class Container {
  readonly header: SegmentHeader
  /** The bytes every view points into (the input, or an aligned copy of it). */
  readonly bytes: Uint8Array
  private readonly sections = new Map<number, { offset: number; length: number }>()

  constructor(bytes: Uint8Array, options: { verify: boolean }) {
    // Typed-array views read in the platform's byte order; every platform JS runs on today is
    // little-endian, and a big-endian one must not misread the file silently.
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
      throw new SearchError('INDEX_INCOMPATIBLE', 'segment: this platform is big-endian; segments are little-endian')
    }
    // Typed views need aligned offsets; a misaligned buffer (a small file read into Node's pool) is
    // copied once.
    this.bytes = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice()
    this.header = this.readHeader(options.verify)
  }

  private readHeader(verify: boolean): SegmentHeader {
    const { bytes } = this
    // Another kind of file is incompatible; a segment cut short is corrupt.
    const magic = String.fromCharCode(...bytes.subarray(0, 4))
    if (magic !== SEGMENT_MAGIC && !(bytes.length < 4 && SEGMENT_MAGIC.startsWith(magic))) {
      throw new SearchError('INDEX_INCOMPATIBLE', `segment: magic ${JSON.stringify(magic)}, expected ${SEGMENT_MAGIC}`)
    }
    if (bytes.length < HEADER_BYTES) corrupt(`${bytes.length} bytes, shorter than the header`)
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length)
    const version = view.getUint16(4, true)
    if (version !== SEGMENT_VERSION) {
      throw new SearchError('INDEX_INCOMPATIBLE', `segment: format version ${version}, expected ${SEGMENT_VERSION}`)
    }
    const header = { version, analyzerVersion: view.getUint16(6, true), docCount: view.getUint32(8, true), articleCount: view.getUint32(12, true) }
    const count = view.getUint32(16, true)
    const tableEnd = HEADER_BYTES + count * ENTRY_BYTES
    if (tableEnd > bytes.length) corrupt(`section table of ${count} entries runs past the end`)
    if (checksum(bytes.subarray(HEADER_BYTES, tableEnd)) !== view.getUint32(20, true)) corrupt('section table checksum mismatch')
    for (let i = 0; i < count; i++) {
      const entry = HEADER_BYTES + i * ENTRY_BYTES
      const key = view.getUint32(entry, true)
      const offset = view.getUint32(entry + 4, true)
      const length = view.getUint32(entry + 8, true)
      if (offset % 8 !== 0 || offset < tableEnd || offset + length > bytes.length) {
        corrupt(`section ${key & 0xffff} (field ${key >>> 16}) at ${offset}+${length} is outside the ${bytes.length} bytes`)
      }
      if (verify && checksum(bytes.subarray(offset, offset + length)) !== view.getUint32(entry + 12, true)) {
        corrupt(`section ${key & 0xffff} (field ${key >>> 16}) checksum mismatch`)
      }
      this.sections.set(key, { offset, length })
    }
    return header
  }

  /** Bytes of the sections whose kind is at least `fromKind` (the store: ARTICLE_ID_OFFSETS and up). */
  bytesFrom(fromKind: SectionKind): number {
    let total = 0
    for (const [key, { length }] of this.sections) if ((key & 0xffff) >= fromKind) total += length
    return total
  }

  has(kind: SectionKind, field = 0): boolean {
    return this.sections.has(kind | (field << 16))
  }

  private locate(kind: SectionKind, field: number, unit: number) {
    const section = this.sections.get(kind | (field << 16))
    if (!section) corrupt(`section ${kind} (field ${field}) is missing`)
    if (section.length % unit !== 0) corrupt(`section ${kind} (field ${field}) has ${section.length} bytes, not a multiple of ${unit}`)
    return section
  }

  u8(kind: SectionKind, field = 0): Uint8Array {
    const { offset, length } = this.locate(kind, field, 1)
    return this.bytes.subarray(offset, offset + length)
  }

  u16(kind: SectionKind, field = 0): Uint16Array {
    const { offset, length } = this.locate(kind, field, 2)
    return new Uint16Array(this.bytes.buffer, this.bytes.byteOffset + offset, length / 2)
  }

  u32(kind: SectionKind, field = 0, expectedLength?: number): Uint32Array {
    const { offset, length } = this.locate(kind, field, 4)
    if (expectedLength !== undefined && length / 4 !== expectedLength) {
      corrupt(`section ${kind} (field ${field}) holds ${length / 4} numbers, expected ${expectedLength}`)
    }
    return new Uint32Array(this.bytes.buffer, this.bytes.byteOffset + offset, length / 4)
  }

  json<T>(kind: SectionKind): T {
    try {
      return JSON.parse(new TextDecoder().decode(this.u8(kind))) as T
    } catch (cause) {
      if (cause instanceof SearchError) throw cause
      throw new SearchError('DATA_CORRUPTION', `segment: section ${kind} is not valid JSON`, { cause })
    }
  }
}

export function corrupt(message: string): never {
  throw new SearchError('DATA_CORRUPTION', `segment: ${message}`)
}

/** Section bytes of a typed array (a view, no copy). */
export function bytesOf(array: Uint8Array | Uint16Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
}
