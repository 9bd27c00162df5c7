// The searchable index of the live tier: one MiniSearch document per sentence, with the analyzer's
// tokens pre-split into one field per token kind, plus the sentence store, serialised as one JSON
// file. Must not import runtime code (the same loader runs in Node and in the Worker).
import MiniSearch from 'minisearch'
import { ANALYZER_VERSION, createAnalyzer, type Analyzer, type AnalyzerOptions } from '../analysis/analyzers.ts'
import {
  createLexiconAnalyzer,
  createRecordingAnalyzer,
  lexiconOf,
  parseLexicon,
  serializeLexicon,
  type EojeolLexicon,
} from '../analysis/eojeol/lexicon.ts'
import { createVocabularyAnalyzer } from '../analysis/eojeol/vocabulary-analyzer.ts'
import { ruleAnalysis } from '../analysis/filters/stems.ts'
import { SearchError } from '../errors.ts'
import type { Article, Sentence } from '../types.ts'
import { FIELD_OF_KIND, FIELDS, type Field } from './fields.ts'
import { createMiniSearchSource } from './minisearch-source.ts'
import { AliasTable, createAliasTable, mineAcronyms, type MinedAcronym } from './aliases.ts'
import { createStore, SentenceStore, type StoreJSON } from './store.ts'
import type { TermSource } from './term-source.ts'

export const INDEX_FORMAT = 'korean-news-search/minisearch'
export const INDEX_FORMAT_VERSION = 1

export interface IndexMeta {
  format: string
  version: number
  analyzerVersion: number
  builtAt: string
  articles: number
  sentences: number
  /** Hash of the corpus the index was built from (set by the build command), to detect staleness. */
  sourceFingerprint: string | null
  /** Acronyms defined in the corpus text: 정보통신기술(ICT) → ['정보통신기술', 'ict', 1]. */
  acronyms: MinedAcronym[]
}

export interface SearchIndex {
  meta: IndexMeta
  miniSearch: MiniSearch<IndexedSentence>
  store: SentenceStore
  /** Every tier the scorer reads, with global doc ids into `store`. */
  sources: TermSource[]
  /** Mined acronyms, plus the synonyms file once a runtime adds it. */
  aliases: AliasTable
  /** What the build-time analysis said about corpus eojeols, where the query-time fallback differs. */
  lexicon: EojeolLexicon
  /** Analyzes queries (and highlights) the way this index analysed its text. */
  queryAnalyzer: Analyzer
}

/** A sentence as MiniSearch sees it: doc id and, per field, its terms joined by spaces. */
export type IndexedSentence = { id: number } & Record<Field, string>

const MINISEARCH_OPTIONS = {
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

/**
 * Index every sentence of `articles` with the index-time analyzer (which may use native or
 * dictionary stages: a Han segmenter, a morphological eojeol analyzer).
 * @example
 * buildSearchIndex([{ article, sentences }], { hanSegmenter }).meta.sentences // => 15
 */
export function buildSearchIndex(
  articles: Array<{ article: Article; sentences: Sentence[] }>,
  options: AnalyzerOptions = {},
  sourceFingerprint: string | null = null,
): SearchIndex {
  // Every eojeol's build-time analysis is recorded, so the query side can repeat it exactly.
  const recording = createRecordingAnalyzer(options.eojeolAnalyzer ?? ruleAnalysis)
  const analyzer = createAnalyzer({ ...options, eojeolAnalyzer: recording.analyzer })
  const store = createStore(articles)
  const miniSearch = createMiniSearch()
  const docs: IndexedSentence[] = []
  for (let doc = 0; doc < store.sentenceCount; doc++) docs.push(toIndexedSentence(doc, store.sentence(doc).text, analyzer))
  miniSearch.addAll(docs)
  const texts = (function* () {
    for (let doc = 0; doc < store.sentenceCount; doc++) yield store.sentence(doc).text
  })()
  const acronyms = mineAcronyms(texts, analyzer)
  const meta: IndexMeta = {
    format: INDEX_FORMAT,
    version: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    builtAt: new Date().toISOString(),
    articles: store.articles.length,
    sentences: store.sentenceCount,
    sourceFingerprint,
    acronyms,
  }
  const sources = [createMiniSearchSource(miniSearch)]
  const lexicon = lexiconOf(recording.seen, vocabularyAnalyzer(sources))
  return { meta, miniSearch, store, sources, aliases: createAliasTable(acronyms), lexicon, queryAnalyzer: queryAnalyzerFor(sources, lexicon) }
}

/** The fallback for eojeols the lexicon lacks: strip down to a stem the index knows. */
function vocabularyAnalyzer(sources: readonly TermSource[]) {
  return createVocabularyAnalyzer((stem) => sources.some((s) => s.docFreq('word', stem) > 0))
}

function queryAnalyzerFor(sources: readonly TermSource[], lexicon: EojeolLexicon): Analyzer {
  return createAnalyzer({ eojeolAnalyzer: createLexiconAnalyzer(lexicon, vocabularyAnalyzer(sources)) })
}

interface IndexFile {
  meta: IndexMeta
  store: StoreJSON
  minisearch: unknown
  /** serializeLexicon() text */
  lexicon: string
}

export function serializeIndex(index: SearchIndex): string {
  const file: IndexFile = { meta: index.meta, store: index.store.toJSON(), minisearch: index.miniSearch.toJSON(), lexicon: serializeLexicon(index.lexicon) }
  return JSON.stringify(file)
}

/**
 * Load an index from its gzip-compressed serialisation, the form that ships in the Worker bundle:
 * the compressed bytes stay small, and the JSON text is dropped once parsed.
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

/** Reads the meta block only, e.g. to decide whether an index on disk is stale. */
export function readIndexMeta(json: string): IndexMeta {
  return checkMeta(parse(json).meta)
}

/**
 * Load a serialised index; rejects other formats or analyzer versions, since the query analyzer
 * must match the one the index was built with.
 */
export function loadIndex(json: string): SearchIndex {
  const file = parse(json)
  const meta = checkMeta(file.meta)
  try {
    const miniSearch = MiniSearch.loadJS<IndexedSentence>(file.minisearch as never, MINISEARCH_OPTIONS)
    const sources = [createMiniSearchSource(miniSearch)]
    const lexicon = parseLexicon(file.lexicon ?? '')
    return {
      meta,
      miniSearch,
      store: new SentenceStore(file.store),
      sources,
      aliases: createAliasTable(meta.acronyms),
      lexicon,
      queryAnalyzer: queryAnalyzerFor(sources, lexicon),
    }
  } catch (cause) {
    throw new SearchError('DATA_CORRUPTION', 'index: cannot load the MiniSearch part', { cause })
  }
}

function parse(json: string): IndexFile {
  try {
    return JSON.parse(json) as IndexFile
  } catch (cause) {
    throw new SearchError('DATA_CORRUPTION', 'index: not valid JSON', { cause })
  }
}

function checkMeta(meta: IndexMeta | undefined): IndexMeta {
  if (!meta || meta.format !== INDEX_FORMAT) {
    throw new SearchError('INDEX_INCOMPATIBLE', `index: format ${String(meta?.format)}, expected ${INDEX_FORMAT}`)
  }
  if (meta.version !== INDEX_FORMAT_VERSION) {
    throw new SearchError('INDEX_INCOMPATIBLE', `index: format version ${meta.version}, expected ${INDEX_FORMAT_VERSION}`)
  }
  if (meta.analyzerVersion !== ANALYZER_VERSION) {
    throw new SearchError('INDEX_INCOMPATIBLE', `index: analyzer version ${meta.analyzerVersion}, expected ${ANALYZER_VERSION}`)
  }
  return meta
}
