// `npm run eval:variants [-- --data FILE --queries FILE --distractors FILE --words N --seed N --limit N
// --show N --baseline]`: builds the engine over a news article set (default
// ../shared/data/ko-news-articles; with --queries, a {id, text} corpus such as klue-nli-dev whose
// human-written queries are cut down to keywords), optionally with distractor sentences (e.g.
// ../shared/data/ko-news), makes keyword queries (from the titles), and prints nDCG@10 for the clean
// queries beside each mistyped variant (typo, spacing, layout, 초성 …), with how much of the clean
// score each keeps. Every query goes through search(), the /api/search path; --baseline instead
// scores the query as typed, without the forgiving stages.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_KEYWORD_QUERY_OPTIONS, keywordQueries, ndcgAt, type KeywordQuery } from '../eval/keyword-queries.ts'
import { VARIANTS, type VariantKind } from '../eval/query-variants.ts'
import { seededRandom } from '../eval/random.ts'
import { buildSearchIndex, type SearchIndex } from '../index/search-index.ts'
import { ingestFiles, toSentences } from '../ingest/index.ts'
import { indexAnalyzerOptions, ROOT } from '../runtime/node-index.ts'
import { analyzeQuery, planQuery } from '../search/query.ts'
import { scoreSentences } from '../search/scorer.ts'
import { search } from '../search/search.ts'
import type { Article } from '../types.ts'

const K = 10
/** Retention a variant must keep, as a share of the clean queries' nDCG@10. */
const TARGET_RETENTION = 0.8

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(ROOT, '..', 'shared', 'data', 'ko-news-articles', 'articles.jsonl') },
    seed: { type: 'string', default: '20150624' },
    limit: { type: 'string' },
    show: { type: 'string', default: '0' },
    distractors: { type: 'string' },
    baseline: { type: 'boolean', default: false },
    words: { type: 'string' },
    queries: { type: 'string' },
  },
})

/** JSON lines of a file. */
const jsonLines = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
/** A {id, text} line as a one-sentence article. */
const textArticle = ({ id, text }: { id: string; text: string }, title = ''): Article => ({
  id, title, outlet: null, byline: null, published_at: null, section: null, url: null, body: text,
})

const file = values.data
const articles = values.queries ? jsonLines<{ id: string; text: string }>(file).map((d) => textArticle(d)) : ingestFiles([{ name: file, text: readFileSync(file, 'utf8') }])
// Distractors: one-sentence articles that no query is about.
const distractors = values.distractors ? jsonLines<{ id: string; text: string }>(values.distractors).map((d) => textArticle(d)) : []
const started = performance.now()
const index = buildSearchIndex(
  [...articles, ...distractors].map((article) => ({ article, sentences: toSentences(article) })),
  indexAnalyzerOptions(),
)
const analyzer = index.queryAnalyzer
// --words N: queries of exactly N keywords (the rarest of the title), so one changed word weighs more.
const words = values.words ? Number(values.words) : undefined
const keywordOptions = words ? { minWords: words, maxWords: words } : DEFAULT_KEYWORD_QUERY_OPTIONS
// With --queries, each query's text plays the title and its relevant document the body.
const byId = new Map(articles.map((a) => [a.id, a]))
let queries = values.queries
  ? keywordQueries(
      jsonLines<{ id: string; text: string; relevant: string[] }>(values.queries)
        .filter((q) => byId.has(q.relevant[0]!))
        .map((q) => textArticle({ id: q.relevant[0]!, text: byId.get(q.relevant[0]!)!.body }, q.text)),
      analyzer,
      keywordOptions,
    )
  : keywordQueries(articles, analyzer, keywordOptions)
if (values.limit) queries = queries.slice(0, Number(values.limit))
console.log(`eval:variants: ${articles.length} articles + ${distractors.length} distractors, ${index.meta.sentences} sentences indexed in ${((performance.now() - started) / 1000).toFixed(1)} s; ${queries.length} keyword queries`)

/** The query as typed, without the forgiving stages: BM25 × coverage, articles by their best sentence. */
function plainSearch(idx: SearchIndex, q: string): string[] {
  const best = new Map<string, number>()
  for (const s of scoreSentences(idx.sources, planQuery(analyzeQuery(q, analyzer)), idx.store.sentenceCount).sentences) {
    const id = idx.store.articleOf(s.doc).id
    best.set(id, Math.max(best.get(id) ?? 0, s.score))
  }
  return [...best].sort((a, b) => b[1] - a[1]).slice(0, K).map(([id]) => id)
}

const ndcgOf = (idx: SearchIndex, q: string, relevant: string[]) =>
  ndcgAt(K, values.baseline ? plainSearch(idx, q) : search(idx, analyzer, { q, limit: K, offset: 0 }).hits.map((h) => h.article.id), relevant)

const clean = queries.map((q) => ndcgOf(index, q.text, q.relevant))
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)
const show = Number(values.show)

const rows: string[][] = [['variant', 'changed', 'clean nDCG@10', 'variant nDCG@10', 'retention', `≥ ${TARGET_RETENTION * 100}%`, 'ms/query']]
rows.push(['clean', String(queries.length), mean(clean).toFixed(3), mean(clean).toFixed(3), '100.0%', '', ''])
for (const kind of Object.keys(VARIANTS) as VariantKind[]) {
  const random = seededRandom(Number(values.seed))
  const changed: Array<{ q: KeywordQuery; i: number; variant: string }> = []
  queries.forEach((q, i) => {
    const variant = VARIANTS[kind](q.text, random)
    if (variant !== q.text) changed.push({ q, i, variant })
  })
  const t = performance.now()
  const scores = changed.map(({ q, variant }) => ndcgOf(index, variant, q.relevant))
  const ms = (performance.now() - t) / Math.max(1, changed.length)
  const before = mean(changed.map(({ i }) => clean[i]!))
  const after = mean(scores)
  const retention = before === 0 ? 0 : after / before
  rows.push([kind, String(changed.length), before.toFixed(3), after.toFixed(3), `${(retention * 100).toFixed(1)}%`, retention >= TARGET_RETENTION ? 'yes' : 'NO', ms.toFixed(1)])
  // --show N: the N worst losses of this variant, to read what went wrong.
  const losses = changed.map((c, j) => ({ ...c, loss: clean[c.i]! - scores[j]! })).filter((c) => c.loss > 0).sort((a, b) => b.loss - a.loss)
  for (const c of losses.slice(0, show)) console.log(`  ${kind}: ${c.q.text} → ${c.variant} (${clean[c.i]!.toFixed(2)} → ${(clean[c.i]! - c.loss).toFixed(2)})`)
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
for (const [r, row] of rows.entries()) {
  console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`)
  if (r === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`)
}
