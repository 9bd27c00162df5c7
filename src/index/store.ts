// The article/sentence store: what search results show. Kept apart from the postings so a result
// page reads only the sentences it displays. Must not import runtime code.
import type { Article, Sentence } from '../types.ts'

/** Article metadata as stored (the body is the sentences). */
export type StoredArticle = Omit<Article, 'body'>

/** Serialised form: sentences as compact tuples [article index, n, start, text]. */
export interface StoreJSON {
  articles: StoredArticle[]
  sentences: Array<[number, number, number, string]>
}

export class SentenceStore {
  readonly articles: StoredArticle[]
  private readonly rows: Array<[number, number, number, string]>
  private readonly articleIndex = new Map<string, number>()
  /** First sentence number (doc id) of each article; sentences of one article are contiguous. */
  private readonly firstSentence: number[] = []

  constructor(json: StoreJSON) {
    this.articles = json.articles
    this.rows = json.sentences
    this.articles.forEach((a, i) => this.articleIndex.set(a.id, i))
    for (let doc = this.rows.length - 1; doc >= 0; doc--) this.firstSentence[this.rows[doc]![0]] = doc
  }

  get sentenceCount(): number {
    return this.rows.length
  }

  /** The sentence with internal doc id `doc`. */
  sentence(doc: number): Sentence {
    const row = this.rows[doc]
    if (!row) throw new RangeError(`store: no sentence ${doc}`)
    const [articleIdx, n, start, text] = row
    const article = this.articles[articleIdx]!
    return { id: `${article.id}:${n}`, article: article.id, n, start, text }
  }

  /** Position of the sentence's article in `articles`. */
  articleIndexOf(doc: number): number {
    return this.rows[doc]![0]
  }

  articleOf(doc: number): StoredArticle {
    return this.articles[this.rows[doc]![0]]!
  }

  articleById(id: string): StoredArticle | undefined {
    const i = this.articleIndex.get(id)
    return i === undefined ? undefined : this.articles[i]
  }

  sentencesOf(articleId: string): Sentence[] {
    const i = this.articleIndex.get(articleId)
    if (i === undefined) return []
    const out: Sentence[] = []
    for (let doc = this.firstSentence[i] ?? this.rows.length; doc < this.rows.length && this.rows[doc]![0] === i; doc++) {
      out.push(this.sentence(doc))
    }
    return out
  }

  toJSON(): StoreJSON {
    return { articles: this.articles, sentences: this.rows }
  }
}

/** Lays out articles and their sentences; doc id = position in the sentence list. */
export function createStore(articles: Array<{ article: Article; sentences: Sentence[] }>): SentenceStore {
  const json: StoreJSON = { articles: [], sentences: [] }
  articles.forEach(({ article, sentences }, i) => {
    const { body: _body, ...meta } = article
    json.articles.push(meta)
    for (const s of sentences) json.sentences.push([i, s.n, s.start, s.text])
  })
  return new SentenceStore(json)
}
