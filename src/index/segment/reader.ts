// Opens segment bytes: checks magic, versions, checksums and section sizes, then keeps typed views
// into the bytes (dictionary, postings, norms, store). Nothing is decoded per term or per document
// until a query or a result page asks. Must not import runtime code.
import { SearchError } from '../../errors.ts'
import type { Field } from '../fields.ts'
import { PostingsBuffer, type TermSource } from '../term-source.ts'
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

/** One field of a segment: its dictionary, postings, norms and overflow lengths. */
interface FieldData {
  dict: TermDict
  postings: Uint8Array
  totalLength: number
  /** Pairs [doc, length] for lengths ≥ 255, sorted by doc. */
  overflow: Uint32Array
  normsBase: number
  overflowLength: (doc: number) => number
}

export class Segment {
  readonly docCount: number
  readonly articleCount: number
  readonly analyzerVersion: number
  readonly fields: readonly string[]
  /** First local doc of each local article, then docCount. */
  readonly articleFirstDoc: Uint32Array
  /**
   * Local article of each local doc, built at open from `articleFirstDoc` (2 bytes a doc while a
   * segment has under 65,536 articles): grouping hits by article reads it for every match.
   */
  readonly docArticle: Uint16Array | Uint32Array
  readonly store: SegmentStore
  /** The segment's bytes (a view; kept so an index can be packed again without re-encoding). */
  readonly bytes: Uint8Array
  /** How many of those bytes are the store (text and metadata, read only for shown hits). */
  readonly storeBytes: number
  private readonly norms: Uint8Array
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
    this.norms = container.u8(SECTION.NORMS)
    if (this.norms.length !== this.fields.length * this.docCount) corrupt(`norms hold ${this.norms.length} bytes, expected ${this.fields.length * this.docCount}`)
    this.articleFirstDoc = container.u32(SECTION.ARTICLE_FIRST_DOC, 0, this.articleCount + 1)
    if (this.articleFirstDoc[this.articleCount] !== this.docCount) corrupt('article table does not end at the last document')
    this.docArticle = this.articleCount <= 0x10000 ? new Uint16Array(this.docCount) : new Uint32Array(this.docCount)
    for (let a = 0; a < this.articleCount; a++) {
      const from = this.articleFirstDoc[a]!
      const to = this.articleFirstDoc[a + 1]!
      if (to < from) corrupt(`article ${a} ends before it starts`)
      this.docArticle.fill(a, from, to)
    }
    this.byField = this.fields.map((name, f) => {
      this.fieldNumbers.set(name, f)
      const postings = container.u8(SECTION.POSTINGS, f)
      const overflow = container.has(SECTION.NORM_OVERFLOW, f) ? container.u32(SECTION.NORM_OVERFLOW, f) : new Uint32Array(0)
      return {
        dict: new TermDict(container, f, meta.termCount[f]!, postings.length),
        postings,
        totalLength: meta.totalFieldLength[f]!,
        overflow,
        normsBase: f * this.docCount,
        overflowLength: (doc: number) => overflowLength(overflow, doc),
      }
    })
    this.store = new SegmentStore(container)
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
    const norm = this.norms[data.normsBase + doc]!
    return norm === 255 ? data.overflowLength(doc) : norm
  }

  docFreq(field: number, term: string): number {
    const dict = this.byField[field]?.dict
    return dict?.find(term) ? dict.docFreq : 0
  }

  /** Decodes the postings of `term` into `out` from index `at` on, doc ids shifted by `docBase`. */
  readPostings(field: number, term: string, docBase: number, out: PostingsBuffer, at = 0): number {
    const data = this.byField[field]
    if (!data?.dict.find(term)) return 0
    const { dict } = data
    return decodePostings(data.postings, dict.postingsStart, dict.postingsEnd, dict.docFreq, docBase, this.docCount, this.norms, data.normsBase, data.overflowLength, out, at)
  }

  termsWithPrefix(field: number, prefix: string, limit: number): string[] {
    return this.byField[field]?.dict.termsWithPrefix(prefix, limit) ?? []
  }

  /** This segment as a scorer tier whose local doc d is global doc `docBase + d`. */
  source(docBase: number): TermSource {
    return createSegmentSource(this, docBase)
  }
}

function overflowLength(pairs: Uint32Array, doc: number): number {
  let lo = 0
  let hi = pairs.length / 2 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const d = pairs[mid * 2]!
    if (d === doc) return pairs[mid * 2 + 1]!
    if (d < doc) lo = mid + 1
    else hi = mid - 1
  }
  return corrupt(`norm of doc ${doc} says ≥ 255 but the overflow table has no entry`)
}

function createSegmentSource(segment: Segment, docBase: number): TermSource {
  const numberOf = (field: Field) => segment.fieldNumber(field)
  const buffer = new PostingsBuffer()
  return {
    docCount: segment.docCount,
    totalFieldLength: (field) => segment.totalFieldLength(numberOf(field)),
    docFreq: (field, term) => segment.docFreq(numberOf(field), term),
    readPostings: (field, term, out, at) => segment.readPostings(numberOf(field), term, docBase, out, at),
    forEachPosting(field, term, visit) {
      const n = segment.readPostings(numberOf(field), term, docBase, buffer)
      for (let i = 0; i < n; i++) visit(buffer.docs[i]!, buffer.tfs[i]!, buffer.lengths[i]!)
    },
    termsWithPrefix: (field, prefix, limit) => segment.termsWithPrefix(numberOf(field), prefix, limit),
  }
}
