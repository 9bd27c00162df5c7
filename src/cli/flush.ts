// `npm run flush [-- --add FILE… ] [--no-flush] [--index PACK] [--live JSON] [--journal JSONL]`: the live tier
// (index/live.json plus what the write API's journal holds beyond the archive: articles added, replaced
// or deleted since the last flush) becomes one more immutable segment of the archive
// (index/search-index.pack), with the same doc ids and scores; deleted archive articles are recorded in
// the pack, and the live file is removed. The journal stays: it is the written articles' record, which
// a rebuild from corpus/ replays (the pack notes how much of it it holds). Stop the server first: it
// holds the live tier in memory. `--add` first writes article files (.txt, .jsonl, .md) through the
// journal (an id already indexed is replaced); with `--no-flush` they stay in the live tier file.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { createAnalyzer } from '../analysis/analyzers.ts'
import { putArticle } from '../index/deletions.ts'
import { ingestFiles, toSentences } from '../ingest/index.ts'
import { flushLiveTier, serializeIndex, serializeSegments } from '../index/search-index.ts'
import { appendToJournal, JOURNAL_FILE, journalBytes, replayJournal } from '../runtime/journal.ts'
import { INDEX_FILE, indexAnalyzerOptions, LIVE_FILE, loadIndexFiles, writeIndexFile } from '../runtime/node-index.ts'

const argv = process.argv.slice(2)
const valueOf = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 && argv[i + 1] !== undefined ? resolve(argv[i + 1]!) : fallback
}
const indexFile = valueOf('index', INDEX_FILE)
const liveFile = valueOf('live', LIVE_FILE)
const journalFile = valueOf('journal', JOURNAL_FILE)
/** The file arguments after --add, up to the next option. */
const files: string[] = []
for (let i = argv.indexOf('--add') + 1; i > 0 && i < argv.length && !argv[i]!.startsWith('--'); i++) files.push(resolve(argv[i]!))

if (!existsSync(indexFile)) {
  console.error(`flush: no archive at ${indexFile}; run npm run build:index first`)
  process.exit(1)
}
const index = loadIndexFiles(indexFile, liveFile)
const analyzer = createAnalyzer(indexAnalyzerOptions())
const journaled = replayJournal(index, analyzer, journalFile)
if (journaled > 0) console.log(`flush: ${journaled} changes from the write journal ${journalFile}`)

if (files.length > 0) {
  const articles = ingestFiles(files.map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') })))
  let sentences = 0
  let replaced = 0
  for (const article of articles) {
    appendToJournal({ article }, journalFile)
    const put = putArticle(index, { article, sentences: toSentences(article) }, analyzer)
    sentences += put.sentences
    if (put.previous) replaced++
  }
  index.meta = { ...index.meta, journalBytes: journalBytes(journalFile) }
  console.log(`flush: added ${articles.length} articles (${sentences} sentences) to the live tier${replaced > 0 ? `, ${replaced} replacing an indexed one` : ''}`)
}

const live = index.live.store
if (argv.includes('--no-flush')) {
  writeIndexFile(serializeIndex(index), liveFile)
  console.log(`flush: live tier saved to ${liveFile} (${live.articleCount} articles, ${live.sentenceCount} sentences)`)
} else if (live.articleCount === 0 && journaled === 0 && files.length === 0 && !existsSync(liveFile)) {
  console.log('flush: the live tier is empty, nothing to do')
} else {
  const articles = live.articleCount
  const segment = flushLiveTier(index)
  const bytes = writeIndexFile(serializeSegments(index), indexFile)
  rmSync(liveFile, { force: true })
  const written = segment
    ? `wrote a segment of ${segment.articleCount} articles, ${segment.docCount} sentences (${segment.bytes.length} bytes)`
    : `no new segment (the ${articles} live articles were deleted)`
  const deleted = index.meta.deletedArticles?.length ?? 0
  console.log(
    `flush: ${written}; ${indexFile} now holds ${index.segments.length} segments, ${index.meta.articles} articles, ` +
      `${index.meta.sentences} sentences (${bytes} bytes)${deleted > 0 ? `, ${deleted} deleted articles awaiting a rebuild` : ''}`,
  )
}
