// The segment's store: article metadata and sentence text, kept in their own sections after the
// index so a result page decodes only the sentences and articles it shows. Article ids have a
// sorted order table, so /api/articles/:id is a binary search, not a Map of every id.
// Must not import runtime code.
import type { Sentence } from '../../types.ts'
import type { StoredArticle } from '../store.ts'
import { ByteWriter, compareUnits, unitsToString } from './bytes.ts'
import { bytesOf, corrupt, SECTION, type Container, type SectionData } from './format.ts'

/** What the store keeps of one sentence: its number in the article, offset in the body, text. */
export interface StoredSentence {
  n: number
  start: number
  text: string
}

/** Article metadata apart from the id, which has sections of its own. */
type ArticleMeta = Omit<StoredArticle, 'id'>

/**
 * The store sections for `articles` and, per local doc, `sentence(doc)`.
 * @example
 * encodeStore([{ id: 'a', title: '벨라루스 방문', … }], 1, () => ({ n: 0, start: 0, text: '벨라루스를 선택했다.' })).length // => 8
 */
export function encodeStore(articles: readonly StoredArticle[], docCount: number, sentence: (doc: number) => StoredSentence): SectionData[] {
  const idOffsets = new Uint32Array(articles.length + 1)
  const idUnits = new ByteWriter()
  const metaOffsets = new Uint32Array(articles.length + 1)
  const meta = new ByteWriter()
  articles.forEach((article, i) => {
    idOffsets[i] = idUnits.length / 2
    idUnits.units(article.id)
    metaOffsets[i] = meta.length
    const { id: _id, ...rest } = article
    meta.utf8(JSON.stringify(rest satisfies ArticleMeta))
  })
  idOffsets[articles.length] = idUnits.length / 2
  metaOffsets[articles.length] = meta.length
  const order = Uint32Array.from(articles.keys()).sort((a, b) => (articles[a]!.id < articles[b]!.id ? -1 : articles[a]!.id > articles[b]!.id ? 1 : 0))

  // Text as UTF-16: as small as UTF-8 for Hangul-heavy text (2 bytes a syllable instead of 3) and
  // read with fromCharCode, without a decoder.
  const sentenceOffsets = new Uint32Array(docCount + 1)
  const sentenceInfo = new Uint32Array(docCount * 2)
  let unitCount = 0
  for (let doc = 0; doc < docCount; doc++) unitCount += sentence(doc).text.length
  const units = new ByteWriter(2 * unitCount + 16) // sized once: no doubling of a segment's text
  for (let doc = 0; doc < docCount; doc++) {
    const { n, start, text } = sentence(doc)
    sentenceOffsets[doc] = units.length / 2
    sentenceInfo[doc * 2] = n
    sentenceInfo[doc * 2 + 1] = start
    units.units(text)
  }
  sentenceOffsets[docCount] = units.length / 2
  if (units.length / 2 >= 2 ** 32) throw new RangeError('store: sentence text over 4 G units in one segment')

  return [
    { kind: SECTION.ARTICLE_ID_OFFSETS, field: 0, bytes: bytesOf(idOffsets) },
    { kind: SECTION.ARTICLE_ID_UNITS, field: 0, bytes: idUnits.finish() },
    { kind: SECTION.ARTICLE_ID_ORDER, field: 0, bytes: bytesOf(order) },
    { kind: SECTION.ARTICLE_META_OFFSETS, field: 0, bytes: bytesOf(metaOffsets) },
    { kind: SECTION.ARTICLE_META, field: 0, bytes: meta.finish() },
    { kind: SECTION.SENTENCE_OFFSETS, field: 0, bytes: bytesOf(sentenceOffsets) },
    { kind: SECTION.SENTENCE_UNITS, field: 0, bytes: units.finish() },
    { kind: SECTION.SENTENCE_INFO, field: 0, bytes: bytesOf(sentenceInfo) },
  ]
}

const decoder = new TextDecoder()
/** Decoded articles kept per segment. */
const RECENT_ARTICLES = 256

/** Reads the store sections of one segment; numbers and doc ids here are local to the segment. */
export class SegmentStore {
  private readonly idOffsets: Uint32Array
  private readonly idUnits: Uint16Array
  private readonly idOrder: Uint32Array
  private readonly metaOffsets: Uint32Array
  private readonly meta: Uint8Array
  private readonly sentenceOffsets: Uint32Array
  private readonly sentenceUnits: Uint16Array
  private readonly sentenceInfo: Uint32Array
  /** Recently shown articles, decoded (result pages repeat the same articles). */
  private readonly recent = new Map<number, StoredArticle>()

  constructor(container: Container) {
    const { articleCount, docCount } = container.header
    this.idOffsets = container.u32(SECTION.ARTICLE_ID_OFFSETS, 0, articleCount + 1)
    this.idUnits = container.u16(SECTION.ARTICLE_ID_UNITS)
    this.idOrder = container.u32(SECTION.ARTICLE_ID_ORDER, 0, articleCount)
    this.metaOffsets = container.u32(SECTION.ARTICLE_META_OFFSETS, 0, articleCount + 1)
    this.meta = container.u8(SECTION.ARTICLE_META)
    this.sentenceOffsets = container.u32(SECTION.SENTENCE_OFFSETS, 0, docCount + 1)
    this.sentenceUnits = container.u16(SECTION.SENTENCE_UNITS)
    this.sentenceInfo = container.u32(SECTION.SENTENCE_INFO, 0, docCount * 2)
    if (this.idOffsets[articleCount] !== this.idUnits.length || this.metaOffsets[articleCount] !== this.meta.length) {
      corrupt('store: article offsets do not match their sections')
    }
    if (this.sentenceOffsets[docCount] !== this.sentenceUnits.length) corrupt('store: sentence offsets do not match their section')
  }

  articleId(article: number): string {
    return unitsToString(this.idUnits, this.idOffsets[article]!, this.idOffsets[article + 1]!)
  }

  article(article: number): StoredArticle {
    const cached = this.recent.get(article)
    if (cached) return cached
    const meta = decoder.decode(this.meta.subarray(this.metaOffsets[article]!, this.metaOffsets[article + 1]!))
    let decoded: StoredArticle
    try {
      decoded = Object.freeze({ id: this.articleId(article), ...(JSON.parse(meta) as ArticleMeta) })
    } catch (cause) {
      return corrupt(`store: metadata of article ${article} is not JSON (${String(cause)})`)
    }
    if (this.recent.size >= RECENT_ARTICLES) this.recent.delete(this.recent.keys().next().value!)
    this.recent.set(article, decoded)
    return decoded
  }

  /** The local number of the article with `id`, or −1. */
  findArticle(id: string): number {
    let lo = 0
    let hi = this.idOrder.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const article = this.idOrder[mid]!
      const c = compareUnits(id, this.idUnits, this.idOffsets[article]!, this.idOffsets[article + 1]!)
      if (c === 0) return article
      if (c < 0) hi = mid - 1
      else lo = mid + 1
    }
    return -1
  }

  /** The sentence of local doc `doc`, with the id of its article. */
  sentence(doc: number, articleId: string): Sentence {
    const n = this.sentenceInfo[doc * 2]!
    const start = this.sentenceInfo[doc * 2 + 1]!
    const text = unitsToString(this.sentenceUnits, this.sentenceOffsets[doc]!, this.sentenceOffsets[doc + 1]!)
    return { id: `${articleId}:${n}`, article: articleId, n, start, text }
  }
}
