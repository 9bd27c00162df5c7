// The segment tier against the MiniSearch tier on the bundled corpus: the same postings after a
// round trip through bytes, the same answers (top 10, totals, highlights) for queries taken from
// corpus/, the same score for a sentence whichever tier holds it, flush, and corruption detection.
import { beforeAll, describe, expect, it } from 'vitest'
import type { LearntStemRules } from '../src/analysis/eojeol/stem-rules.ts'
import { withLexiconParts } from '../src/index/packed-lexicon.ts'
import { createAnalyzer } from '../src/analysis/analyzers.ts'
import { FIELDS } from '../src/index/fields.ts'
import type { MiniSearchInternals } from '../src/index/minisearch-source.ts'
import { decodePack, encodePack } from '../src/index/pack.ts'
import {
  addArticles,
  buildSearchIndex,
  buildSegmentedIndex,
  flushLiveTier,
  openIndex,
  serializeSegments,
  type SearchIndex,
} from '../src/index/search-index.ts'
import { PostingsBuffer, type TermWalker } from '../src/index/term-source.ts'
import { ingestFiles, toSentences } from '../src/ingest/index.ts'
import { readCorpus } from '../src/runtime/node-index.ts'
import { analyzeQuery, planQuery } from '../src/search/query.ts'
import { scoreSentences } from '../src/search/scorer.ts'
import { rankArticles, search } from '../src/search/search.ts'
import { choseongWalker, editDistanceWalker, jamoPrefixWalker } from '../src/search/term-walkers.ts'
import type { Article, Sentence } from '../src/types.ts'

const SEED = '000_df47cecabbcbfc25'
// The index-time analyzer of buildSearchIndex/buildSegmentedIndex without options (rule-based eojeols).
const analyzer = createAnalyzer()
let articles: Array<{ article: Article; sentences: Sentence[] }>
let miniSearchOnly: SearchIndex
let segmented: SearchIndex
let packBytes: Uint8Array
let queries: string[]

beforeAll(() => {
  articles = ingestFiles(readCorpus()).map((article) => ({ article, sentences: toSentences(article) }))
  miniSearchOnly = buildSearchIndex(articles)
  // Small segments, so the bundled corpus spans several of them.
  packBytes = serializeSegments(buildSegmentedIndex(articles, {}, null, { segmentDocs: 1500 }))
  segmented = openIndex(packBytes)
  // Queries from corpus/ only: every 10th title, and the first three eojeols of every 50th sentence.
  const sentences = articles.flatMap((a) => a.sentences)
  queries = [
    ...articles.filter((_, i) => i % 10 === 0).map((a) => a.article.title),
    ...sentences.filter((_, i) => i % 50 === 0).map((s) => s.text.split(' ').slice(0, 3).join(' ')),
    '벨라루스를', '한벨 포럼', 'ICT 협력', '韓美 관계',
  ].filter((q) => q.trim() !== '')
}, 120_000)

/**
 * Added articles are mined for acronyms on their own (the share test sees only them), not with the
 * whole corpus as a build is: a grown index takes the reference's, so the comparison is of the tiers alone.
 */
function sameAcronyms(index: SearchIndex, reference: SearchIndex): void {
  index.meta = { ...index.meta, acronyms: reference.meta.acronyms }
  index.aliases = reference.aliases
}

const answer = (index: SearchIndex, q: string, page = { limit: 10, offset: 0 }) => {
  const { took_ms: _took, ...rest } = search(index, analyzer, { q, ...page })
  return rest
}

describe('segments hold exactly what MiniSearch holds', () => {
  it('spans several segments', () => {
    expect(segmented.segments.length).toBeGreaterThanOrEqual(4)
    expect(segmented.meta).toMatchObject({ articles: 631, sentences: miniSearchOnly.meta.sentences })
  })

  it('every term of every field: same document frequency, docs, term frequencies and lengths, in full and filtered', () => {
    const ms = miniSearchOnly.miniSearch as unknown as MiniSearchInternals
    const [reference] = miniSearchOnly.sources
    const a = new PostingsBuffer()
    const b = new PostingsBuffer()
    const keeps = (doc: number) => doc % 7 < 3
    const keep = new Uint32Array((miniSearchOnly.store.sentenceCount + 31) >>> 5)
    for (let doc = 0; doc < miniSearchOnly.store.sentenceCount; doc++) if (keeps(doc)) keep[doc >>> 5]! |= 1 << (doc & 31)
    let checked = 0
    for (const [term] of ms._index as unknown as Iterable<[string, unknown]>) {
      for (const field of FIELDS) {
        const df = reference!.docFreq(field, term)
        expect(segmented.sources.reduce((sum, s) => sum + s.docFreq(field, term), 0)).toBe(df)
        if (df === 0) continue
        const n = reference!.readPostings!(field, term, a)
        let m = 0
        for (const source of segmented.sources) m += source.readPostings!(field, term, b, m)
        expect(m).toBe(n)
        expect([...b.docs.subarray(0, m)]).toEqual([...a.docs.subarray(0, n)])
        expect([...b.tfs.subarray(0, m)]).toEqual([...a.tfs.subarray(0, n)])
        expect([...b.lengths.subarray(0, m)]).toEqual([...a.lengths.subarray(0, n)])
        // Read again keeping only the docs of a bitset (as the scorer reads a common term).
        const kept = [...a.docs.subarray(0, n)].flatMap((doc, i) => (keeps(doc) ? [[doc, a.tfs[i]!, a.lengths[i]!]] : []))
        let k = 0
        for (const source of segmented.sources) k += source.readPostings!(field, term, b, k, keep)
        expect(reference!.readPostings!(field, term, a, 0, keep)).toBe(kept.length)
        expect(k).toBe(kept.length)
        for (const buffer of [a, b]) expect(kept.map((_, i) => [buffer.docs[i], buffer.tfs[i], buffer.lengths[i]])).toEqual(kept)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(20_000)
    for (const field of FIELDS) {
      expect(segmented.sources.reduce((sum, s) => sum + s.totalFieldLength(field), 0)).toBe(reference!.totalFieldLength(field))
    }
  })

  it('stores every sentence and article, read back by doc id and by article id', () => {
    const store = segmented.store
    for (let doc = 0; doc < store.sentenceCount; doc += 7) {
      expect(store.sentence(doc)).toEqual(miniSearchOnly.store.sentence(doc))
      expect(store.articleOf(doc)).toEqual(miniSearchOnly.store.articleOf(doc))
    }
    for (const { article, sentences } of articles.filter((_, i) => i % 25 === 0)) {
      const { body: _body, ...meta } = article
      expect(store.articleById(article.id)).toEqual(meta)
      expect(store.sentencesOf(article.id)).toEqual(sentences)
    }
    expect(store.articleById('없는-기사')).toBeUndefined()
  })

  it('lists terms by prefix like MiniSearch (수출 → 수출, 수출입 …)', () => {
    const expected = miniSearchOnly.sources[0]!.termsWithPrefix('word', '수출', 100).sort()
    const got = [...new Set(segmented.sources.flatMap((s) => s.termsWithPrefix('word', '수출', 100)))].sort()
    expect(got).toEqual(expected)
    expect(got).toContain('수출')
  })

  it.each([
    ['completions of 벨ㄹ', jamoPrefixWalker('벨ㄹ')],
    ['completions of 수', jamoPrefixWalker('수')],
    ['초성 ㅂㄹㄹㅅ', choseongWalker('ㅂㄹㄹㅅ')],
    ['초성 ㅈㄱ', choseongWalker('ㅈㄱ')],
    ['one edit from 장관', editDistanceWalker('장관', 1)],
    ['two edits from 벨라루스', editDistanceWalker('벨라루스', 2)],
    ['one edit from ict', editDistanceWalker('ict', 1)],
  ] as Array<[string, TermWalker<unknown>]>)('walks the dictionary like MiniSearch: %s', (_, walker) => {
    for (const field of FIELDS) {
      const expected = miniSearchOnly.sources[0]!.walkTerms(field, walker, 100_000).map(([term, state]) => [term, JSON.stringify(state)])
      const got = segmented.sources.flatMap((s) => s.walkTerms(field, walker, 100_000).map(([term, state]) => [term, JSON.stringify(state)]))
      expect(new Map(got as Array<[string, string]>), field).toEqual(new Map(expected as Array<[string, string]>))
    }
  })
})

describe('ranking equivalence: MiniSearch only vs segments', () => {
  it('gives identical answers (top 10, scores, totals, matches, highlights) for queries from corpus/', () => {
    expect(queries.length).toBeGreaterThan(150)
    for (const q of queries) expect(answer(segmented, q), q).toEqual(answer(miniSearchOnly, q))
  })

  it('gives identical answers over uneven tiers (a small segment, a large one, a live tier)', () => {
    const uneven = buildSegmentedIndex(articles.slice(0, 30))
    addArticles(uneven, articles.slice(30, 500), analyzer)
    flushLiveTier(uneven)
    addArticles(uneven, articles.slice(500), analyzer)
    sameAcronyms(uneven, miniSearchOnly)
    expect(uneven.segments.map((s) => s.docCount)).toEqual([expect.any(Number), expect.any(Number)])
    expect(uneven.segments[0]!.docCount).toBeLessThan(uneven.segments[1]!.docCount)
    for (const q of queries) expect(answer(uneven, q), q).toEqual(answer(miniSearchOnly, q))
  })

  it('pages identically past the first page', () => {
    for (const q of queries.slice(0, 40)) expect(answer(segmented, q, { limit: 7, offset: 5 }), q).toEqual(answer(miniSearchOnly, q, { limit: 7, offset: 5 }))
  })

  it('ranks without reading the page: rankArticles gives the ids search() shows, in order', () => {
    const uneven = buildSegmentedIndex(articles.slice(0, 200))
    addArticles(uneven, articles.slice(200), analyzer)
    for (const index of [segmented, uneven, miniSearchOnly]) {
      for (const q of queries.slice(0, 40)) {
        const request = { q, limit: 7, offset: 3 }
        const { groups, page } = rankArticles(index, analyzer, request)
        const ids = page.map((g) => index.store.articleId(groups.articles[g]!))
        expect(ids, q).toEqual(search(index, analyzer, request).hits.map((h) => h.article.id))
      }
    }
  })

  it('skips highlighting on request without changing the ranking', () => {
    const plain = search(segmented, analyzer, { q: '벨라루스', limit: 10, offset: 0, highlight: false })
    const marked = search(segmented, analyzer, { q: '벨라루스', limit: 10, offset: 0 })
    expect(plain.hits.map((h) => [h.article.id, h.score, h.matches])).toEqual(marked.hits.map((h) => [h.article.id, h.score, h.matches]))
    expect(plain.hits[0]!.sentences[0]!.highlights).toEqual([])
    expect(marked.hits[0]!.sentences[0]!.html).toContain('<mark>벨라루스</mark>')
  })
})

describe('two tiers, one answer', () => {
  /** Scores of the seed article's sentences, by sentence id. */
  const seedScores = (index: SearchIndex, q: string) => {
    const out: Record<string, number> = {}
    for (const { doc, score } of scoreSentences(index.sources, planQuery(analyzeQuery(q, analyzer)), index.store.sentenceCount).sentences) {
      const sentence = index.store.sentence(doc)
      if (sentence.article === SEED) out[sentence.id] = score
    }
    return out
  }

  it('scores a sentence the same in the archive, in the live tier and after a flush', () => {
    const archived = buildSegmentedIndex(articles, {}, null, { segmentDocs: 1500 })
    const fresh = buildSegmentedIndex(
      articles.filter((a) => a.article.id !== SEED),
      {},
      null,
      { segmentDocs: 1500 },
    )
    addArticles(fresh, articles.filter((a) => a.article.id === SEED), analyzer)
    expect(fresh.live.store.articleCount).toBe(1)
    for (const q of ['벨라루스', '최양희 장관', 'ICT 협력', '한벨 포럼', '정보통신기술']) {
      const expected = seedScores(archived, q)
      expect(Object.keys(expected).length, q).toBeGreaterThan(0)
      expect(seedScores(fresh, q), q).toEqual(expected)
    }
    flushLiveTier(fresh)
    expect(fresh.live.store.articleCount).toBe(0)
    expect(seedScores(fresh, '최양희 장관')).toEqual(seedScores(archived, '최양희 장관'))
  })

  it('refuses an article id that is already indexed', () => {
    const index = buildSegmentedIndex(articles.slice(0, 20))
    expect(() => addArticles(index, articles.slice(0, 1), analyzer)).toThrow(expect.objectContaining({ code: 'INGEST_FORMAT' }))
  })
})

describe('flush', () => {
  it('turns the live tier into a segment with the same doc ids and answers, and survives a round trip', () => {
    const index = buildSegmentedIndex(articles.slice(0, 400), {}, null, { segmentDocs: 2000 })
    addArticles(index, articles.slice(400), analyzer)
    sameAcronyms(index, miniSearchOnly)
    const before = queries.slice(0, 60).map((q) => answer(index, q))
    const segments = index.segments.length
    const segment = flushLiveTier(index)
    expect(segment?.articleCount).toBe(articles.length - 400)
    expect(index.segments).toHaveLength(segments + 1)
    expect(index.live.store.sentenceCount).toBe(0)
    expect(queries.slice(0, 60).map((q) => answer(index, q))).toEqual(before)
    const reopened = openIndex(serializeSegments(index))
    expect(queries.slice(0, 60).map((q) => answer(reopened, q))).toEqual(before)
    expect(queries.slice(0, 60).map((q) => answer(miniSearchOnly, q))).toEqual(before)
    expect(flushLiveTier(reopened)).toBeNull()
  })
})

describe('stem rules', () => {
  it('are stored at build time: the opened pack answers as the learnt rules do, without a pass over the lexicon', () => {
    const built = buildSegmentedIndex(articles, {}, null, { segmentDocs: 1500 })
    const opened = openIndex(serializeSegments(built))
    expect(opened.stemRules.rules.size).toBeGreaterThan(50)
    const learnt = built.stemRules as LearntStemRules
    expect(opened.stemRules.longest).toBe(learnt.longest)
    expect(opened.stemRules.rules.size).toBe(learnt.rules.size)
    for (const [suffix, replacements] of learnt.rules) expect(opened.stemRules.rules.get(suffix), suffix).toEqual(replacements)
    // Parts the lexicon gives a stem itself are not stored twice; through the lexicon every stem gets its own.
    expect(opened.stemRules.partsOf.size).toBeLessThanOrEqual(learnt.partsOf.size)
    const partsOf = withLexiconParts(opened.stemRules, opened.lexicon).partsOf
    for (const [stem, parts] of learnt.partsOf) expect(partsOf.get(stem), stem).toEqual(parts)
    expect(opened.stemRules.rules.get('ㅎㅏㅎㅏ')).toBeUndefined()
    // 더웠다 is not in the corpus; the rules carry 추웠다 → 춥 over when the index knows 덥.
    for (const q of ['더웠다', '어른들도', '가까워서', '합의했다']) expect(opened.queryAnalyzer(q), q).toEqual(built.queryAnalyzer(q))
  })
})

describe('bad bytes', () => {
  const code = (fn: () => unknown) => {
    try {
      fn()
    } catch (err) {
      return (err as { code?: string }).code
    }
    return 'no error'
  }

  it('detects a flipped byte anywhere in a segment (checksums)', () => {
    const { manifest, segments } = decodePack(packBytes)
    const segment = segments[0]!
    for (let at = 40; at < segment.length; at += Math.floor(segment.length / 97)) {
      const copy = segment.slice()
      copy[at] = copy[at]! ^ 0x10
      expect(code(() => openIndex(encodePack(manifest, [copy, ...segments.slice(1)]))), `byte ${at}`).toBe('DATA_CORRUPTION')
    }
  })

  it('detects a flipped byte anywhere in the eojeol lexicon (the pack\'s last blob)', () => {
    const { manifest, segments: blobs } = decodePack(packBytes)
    const lexicon = blobs[blobs.length - 1]!
    // From byte 8 on: a changed magic or version is INDEX_INCOMPATIBLE; byte 6–7 are reserved.
    for (let at = 8; at < lexicon.length; at += Math.max(1, Math.floor(lexicon.length / 97))) {
      const copy = lexicon.slice()
      copy[at] = copy[at]! ^ 0x10
      expect(code(() => openIndex(encodePack(manifest, [...blobs.slice(0, -1), copy]))), `byte ${at}`).toBe('DATA_CORRUPTION')
    }
  })

  it.each([
    ['a truncated pack', (b: Uint8Array) => b.slice(0, b.length - 1000), 'DATA_CORRUPTION'],
    ['a pack cut inside its header', (b: Uint8Array) => b.slice(0, 10), 'DATA_CORRUPTION'],
    ['another file type', () => new TextEncoder().encode('{"meta":{}}'), 'INDEX_INCOMPATIBLE'],
    ['a newer pack version', (b: Uint8Array) => patch(b, 4, 9), 'INDEX_INCOMPATIBLE'],
  ])('refuses %s', (_, mutate, expected) => {
    expect(code(() => openIndex(mutate(packBytes.slice())))).toBe(expected)
  })

  it.each([
    ['a newer segment version', 4, 'INDEX_INCOMPATIBLE'],
    ['another analyzer version', 6, 'INDEX_INCOMPATIBLE'],
    ['a wrong magic', 0, 'INDEX_INCOMPATIBLE'],
    ['a changed document count', 8, 'DATA_CORRUPTION'],
  ])('refuses a segment with %s', (_, offset, expected) => {
    const { manifest, segments } = decodePack(packBytes)
    const bad = patch(segments[0]!.slice(), offset, 77)
    expect(code(() => openIndex(encodePack(manifest, [bad, ...segments.slice(1)])))).toBe(expected)
  })

  it('refuses a manifest that does not match its segments', () => {
    const { manifest, segments } = decodePack<{ segments: unknown[] }>(packBytes)
    expect(code(() => openIndex(encodePack(manifest, segments.slice(1))))).toBe('DATA_CORRUPTION')
  })
})

function patch(bytes: Uint8Array, at: number, value: number): Uint8Array {
  bytes[at] = value
  return bytes
}

describe('article lookup', () => {
  it('finds the article of every doc, also around articles without sentences', () => {
    const pick = articles.slice(0, 60)
    const withEmpty = pick.flatMap((a, i) => (i % 7 === 3 ? [a, { article: { ...a.article, id: `${a.article.id}-empty` }, sentences: [] }] : [a]))
    const index = openIndex(serializeSegments(buildSegmentedIndex(withEmpty)))
    const expected = withEmpty.flatMap((a) => a.sentences.map(() => a.article.id))
    expect(expected.map((_, doc) => index.store.articleOf(doc).id)).toEqual(expected)
    expect(index.store.sentencesOf(`${pick[3]!.article.id}-empty`)).toEqual([])
  })
})
