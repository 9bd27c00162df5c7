// The Node server's write-ahead journal: every change the write API accepts (an article added or
// replaced, a deletion) is appended here as one JSON line before the index sees it, and replayed on
// the next start, so an accepted change survives a restart or a crash. `npm run flush` folds it into the archive and empties it.
// Node-only.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
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

/**
 * Applies the journal to the index; returns how many articles it changed. Only the last change of
 * each id counts (an article written then replaced then deleted is just deleted), and one the index
 * already reflects is skipped, so replaying a journal twice (e.g. after a flush that stopped before
 * emptying it) changes nothing. A torn last line (a crash mid-append) is skipped with a warning: its
 * write was never answered.
 */
export function replayJournal(index: SearchIndex, analyzer: Analyzer, file = JOURNAL_FILE, log: (line: string) => void = console.warn): number {
  if (!existsSync(file)) return 0
  const lastChange = new Map<string, ArticleChange>()
  readFileSync(file, 'utf8')
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
        log(`journal: ${file}:${i + 1} is not a whole JSON line; skipped`)
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

/** Empties the journal once its changes are saved elsewhere (the live tier file or the pack). */
export function clearJournal(file = JOURNAL_FILE): void {
  rmSync(file, { force: true })
}
