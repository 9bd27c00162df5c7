// A realistic, reproducible mix of search requests for `npm run load`: words and short phrases cut
// from news sentences, article titles, and people's questions (KLUE-NLI queries), from ../shared/data
// when present, else from corpus/ alone. Node-only (reads files).
import { seededRandom } from '../eval/random.ts'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ingestFiles, toSentences } from '../ingest/index.ts'
import { CORPUS_DIR, readCorpus, ROOT } from '../runtime/node-index.ts'
import { MAX_QUERY_CHARS } from '../search/limits.ts'

export const SHARED_DATA = join(ROOT, '..', 'shared', 'data')

interface Sources {
  from: string
  sentences: string[]
  titles: string[]
  questions: string[]
}

const readJsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, string>)

function loadSources(): Sources {
  const files = ['ko-news/corpus.jsonl', 'ko-news-articles/articles.jsonl', 'klue-nli-dev/queries.jsonl'].map((f) => join(SHARED_DATA, f))
  if (files.every(existsSync)) {
    const [news, articles, queries] = files.map(readJsonl) as [Record<string, string>[], Record<string, string>[], Record<string, string>[]]
    return {
      from: SHARED_DATA,
      sentences: news.map((r) => r.text!),
      titles: articles.map((r) => r.title!),
      questions: queries.map((r) => r.text!),
    }
  }
  // A clone without ../shared: the bundled corpus gives sentences and titles; first sentences stand in for questions.
  const articles = ingestFiles(readCorpus())
  const sentences = articles.flatMap((a) => toSentences(a).map((s) => s.text))
  return { from: CORPUS_DIR, sentences, titles: articles.map((a) => a.title), questions: articles.map((a) => toSentences(a)[0]?.text ?? a.title) }
}


export interface QueryMix {
  from: string
  /** Request paths, e.g. `/api/search?q=%EB%B2%A8...&limit=20`. */
  paths: string[]
  /** How many paths each kind of query contributed. */
  kinds: Record<'words' | 'title' | 'question', number>
}

/**
 * `count` search paths: half 1–3 consecutive words of a news sentence (벨라루스를 선택했다), a quarter
 * article titles, a quarter questions; a fifth ask for 20 hits, a tenth for the second page.
 * Every query is valid (non-blank, at most MAX_QUERY_CHARS), so any non-2xx is a server fault.
 * @example
 * buildQueryMix(3, 1).paths // => ['/api/search?q=%EC%A0%95%EB%B6%80%EB%8A%94', …]
 */
export function buildQueryMix(count: number, seed: number): QueryMix {
  const sources = loadSources()
  const next = seededRandom(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const kinds = { words: 0, title: 0, question: 0 }
  const paths: string[] = []
  while (paths.length < count) {
    const roll = next()
    const kind = roll < 0.5 ? 'words' : roll < 0.75 ? 'title' : 'question'
    let q: string
    if (kind === 'words') {
      const words = pick(sources.sentences).split(/\s+/).filter(Boolean)
      const n = 1 + Math.floor(next() * 3)
      const at = Math.floor(next() * Math.max(1, words.length - n + 1))
      q = words.slice(at, at + n).join(' ')
    } else {
      q = pick(kind === 'title' ? sources.titles : sources.questions)
    }
    q = [...q.trim()].slice(0, MAX_QUERY_CHARS).join('').trim()
    if (q === '') continue
    const page = next()
    const extra = page < 0.2 ? '&limit=20' : page < 0.3 ? '&offset=10' : ''
    paths.push(`/api/search?q=${encodeURIComponent(q)}${extra}`)
    kinds[kind]++
  }
  return { from: sources.from, paths, kinds }
}
