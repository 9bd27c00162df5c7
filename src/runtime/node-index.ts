// Node side of the index: reads corpus/ from disk, builds the archive segments with the native Han
// segmenter (jieba), writes index/, and loads it back (plus the live tier, when one was saved).
// Only Node code (runtime/, cli/) imports this module.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { ANALYZER_VERSION, type AnalyzerOptions, type HanSegmenter } from '../analysis/analyzers.ts'
import { SearchError } from '../errors.ts'
import { ingestFiles, toSentences } from '../ingest/index.ts'
import { SEGMENT_VERSION } from '../index/segment/format.ts'
import { addSynonyms } from '../index/aliases.ts'
import { createMorphEojeolAnalyzer } from '../analysis/eojeol/morph-eojeol-analyzer.ts'
import { nodeMorphAnalyzer } from './morph-node.ts'
import { LEXICON_VERSION } from '../index/packed-lexicon.ts'
import {
  buildSegmentedIndex,
  loadIndex,
  openIndex,
  readPackManifest,
  SEGMENTED_FORMAT_VERSION,
  serializeSegments,
  type SearchIndex,
} from '../index/search-index.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const CORPUS_DIR = join(ROOT, 'corpus')
/** Query-time synonyms (see the file's header); edited by hand, applied without a rebuild. */
export const SYNONYMS_FILE = join(CORPUS_DIR, 'synonyms.txt')
// The archive as one pack of segments: the Worker bundles it as a data module (wrangler.toml [[rules]]).
export const INDEX_FILE = join(ROOT, 'index', 'search-index.pack')
/** The live tier (articles added since the last flush), as MiniSearch JSON; absent when empty. */
export const LIVE_FILE = join(ROOT, 'index', 'live.json')

/** Article files are .txt, .jsonl and .md; licence and attribution files beside them are not articles. */
const ARTICLE_FILE = /\.(txt|jsonl|md)$/i
const NOT_AN_ARTICLE = /^(readme|licen[cs]e|notice|attribution|authors|synonyms)\b/i

export interface CorpusFile {
  name: string
  text: string
}

export function readCorpus(dir = CORPUS_DIR): CorpusFile[] {
  const files: CorpusFile[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (ARTICLE_FILE.test(entry.name) && !NOT_AN_ARTICLE.test(entry.name)) {
        files.push({ name: relative(dir, path), text: readFileSync(path, 'utf8') })
      }
    }
  }
  walk(dir)
  return files
}

/** Changes whenever a corpus file, the analyzer or the index format changes. */
export function fingerprint(files: CorpusFile[]): string {
  const hash = createHash('sha256').update(`analyzer ${ANALYZER_VERSION} format ${SEGMENTED_FORMAT_VERSION}.${SEGMENT_VERSION}.${LEXICON_VERSION}\n`)
  for (const f of files) hash.update(`${f.name}\u0000${f.text}\u0000`)
  return hash.digest('hex').slice(0, 16)
}

let jieba: Jieba | undefined
/** jieba segments Han runs only; it would split Hangul into single syllables, so it never sees Hangul. */
export const jiebaSegmenter: HanSegmenter = (run) => {
  jieba ??= Jieba.withDict(dict)
  return jieba.cut(run, false)
}

/**
 * What the index-time analyzer adds to the shared chain in Node: MeCab-ko for Hangul eojeols and jieba for
 * Han runs. The query side has neither: it repeats their answers through the index's eojeol lexicon.
 */
export function indexAnalyzerOptions(): AnalyzerOptions {
  return { hanSegmenter: jiebaSegmenter, eojeolAnalyzer: createMorphEojeolAnalyzer(nodeMorphAnalyzer()) }
}

export interface BuildReport {
  index: SearchIndex
  /** The pack written to index/. */
  bytes: Uint8Array
  files: number
  buildMs: number
}

export function buildFromCorpus(files: CorpusFile[] = readCorpus()): BuildReport {
  const started = performance.now()
  const articles = ingestFiles(files).map((article) => ({ article, sentences: toSentences(article) }))
  const index = buildSegmentedIndex(articles, indexAnalyzerOptions(), fingerprint(files))
  const bytes = serializeSegments(index)
  return { index, bytes, files: files.length, buildMs: performance.now() - started }
}

/** Writes atomically (temp file + rename), so a reader never sees half an index. */
export function writeIndexFile(bytes: Uint8Array | string, file = INDEX_FILE): number {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  // On disk before it replaces the old file: a flush empties the journal right after this.
  writeFileSync(tmp, bytes, { flush: true })
  renameSync(tmp, file)
  return typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length
}

/** Why the index on disk cannot be used as it is, or null when it is current. */
export function staleReason(files: CorpusFile[], file = INDEX_FILE): string | null {
  if (!existsSync(file)) return 'no index yet'
  try {
    const manifest = readPackManifest(readFileSync(file))
    return manifest.sourceFingerprint === fingerprint(files) ? null : 'corpus or analyzer changed'
  } catch (err) {
    return err instanceof SearchError ? err.message : String(err)
  }
}

/**
 * Loads index/ with the Worker's loading code (building the archive first when missing or stale),
 * and attaches the saved live tier when there is one. A rebuild sets an old live tier aside: its doc
 * ids follow the old archive.
 */
export async function loadOrBuildIndex(log: (line: string) => void = console.log): Promise<SearchIndex> {
  const files = readCorpus()
  const reason = staleReason(files)
  if (reason !== null) {
    log(`index: building (${reason}) from ${files.length} corpus files…`)
    const report = buildFromCorpus(files)
    writeIndexFile(report.bytes)
    if (existsSync(LIVE_FILE)) {
      const aside = `${LIVE_FILE}.before-rebuild`
      renameSync(LIVE_FILE, aside)
      log(`index: the archive was rebuilt, so the live tier no longer fits it: moved to ${aside} (the write journal brings its articles back)`)
    }
    log(`index: ${report.index.meta.articles} articles, ${report.index.meta.sentences} sentences in ${Math.round(report.buildMs)} ms`)
  }
  return loadIndexFiles()
}

/** The archive pack, plus the live tier file when present, plus the synonyms file. */
export function loadIndexFiles(file = INDEX_FILE, liveFile = LIVE_FILE): SearchIndex {
  const archive = openIndex(readFileSync(file))
  const index = existsSync(liveFile) ? loadIndex(readFileSync(liveFile, 'utf8'), archive) : archive
  if (existsSync(SYNONYMS_FILE)) addSynonyms(index.aliases, readFileSync(SYNONYMS_FILE, 'utf8'), index.queryAnalyzer, 'corpus/synonyms.txt')
  return index
}
