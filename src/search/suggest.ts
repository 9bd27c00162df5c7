// Suggestions as you type: indexed words and article titles completed from a jamo prefix (벨랄 →
// 벨라루스), from 초성 (ㅂㄹㄹㅅ → 벨라루스) or from Latin typed in English mode (qpffk → 벨라…).
// Built once per loaded archive, and again for the live tier as articles are written; must not
// import runtime code (it runs in the Worker too).
import { fromQwerty, isLoneConsonant, isLoneVowel, isSyllable, spellInitials, toChoseong, toJamo } from './hangul-text.ts'
import type { IndexedSentence, SearchIndex } from '../index/search-index.ts'
import { fieldVocabulary, segmentsVocabulary, type VocabularyTerm } from '../index/vocabulary.ts'
import { occursOutsideDeleted } from './without-deleted.ts'

export type SuggestionKind = 'term' | 'title'

export interface Suggestion {
  text: string
  kind: SuggestionKind
  /** The article whose title this is (kind 'title' only). */
  article_id?: string
}

export interface SuggestRequest {
  q: string
  limit: number
}

export interface SuggestResponse {
  query: string
  suggestions: Suggestion[]
}

/** How a dictionary entry matched; lower is better. A keyboard-layout slip ranks below any direct match. */
const TIER = { exact: 0, prefix: 1, choseong: 2 } as const
const LAYOUT_PENALTY = 3
/** Title matches that start inside the title (at a later word) rank after those at its start. */
const INNER_PENALTY = 0.5
/** Longest query the API accepts; title keys never need to be longer than that. */
const MAX_KEY_CHARS = 50

interface Entry {
  text: string
  /** Terms: sentences holding the term; titles: 0 (they rank by match kind, then length). */
  df: number
  articleId?: string
  inner: boolean
}

interface Candidate {
  entry: number
  rank: number
}

/** Letters and digits only, lower-cased: `'팝의 황제' 마이클` → `팝의황제마이클`, so spaces and quotes never block a prefix. */
export function suggestionKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * Entries kept twice sorted, by jamo string and by 초성 string, so both lookups are a binary search
 * for the prefix range; candidates in the range are ranked with a bounded top-k.
 */
class PrefixDictionary {
  readonly entries: Entry[] = []
  private readonly keys: string[] = []
  private jamoSorted: string[] = []
  private jamoOrder: Uint32Array = new Uint32Array(0)
  private choseongSorted: string[] = []
  private choseongOrder: Uint32Array = new Uint32Array(0)
  private readonly jamo: string[] = []
  private readonly choseong: string[] = []

  add(entry: Entry, key: string): void {
    if (key.length === 0) return
    this.entries.push(entry)
    this.keys.push(key)
    this.jamo.push(toJamo(key))
    const initials = toChoseong(key)
    // Position i of the 초성 string must belong to position i of the key (checked per syllable below).
    this.choseong.push(initials.length === key.length ? initials : '')
  }

  /** Sorts both orders; call once after the last add(). */
  seal(): this {
    ;[this.jamoOrder, this.jamoSorted] = sortedOrder(this.jamo)
    ;[this.choseongOrder, this.choseongSorted] = sortedOrder(this.choseong)
    return this
  }

  /** Entries whose jamo string starts with the query's: 벨랄 ⊂ 벨라루스, exact when equal. */
  byJamo(query: string, k: number, penalty: number): Candidate[] {
    const jamo = toJamo(query)
    const top = new TopK(k, this.entries)
    const [lo, hi] = prefixRange(this.jamoSorted, jamo)
    for (let i = lo; i < hi; i++) {
      const entry = this.jamoOrder[i]!
      top.offer(entry, this.rank(entry, this.jamoSorted[i]!.length === jamo.length ? TIER.exact : TIER.prefix, penalty))
    }
    return top.items()
  }

  /**
   * Entries that fit a query with initials: each lone consonant stands for a syllable's 초성, each
   * syllable must match itself (the last one as a jamo prefix). ㅂㄹㄹㅅ → 벨라루스, 미래ㅊㅈ → 미래창조….
   */
  byChoseong(query: string, k: number, penalty: number): Candidate[] {
    const units = initialUnits(query)
    if (!units) return []
    const pattern = units.map((u) => (isSyllable(u) ? toChoseong(u) : u)).join('')
    const top = new TopK(k, this.entries)
    const [lo, hi] = prefixRange(this.choseongSorted, pattern)
    for (let i = lo; i < hi; i++) {
      const entry = this.choseongOrder[i]!
      if (syllablesFit(units, this.keys[entry]!)) top.offer(entry, this.rank(entry, TIER.choseong, penalty))
    }
    return top.items()
  }

  private rank(entry: number, tier: number, penalty: number): number {
    return tier + penalty + (this.entries[entry]!.inner ? INNER_PENALTY : 0)
  }
}

/** The query as units for 초성 matching, or null when it has no lone consonant (or a lone vowel). */
function initialUnits(query: string): string[] | null {
  const units: string[] = []
  let initials = 0
  for (const ch of query) {
    if (isLoneVowel(ch)) return null
    if (isLoneConsonant(ch)) {
      initials++
      units.push(...spellInitials(ch)) // ㄽ → ㄹ, ㅅ
    } else units.push(ch)
  }
  return initials > 0 ? units : null
}

function syllablesFit(units: string[], key: string): boolean {
  const last = units.length - 1
  for (let i = 0; i <= last; i++) {
    const unit = units[i]!
    if (!isSyllable(unit)) continue
    const ch = key[i]
    if (ch === undefined) return false
    // Earlier syllables must be whole; the last may be half-typed: ㅁㄹ차 fits 미래창조 (차 ⊂ 창).
    if (i === last ? !toJamo(ch).startsWith(toJamo(unit)) : ch !== unit) return false
  }
  return true
}

/** [order, sorted strings]: entry indexes in string order, and the strings in that order. */
function sortedOrder(strings: string[]): [Uint32Array, string[]] {
  const order = Uint32Array.from(strings.keys()).sort((a, b) => compare(strings[a]!, strings[b]!))
  return [order, Array.from(order, (i) => strings[i]!)]
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** [lo, hi) of the sorted strings that start with `prefix` (code-unit order, as `<` compares). */
function prefixRange(sorted: string[], prefix: string): [number, number] {
  if (prefix.length === 0) return [0, 0]
  return [lowerBound(sorted, prefix), lowerBound(sorted, `${prefix}\uffff`)]
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Keeps the k best candidates: lower rank, then more frequent, shorter, alphabetical. */
class TopK {
  private readonly best: Candidate[] = []
  constructor(
    private readonly k: number,
    private readonly entries: Entry[],
  ) {}

  offer(entry: number, rank: number): void {
    const candidate = { entry, rank }
    if (this.best.length === this.k && this.before(this.best[this.k - 1]!, candidate)) return
    let at = this.best.length
    while (at > 0 && this.before(candidate, this.best[at - 1]!)) at--
    this.best.splice(at, 0, candidate)
    if (this.best.length > this.k) this.best.pop()
  }

  items(): Candidate[] {
    return this.best
  }

  before(a: Candidate, b: Candidate): boolean {
    if (a.rank !== b.rank) return a.rank < b.rank
    const ea = this.entries[a.entry]!
    const eb = this.entries[b.entry]!
    if (ea.df !== eb.df) return ea.df > eb.df
    if (ea.text.length !== eb.text.length) return ea.text.length < eb.text.length
    return ea.text < eb.text
  }
}

export interface Suggester {
  suggest(request: SuggestRequest): SuggestResponse
}

/** Terms of one syllable are what the user has already typed; they make poor completions. */
const MIN_TERM_CHARS = 2

/** The word and title dictionaries of one tier. */
interface Dictionaries {
  terms: PrefixDictionary
  titles: PrefixDictionary
}

/**
 * Dictionaries of words (with document frequencies) and of the titles of articles [from, to), each
 * title also from every later word (so 벨라루스 finds "… 벨라루스를 선택했다").
 */
function buildDictionaries(index: SearchIndex, vocabulary: readonly VocabularyTerm[], from: number, to: number): Dictionaries {
  const terms = new PrefixDictionary()
  for (const { term, df } of vocabulary) {
    if (term.length >= MIN_TERM_CHARS) terms.add({ text: term, df, inner: false }, suggestionKey(term))
  }
  const titles = new PrefixDictionary()
  for (let a = from; a < to; a++) {
    const article = index.store.article(a)
    const words = article.title.split(/\s+/).filter(Boolean)
    words.forEach((_, i) => {
      const key = suggestionKey(words.slice(i).join('')).slice(0, MAX_KEY_CHARS)
      titles.add({ text: article.title, df: 0, articleId: article.id, inner: i > 0 }, key)
    })
  }
  return { terms: terms.seal(), titles: titles.seal() }
}

/**
 * Suggests from the archive's dictionaries, built once per set of segments, and the live tier's, so
 * a word or title written a moment ago is suggested too. The live tier's come in runs, like an LSM
 * tree: the articles written since the last keystroke get a small run of their own (their words
 * counted as they were added), and a run is merged with the one before it once that one is at most
 * twice its size, so each article is rebuilt O(log n) times and a keystroke after a write pays for
 * the new articles, not the whole live tier.
 * @example
 * createSuggester(index).suggest({ q: 'ㅂㄹㄹㅅ', limit: 8 }).suggestions[0] // => { text: '벨라루스', kind: 'term' }
 */
export function createSuggester(index: SearchIndex): Suggester {
  let archive: { segments: SearchIndex['segments']; articles: number; dictionaries: Dictionaries } | undefined
  /** Runs, oldest first, each at least twice the next one's size; words of the articles added since the last run. */
  let live: { tier: SearchIndex['live']; runs: LiveRun[]; added: Map<string, number> } | undefined
  const current = (): Dictionaries[] => {
    if (archive?.segments !== index.segments) {
      const articles = index.segments.reduce((sum, s) => sum + s.articleCount, 0)
      archive = { segments: index.segments, articles, dictionaries: buildDictionaries(index, segmentsVocabulary(index.segments, 'word'), 0, articles) }
    }
    const base = archive.articles
    if (live?.tier !== index.live) {
      const tier = index.live
      const added = new Map<string, number>()
      tier.onAdd.add((docs) => countWords(docs, added))
      // What the tier held before this suggester saw it (a live file loaded at start) is read once.
      const words = new Map(fieldVocabulary(tier.miniSearch, 'word').map(({ term, df }) => [term, df]))
      live = { tier, runs: tier.store.articleCount > 0 ? [liveRun(index, base, 0, tier.store.articleCount, words)] : [], added }
    }
    const { runs, added } = live
    const articles = index.live.store.articleCount
    const covered = runs.at(-1)?.to ?? 0
    if (covered < articles) {
      runs.push(liveRun(index, base, covered, articles, new Map(added)))
      added.clear()
      while (runs.length >= 2 && runSize(runs.at(-2)!) <= 2 * runSize(runs.at(-1)!)) {
        const newer = runs.pop()!
        const older = runs.pop()!
        for (const [term, df] of newer.words) older.words.set(term, (older.words.get(term) ?? 0) + df)
        runs.push(liveRun(index, base, older.from, newer.to, older.words))
      }
    }
    return [archive.dictionaries, ...runs.map((run) => run.dictionaries)]
  }
  current()

  return {
    suggest({ q, limit }) {
      // Words are completed one at a time: 최양희 장 → 최양희 장관. Titles match the whole query, spaces skipped.
      const readings = [{ text: q, penalty: 0 }]
      const typedInEnglish = fromQwerty(q)
      if (typedInEnglish) readings.push({ text: typedInEnglish, penalty: LAYOUT_PENALTY })

      const termHits: Array<Suggestion & { rank: number }> = []
      const titleHits: Array<Suggestion & { rank: number }> = []
      const tiers = current()
      for (const { text, penalty } of readings) {
        const words = text.trim().split(/\s+/)
        const last = suggestionKey(words.pop() ?? '')
        const context = words.join(' ')
        for (const { terms, titles } of tiers) {
          for (const c of lookup(terms, last, limit, penalty)) {
            const term = terms.entries[c.entry]!.text
            if (index.deleted.size > 0 && !occursOutsideDeleted(index, 'word', term)) continue
            termHits.push({ text: context ? `${context} ${term}` : term, kind: 'term', rank: c.rank })
          }
          for (const c of lookup(titles, suggestionKey(text), limit, penalty)) {
            const { text: title, articleId } = titles.entries[c.entry]!
            // A deleted article's title, or a replaced one's old title, is no longer offered.
            if (index.deleted.size > 0 && index.store.articleById(articleId!)?.title !== title) continue
            titleHits.push({ text: title, kind: 'title', article_id: articleId!, rank: c.rank })
          }
        }
      }
      const termList = distinct(termHits, (s) => s.text)
      const titleList = distinct(titleHits, (s) => s.article_id!)
      // Words first; titles get a third of the list when there are enough words, the rest otherwise.
      const titleCount = Math.min(titleList.length, Math.max(Math.floor(limit / 3), limit - termList.length))
      const suggestions = [...termList.slice(0, limit - titleCount), ...titleList.slice(0, titleCount)]
      return { query: q, suggestions: suggestions.map(({ rank: _rank, ...s }) => s) }
    },
  }
}

/** Dictionaries of live articles [from, to) (local numbers) and the word counts they were built from. */
interface LiveRun {
  from: number
  to: number
  words: Map<string, number>
  dictionaries: Dictionaries
}

const runSize = (run: LiveRun) => run.to - run.from

function liveRun(index: SearchIndex, archiveArticles: number, from: number, to: number, words: Map<string, number>): LiveRun {
  const vocabulary = Array.from(words, ([term, df]) => ({ term, df }))
  return { from, to, words, dictionaries: buildDictionaries(index, vocabulary, archiveArticles + from, archiveArticles + to) }
}

/** Adds each doc's distinct words to `counts` (a doc counts once per word: the df). */
function countWords(docs: readonly IndexedSentence[], counts: Map<string, number>): void {
  for (const doc of docs) {
    for (const term of new Set(doc.word.split(' '))) if (term) counts.set(term, (counts.get(term) ?? 0) + 1)
  }
}

/** Best of the jamo-prefix and 초성 matches, each entry once at its best rank. */
function lookup(dictionary: PrefixDictionary, key: string, k: number, penalty: number): Candidate[] {
  if (key.length === 0) return []
  const merged = new Map<number, Candidate>()
  for (const c of [...dictionary.byJamo(key, k, penalty), ...dictionary.byChoseong(key, k, penalty)]) {
    const seen = merged.get(c.entry)
    if (!seen || c.rank < seen.rank) merged.set(c.entry, c)
  }
  const top = new TopK(k, dictionary.entries)
  for (const c of merged.values()) top.offer(c.entry, c.rank)
  return top.items()
}

/** Stable by rank; the first (best) of each key kept. */
function distinct<T extends { rank: number }>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return [...items]
    .sort((a, b) => a.rank - b.rank)
    .filter((item) => {
      const k = key(item)
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
}

const suggesters = new WeakMap<SearchIndex, Suggester>()

/**
 * The suggester of this loaded index, built on first use (~0.3 s on the bundled corpus) and kept
 * as long as the index is; a runtime may call it right after loading so no keystroke waits.
 * @example
 * suggesterFor(index) === suggesterFor(index) // => true
 */
export function suggesterFor(index: SearchIndex): Suggester {
  let suggester = suggesters.get(index)
  if (!suggester) {
    suggester = createSuggester(index)
    suggesters.set(index, suggester)
  }
  return suggester
}

/**
 * @example
 * suggest(index, { q: '벨라ㄹ', limit: 8 }).suggestions[0].text // => '벨라루스'
 */
export function suggest(index: SearchIndex, request: SuggestRequest): SuggestResponse {
  return suggesterFor(index).suggest(request)
}
