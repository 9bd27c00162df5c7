// Benchmark corpora from ../shared/data (bench and eval tooling only: `npm start`/`npm test` never
// read it). Real sentences first — klue-nli-dev (the sentences the 1,000 queries point at),
// ko-news, then the Wikinews articles — and, past the ~14k real ones, generated articles whose
// sentences recombine real eojeols (see `SentenceGenerator` for how).
import { seededRandom } from '../eval/random.ts'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ingestFiles, toSentences } from '../ingest/index.ts'
import type { Article, Sentence } from '../types.ts'
import { ROOT } from '../runtime/node-index.ts'

export const SHARED_DATA = resolve(ROOT, '../shared/data')

export interface BenchArticle {
  article: Article
  sentences: Sentence[]
}

export interface BenchQuery {
  id: string
  text: string
  /** Ids of the relevant articles (klue premises are one-sentence articles). */
  relevant: string[]
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)

/** A one-sentence document (klue, ko-news) as an article without a title. */
function documentArticle(id: string, text: string): Article {
  return { id, title: '', outlet: null, byline: null, published_at: null, section: null, url: null, body: text }
}

/** The real articles: klue-nli-dev premises, ko-news sentences, Wikinews articles (in this order). */
export function realArticles(dir = SHARED_DATA): BenchArticle[] {
  const docs = [
    ...readJsonl<{ id: string; text: string }>(join(dir, 'klue-nli-dev', 'corpus.jsonl')),
    ...readJsonl<{ id: string; text: string }>(join(dir, 'ko-news', 'corpus.jsonl')),
  ].map((d) => documentArticle(d.id, d.text))
  const wikinews = ingestFiles([{ name: 'ko-news-articles.jsonl', text: readFileSync(join(dir, 'ko-news-articles', 'articles.jsonl'), 'utf8') }])
  return [...docs, ...wikinews].map((article) => ({ article, sentences: toSentences(article) }))
}

export function benchQueries(dir = SHARED_DATA): BenchQuery[] {
  return readJsonl<BenchQuery>(join(dir, 'klue-nli-dev', 'queries.jsonl')).map(({ id, text, relevant }) => ({ id, text, relevant }))
}


const HANGUL_WORD = /^[\uAC00-\uD7A3]{2,}$/
const DIGITS = /\d+/g

/** How generated sentences differ from their template; tuned so vocabulary keeps growing (see below). */
export const GENERATOR_SETTINGS = {
  /** Share of eojeols swapped for a random eojeol (frequency-weighted) with the same last syllable. */
  swap: 0.35,
  /** Share of Hangul eojeols replaced by a new word: two stems spliced, the particle kept. */
  novel: 0.1,
  /** Share of digit runs replaced by a random number of the same length. */
  number: 0.5,
}

/**
 * Generates sentences by recombining real ones. Each sentence starts from a random real sentence
 * (its length, word order and punctuation); each eojeol is kept, or swapped for another real
 * eojeol that ends in the same syllable (so particles and endings stay grammatical: 정부가 →
 * 경찰이 is not produced, 정부가 → 회사가 is), or — rarely — replaced by a new word spliced from
 * the halves of two real stems (벨라루스 + 협력단 → 벨라력단), keeping its particle. Swaps drawn
 * from the eojeol stream keep Zipf-like term frequencies; new words keep the vocabulary growing
 * with corpus size (Heaps' law) instead of saturating at the real vocabulary.
 */
export class SentenceGenerator {
  private readonly rng: () => number
  private readonly templates: string[][]
  private readonly byLast = new Map<string, string[]>()
  private readonly stems: string[] = []

  constructor(realSentences: readonly string[], seed = 20260401) {
    this.rng = seededRandom(seed)
    this.templates = realSentences.map((s) => s.split(' ').filter((w) => w !== ''))
    for (const words of this.templates) {
      for (const word of words) {
        const last = word.slice(-1)
        let list = this.byLast.get(last)
        if (!list) this.byLast.set(last, (list = []))
        list.push(word)
        if (HANGUL_WORD.test(word) && word.length >= 3) this.stems.push(word.slice(0, -1))
      }
    }
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!
  }

  sentence(): string {
    const template = this.pick(this.templates)
    const words = template.map((word) => {
      const r = this.rng()
      if (r < GENERATOR_SETTINGS.novel && HANGUL_WORD.test(word)) return this.novelWord(word)
      if (r < GENERATOR_SETTINGS.novel + GENERATOR_SETTINGS.swap) return this.pick(this.byLast.get(word.slice(-1))!)
      return word
    })
    return words
      .join(' ')
      .replace(DIGITS, (digits) => (this.rng() < GENERATOR_SETTINGS.number ? this.number(digits.length) : digits))
  }

  /** 협력단을 → 협력 half + another stem's half + 을. */
  private novelWord(word: string): string {
    const particle = word.length >= 3 ? word.slice(-1) : ''
    const stem = particle ? word.slice(0, -1) : word
    const other = this.pick(this.stems)
    return stem.slice(0, Math.ceil(stem.length / 2)) + other.slice(Math.floor(other.length / 2)) + particle
  }

  private number(length: number): string {
    let out = String(1 + Math.floor(this.rng() * 9))
    while (out.length < length) out += String(Math.floor(this.rng() * 10))
    return out
  }

  /** Sentences per generated article, drawn from the real multi-sentence articles. */
  articleLength(lengths: readonly number[]): number {
    return this.pick(lengths)
  }
}

export interface BenchCorpus {
  articles: BenchArticle[]
  sentences: number
  realSentences: number
  generatedSentences: number
}

/**
 * Exactly `size` sentences: the real articles in order (the last one cut to fit), then generated
 * articles. Deterministic for a given size and seed.
 * @example
 * benchCorpus(10_000).sentences // => 10000 (all real)
 */
export function benchCorpus(size: number, real: BenchArticle[] = realArticles(), seed = 20260401): BenchCorpus {
  const articles: BenchArticle[] = []
  let sentences = 0
  for (const item of real) {
    if (sentences >= size) break
    const take = item.sentences.slice(0, size - sentences)
    articles.push(take.length === item.sentences.length ? item : { article: item.article, sentences: take })
    sentences += take.length
  }
  const realSentences = sentences
  if (sentences < size) {
    const generator = new SentenceGenerator(
      real.flatMap((a) => a.sentences.map((s) => s.text)),
      seed,
    )
    const lengths = real.map((a) => a.sentences.length).filter((n) => n > 1)
    const start = Date.UTC(2000, 0, 1)
    for (let g = 0; sentences < size; g++) {
      const count = Math.min(generator.articleLength(lengths), size - sentences)
      const id = `gen-${String(g).padStart(7, '0')}`
      const texts = Array.from({ length: count }, () => generator.sentence())
      const body = texts.join(' ')
      let at = 0
      const articleSentences = texts.map((text, n) => {
        const sentence = { id: `${id}:${n}`, article: id, n, text, start: at }
        at += text.length + 1
        return sentence
      })
      const published = new Date(start + Math.floor((g * 7919) % 8766) * 86_400_000).toISOString().slice(0, 10)
      articles.push({
        article: { id, title: texts[0]!.slice(0, 60), outlet: '합성 코퍼스', byline: null, published_at: published, section: null, url: null, body },
        sentences: articleSentences,
      })
      sentences += count
    }
  }
  return { articles, sentences, realSentences, generatedSentences: sentences - realSentences }
}
