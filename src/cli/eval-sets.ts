// The evaluation sets `npm run eval` knows, read from ../shared (data and the mecab-ko-dic lexicon).
// Node only: eval tooling is the one place that may read ../shared; the app and tests never do.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { addDistractors, parseJsonLines, toDocs, toQueries, type EvalDoc, type EvalQuery } from '../eval/dataset.ts'
import { buildKeywordSet, DEFAULT_KEYWORD_SET_OPTIONS, type Lexicon } from '../eval/keyword-set.ts'
import { VARIANTS } from '../eval/query-variants.ts'
import { seededRandom } from '../eval/random.ts'
import { ROOT } from '../runtime/node-index.ts'

export const DEFAULT_SHARED = resolve(ROOT, '..', 'shared')

export interface EvalSet {
  name: string
  docs: EvalDoc[]
  queries: EvalQuery[]
  /** Lines printed above the set's table: how it was put together. */
  notes: string[]
  /** Extra rows of the breakdown beside one row per query source. */
  groups: Record<string, (q: EvalQuery) => boolean>
}

/** KLUE genres that are news: wikinews, wikitree (online news) and policy (government briefings). */
const NEWS_SOURCES = new Set(['wikinews', 'wikitree', 'policy'])

function readJsonl(file: string): Array<Record<string, unknown>> {
  if (!existsSync(file)) throw new Error(`eval: missing ${file} (the eval sets live in ../shared/data)`)
  return parseJsonLines(readFileSync(file, 'utf8'), file)
}

/** 1,000 KLUE-NLI premises + 6,801 ko-news distractor sentences; 1,000 entailed hypotheses as queries. */
function klueNliDev(shared: string): EvalSet {
  const dir = join(shared, 'data', 'klue-nli-dev')
  const distractorFile = join(shared, 'data', 'ko-news', 'corpus.jsonl')
  const { docs, added, dropped } = addDistractors(toDocs(readJsonl(join(dir, 'corpus.jsonl'))), toDocs(readJsonl(distractorFile)))
  return {
    name: 'klue-nli-dev',
    docs,
    queries: toQueries(readJsonl(join(dir, 'queries.jsonl'))),
    notes: [`sentence level: KLUE-NLI dev premises + ko-news distractors (+${added}, ${dropped} dropped as duplicates)`],
    groups: { news: (q) => NEWS_SOURCES.has(q.source ?? ''), 'not news': (q) => !NEWS_SOURCES.has(q.source ?? '') },
  }
}

/**
 * klue-nli-dev with the 630 Wikinews articles (title + text, a dozen sentences each) as further
 * distractors: the one-sentence documents the queries point at, among long articles. Grouping
 * sentences into articles is then on trial, as in the bench's all-real corpus.
 */
function klueWithArticles(shared: string): EvalSet {
  const base = klueNliDev(shared)
  const articles = toDocs(readJsonl(join(shared, 'data', 'ko-news-articles', 'articles.jsonl')).map(({ body, ...rest }) => ({ ...rest, text: body })))
  const { docs, added, dropped } = addDistractors(base.docs, articles)
  return {
    ...base,
    name: 'klue-with-articles',
    docs,
    notes: [...base.notes, `+ ${added} Wikinews articles as multi-sentence distractors (${dropped} dropped as duplicates)`],
  }
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))

/** mecab-ko-dic as the keyword builder needs it: nouns, their homographs, particles and endings. */
function loadLexicon(shared: string): Lexicon {
  const dir = join(shared, 'dict', 'mecab-ko-dic')
  const nouns = new Set<string>()
  const anyNouns = new Set<string>()
  const nonNouns = new Set<string>()
  const predicateStems = new Set<string>()
  // Columns: surface, pos (first tag), tags (multi-morpheme entries only), cost, type, …
  for (const line of gunzipSync(readFileSync(join(dir, 'lexicon.tsv.gz'))).toString('utf8').split('\n')) {
    if (line.startsWith('#') || line === '') continue
    const [surface = '', pos = '', tags = ''] = line.split('\t', 3)
    if (pos.startsWith('N') && tags === '') {
      anyNouns.add(surface)
      if ((pos === 'NNG' || pos === 'NNP') && /^[\uAC00-\uD7A3]{2,}$/.test(surface)) nouns.add(surface)
    } else nonNouns.add(surface)
    if ((pos === 'VV' || pos === 'VA') && tags === '') predicateStems.add(surface)
  }
  const particles = new Set(lines(join(dir, 'josa.txt')))
  const endings = new Set(lines(join(dir, 'eomi.txt')))
  return { nouns, anyNouns, nonNouns, predicateStems, particles, endings }
}

/** 630 Wikinews articles; one 2–4-noun keyword query per article (see src/eval/keyword-set.ts). */
function wikinewsKeywords(shared: string): EvalSet {
  // An article's `body` is its text; the indexed body is title + text, as the harness builds it.
  const articles = toDocs(readJsonl(join(shared, 'data', 'ko-news-articles', 'articles.jsonl')).map(({ body, ...rest }) => ({ ...rest, text: body })))
  const set = buildKeywordSet(articles, { lexicon: loadLexicon(shared), ...DEFAULT_KEYWORD_SET_OPTIONS })
  return {
    name: 'wikinews-keywords',
    docs: set.docs,
    queries: set.queries,
    notes: [
      `article level: ${articles.length} Wikinews articles; queries of 2–4 mecab-ko-dic nouns, each in 2–5 % of the articles,`,
      `the combination in no other article (seed ${DEFAULT_KEYWORD_SET_OPTIONS.seed}); ${set.skipped} articles without a valid query`,
    ],
    groups: {},
  }
}

/** Seed of the typing mistakes in keyword-variants: the same mistakes on every run. */
const VARIANT_SEED = 20150624

/**
 * The wikinews-keywords queries as people mistype them: each query clean and in every variant of
 * src/eval/query-variants.ts (a jamo typo, a doubled or lost syllable, a misplaced space, no spaces,
 * the keyboard left in English, a half-typed last syllable, 초성 for one word), one row per kind.
 */
function keywordVariants(shared: string): EvalSet {
  const base = wikinewsKeywords(shared)
  const random = seededRandom(VARIANT_SEED)
  const queries: EvalQuery[] = []
  for (const q of base.queries) {
    queries.push({ ...q, id: `${q.id}:clean`, source: 'clean' })
    for (const [kind, variant] of Object.entries(VARIANTS)) queries.push({ ...q, id: `${q.id}:${kind}`, text: variant(q.text, random), source: kind })
  }
  return {
    name: 'keyword-variants',
    docs: base.docs,
    queries,
    notes: [...base.notes, `each query clean and typed ${Object.keys(VARIANTS).length} wrong ways (src/eval/query-variants.ts, seed ${VARIANT_SEED}); one row per kind`],
    groups: {},
  }
}

const SETS: Readonly<Record<string, (shared: string) => EvalSet>> = {
  'klue-nli-dev': klueNliDev,
  'klue-with-articles': klueWithArticles,
  'wikinews-keywords': wikinewsKeywords,
  'keyword-variants': keywordVariants,
}

export const SET_NAMES = Object.keys(SETS)

export function loadSet(name: string, shared = DEFAULT_SHARED): EvalSet {
  const load = SETS[name]
  if (!load) throw new Error(`eval: unknown set "${name}" (known: ${SET_NAMES.join(', ')})`)
  return load(shared)
}
