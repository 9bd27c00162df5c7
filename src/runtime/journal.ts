// The Node server's journal of the write API: every accepted change (an article added or replaced,
// a deletion) is appended here as one JSON line, on disk before the index sees it. It is the written
// articles' own record, as corpus/ is the bundled ones': a start replays what the index does not hold
// yet (all of it after a rebuild from corpus/), so an accepted change survives a restart, a crash, a
// flush and an upgrade that rebuilds the index. Node-only.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { Analyzer } from '../analysis/analyzers.ts'
import { toSentences } from '../ingest/index.ts'
import type { ArticleChange } from '../api/writes.ts'
import { deleteArticle, putArticle } from '../index/deletions.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { Article } from '../types.ts'
import { ROOT } from './node-index.ts'

/** Default journal; SEARCH_JOURNAL_FILE overrides it (the load test writes to a temp file). */
export const JOURNAL_FILE = process.env.SEARCH_JOURNAL_FILE ?? join(ROOT, 'index', 'live-articles.jsonl')

/**
 * Appends one accepted change (synchronously: the write is answered only once it is on disk): an
 * article as its JSON line, a deletion as {"deleted": id}.
 */
export function appendToJournal(change: ArticleChange, file = JOURNAL_FILE): void {
  const fd = openSync(file, 'a')
  try {
    writeSync(fd, JSON.stringify('article' in change ? change.article : change) + '\n')
    // On disk, not just in the OS's cache: a power cut after the 201 must not lose the article.
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** The journal's size in bytes (0 when there is none): what an index that replayed all of it records. */
export const journalBytes = (file = JOURNAL_FILE): number => (existsSync(file) ? statSync(file).size : 0)

/**
 * Applies the journal from byte `from` on (what `index.meta.journalBytes` says the index already
 * holds) and records its new size in the index's meta; returns how many articles changed. Only the
 * last change of each id counts (written, replaced, then deleted is just deleted), and a change the
 * index already reflects is skipped, so replaying more than needed changes nothing. A torn last line
 * (a crash mid-append; its write was never answered) is cut off with a warning, so the next append
 * starts a line of its own.
 */
export function replayJournal(index: SearchIndex, analyzer: Analyzer, file = JOURNAL_FILE, log: (line: string) => void = console.warn): number {
  if (!existsSync(file)) return 0
  const bytes = readFileSync(file)
  const whole = bytes.lastIndexOf(0x0a) + 1
  if (whole < bytes.length) {
    log(`journal: ${file} ends in a torn line (${bytes.length - whole} bytes of a write never answered); cut off`)
    truncateSync(file, whole)
  }
  // A journal shorter than the index says was replaced or cut by hand: read it all (replay is idempotent).
  const held = index.meta.journalBytes ?? 0
  const from = held <= whole ? held : 0
  const lastChange = new Map<string, ArticleChange>()
  bytes
    .subarray(from, whole)
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return
      try {
        const entry = JSON.parse(line) as Article | { deleted: string }
        const change: ArticleChange = 'deleted' in entry ? entry : { article: entry }
        const id = 'deleted' in change ? change.deleted : change.article.id
        lastChange.delete(id) // re-inserted last: changes apply in the order of their last line
        lastChange.set(id, change)
      } catch {
        log(`journal: ${file}: line ${i + 1} after byte ${from} is not JSON; skipped`)
      }
    })
  let applied = 0
  for (const change of lastChange.values()) {
    if ('deleted' in change) {
      if (deleteArticle(index, change.deleted)) applied++
    } else if (!sameArticle(index, change.article)) {
      putArticle(index, { article: change.article, sentences: toSentences(change.article) }, analyzer)
      applied++
    }
  }
  index.meta = { ...index.meta, journalBytes: whole }
  return applied
}

/** Whether the index already holds `article` exactly (metadata and sentences). */
function sameArticle(index: SearchIndex, article: Article): boolean {
  const { body: _body, ...meta } = article
  const held = index.store.articleById(article.id)
  if (!held || !(Object.keys(meta) as Array<keyof typeof meta>).every((key) => held[key] === meta[key])) return false
  const sentences = toSentences(article)
  const stored = index.store.sentencesOf(article.id)
  return stored.length === sentences.length && stored.every((s, i) => s.text === sentences[i]!.text && s.start === sentences[i]!.start)
}
