// The searchable index: immutable archive segments (compact, zero-copy) plus the live tier
// (MiniSearch, for fresh articles), one store and one list of scorer sources over both, with global
// doc ids: segment after segment, then the live tier. Must not import runtime code (the same loader
// runs in Node and in the Worker).
import MiniSearch from 'minisearch'
import { ANALYZER_VERSION, type Analyzer } from '../analysis/analyzers.ts'
import { SearchError } from '../errors.ts'
import type { Article, Sentence } from '../types.ts'
import { addToLiveTier, createLiveTier, encodeLiveTier, MINISEARCH_OPTIONS, type IndexedSentence, type LiveTier } from './live-tier.ts'
import { createMiniSearchSource } from './minisearch-source.ts'
import { decodePack, encodePack } from './pack.ts'
import { buildSegments, type BuildSegmentsOptions } from './segment-builder.ts'
import { Segment } from './segment/reader.ts'
import { LiveStore, type SentenceStore, type StoreJSON } from './store.ts'
import type { TermSource } from './term-source.ts'
import { TieredStore } from './tiered-store.ts'

export { createMiniSearch, toIndexedSentence, type IndexedSentence } from './live-tier.ts'

/** A MiniSearch-only index serialised as JSON (the live tier, or a small index without segments). */
export const INDEX_FORMAT = 'korean-news-search/minisearch'
export const INDEX_FORMAT_VERSION = 1
/** The archive: a pack of segments (pack.ts, segment/format.ts). */
export const SEGMENTED_FORMAT = 'korean-news-search/segments'
export const SEGMENTED_FORMAT_VERSION = 1

export interface IndexMeta {
  format: string
  version: number
  analyzerVersion: number
  builtAt: string
  articles: number
  sentences: number
  /** Hash of the corpus the index was built from (set by the build command), to detect staleness. */
  sourceFingerprint: string | null
  /** Global id of the first doc this file holds: 0, or for a live tier the archive's doc count. */
  docBase?: number
}

/** The pack's manifest: the meta plus what each segment holds. */
export interface IndexManifest extends IndexMeta {
  segments: Array<{ docs: number; articles: number; bytes: number }>
}

export interface SearchIndex {
  meta: IndexMeta
  /** The live tier's MiniSearch. */
  miniSearch: MiniSearch<IndexedSentence>
  store: SentenceStore
  /** Every tier the scorer reads (segments, then the live tier), with global doc ids into `store`. */
  sources: TermSource[]
  /** Archive segments, oldest first; each owns the global docs after the previous one's. */
  segments: Segment[]
  live: LiveTier
}

type Articles = ReadonlyArray<{ article: Article; sentences: readonly Sentence[] }>

/**
 * Wires segments and a live tier into one index (store and sources in global doc ids).
 * @example
 * assembleIndex(meta, [segment], createLiveTier(segment.docCount)).sources.length // => 2
 */
export function assembleIndex(meta: IndexMeta, segments: Segment[], live: LiveTier): SearchIndex {
  const archiveDocs = segments.reduce((sum, s) => sum + s.docCount, 0)
  if (live.docBase !== archiveDocs) {
    throw new SearchError('INDEX_INCOMPATIBLE', `index: live tier starts at doc ${live.docBase}, but the archive holds ${archiveDocs} docs`)
  }
  const sources: TermSource[] = []
  let docBase = 0
  for (const segment of segments) {
    sources.push(segment.source(docBase))
    docBase += segment.docCount
  }
  sources.push(createMiniSearchSource(live.miniSearch))
  const store = new TieredStore(segments, live.store)
  const counted = { ...meta, articles: store.articleCount, sentences: store.sentenceCount }
  return { meta: counted, miniSearch: live.miniSearch, store, sources, segments, live }
}

function newMeta(format: string, version: number, sourceFingerprint: string | null): IndexMeta {
  return { format, version, analyzerVersion: ANALYZER_VERSION, builtAt: new Date().toISOString(), articles: 0, sentences: 0, sourceFingerprint }
}

/**
 * A MiniSearch-only index (everything in the live tier): the small-corpus path and the baseline
 * segments are measured against.
 * @example
 * buildSearchIndex([{ article, sentences }], createAnalyzer({ hanSegmenter })).meta.sentences // => 15
 */
export function buildSearchIndex(articles: Articles, analyzer: Analyzer, sourceFingerprint: string | null = null): SearchIndex {
  const live = createLiveTier(0)
  addToLiveTier(live, articles, analyzer)
  return assembleIndex(newMeta(INDEX_FORMAT, INDEX_FORMAT_VERSION, sourceFingerprint), [], live)
}

/**
 * Indexes articles as archive segments (bulk build through the eojeol cache); the live tier starts
 * empty after them.
 * @example
 * buildSegmentedIndex([{ article, sentences }], { analyzer }).segments.length // => 1
 */
export function buildSegmentedIndex(articles: Articles, options: BuildSegmentsOptions & { sourceFingerprint?: string | null }): SearchIndex {
  const segments = buildSegments(articles, options).map((bytes) => new Segment(bytes, { analyzerVersion: ANALYZER_VERSION, verify: false }))
  const docs = segments.reduce((sum, s) => sum + s.docCount, 0)
  return assembleIndex(newMeta(SEGMENTED_FORMAT, SEGMENTED_FORMAT_VERSION, options.sourceFingerprint ?? null), segments, createLiveTier(docs))
}

/**
 * Adds articles to the live tier: searchable at once, scored with the same global statistics as
 * the archive. Throws on an article id the index already has.
 * @example
 * addArticles(index, [{ article, sentences }], createAnalyzer()) // => 3 (sentences added)
 */
export function addArticles(index: SearchIndex, articles: Articles, analyzer: Analyzer): number {
  for (const { article } of articles) {
    if (index.store.articleById(article.id)) throw new SearchError('INGEST_FORMAT', `index: article ${JSON.stringify(article.id)} is already indexed`)
  }
  const added = addToLiveTier(index.live, articles, analyzer)
  index.meta = { ...index.meta, articles: index.store.articleCount, sentences: index.store.sentenceCount }
  return added
}

/**
 * Turns the live tier into one more archive segment (same doc ids, same scores) and starts an
 * empty live tier after it. Returns the new segment, or null when the live tier was empty.
 * @example
 * addArticles(index, [{ article, sentences }], analyzer); flushLiveTier(index)?.docCount // => 15
 */
export function flushLiveTier(index: SearchIndex): Segment | null {
  if (index.live.store.sentenceCount === 0) return null
  const segment = new Segment(encodeLiveTier(index.live), { analyzerVersion: ANALYZER_VERSION })
  const segments = [...index.segments, segment]
  const live = createLiveTier(index.live.docBase + segment.docCount)
  Object.assign(index, assembleIndex({ ...index.meta, format: SEGMENTED_FORMAT, version: SEGMENTED_FORMAT_VERSION }, segments, live))
  return segment
}

/**
 * The archive segments as one pack (the live tier is not included: flush it first).
 * @example
 * openIndex(serializeSegments(index)).meta.sentences // => index.meta.sentences
 */
export function serializeSegments(index: SearchIndex): Uint8Array {
  const manifest: IndexManifest = {
    ...index.meta,
    format: SEGMENTED_FORMAT,
    version: SEGMENTED_FORMAT_VERSION,
    articles: index.segments.reduce((sum, s) => sum + s.articleCount, 0),
    sentences: index.segments.reduce((sum, s) => sum + s.docCount, 0),
    docBase: 0,
    segments: index.segments.map((s) => ({ docs: s.docCount, articles: s.articleCount, bytes: s.bytes.length })),
  }
  return encodePack(manifest, index.segments.map((s) => s.bytes))
}

/**
 * Reads the manifest only, e.g. to decide whether an index on disk is stale.
 * @example
 * readPackManifest(readFileSync('index/search-index.pack')).sourceFingerprint // => '3f2a…'
 */
export function readPackManifest(bytes: ArrayBuffer | Uint8Array): IndexManifest {
  return checkMeta(decodePack<IndexManifest>(bytes).manifest, SEGMENTED_FORMAT, SEGMENTED_FORMAT_VERSION) as IndexManifest
}

/**
 * Opens a pack: segments are views into `bytes` (keep them alive; nothing is copied per posting).
 * @example
 * openIndex(readFileSync('index/search-index.pack')).meta.sentences // => 6339
 */
export function openIndex(bytes: ArrayBuffer | Uint8Array, options: { verify?: boolean } = {}): SearchIndex {
  const { manifest, segments: blobs } = decodePack<IndexManifest>(bytes)
  checkMeta(manifest, SEGMENTED_FORMAT, SEGMENTED_FORMAT_VERSION)
  if (!Array.isArray(manifest.segments) || manifest.segments.length !== blobs.length) {
    throw new SearchError('DATA_CORRUPTION', `index: manifest lists ${manifest.segments?.length} segments, the pack holds ${blobs.length}`)
  }
  const segments = blobs.map((blob) => new Segment(blob, { analyzerVersion: ANALYZER_VERSION, verify: options.verify ?? true }))
  segments.forEach((segment, i) => {
    if (segment.docCount !== manifest.segments[i]!.docs) throw new SearchError('DATA_CORRUPTION', `index: segment ${i} holds ${segment.docCount} docs, the manifest says ${manifest.segments[i]!.docs}`)
  })
  const docs = segments.reduce((sum, s) => sum + s.docCount, 0)
  return assembleIndex(manifest, segments, createLiveTier(docs))
}

interface IndexFile {
  meta: IndexMeta
  store: StoreJSON
  minisearch: unknown
}

/** The live tier as JSON (with `docBase`, so it can only be attached after the same archive). */
export function serializeIndex(index: SearchIndex): string {
  const meta: IndexMeta = {
    ...index.meta,
    format: INDEX_FORMAT,
    version: INDEX_FORMAT_VERSION,
    articles: index.live.store.articleCount,
    sentences: index.live.store.sentenceCount,
    docBase: index.live.docBase,
  }
  const file: IndexFile = { meta, store: index.live.store.toJSON(), minisearch: index.live.miniSearch.toJSON() }
  return JSON.stringify(file)
}

/**
 * Load an index from its gzip-compressed serialisation: the compressed bytes stay small, and the
 * JSON text is dropped once parsed.
 */
export async function loadIndexFromGzip(bytes: ArrayBuffer | Uint8Array): Promise<SearchIndex> {
  let text: string
  try {
    text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
  } catch (cause) {
    throw new SearchError('DATA_CORRUPTION', 'index: not a gzip stream', { cause })
  }
  return loadIndex(text)
}

/** Reads the meta block only of a MiniSearch JSON index. */
export function readIndexMeta(json: string): IndexMeta {
  return checkMeta(parse(json).meta, INDEX_FORMAT, INDEX_FORMAT_VERSION)
}

/**
 * Load a serialised MiniSearch-only index, or attach a serialised live tier to `archive`; rejects
 * other formats or analyzer versions, since the query analyzer must match the index's.
 */
export function loadIndex(json: string, archive?: SearchIndex): SearchIndex {
  const file = parse(json)
  const meta = checkMeta(file.meta, INDEX_FORMAT, INDEX_FORMAT_VERSION)
  let live: LiveTier
  try {
    const miniSearch = MiniSearch.loadJS<IndexedSentence>(file.minisearch as never, MINISEARCH_OPTIONS)
    live = { docBase: meta.docBase ?? 0, miniSearch, store: new LiveStore(file.store) }
  } catch (cause) {
    throw new SearchError('DATA_CORRUPTION', 'index: cannot load the MiniSearch part', { cause })
  }
  if (!archive) return assembleIndex(meta, [], live)
  return assembleIndex(archive.meta, archive.segments, live)
}

function parse(json: string): IndexFile {
  try {
    return JSON.parse(json) as IndexFile
  } catch (cause) {
    throw new SearchError('DATA_CORRUPTION', 'index: not valid JSON', { cause })
  }
}

function checkMeta(meta: IndexMeta | undefined, format: string, version: number): IndexMeta {
  if (!meta || meta.format !== format) {
    throw new SearchError('INDEX_INCOMPATIBLE', `index: format ${String(meta?.format)}, expected ${format}`)
  }
  if (meta.version !== version) {
    throw new SearchError('INDEX_INCOMPATIBLE', `index: format version ${meta.version}, expected ${version}`)
  }
  if (meta.analyzerVersion !== ANALYZER_VERSION) {
    throw new SearchError('INDEX_INCOMPATIBLE', `index: analyzer version ${meta.analyzerVersion}, expected ${ANALYZER_VERSION}`)
  }
  return meta
}
