// One store over every tier: archive segments first, then the live tier, each owning a contiguous
// range of global doc ids and article numbers. Text and metadata stay in the tiers; grouping hits by
// article reads each tier's own doc → article table. Must not import runtime code.
import type { Sentence } from '../types.ts'
import type { Segment } from './segment/reader.ts'
import type { LiveStore, SentenceStore, StoredArticle, TierArticles } from './store.ts'

/** A tier as the store sees it: local docs and articles. */
interface StoreTier {
  docBase: number
  articleBase: number
  docCount: () => number
  articleCount: () => number
  /** First local doc of local article `article`; for `articleCount()` the tier's doc count. */
  firstDocOf: (article: number) => number
  articles: () => TierArticles
  article: (article: number) => StoredArticle
  /** The id alone, without decoding the rest of the article (a shown sentence needs only that). */
  articleId: (article: number) => string
  findArticle: (id: string) => number
  sentence: (doc: number, articleId: string) => Sentence
}

type TierParts = Omit<StoreTier, 'docBase' | 'articleBase'>

function segmentTier(segment: Segment): TierParts {
  const { store, articleFirstDoc } = segment
  const articles: TierArticles = { count: segment.articleCount, firstDoc: articleFirstDoc, articleOf: (doc) => segment.articleOf(doc) }
  return {
    docCount: () => segment.docCount,
    articleCount: () => segment.articleCount,
    firstDocOf: (a) => articleFirstDoc[a]!,
    articles: () => articles,
    article: (a) => store.article(a),
    articleId: (a) => store.articleId(a),
    findArticle: (id) => store.findArticle(id),
    sentence: (doc, articleId) => store.sentence(doc, articleId),
  }
}

function liveTier(live: LiveStore): TierParts {
  return {
    docCount: () => live.sentenceCount,
    articleCount: () => live.articleCount,
    firstDocOf: (a) => live.firstDocOf(a),
    articles: () => live.tierArticles(),
    article: (a) => live.article(a),
    articleId: (a) => live.article(a).id,
    findArticle: (id) => live.findArticle(id),
    sentence: (doc) => live.sentence(doc),
  }
}

export class TieredStore implements SentenceStore {
  private readonly tiers: StoreTier[] = []

  /**
   * `deleted` holds the article numbers deleted or replaced since their tier was written: they stay
   * in the tiers (immutable segments) but are no longer found by id.
   * @example
   * new TieredStore(segments, live).sentence(0).text // => '최양희 미래창조과학부 장관이 …'
   */
  constructor(segments: readonly Segment[], live: LiveStore, private readonly deleted: ReadonlySet<number> = new Set()) {
    let docBase = 0
    let articleBase = 0
    for (const parts of [...segments.map(segmentTier), liveTier(live)]) {
      this.tiers.push({ ...parts, docBase, articleBase })
      docBase += parts.docCount()
      articleBase += parts.articleCount()
    }
  }

  private get last(): StoreTier {
    return this.tiers[this.tiers.length - 1]!
  }

  /** Counts include the live tier as it is now (it grows as articles are added). */
  get sentenceCount(): number {
    return this.last.docBase + this.last.docCount()
  }

  get articleCount(): number {
    return this.last.articleBase + this.last.articleCount()
  }

  tierArticles(tier: number): TierArticles {
    return this.tiers[tier]!.articles()
  }

  /** The tier holding global doc `doc` (tiers are few: a scan from the newest is enough). */
  private tierOfDoc(doc: number): StoreTier {
    if (!(doc >= 0 && doc < this.sentenceCount)) throw new RangeError(`store: no sentence ${doc}`)
    for (let t = this.tiers.length - 1; t >= 0; t--) if (doc >= this.tiers[t]!.docBase) return this.tiers[t]!
    throw new RangeError(`store: no sentence ${doc}`)
  }

  private tierOfArticle(article: number): StoreTier {
    if (!(article >= 0 && article < this.articleCount)) throw new RangeError(`store: no article ${article}`)
    for (let t = this.tiers.length - 1; t >= 0; t--) if (article >= this.tiers[t]!.articleBase) return this.tiers[t]!
    throw new RangeError(`store: no article ${article}`)
  }

  sentence(doc: number): Sentence {
    const tier = this.tierOfDoc(doc)
    const local = doc - tier.docBase
    return tier.sentence(local, tier.articleId(tier.articles().articleOf(local)))
  }

  articleNumberOf(doc: number): number {
    const tier = this.tierOfDoc(doc)
    return tier.articleBase + tier.articles().articleOf(doc - tier.docBase)
  }

  article(articleNumber: number): StoredArticle {
    const tier = this.tierOfArticle(articleNumber)
    return tier.article(articleNumber - tier.articleBase)
  }

  articleId(articleNumber: number): string {
    const tier = this.tierOfArticle(articleNumber)
    return tier.articleId(articleNumber - tier.articleBase)
  }

  articleOf(doc: number): StoredArticle {
    return this.article(this.articleNumberOf(doc))
  }

  articleById(id: string): StoredArticle | undefined {
    const found = this.find(id)
    return found && found.tier.article(found.local)
  }

  sentencesOf(articleId: string): Sentence[] {
    const found = this.find(articleId)
    if (!found) return []
    const { tier, local } = found
    const out: Sentence[] = []
    for (let doc = tier.firstDocOf(local); doc < tier.firstDocOf(local + 1); doc++) out.push(tier.sentence(doc, articleId))
    return out
  }

  /** Global docs [from, to) of article number `articleNumber`. */
  docsOf(articleNumber: number): [from: number, to: number] {
    const tier = this.tierOfArticle(articleNumber)
    const local = articleNumber - tier.articleBase
    return [tier.docBase + tier.firstDocOf(local), tier.docBase + tier.firstDocOf(local + 1)]
  }

  /** The number of the article with id `id`, or −1 (also for a deleted one). */
  articleNumberById(id: string): number {
    const found = this.find(id)
    return found ? found.tier.articleBase + found.local : -1
  }

  /**
   * Newest tier first: an article replaced by PUT has its current version in a later tier, and the
   * versions before it are deleted (a tier holds at most one version that is not).
   */
  private find(id: string): { tier: StoreTier; local: number } | undefined {
    for (let t = this.tiers.length - 1; t >= 0; t--) {
      const tier = this.tiers[t]!
      const local = tier.findArticle(id)
      if (local >= 0 && !this.deleted.has(tier.articleBase + local)) return { tier, local }
    }
    return undefined
  }
}
