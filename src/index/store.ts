// The article/sentence store: what search results show. Kept apart from the postings so a result
// page reads only the sentences it displays. `LiveStore` holds the live tier's articles as plain
// objects (they change); segments keep theirs in bytes (segment/store.ts). Must not import runtime code.
import type { Article, Sentence } from '../types.ts'

/** Article metadata as stored (the body is the sentences). */
export type StoredArticle = Omit<Article, 'body'>

/** How one tier's docs group into articles (local numbers; an article's docs are contiguous). */
export interface TierArticles {
  count: number
  /** First doc of each article, then the tier's doc count (count + 1 entries). */
  firstDoc: ArrayLike<number>
  articleOf(doc: number): number
}

/** Read access to sentences and articles by doc id and article number. */
export interface SentenceStore {
  readonly sentenceCount: number
  readonly articleCount: number
  /** The sentence with doc id `doc`. */
  sentence(doc: number): Sentence
  /** The article number (0 … articleCount − 1) of doc `doc`; an article's docs are contiguous. */
  articleNumberOf(doc: number): number
  article(articleNumber: number): StoredArticle
  /** The id of article number `articleNumber`, without decoding the rest of it. */
  articleId(articleNumber: number): string
  articleOf(doc: number): StoredArticle
  articleById(id: string): StoredArticle | undefined
  sentencesOf(articleId: string): Sentence[]
  /** The article layout of tier `tier` (tiers in the order of the index's sources). */
  tierArticles(tier: number): TierArticles
}

/** Serialised form: sentences as compact tuples [article index, n, start, text]. */
export interface StoreJSON {
  articles: StoredArticle[]
  sentences: Array<[number, number, number, string]>
}

export class LiveStore implements SentenceStore {
  private readonly articles: StoredArticle[]
  private readonly rows: Array<[number, number, number, string]>
  private readonly articleIndex = new Map<string, number>()
  /** First sentence number (doc id) of each article. */
  private readonly firstSentence: number[] = []
  /** Article number of each doc, and first doc of each article then the doc count (both grow). */
  private docArticle = new Uint32Array(64)
  private firstDocs = new Uint32Array(64)

  constructor(json: StoreJSON = { articles: [], sentences: [] }) {
    this.articles = []
    this.rows = []
    const byArticle: Array<Array<[number, number, string]>> = json.articles.map(() => [])
    for (const [a, n, start, text] of json.sentences) byArticle[a]!.push([n, start, text])
    json.articles.forEach((article, i) => this.push(article, byArticle[i]!))
  }

  get sentenceCount(): number {
    return this.rows.length
  }

  get articleCount(): number {
    return this.articles.length
  }

  /** Appends articles after the last doc; returns the first new doc id. */
  append(articles: ReadonlyArray<{ article: Article; sentences: readonly Sentence[] }>): number {
    const first = this.rows.length
    for (const { article, sentences } of articles) {
      const { body: _body, ...meta } = article
      this.push(meta, sentences.map((s) => [s.n, s.start, s.text]))
    }
    return first
  }

  private push(article: StoredArticle, sentences: ReadonlyArray<readonly [number, number, string]>): void {
    const i = this.articles.length
    // A second version of an id (PUT) shadows the first, which the index has marked deleted.
    this.articles.push(article)
    this.articleIndex.set(article.id, i)
    this.firstSentence.push(this.rows.length)
    if (i + 2 > this.firstDocs.length) {
      const next = new Uint32Array(this.firstDocs.length * 2)
      next.set(this.firstDocs)
      this.firstDocs = next
    }
    this.firstDocs[i + 1] = this.rows.length + sentences.length
    for (const [n, start, text] of sentences) {
      if (this.rows.length >= this.docArticle.length) {
        const next = new Uint32Array(this.docArticle.length * 2)
        next.set(this.docArticle)
        this.docArticle = next
      }
      this.docArticle[this.rows.length] = i
      this.rows.push([i, n, start, text])
    }
  }

  tierArticles(): TierArticles {
    const docArticle = this.docArticle
    return { count: this.articles.length, firstDoc: this.firstDocs, articleOf: (doc) => docArticle[doc]! }
  }

  sentence(doc: number): Sentence {
    const row = this.rows[doc]
    if (!row) throw new RangeError(`store: no sentence ${doc}`)
    const [articleIdx, n, start, text] = row
    const article = this.articles[articleIdx]!
    return { id: `${article.id}:${n}`, article: article.id, n, start, text }
  }

  articleNumberOf(doc: number): number {
    return this.rows[doc]![0]
  }

  article(articleNumber: number): StoredArticle {
    return this.articles[articleNumber]!
  }

  articleId(articleNumber: number): string {
    return this.articles[articleNumber]!.id
  }

  articleOf(doc: number): StoredArticle {
    return this.articles[this.rows[doc]![0]]!
  }

  articleById(id: string): StoredArticle | undefined {
    const i = this.articleIndex.get(id)
    return i === undefined ? undefined : this.articles[i]
  }

  /** The article number of `id`, or −1. */
  findArticle(id: string): number {
    return this.articleIndex.get(id) ?? -1
  }

  /** First doc of article number `i` (articleCount gives sentenceCount). */
  firstDocOf(i: number): number {
    return this.firstSentence[i] ?? this.rows.length
  }

  sentencesOf(articleId: string): Sentence[] {
    const i = this.articleIndex.get(articleId)
    if (i === undefined) return []
    const out: Sentence[] = []
    for (let doc = this.firstDocOf(i); doc < this.firstDocOf(i + 1); doc++) out.push(this.sentence(doc))
    return out
  }

  toJSON(): StoreJSON {
    return { articles: this.articles, sentences: this.rows }
  }
}

/** Lays out articles and their sentences; doc id = position in the sentence list. */
export function createStore(articles: ReadonlyArray<{ article: Article; sentences: readonly Sentence[] }>): LiveStore {
  const store = new LiveStore()
  store.append(articles)
  return store
}
