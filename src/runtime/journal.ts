// The Node server's write-ahead journal: every article the write API accepts is appended here as one
// JSON line before it is indexed, and replayed into the live tier on the next start, so an accepted
// article survives a restart or a crash. `npm run flush` folds it into the archive and empties it.
// Node-only.
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Analyzer } from '../analysis/analyzers.ts'
import { toSentences } from '../ingest/index.ts'
import { addArticles, type SearchIndex } from '../index/search-index.ts'
import type { Article } from '../types.ts'
import { ROOT } from './node-index.ts'

/** Default journal; SEARCH_JOURNAL_FILE overrides it (the load test writes to a temp file). */
export const JOURNAL_FILE = process.env.SEARCH_JOURNAL_FILE ?? join(ROOT, 'index', 'live-articles.jsonl')

/** Appends one accepted article (synchronously: the write is answered only once it is on disk). */
export function appendToJournal(article: Article, file = JOURNAL_FILE): void {
  appendFileSync(file, JSON.stringify(article) + '\n')
}

/**
 * Adds the journal's articles the index does not hold yet to its live tier; returns how many. A
 * torn last line (a crash mid-append) is skipped with a warning: its write was never answered.
 */
export function replayJournal(index: SearchIndex, analyzer: Analyzer, file = JOURNAL_FILE, log: (line: string) => void = console.warn): number {
  if (!existsSync(file)) return 0
  const articles = new Map<string, Article>()
  const lines = readFileSync(file, 'utf8').split('\n')
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    let article: Article
    try {
      article = JSON.parse(line) as Article
    } catch {
      log(`journal: ${file}:${i + 1} is not a whole JSON line; skipped`)
      return
    }
    if (!index.store.articleById(article.id) && !articles.has(article.id)) articles.set(article.id, article)
  })
  if (articles.size > 0) addArticles(index, [...articles.values()].map((article) => ({ article, sentences: toSentences(article) })), analyzer)
  return articles.size
}

/** Empties the journal once its articles are saved elsewhere (the live tier file or a segment). */
export function clearJournal(file = JOURNAL_FILE): void {
  rmSync(file, { force: true })
}
