// Writes one immutable segment from postings already grouped by term (CSR form), per-document field
// lengths and the store's articles and sentences. Producers: the bulk build (segment-builder.ts)
// and the flush of the live tier (live-tier.ts). Must not import runtime code.
import type { StoredArticle } from '../store.ts'
import { ByteWriter } from './bytes.ts'
import { bytesOf, MAX_SEGMENT_DOCS, SECTION, writeContainer, type SectionData } from './format.ts'
import { encodePostings } from './postings.ts'
import { encodeStore, type StoredSentence } from './store.ts'
import { encodeTermDict } from './termdict.ts'

/** One field's postings: terms sorted, term i owns `docs`/`tfs` entries [starts[i], starts[i+1]). */
export interface FieldPostings {
  terms: readonly string[]
  starts: ArrayLike<number>
  /** Local doc ids, ascending within each term. */
  docs: ArrayLike<number>
  tfs: ArrayLike<number>
}

export interface SegmentInput {
  analyzerVersion: number
  /** Field names in field-number order (today's FIELDS; stored, so readers never assume them). */
  fields: readonly string[]
  docCount: number
  articles: readonly StoredArticle[]
  /** First local doc of each article, then `docCount`. */
  articleFirstDoc: ArrayLike<number>
  /** Field-major lengths: field f of doc d at f × docCount + d (distinct terms, as BM25 uses them). */
  fieldLengths: ArrayLike<number>
  postings: readonly FieldPostings[]
  sentence: (doc: number) => StoredSentence
}

/** What META records beyond the header. */
export interface SegmentMeta {
  fields: string[]
  totalFieldLength: number[]
  termCount: number[]
}

/**
 * @example
 * encodeSegment({ fields: ['word', …], docCount: 1, articles: [{ id: 'a', … }], … }) // => Uint8Array [0x4b, 0x4e, 0x53, 0x47, …]
 */
export function encodeSegment(input: SegmentInput): Uint8Array {
  const { docCount, fields } = input
  if (docCount >= MAX_SEGMENT_DOCS) throw new RangeError(`segment: ${docCount} documents, at most ${MAX_SEGMENT_DOCS - 1}`)
  if (input.postings.length !== fields.length) throw new RangeError('segment: one postings table per field')
  const sections: SectionData[] = []

  const totals: number[] = []
  const norms: SectionData[] = []
  fields.forEach((_, f) => {
    const lengths = (doc: number) => input.fieldLengths[f * docCount + doc]!
    let total = 0
    let notOne = 0
    for (let doc = 0; doc < docCount; doc++) {
      total += lengths(doc)
      if (lengths(doc) !== 1) notOne++
    }
    totals.push(total)
    // Lengths are exact (no lossy norm), so scores stay identical to the live tier's. A field most
    // sentences leave empty (Han: length 1, see segment-builder.ts) keeps only its exceptions.
    if (notOne * 8 < docCount) {
      const sparse = new ByteWriter(notOne * 8 + 8)
      for (let doc = 0; doc < docCount; doc++) {
        if (lengths(doc) === 1) continue
        sparse.u32(doc)
        sparse.u32(lengths(doc))
      }
      norms.push({ kind: SECTION.NORM_SPARSE, field: f, bytes: sparse.finish() })
      return
    }
    const dense = new Uint8Array(docCount)
    const overflow = new ByteWriter()
    for (let doc = 0; doc < docCount; doc++) {
      dense[doc] = Math.min(lengths(doc), 255)
      if (lengths(doc) >= 255) {
        overflow.u32(doc)
        overflow.u32(lengths(doc))
      }
    }
    norms.push({ kind: SECTION.NORMS, field: f, bytes: dense })
    if (overflow.length > 0) norms.push({ kind: SECTION.NORM_OVERFLOW, field: f, bytes: overflow.finish() })
  })
  const meta: SegmentMeta = { fields: [...fields], totalFieldLength: totals, termCount: input.postings.map((p) => p.terms.length) }
  sections.push({ kind: SECTION.META, field: 0, bytes: new TextEncoder().encode(JSON.stringify(meta)) }, ...norms)
  sections.push({ kind: SECTION.ARTICLE_FIRST_DOC, field: 0, bytes: bytesOf(Uint32Array.from(input.articleFirstDoc)) })

  input.postings.forEach((table, f) => {
    const termCount = table.terms.length
    const docFreqs = new Uint32Array(termCount)
    const postingsLengths = new Uint32Array(termCount)
    const postings = new ByteWriter(Math.max(1024, table.starts[termCount] ?? 0))
    for (let t = 0; t < termCount; t++) {
      const from = table.starts[t]!
      const to = table.starts[t + 1]!
      const before = postings.length
      encodePostings(postings, table.docs, table.tfs, from, to)
      docFreqs[t] = to - from
      postingsLengths[t] = postings.length - before
    }
    // Padding: the Elias–Fano decoder reads low bits through a 4-byte window.
    postings.u32(0)
    if (postings.length >= 2 ** 32) throw new RangeError(`segment: postings of field ${fields[f]} over 4 GB`)
    sections.push(...encodeTermDict({ terms: table.terms, docFreqs, postingsLengths }, f))
    sections.push({ kind: SECTION.POSTINGS, field: f, bytes: postings.finish() })
  })

  sections.push(...encodeStore(input.articles, docCount, input.sentence))
  return writeContainer({ analyzerVersion: input.analyzerVersion, docCount, articleCount: input.articles.length }, sections)
}
