// The searchable index: immutable archive segments (compact, zero-copy) plus the live tier
// (MiniSearch, for fresh articles), one store and one list of scorer sources over both, with global
// doc ids: segment after segment, then the live tier. Must not import runtime code (the same loader
// runs in Node and in the Worker).
import MiniSearch from 'minisearch'
import { ANALYZER_VERSION, createAnalyzer, type Analyzer, type AnalyzerOptions } from '../analysis/analyzers.ts'
import {
  createLexiconAnalyzer,
  createRecordingAnalyzer,
  settledLexicon,
  parseLexicon,
  serializeLexicon,
  type EojeolLexicon,
} from '../analysis/eojeol/lexicon.ts'
import { learnStemRules, type LearntStemRules, type StemRules } from '../analysis/eojeol/stem-rules.ts'
import { createVocabularyAnalyzer } from '../analysis/eojeol/vocabulary-analyzer.ts'
import { ruleAnalysis } from '../analysis/filters/stems.ts'
import { SearchError } from '../errors.ts'
import type { Article, Sentence } from '../types.ts'
import { addToLiveTier, createLiveTier, encodeLiveTier, MINISEARCH_OPTIONS, type IndexedSentence, type LiveTier } from './live-tier.ts'
import { FIELDS } from './fields.ts'
import { createMiniSearchSource } from './minisearch-source.ts'
import { decodePack, encodePack } from './pack.ts'
import { PackedLexicon, PackedStemRules, packLexicon, packStemRules, withLexiconParts } from './packed-lexicon.ts'
import { buildSegments, type BuildSegmentsOptions } from './segment-builder.ts'
import { Segment } from './segment/reader.ts'
import { AliasTable, createAliasTable, mineAcronyms, type MinedAcronym } from './aliases.ts'
import { LiveStore, type StoreJSON } from './store.ts'
import type { TermSource } from './term-source.ts'
import { TieredStore } from './tiered-store.ts'

export { createMiniSearch, toIndexedSentence, type IndexedSentence } from './live-tier.ts'

/** A MiniSearch-only index serialised as JSON (the live tier, or a small index without segments). */
export const INDEX_FORMAT = 'korean-news-search/minisearch'
export const INDEX_FORMAT_VERSION = 1
/** The archive: a pack of segments (pack.ts, segment/format.ts). */
export const SEGMENTED_FORMAT = 'korean-news-search/segments'
export const SEGMENTED_FORMAT_VERSION = 3

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
  /** Acronyms defined in the corpus text: 정보통신기술(ICT) → ['정보통신기술', 'ict', 1]. */
  acronyms: MinedAcronym[]
  /**
   * Article numbers deleted (or replaced by a newer version) since their tier was written, ascending.
   * Their sentences are not found; they still count in the scoring statistics until a flush (live
   * tier) or a rebuild (archive) leaves them out. `articles` and `sentences` count what is left.
   */
  deletedArticles?: number[]
  /**
   * Bytes of the Node server's write journal whose changes this index holds: a start replays from
   * there. An index rebuilt from corpus/ has none, so the whole journal is replayed into it.
   */
  journalBytes?: number
}

/** The pack's manifest: the meta plus what each segment holds. */
export interface IndexManifest extends IndexMeta {
  segments: Array<{ docs: number; articles: number; bytes: number }>
  /** Entries of the eojeol lexicon, the blob after the segments (packed-lexicon.ts): the archive's build-time analyses. */
  lexiconEntries: number
  /** The query side's stem rules, learnt from the lexicon at build time: their table is the last blob. */
  stemRules: { longest: number; rules: number; parts: number }
}

export interface SearchIndex {
  meta: IndexMeta
  /** The live tier's MiniSearch. */
  miniSearch: MiniSearch<IndexedSentence>
  store: TieredStore
  /** Every tier the scorer reads (segments, then the live tier), with global doc ids into `store`. */
  sources: TermSource[]
  /** Archive segments, oldest first; each owns the global docs after the previous one's. */
  segments: Segment[]
  live: LiveTier
  /** Article numbers of `meta.deletedArticles`, shared with `store` (search leaves them out). */
  deleted: Set<number>
  /** Mined acronyms, plus the synonyms file once a runtime adds it. */
  aliases: AliasTable
  /** What the build-time analysis said about corpus eojeols, where the query-time fallback differs. */
  lexicon: EojeolLexicon
  /** Conjugation rules the lexicon teaches the query side (추웠다 → 춥 teaches 더웠다 → 덥). */
  stemRules: StemRules
  /** Analyzes queries (and highlights) the way this index analysed its text. */
  queryAnalyzer: Analyzer
}

/** What an index knows about its analysis besides the postings (carried over when tiers change). */
export interface IndexAnalysis {
  lexicon: EojeolLexicon
  aliases?: AliasTable
  /** Learnt from `lexicon` when not given (opening a pack reads them instead: no pass over the lexicon). */
  stemRules?: StemRules
}

type Articles = ReadonlyArray<{ article: Article; sentences: readonly Sentence[] }>

/**
 * Wires segments and a live tier into one index (store and sources in global doc ids).
 * @example
 * assembleIndex(meta, [segment], createLiveTier(segment.docCount)).sources.length // => 2
 */
export function assembleIndex(meta: IndexMeta, segments: Segment[], live: LiveTier, analysis: IndexAnalysis = { lexicon: new Map() }): SearchIndex {
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
  const deleted = new Set(meta.deletedArticles ?? [])
  const store = new TieredStore(segments, live.store, deleted)
  for (const n of deleted) {
    if (!(Number.isInteger(n) && n >= 0 && n < store.articleCount)) throw new SearchError('DATA_CORRUPTION', `index: deleted article ${n} is not in the index`)
  }
  const counted = { ...meta, acronyms: meta.acronyms ?? [], ...visibleCounts(store, deleted) }
  const { lexicon } = analysis
  const aliases = analysis.aliases ?? createAliasTable(counted.acronyms)
  const stemRules = analysis.stemRules ?? learnStemRules(lexicon)
  // Packed rules leave out the parts the lexicon gives a stem itself; a learnt Map has them all, and asking the lexicon changes nothing.
  const queryAnalyzer = queryAnalyzerFor(sources, lexicon, withLexiconParts(stemRules, lexicon))
  return { meta: counted, miniSearch: live.miniSearch, store, sources, segments, live, deleted, aliases, lexicon, stemRules, queryAnalyzer }
}

/** Articles and sentences an index shows: what its tiers hold less what was deleted. */
export function visibleCounts(store: TieredStore, deleted: ReadonlySet<number>): { articles: number; sentences: number; deletedArticles: number[] } {
  let sentences = store.sentenceCount
  for (const n of deleted) {
    const [from, to] = store.docsOf(n)
    sentences -= to - from
  }
  return { articles: store.articleCount - deleted.size, sentences, deletedArticles: [...deleted].sort((a, b) => a - b) }
}

/** The fallback for eojeols the lexicon lacks: strip down to a stem the index knows. */
function vocabularyAnalyzer(sources: readonly TermSource[], stemRules?: StemRules) {
  return createVocabularyAnalyzer((stem) => sources.some((s) => s.docFreq('word', stem) > 0), stemRules)
}

/** What a build knows without searching its segments' dictionaries: whether a word is in the index. */
export interface BuildVocabulary {
  knowsWord: (stem: string) => boolean
  /** The build's sentences, in doc order. */
  sentences: Articles
}

/** Lexicon first; an eojeol it lacks is stripped to a known stem, by rules the lexicon teaches when plain stripping fails. */
function queryAnalyzerFor(sources: readonly TermSource[], lexicon: EojeolLexicon, stemRules: StemRules): Analyzer {
  return createAnalyzer({ eojeolAnalyzer: createLexiconAnalyzer(lexicon, vocabularyAnalyzer(sources, stemRules)) })
}

/**
 * The index-time analyzer over `options`, recording every eojeol's analysis so the query side can
 * repeat it (finishAnalysis turns the record into the lexicon once the index is built).
 * @example
 * recordingAnalyzer({}).analyzer('벨라루스를').map((t) => t.term) // => ['벨라루스', …], and seen has 벨라루스를
 */
export function recordingAnalyzer(options: AnalyzerOptions) {
  const recording = createRecordingAnalyzer(options.eojeolAnalyzer ?? ruleAnalysis)
  return { analyzer: createAnalyzer({ ...options, eojeolAnalyzer: recording.analyzer }), seen: recording.seen }
}

/**
 * Mines acronyms and derives the lexicon of a freshly built index (built with recordingAnalyzer's
 * analyzer), and wires its query analyzer.
 * @example
 * finishAnalysis(assembleIndex(meta, [], live), analyzer, seen).lexicon.size // => 12690
 */
export function finishAnalysis(index: SearchIndex, analyzer: Analyzer, seen: ReadonlyMap<string, unknown>, build?: BuildVocabulary): SearchIndex {
  const { store } = index
  // A build's own sentences and vocabulary when given: the same texts in the same order and the same
  // answers as reading the store and the segments' dictionaries back.
  const texts = build
    ? (function* () {
        for (const article of build.sentences) for (const sentence of article.sentences) yield sentence.text
      })()
    : (function* () {
        for (let doc = 0; doc < store.sentenceCount; doc++) yield store.sentence(doc).text
      })()
  const acronyms = mineAcronyms(texts, analyzer)
  // The query side learns stem rules from the lexicon, so the lexicon is settled against that learner.
  const knowsWord = build ? build.knowsWord : (stem: string) => index.sources.some((s) => s.docFreq('word', stem) > 0)
  let learnt: { rules: LearntStemRules; entries: number } | undefined
  const lexicon = settledLexicon(seen as Parameters<typeof settledLexicon>[0], (l) => {
    learnt = { rules: learnStemRules(l), entries: l.size }
    return createVocabularyAnalyzer(knowsWord, learnt.rules)
  })
  // Settling only adds entries: rules learnt at the final size are the final lexicon's, no need to learn them again.
  const stemRules = learnt?.entries === lexicon.size ? learnt.rules : learnStemRules(lexicon)
  return assembleIndex({ ...index.meta, acronyms }, index.segments, index.live, { lexicon, stemRules })
}

function newMeta(format: string, version: number, sourceFingerprint: string | null): IndexMeta {
  return { format, version, analyzerVersion: ANALYZER_VERSION, builtAt: new Date().toISOString(), articles: 0, sentences: 0, sourceFingerprint, acronyms: [] }
}

/**
 * A MiniSearch-only index (everything in the live tier) with the index-time analyzer (which may use
 * native or dictionary stages: a Han segmenter, a morphological eojeol analyzer): the small-corpus
 * path and the baseline segments are measured against.
 * @example
 * buildSearchIndex([{ article, sentences }], { hanSegmenter }).meta.sentences // => 15
 */
export function buildSearchIndex(articles: Articles, options: AnalyzerOptions = {}, sourceFingerprint: string | null = null): SearchIndex {
  const { analyzer, seen } = recordingAnalyzer(options)
  const live = createLiveTier(0)
  addToLiveTier(live, articles, analyzer)
  return finishAnalysis(assembleIndex(newMeta(INDEX_FORMAT, INDEX_FORMAT_VERSION, sourceFingerprint), [], live), analyzer, seen)
}

/**
 * Indexes articles as archive segments (bulk build through the eojeol cache) with the index-time
 * analyzer built from `analyzerOptions`; the live tier starts empty after them.
 * @example
 * buildSegmentedIndex([{ article, sentences }], { hanSegmenter }).segments.length // => 1
 */
export function buildSegmentedIndex(
  articles: Articles,
  analyzerOptions: AnalyzerOptions = {},
  sourceFingerprint: string | null = null,
  options: Omit<BuildSegmentsOptions, 'analyzer'> = {},
): SearchIndex {
  const { analyzer, seen } = recordingAnalyzer(analyzerOptions)
  const built = buildSegments(articles, { ...options, analyzer })
  const segments = built.segments.map((bytes) => new Segment(bytes, { analyzerVersion: ANALYZER_VERSION, verify: false }))
  const docs = segments.reduce((sum, s) => sum + s.docCount, 0)
  const index = assembleIndex(newMeta(SEGMENTED_FORMAT, SEGMENTED_FORMAT_VERSION, sourceFingerprint), segments, createLiveTier(docs))
  const word = FIELDS.indexOf('word')
  return finishAnalysis(index, analyzer, seen, { knowsWord: (stem) => built.holds(word, stem), sentences: articles })
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
  index.meta = { ...index.meta, ...visibleCounts(index.store, index.deleted), acronyms: withNewAcronyms(index, articles, analyzer) }
  return added
}

/**
 * The index's acronyms plus those the new articles define, the new pairs added to the alias table at
 * once: an article defining 한국원자력통제기술원(KINAC) makes KINAC find the long form's sentences.
 * The share test runs over the new articles alone (the archive's text is not read again).
 */
function withNewAcronyms(index: SearchIndex, articles: Articles, analyzer: Analyzer): MinedAcronym[] {
  const mined = mineAcronyms((function* () {
    for (const { sentences } of articles) for (const sentence of sentences) yield sentence.text
  })(), analyzer)
  if (mined.length === 0) return index.meta.acronyms
  const acronyms = index.meta.acronyms.map((pair): MinedAcronym => [...pair])
  for (const [stem, acronym, count] of mined) {
    const known = acronyms.find(([s, a]) => s === stem && a === acronym)
    if (known) known[2] += count
    else {
      acronyms.push([stem, acronym, count])
      index.aliases.addGroup([{ field: 'word', term: stem }, { field: 'latin', term: acronym }])
    }
  }
  return acronyms
}

/**
 * Turns the live tier into one more archive segment (same doc ids, same scores, deleted live articles
 * left out) and starts an empty live tier after it. Returns the new segment, or null when the live
 * tier was empty or held deleted articles only.
 * @example
 * addArticles(index, [{ article, sentences }], analyzer); flushLiveTier(index)?.docCount // => 15
 */
export function flushLiveTier(index: SearchIndex): Segment | null {
  const liveArticles = index.live.store.articleCount
  const liveBase = index.store.articleCount - liveArticles
  const isDeleted = (a: number) => index.deleted.has(liveBase + a)
  if (liveArticles === 0) return null
  // A live tier of deleted articles only leaves no segment behind, just fewer deletions to remember.
  const segment = Array.from({ length: liveArticles }, (_, a) => a).some((a) => !isDeleted(a))
    ? new Segment(encodeLiveTier(index.live, isDeleted), { analyzerVersion: ANALYZER_VERSION })
    : null
  const segments = segment ? [...index.segments, segment] : index.segments
  const live = createLiveTier(index.live.docBase + (segment?.docCount ?? 0))
  const analysis = { lexicon: index.lexicon, aliases: index.aliases, stemRules: index.stemRules }
  const deletedArticles = [...index.deleted].filter((n) => n < liveBase)
  Object.assign(index, assembleIndex({ ...index.meta, format: SEGMENTED_FORMAT, version: SEGMENTED_FORMAT_VERSION, deletedArticles }, segments, live, analysis))
  return segment
}

/**
 * The archive segments as one pack (the live tier is not included: flush it first).
 * @example
 * openIndex(serializeSegments(index)).meta.sentences // => index.meta.sentences
 */
export function serializeSegments(index: SearchIndex): Uint8Array {
  const { stemRules } = index
  // Learnt rules are Maps; rules read from a pack are packed already.
  const rules = stemRules instanceof PackedStemRules ? stemRules : openStemRules(packStemRules(stemRules as LearntStemRules, index.lexicon), stemRules)
  const manifest: IndexManifest = {
    ...index.meta,
    format: SEGMENTED_FORMAT,
    version: SEGMENTED_FORMAT_VERSION,
    articles: index.segments.reduce((sum, s) => sum + s.articleCount, 0),
    sentences: index.segments.reduce((sum, s) => sum + s.docCount, 0),
    docBase: 0,
    segments: index.segments.map((s) => ({ docs: s.docCount, articles: s.articleCount, bytes: s.bytes.length })),
    lexiconEntries: index.lexicon.size,
    stemRules: { longest: rules.longest, rules: rules.rules.size, parts: rules.partsOf.size },
  }
  const lexicon = index.lexicon instanceof PackedLexicon ? index.lexicon.bytes : packLexicon(index.lexicon)
  return encodePack(manifest, [...index.segments.map((s) => s.bytes), lexicon, rules.bytes])
}

/** Freshly packed rules, read back: their parts count is what the pack holds (PackedStemRules checks it). */
function openStemRules(bytes: Uint8Array, learnt: StemRules): PackedStemRules {
  const entries = new PackedLexicon(bytes, { verify: false }).size
  return new PackedStemRules(bytes, learnt.longest, { rules: learnt.rules.size, parts: entries - learnt.rules.size }, { verify: false })
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
  // The blobs are the segments, then the lexicon, then the stem rules.
  if (!Array.isArray(manifest.segments) || manifest.segments.length + 2 !== blobs.length) {
    throw new SearchError('DATA_CORRUPTION', `index: manifest lists ${manifest.segments?.length} segments, a lexicon and stem rules, the pack holds ${blobs.length} blobs`)
  }
  const verify = options.verify ?? true
  const { longest, rules, parts } = manifest.stemRules ?? {}
  if (!Number.isInteger(longest) || !Number.isInteger(rules) || !Number.isInteger(parts)) throw new SearchError('DATA_CORRUPTION', 'index: the manifest does not describe the stem rules')
  const stemRules = new PackedStemRules(blobs.pop()!, longest!, { rules: rules!, parts: parts! }, { verify })
  const lexicon = new PackedLexicon(blobs.pop()!, { verify })
  if (lexicon.size !== manifest.lexiconEntries) throw new SearchError('DATA_CORRUPTION', `index: lexicon holds ${lexicon.size} entries, the manifest says ${manifest.lexiconEntries}`)
  const segments = blobs.map((blob) => new Segment(blob, { analyzerVersion: ANALYZER_VERSION, verify }))
  segments.forEach((segment, i) => {
    if (segment.docCount !== manifest.segments[i]!.docs) throw new SearchError('DATA_CORRUPTION', `index: segment ${i} holds ${segment.docCount} docs, the manifest says ${manifest.segments[i]!.docs}`)
  })
  const docs = segments.reduce((sum, s) => sum + s.docCount, 0)
  const { lexiconEntries: _entries, segments: _segments, stemRules: _rules, ...meta } = manifest
  return assembleIndex(meta, segments, createLiveTier(docs), { lexicon, stemRules })
}

interface IndexFile {
  meta: IndexMeta
  store: StoreJSON
  minisearch: unknown
  /** serializeLexicon() text (a live tier attached to an archive uses the archive's). */
  lexicon?: string
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
  const file: IndexFile = { meta, store: index.live.store.toJSON(), minisearch: index.live.miniSearch.toJSON(), lexicon: serializeLexicon(index.lexicon) }
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
    live = createLiveTier(meta.docBase ?? 0, miniSearch, new LiveStore(file.store))
  } catch (cause) {
    throw new SearchError('DATA_CORRUPTION', 'index: cannot load the MiniSearch part', { cause })
  }
  if (!archive) return assembleIndex(meta, [], live, { lexicon: parseLexicon(file.lexicon ?? '') })
  // The live file was saved with every deletion so far, the archive's included.
  const deletedArticles = [...new Set([...(archive.meta.deletedArticles ?? []), ...(meta.deletedArticles ?? [])])]
  const journalBytes = Math.max(archive.meta.journalBytes ?? 0, meta.journalBytes ?? 0)
  return assembleIndex({ ...archive.meta, deletedArticles, journalBytes }, archive.segments, live, { lexicon: archive.lexicon, aliases: archive.aliases, stemRules: archive.stemRules })
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
