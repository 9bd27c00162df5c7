// Opens segment bytes: checks magic, versions, checksums and section sizes, then keeps typed views
// into the bytes (dictionary, postings, norms, store). Nothing is decoded per term or per document
// until a query or a result page asks. Must not import runtime code.
import { SearchError } from '../../errors.ts'
import type { Field } from '../fields.ts'
import { PostingsBuffer, type TermSource, type TermWalker } from '../term-source.ts'
import { Container, corrupt, SECTION } from './format.ts'
import { decodePostings } from './postings.ts'
import { SegmentStore } from './store.ts'
import { TermDict } from './termdict.ts'
import type { SegmentMeta } from './writer.ts'

export interface OpenSegmentOptions {
  /** The analyzer version queries will use; a segment made by another one is refused. */
  analyzerVersion: number
  /** Verify every section's checksum (default true; about a millisecond per few MB). */
  verify?: boolean
}

/** One field of a segment: its dictionary, postings and lengths. */
interface FieldData {
  dict: TermDict
  postings: Uint8Array
  totalLength: number
  /** Dense lengths (255 = ask `lengthOf`), or null when the field keeps sparse lengths only. */
  norms: Uint8Array | null
  /** The length of a doc whose dense norm is 255, or of any doc of a sparse field. */
  lengthOf: (doc: number) => number
}

export class Segment {
  readonly docCount: number
  readonly articleCount: number
  readonly analyzerVersion: number
  readonly fields: readonly string[]
  /** First local doc of each local article, then docCount. */
  readonly articleFirstDoc: Uint32Array
  /**
   * Built at open, per block of 16 docs: the article of its first doc, and a mask of the docs in it
   * that start an article (`articleOf` counts them). 0.375 bytes a doc instead of a full table.
   */
  private readonly blockArticle: Uint32Array
  private readonly blockStarts: Uint16Array
  readonly store: SegmentStore
  /** The segment's bytes (a view; kept so an index can be packed again without re-encoding). */
  readonly bytes: Uint8Array
  /** How many of those bytes are the store (text and metadata, read only for shown hits). */
  readonly storeBytes: number
  private readonly byField: FieldData[]
  private readonly fieldNumbers = new Map<string, number>()

  constructor(bytes: Uint8Array, options: OpenSegmentOptions) {
    const container = new Container(bytes, { verify: options.verify ?? true })
    const { header } = container
    if (header.analyzerVersion !== options.analyzerVersion) {
      throw new SearchError('INDEX_INCOMPATIBLE', `segment: analyzer version ${header.analyzerVersion}, expected ${options.analyzerVersion}`)
    }
    this.docCount = header.docCount
    this.articleCount = header.articleCount
    this.analyzerVersion = header.analyzerVersion
    this.bytes = container.bytes
    this.storeBytes = container.bytesFrom(SECTION.ARTICLE_ID_OFFSETS)
    const meta = container.json<SegmentMeta>(SECTION.META)
    if (!Array.isArray(meta.fields) || meta.totalFieldLength?.length !== meta.fields.length || meta.termCount?.length !== meta.fields.length) {
      corrupt('META does not describe every field')
    }
    this.fields = meta.fields
    this.articleFirstDoc = container.u32(SECTION.ARTICLE_FIRST_DOC, 0, this.articleCount + 1)
    if (this.articleFirstDoc[this.articleCount] !== this.docCount) corrupt('article table does not end at the last document')
    this.blockArticle = new Uint32Array(Math.ceil(this.docCount / 16))
    this.blockStarts = new Uint16Array(this.blockArticle.length)
    for (let a = 0; a < this.articleCount; a++) {
      const from = this.articleFirstDoc[a]!
      const to = this.articleFirstDoc[a + 1]!
      if (to < from) corrupt(`article ${a} ends before it starts`)
      if (from < to) this.blockStarts[from >>> 4]! |= 1 << (from & 15)
      for (let doc = Math.ceil(from / 16) * 16; doc < to; doc += 16) this.blockArticle[doc >>> 4] = a
    }
    this.byField = this.fields.map((name, f) => {
      this.fieldNumbers.set(name, f)
      const postings = container.u8(SECTION.POSTINGS, f)
      const dict = new TermDict(container, f, meta.termCount[f]!, postings)
      if (container.has(SECTION.NORM_SPARSE, f)) {
        const pairs = container.u32(SECTION.NORM_SPARSE, f)
        return { dict, postings, totalLength: meta.totalFieldLength[f]!, norms: null, lengthOf: (doc: number) => pairLength(pairs, doc) ?? 1 }
      }
      const norms = container.u8(SECTION.NORMS, f)
      if (norms.length !== this.docCount) corrupt(`norms of field ${f} hold ${norms.length} bytes, expected ${this.docCount}`)
      const overflow = container.has(SECTION.NORM_OVERFLOW, f) ? container.u32(SECTION.NORM_OVERFLOW, f) : new Uint32Array(0)
      const lengthOf = (doc: number) => pairLength(overflow, doc) ?? corrupt(`norm of doc ${doc} says ≥ 255 but the overflow table has no entry`)
      return { dict, postings, totalLength: meta.totalFieldLength[f]!, norms, lengthOf }
    })
    this.store = new SegmentStore(container)
  }

  /** The local article of local doc `doc`: its block's first article plus the starts after it. */
  articleOf(doc: number): number {
    const i = doc & 15
    let x = this.blockStarts[doc >>> 4]! & ((2 << i) - 2) // starts in (block start, doc]
    x -= (x >>> 1) & 0x5555
    x = (x & 0x3333) + ((x >>> 2) & 0x3333)
    x = (x + (x >>> 4)) & 0x0f0f
    let a = this.blockArticle[doc >>> 4]! + ((x + (x >>> 8)) & 0x1f)
    // Articles without sentences share a start with the next one: step over them.
    while (this.articleFirstDoc[a + 1]! <= doc) a++
    return a
  }

  /** The number of field `name` in this segment, or −1 when the segment has no such field. */
  fieldNumber(name: string): number {
    return this.fieldNumbers.get(name) ?? -1
  }

  totalFieldLength(field: number): number {
    return this.byField[field]?.totalLength ?? 0
  }

  /** Distinct terms of `field` in local doc `doc`. */
  fieldLength(field: number, doc: number): number {
    const data = this.byField[field]!
    const norm = data.norms ? data.norms[doc]! : 255
    return norm === 255 ? data.lengthOf(doc) : norm
  }

  docFreq(field: number, term: string): number {
    const dict = this.byField[field]?.dict
    return dict?.find(term) ? dict.docFreq : 0
  }

  /** Decodes the postings of `term` into `out` from index `at` on, doc ids shifted by `docBase`. */
  readPostings(field: number, term: string, docBase: number, out: PostingsBuffer, at = 0, keep?: Uint32Array): number {
    const data = this.byField[field]
    if (!data?.dict.find(term)) return 0
    const { dict } = data
    return decodePostings(data.postings, dict.postingsStart, dict.postingsEnd, dict.docFreq, docBase, this.docCount, data.norms, data.lengthOf, out, at, keep)
  }

  termsWithPrefix(field: number, prefix: string, limit: number): string[] {
    return this.byField[field]?.dict.termsWithPrefix(prefix, limit) ?? []
  }

  walkTerms<S>(field: number, walker: TermWalker<S>, limit: number): Array<[string, S]> {
    return this.byField[field]?.dict.walkTerms(walker, limit) ?? []
  }

  /** Calls `visit(term, docFreq)` for every term of `field`, in sorted order. */
  forEachTerm(field: number, visit: (term: string, docFreq: number) => void): void {
    this.byField[field]?.dict.forEachTerm(visit)
  }

  /** This segment as a scorer tier whose local doc d is global doc `docBase + d`. */
  source(docBase: number): TermSource {
    return createSegmentSource(this, docBase)
  }
}

/** The length paired with `doc` in sorted [doc, length] pairs, or undefined. */
function pairLength(pairs: Uint32Array, doc: number): number | undefined {
  let lo = 0
  let hi = pairs.length / 2 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const d = pairs[mid * 2]!
    if (d === doc) return pairs[mid * 2 + 1]!
    if (d < doc) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}

function createSegmentSource(segment: Segment, docBase: number): TermSource {
  const numberOf = (field: Field) => segment.fieldNumber(field)
  const buffer = new PostingsBuffer()
  return {
    docCount: segment.docCount,
    totalFieldLength: (field) => segment.totalFieldLength(numberOf(field)),
    docFreq: (field, term) => segment.docFreq(numberOf(field), term),
    readPostings: (field, term, out, at, keep) => segment.readPostings(numberOf(field), term, docBase, out, at, keep),
    forEachPosting(field, term, visit) {
      const n = segment.readPostings(numberOf(field), term, docBase, buffer)
      for (let i = 0; i < n; i++) visit(buffer.docs[i]!, buffer.tfs[i]!, buffer.lengths[i]!)
    },
    termsWithPrefix: (field, prefix, limit) => segment.termsWithPrefix(numberOf(field), prefix, limit),
    walkTerms: (field, walker, limit) => segment.walkTerms(numberOf(field), walker, limit),
  }
}
