// One store over every tier: archive segments first, then the live tier, each owning a contiguous
// range of global doc ids and article numbers. Only the doc → article table is flat in memory
// (grouping hits by article reads it for every match); text and metadata stay in the tiers.
// Must not import runtime code.
import type { Sentence } from '../types.ts'
import type { Segment } from './segment/reader.ts'
import type { LiveStore, SentenceStore, StoredArticle } from './store.ts'

/** A tier as the store sees it: local docs and articles. */
interface StoreTier {
  docBase: number
  articleBase: number
  docCount: () => number
  articleCount: () => number
  /** First local doc of local article `article`; for `articleCount()` the tier's doc count. */
  firstDocOf: (article: number) => number
  article: (article: number) => StoredArticle
  findArticle: (id: string) => number
  sentence: (doc: number, articleId: string) => Sentence
}

function segmentTier(segment: Segment): Omit<StoreTier, 'docBase' | 'articleBase'> {
  const { store, articleFirstDoc } = segment
  return {
    docCount: () => segment.docCount,
    articleCount: () => segment.articleCount,
    firstDocOf: (a) => articleFirstDoc[a]!,
    article: (a) => store.article(a),
    findArticle: (id) => store.findArticle(id),
    sentence: (doc, articleId) => store.sentence(doc, articleId),
  }
}

function liveTier(live: LiveStore): Omit<StoreTier, 'docBase' | 'articleBase'> {
  return {
    docCount: () => live.sentenceCount,
    articleCount: () => live.articleCount,
    firstDocOf: (a) => live.firstDocOf(a),
    article: (a) => live.article(a),
    findArticle: (id) => live.findArticle(id),
    sentence: (doc) => live.sentence(doc),
  }
}

export class TieredStore implements SentenceStore {
  private readonly tiers: StoreTier[] = []
  /** Global article number of every global doc. */
  private docArticle = new Uint32Array(0)
  private docs = 0
  private articles = 0

  /**
   * @example
   * new TieredStore(segments, live).sentence(0).text // => '최양희 미래창조과학부 장관이 …'
   */
  constructor(segments: readonly Segment[], live: LiveStore) {
    for (const segment of segments) this.addTier(segmentTier(segment))
    this.addTier(liveTier(live))
  }

  private addTier(tier: Omit<StoreTier, 'docBase' | 'articleBase'>): void {
    this.tiers.push({ ...tier, docBase: this.docs, articleBase: this.articles })
    this.extend()
  }

  /** Picks up docs appended to the live tier since the last call. */
  sync(): void {
    this.extend()
  }

  /** Fills `docArticle` for docs of the last tier not yet counted. */
  private extend(): void {
    const last = this.tiers[this.tiers.length - 1]!
    const total = last.docBase + last.docCount()
    if (total > this.docArticle.length) {
      const next = new Uint32Array(Math.max(total, Math.ceil(this.docArticle.length * 1.5)))
      next.set(this.docArticle.subarray(0, this.docs))
      this.docArticle = next
    }
    const articles = last.articleCount()
    for (let a = this.articles - last.articleBase; a < articles; a++) {
      // firstDocOf(articleCount) is the tier's doc count, so the last article ends there.
      this.docArticle.fill(last.articleBase + a, last.docBase + last.firstDocOf(a), last.docBase + last.firstDocOf(a + 1))
    }
    this.docs = total
    this.articles = last.articleBase + articles
  }

  get sentenceCount(): number {
    return this.docs
  }

  get articleCount(): number {
    return this.articles
  }

  /** The tier holding global doc `doc` (tiers are few: a binary search is not worth it). */
  private tierOfDoc(doc: number): StoreTier {
    for (let t = this.tiers.length - 1; t >= 0; t--) if (doc >= this.tiers[t]!.docBase) return this.tiers[t]!
    throw new RangeError(`store: no sentence ${doc}`)
  }

  private tierOfArticle(article: number): StoreTier {
    for (let t = this.tiers.length - 1; t >= 0; t--) if (article >= this.tiers[t]!.articleBase) return this.tiers[t]!
    throw new RangeError(`store: no article ${article}`)
  }

  sentence(doc: number): Sentence {
    if (!(doc >= 0 && doc < this.docs)) throw new RangeError(`store: no sentence ${doc}`)
    const tier = this.tierOfDoc(doc)
    const article = this.article(this.docArticle[doc]!)
    return tier.sentence(doc - tier.docBase, article.id)
  }

  articleNumberOf(doc: number): number {
    return this.docArticle[doc]!
  }

  article(articleNumber: number): StoredArticle {
    const tier = this.tierOfArticle(articleNumber)
    return tier.article(articleNumber - tier.articleBase)
  }

  articleOf(doc: number): StoredArticle {
    return this.article(this.docArticle[doc]!)
  }

  articleById(id: string): StoredArticle | undefined {
    const found = this.find(id)
    return found && found.tier.article(found.local)
  }

  sentencesOf(articleId: string): Sentence[] {
    const found = this.find(articleId)
    if (!found) return []
    const { tier, local } = found
    const from = tier.firstDocOf(local)
    const to = tier.firstDocOf(local + 1)
    const out: Sentence[] = []
    for (let doc = from; doc < to; doc++) out.push(tier.sentence(doc, articleId))
    return out
  }

  private find(id: string): { tier: StoreTier; local: number } | undefined {
    for (const tier of this.tiers) {
      const local = tier.findArticle(id)
      if (local >= 0) return { tier, local }
    }
    return undefined
  }
}
