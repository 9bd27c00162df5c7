// The invariants the fuzzer checks, as plain functions that throw a FuzzViolation naming what broke.
// Shared by the property tests and `npm run fuzz`; they read the core, never change it.
import { hanjaReading } from '../analysis/dict/hanja/index.ts'
import { JOINER, normalize } from '../analysis/normalize.ts'
import type { SentenceSpan } from '../ingest/split-sentences.ts'
import type { Highlighted } from '../search/highlight.ts'
import type { Token } from '../types.ts'

export class FuzzViolation extends Error {
  override name = 'FuzzViolation'
}

function fail(message: string, detail?: unknown): never {
  throw new FuzzViolation(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`)
}

const SYLLABLE = /[\uAC00-\uD7A3]/
const DIGIT = /[0-9]/
/** What the tokenizer leaves out of a term: joiners and hyphens between syllables, commas between digits. */
const isDroppedSeparator = (text: string, i: number): boolean => {
  const ch = text[i]!
  const before = text[i - 1] ?? ''
  const after = text[i + 1] ?? ''
  if (ch === JOINER || ch === '-' || ch === '\u2010' || ch === '\u2011') return SYLLABLE.test(before) && SYLLABLE.test(after)
  return ch === ',' && DIGIT.test(before) && DIGIT.test(after)
}

/**
 * The term a token's original slice should give: the slice normalised (NFKC, lower-case, 한․벨 →
 * 한·벨) with the separators the tokenizer drops removed. 한․벨 → 한벨, 1,000 → 1000.
 */
export function expectedTerm(slice: string): { term: string; exact: boolean } {
  const { text, starts, ends } = normalize(slice)
  let term = ''
  for (let i = 0; i < text.length; i++) if (!isDroppedSeparator(text, i)) term += text[i]
  // A token edge may fall inside one character that NFKC expands (㈜ → (주), ½ → 1⁄2): then the
  // term is only part of what the slice normalises to.
  const unitsOf = (pred: (i: number) => boolean) => starts.filter((_, i) => pred(i)).length
  const exact = unitsOf((i) => starts[i] === 0) <= 1 && unitsOf((i) => ends[i] === slice.length) <= 1
  return { term, exact }
}

const HANGUL_SYLLABLES = /^[\uAC00-\uD7A3]+$/

/**
 * Whether a morphological stem may stand for its slice though it differs from it: MeCab-ko restores
 * base forms of conjugated and contracted words (더웠 → 덥, 가까워 → 가깝, 했 → 하, 보고픈's 픈 → 싶
 * as in 보고 싶은), so the term is Hangul syllables, at most two for each of its slice's — never other text.
 */
export function isRestoredStem(term: string, slice: string): boolean {
  const syllables = slice.match(/[\uAC00-\uD7A3]/g)?.length ?? 0
  // A contraction may hide a syllable: 쒼 → 씌우 (씌운), 놨 → 놓 (놓았).
  return HANGUL_SYLLABLES.test(term) && term.length <= 2 * syllables
}

const isLow = (text: string, i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '') && /[\uD800-\uDBFF]/.test(text[i - 1] ?? '')

/**
 * Analyzer invariants for any text:
 * 1. offsets are half-open, non-empty, inside the text and never split a surrogate pair;
 * 2. terms are non-empty and hold no whitespace (the index joins a field's terms with spaces);
 * 3. positions never decrease, and each word (the first token of a position) starts and ends at or
 *    after the previous word — several words may share one expanded character (ﷺ → 4 words);
 * 4. every token lies inside its word;
 * 5. `expectedTerm(text.slice(start, end))` equals the term (or contains it, when a token edge cuts
 *    an NFKC expansion) for every kind: surface, stem, bigram, latin, hanja;
 *    A stem or part MeCab-ko restored from a conjugated form is Hangul of bounded length (더웠 → 덥, 쒼 → 씌우).
 * 6. a stem is a prefix of a surface token of its position that starts where it starts (벨라루스를 → 벨라루스),
 *    or restored from that prefix.
 */
export function checkTokens(text: string, tokens: Token[]): void {
  let word: Token | undefined
  for (const t of tokens) {
    if (!(Number.isInteger(t.start) && Number.isInteger(t.end) && t.start >= 0 && t.start < t.end && t.end <= text.length)) {
      fail('token offsets outside the text', t)
    }
    if (isLow(text, t.start) || isLow(text, t.end)) fail('token offsets split a surrogate pair', t)
    if (t.term.length === 0 || /\s/.test(t.term)) fail('empty term or term with whitespace', t)
    if (word === undefined || t.position !== word.position) {
      if (word !== undefined && (t.position < word.position || t.start < word.start || t.end < word.end)) {
        fail('words out of order', { previous: word, next: t })
      }
      word = t
    } else if (t.start < word.start || t.end > word.end) {
      fail('token outside its word', { word, token: t })
    }
    const slice = text.slice(t.start, t.end)
    // A Hanja reading: 韓美 → stem 한미 (and its bigrams) over the Hanja's own offsets. The analyzer reads
    // the NFKC form: a compatibility ideograph (U+F9FA) reads as its unified twin 狀, ㈠ as 一.
    const hanOf = (from: number) => [...text.slice(from, t.end).normalize('NFKC')].filter((ch) => /\p{Script=Han}/u.test(ch)).join('')
    const han = hanOf(t.start)
    if ((t.kind === 'stem' || t.kind === 'bigram') && han !== '' && /^[가-힣]+$/.test(t.term)) {
      // 두음법칙 applies at the start of the word, not of the token: 一瓏一 reads 일롱일, so 瓏一 → 롱일.
      const readings = [hanjaReading(han), hanjaReading(hanOf(word.start))]
      if (!readings.some((r) => r?.includes(t.term))) fail('reading does not match its Hanja', { token: t, slice })
      continue
    }
    const expected = expectedTerm(slice)
    const restored = (t.kind === 'stem' || t.kind === 'part') && isRestoredStem(t.term, expected.term)
    if (!restored && (expected.exact ? expected.term !== t.term : !expected.term.includes(t.term))) {
      fail('term does not match its slice', { token: t, slice: text.slice(t.start, t.end), expected })
    }
    if (t.kind === 'part' && !restored && !tokens.some((s) => s.kind === 'surface' && s.position === t.position && s.term.includes(t.term))) {
      fail('part is not inside a surface token', t)
    }
    if (t.kind === 'stem') {
      const whole = tokens.some(
        (s) => s.kind === 'surface' && s.position === t.position && s.start === t.start && (s.term.startsWith(t.term) || restored),
      )
      if (!whole) fail('stem is not a prefix of a surface token', t)
    }
  }
}

/**
 * An API answer is JSON with one of the `ok` statuses, or a 4xx `{ error: { code, message } }` without
 * a stack trace — never a 5xx. Returns the parsed body.
 */
export async function jsonAnswer(res: Response, ok: readonly number[]): Promise<Record<string, unknown>> {
  const body = await res.text()
  if (!ok.includes(res.status) && (res.status < 400 || res.status >= 500)) fail(`status ${res.status}`, body)
  if (!res.headers.get('content-type')?.startsWith('application/json')) fail('not JSON', res.headers.get('content-type'))
  const json = JSON.parse(body) as Record<string, unknown>
  if (res.status >= 400) {
    const error = json.error as { code?: unknown; message?: unknown } | undefined
    if (typeof error?.code !== 'string' || !/^[A-Z_]+$/.test(error.code) || typeof error.message !== 'string' || error.message === '') {
      fail('error body shape', json)
    }
    if (/\n\s+at /.test(error.message)) fail('stack trace in error body', json)
  }
  return json
}

/** Splitter invariants: sentences slice back to the body, are trimmed, ordered, disjoint, and cover every non-space character. */
export function checkSentences(body: string, sentences: SentenceSpan[]): void {
  let covered = 0 // every non-space unit before this offset is inside a sentence
  for (const s of sentences) {
    if (s.text.length === 0 || s.text !== s.text.trim()) fail('sentence empty or untrimmed', s)
    if (body.slice(s.start, s.start + s.text.length) !== s.text) fail('sentence does not slice back to the body', s)
    if (s.start < covered) fail('sentences overlap or go backwards', s)
    if (body.slice(covered, s.start).trim() !== '') fail('text between sentences dropped', { from: covered, to: s.start })
    covered = s.start + s.text.length
  }
  if (body.slice(covered).trim() !== '') fail('text after the last sentence dropped', { from: covered })
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
const MARK = /<mark>([^<]*)<\/mark>/g

/**
 * Highlight invariants: spans are sorted, disjoint and not touching (merged), inside the text; the
 * html outside `<mark>` tags holds no raw `<`, `>`, quotes, nor a `&` that is not one of our entities;
 * unescaped it is the text; and the i-th `<mark>` holds exactly text.slice(...highlights[i]).
 */
export function checkHighlighted(text: string, { html, highlights }: Highlighted): void {
  let previousEnd = -1
  for (const [s, e] of highlights) {
    if (!(s > previousEnd && s < e && e <= text.length)) fail('highlight spans unsorted, overlapping or outside the text', highlights)
    previousEnd = e
  }
  const marked = [...html.matchAll(MARK)].map((m) => m[1]!)
  const bare = html.replace(MARK, '$1')
  if (/[<>"']/.test(bare)) fail('unescaped markup in html', html)
  if (/&(?!amp;|lt;|gt;|quot;|#39;)/.test(bare)) fail('bare & in html', html)
  const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
  if (unescape(bare) !== text) fail('html does not unescape to the text', { html, text })
  const spans = highlights.map(([s, e]) => text.slice(s, e))
  if (marked.length !== spans.length || marked.some((m, i) => unescape(m) !== spans[i])) {
    fail('marks do not line up with highlights', { marked, spans })
  }
}

/** Most hits a page may hold (`limit` ≤ 100). */
const MAX_PAGE = 100

/**
 * HTTP invariants for any request: never a 5xx; always a JSON body; a 200 is a search page of at most
 * MAX_PAGE hits whose sentences pass `checkHighlighted`; a 4xx is `{ error: { code, message } }` with
 * no stack trace in it.
 */
export async function checkSearchAnswer(res: Response): Promise<void> {
  const json = await jsonAnswer(res, [200])
  if (res.status >= 400) return
  const page = json as { query?: unknown; total?: unknown; took_ms?: unknown; hits?: unknown }
  if (typeof page.query !== 'string' || !Number.isInteger(page.total) || typeof page.took_ms !== 'number' || !Array.isArray(page.hits)) {
    fail('search body shape', json)
  }
  if (page.hits.length > MAX_PAGE || page.hits.length > (page.total as number)) fail('more hits than limit or total', json)
  for (const hit of page.hits as Array<{ sentences: Array<{ text: string; html: string; highlights: Array<[number, number]> }> }>) {
    for (const s of hit.sentences) checkHighlighted(s.text, s)
  }
}
