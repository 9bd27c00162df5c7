// The live tier: freshly added articles in a MiniSearch index (searchable the moment they are
// added) plus their store. Its doc ids continue after the archive's, and a flush writes it out as
// one more immutable segment with the same ids. Must not import runtime code.
import MiniSearch from 'minisearch'
import { ANALYZER_VERSION, type Analyzer } from '../analysis/analyzers.ts'
import type { Article, Sentence } from '../types.ts'
import { FIELD_OF_KIND, FIELDS, type Field } from './fields.ts'
import type { MiniSearchInternals } from './minisearch-source.ts'
import { encodeSegment, type FieldPostings } from './segment/writer.ts'
import { LiveStore } from './store.ts'

/** A sentence as MiniSearch sees it: doc id and, per field, its terms joined by spaces. */
export type IndexedSentence = { id: number } & Record<Field, string>

export const MINISEARCH_OPTIONS = {
  fields: [...FIELDS],
  storeFields: [],
  // Terms never contain spaces (the analyzer splits on them), so a space-joined list round-trips.
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term || null,
}

export function createMiniSearch(): MiniSearch<IndexedSentence> {
  return new MiniSearch<IndexedSentence>(MINISEARCH_OPTIONS)
}

/** Runs the analyzer over a sentence and groups its terms by field. */
export function toIndexedSentence(id: number, text: string, analyzer: Analyzer): IndexedSentence {
  const terms: Record<Field, string[]> = { word: [], bigram: [], latin: [], hanja: [] }
  for (const token of analyzer(text)) {
    const field = FIELD_OF_KIND[token.kind]
    if (field) terms[field].push(token.term)
  }
  return { id, word: terms.word.join(' '), bigram: terms.bigram.join(' '), latin: terms.latin.join(' '), hanja: terms.hanja.join(' ') }
}

export interface LiveTier {
  /** Global id of the live tier's first doc (= docs in the archive before it). */
  docBase: number
  miniSearch: MiniSearch<IndexedSentence>
  /** Local doc ids: global id − docBase. */
  store: LiveStore
  /** Called with the docs of each addition (the suggester counts their words instead of rescanning the tier). */
  onAdd: Set<(docs: readonly IndexedSentence[]) => void>
}

/**
 * @example
 * createLiveTier(6535).docBase // => 6535 (the next doc after the archive)
 */
export function createLiveTier(docBase: number, miniSearch = createMiniSearch(), store = new LiveStore()): LiveTier {
  return { docBase, miniSearch, store, onAdd: new Set() }
}

/**
 * Indexes articles in the live tier; their docs get the next global ids.
 * @example
 * addToLiveTier(live, [{ article, sentences }], analyzer) // => 15 (sentences added)
 */
export function addToLiveTier(
  live: LiveTier,
  articles: ReadonlyArray<{ article: Article; sentences: readonly Sentence[] }>,
  analyzer: Analyzer,
): number {
  const first = live.store.append(articles)
  const docs: IndexedSentence[] = []
  for (let doc = first; doc < live.store.sentenceCount; doc++) docs.push(toIndexedSentence(live.docBase + doc, live.store.sentence(doc).text, analyzer))
  live.miniSearch.addAll(docs)
  for (const listener of live.onAdd) listener(docs)
  return docs.length
}

/**
 * The live tier as segment bytes: postings read back from MiniSearch (the terms it indexed, no
 * re-analysis), field lengths as MiniSearch counted them, and the store. Articles `isDeleted` says
 * are left out and the docs after them move up; without deletions local doc = global − docBase.
 * @example
 * new Segment(encodeLiveTier(live), { analyzerVersion: ANALYZER_VERSION }).docFreq(0, '벨라루스') // => 11
 */
export function encodeLiveTier(live: LiveTier, isDeleted: (article: number) => boolean = () => false): Uint8Array {
  const ms = live.miniSearch as unknown as MiniSearchInternals
  const { store } = live
  // Each live doc's doc in the segment, or −1 for a doc of a deleted article.
  const kept = new Int32Array(store.sentenceCount).fill(-1)
  const articles = []
  const articleFirstDoc: number[] = []
  let docCount = 0
  for (let a = 0; a < store.articleCount; a++) {
    if (isDeleted(a)) continue
    articles.push(store.article(a))
    articleFirstDoc.push(docCount)
    for (let doc = store.firstDocOf(a); doc < store.firstDocOf(a + 1); doc++) kept[doc] = docCount++
  }
  articleFirstDoc.push(docCount)
  const fieldLengths = new Uint32Array(FIELDS.length * docCount)
  const segmentDoc = new Map<number, number>()
  for (const [shortId, id] of ms._documentIds) {
    const doc = kept[(id as number) - live.docBase]!
    if (doc < 0) continue
    segmentDoc.set(shortId, doc)
    const lengths = ms._fieldLength.get(shortId) ?? []
    FIELDS.forEach((field, f) => (fieldLengths[f * docCount + doc] = lengths[ms._fieldIds[field]!] ?? 0))
  }
  const perField = FIELDS.map(() => new Map<string, Array<[number, number]>>())
  for (const [term, byField] of ms._index as unknown as Iterable<[string, Map<number, Map<number, number>>]>) {
    FIELDS.forEach((field, f) => {
      const docs = byField.get(ms._fieldIds[field]!)
      if (!docs) return
      const list: Array<[number, number]> = []
      for (const [shortId, tf] of docs) {
        const doc = segmentDoc.get(shortId)
        if (doc !== undefined) list.push([doc, tf])
      }
      if (list.length > 0) perField[f]!.set(term, list.sort((a, b) => a[0] - b[0]))
    })
  }
  const postings: FieldPostings[] = perField.map((byTerm) => {
    const terms = [...byTerm.keys()].sort()
    const starts = [0]
    const docs: number[] = []
    const tfs: number[] = []
    for (const term of terms) {
      for (const [doc, tf] of byTerm.get(term)!) {
        docs.push(doc)
        tfs.push(tf)
      }
      starts.push(docs.length)
    }
    return { terms, starts, docs, tfs }
  })
  const sentences = Array.from(kept.keys()).filter((doc) => kept[doc]! >= 0)
  return encodeSegment({
    analyzerVersion: ANALYZER_VERSION,
    fields: FIELDS,
    docCount,
    articles,
    articleFirstDoc,
    fieldLengths,
    postings,
    sentence: (doc) => store.sentence(sentences[doc]!),
  })
}
