// fast-check arbitraries for hostile text: what a public search box and a newsroom feed can send.
// Shared by the property tests (small run) and `npm run fuzz` (long run). Dev-only: imports fast-check.
import fc from 'fast-check'

/** Pieces a string is built from, each a class of input that has broken text code somewhere. */
const PIECES: ReadonlyArray<fc.Arbitrary<string>> = [
  fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)), // 한 (precomposed syllables)
  fc.constantFrom('벨라루스를', '합의했다', '한․벨', '한-벨', '직·간접적으로', '최양희 장관', '정보통신기술(ICT)', '1,000명', '3.5%'),
  fc.constantFrom('은', '는', '이', '가', '을', '를', '의', '에서', '이다', '했다', '하는'), // particles and endings alone
  fc.integer({ min: 0x1100, max: 0x11ff }).map((c) => String.fromCharCode(c)), // conjoining jamo ᄒ ᅡ ᆫ
  fc.integer({ min: 0xa960, max: 0xa97f }).map((c) => String.fromCharCode(c)), // old jamo extension A
  fc.integer({ min: 0xd7b0, max: 0xd7ff }).map((c) => String.fromCharCode(c)), // jamo extension B
  fc.integer({ min: 0x3131, max: 0x318e }).map((c) => String.fromCharCode(c)), // compatibility jamo ㄱ ㅏ
  fc.constantFrom('\u00B7', '\u2024', '\u2027', '\u30FB', '\uFF65', '\u318D', '\u2219', '\u22C5', '-', '\u2010', '\u2011'), // joiners, hyphens
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), // lone surrogates
  fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧‍👦', '🇰🇷', '❤️', '#️⃣', '\u200D', '\uFE0F', '\u{1F3FB}'), // emoji, ZWJ, modifiers
  fc.constantFrom('שלום', 'مرحبا', '\u202E', '\u202B', '\u200F', '\u061C', '\u2066', '\u2069'), // RTL text and bidi controls
  fc.integer({ min: 0x0300, max: 0x036f }).map((c) => String.fromCharCode(c)), // combining marks
  fc.constantFrom('\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u00A0', '\u3000', '\uFEFF', '\uFFFE', '\uFFFF'),
  fc.constantFrom('<', '>', '&', '"', "'", '&amp;', '<mark>', '</mark>', '<script>alert(1)</script>', '"><img src=x>'),
  fc.constantFrom('.', '?', '!', '…', '。', '”', '’', '“', '‘', '(', ')', '[', ']', '「', '」', ',', '...', '?!', '다.'), // sentence marks
  fc.constantFrom('㈜', '½', 'ﬁ', '㎏', 'ＩＣＴ', '①', 'Ⅷ', '㉠', '㈀', '\u1E9B\u0323', 'ǅ', 'İ', 'ß', 'ﷺ', '\u3250'), // NFKC expanders
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), // Han 韓
  fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)), // Han outside the BMP
  fc.constantFrom('.*', '(a|b)+', '[^a]', '\\', '$1', '^', '%00', '%', '%ZZ', '+', '"""---', '---', 'AND', 'OR', 'NOT', '*'),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'), // Object.prototype keys
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), // any code point
  fc.constantFrom(' ', '  ', '\u2003', '\u200B'),
]

const piece = fc.oneof(...PIECES)

/** Length in UTF-16 units of the "very long" strings: a news body or a pasted page. */
export const LONG_TEXT = 10_000

/** A string of `maxPieces` hostile pieces at most. */
export const hostileText = (maxPieces: number): fc.Arbitrary<string> =>
  fc.array(piece, { maxLength: maxPieces }).map((parts) => parts.join(''))

/**
 * Mostly short strings, some medium, a few exactly LONG_TEXT units long (a repeated chunk cut at
 * LONG_TEXT, which may split a surrogate pair: a lone surrogate at the end is part of the test).
 */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: hostileText(24) },
  { weight: 4, arbitrary: hostileText(200) },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileText(60), fc.string({ unit: 'binary', maxLength: 8 })).map(([chunk, tail]) => {
      const unit = chunk + tail || '가'
      return unit.repeat(Math.ceil(LONG_TEXT / unit.length)).slice(0, LONG_TEXT)
    }),
  },
)

/** A query: hostile text, or pieces cut from a hostile text so queries sometimes match it. */
export const queryFor = (text: string): fc.Arbitrary<string> =>
  fc.oneof(
    hostileText(12),
    fc.tuple(fc.nat(text.length), fc.integer({ min: 1, max: 24 })).map(([at, n]) => text.slice(at, at + n)),
  )

/** How a query value travels in a URL: encoded, raw (the URL parser fixes what it can), or as arbitrary bytes. */
export const queryInUrl = (q: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(encodeURIComponent(wellFormed(q))) },
    { weight: 2, arbitrary: fc.constant(q) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 24 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')) },
  )

/** Extra parameters a client may add: mostly none or valid ones, sometimes malformed or repeated. */
export const extraParams: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', '&limit=5', '&offset=10', '&limit=100', '&limit=1&offset=3', '&offset=100000', '&x=1') },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom('q=', 'q=again', 'limit=0', 'limit=-1', 'limit=1e3', 'offset=', 'limit=5&limit=5'),
          fc.tuple(fc.constantFrom('limit', 'offset', 'q', 'x', ''), fc.string({ maxLength: 6 })).map(([k, v]) => `${k}=${v}`),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((params) => params.map((p) => `&${p}`).join('')),
  },
)

/** Lone surrogates → U+FFFD, so encodeURIComponent accepts the string (String#toWellFormed is ES2024). */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/**
 * A write request body: mostly an article object with hostile fields (some valid, some not, ids
 * that repeat), some arbitrary JSON, some text that is not JSON at all.
 */
export const articleRequestBody: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record(
        {
          id: fc.oneof(
            { weight: 1, arbitrary: fc.constantFrom('fuzz-1', 'fuzz-2', '000_df47cecabbcbfc25') },
            { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9가-힣._~-]{1,24}$/) },
            { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), hostileText(3)) },
          ),
          title: fc.oneof({ weight: 3, arbitrary: hostileText(6).map((t) => `${t} 속보`) }, hostileText(6), fc.constant('')),
          body: anyText,
          outlet: fc.oneof(hostileText(2), fc.constant(null)),
          published_at: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('2026-11-25', '2009. 1. 20.') }, fc.constantFrom('2015-02-30'), fc.string({ maxLength: 12 })),
          url: fc.oneof({ weight: 4, arbitrary: fc.webUrl() }, fc.string({ maxLength: 20 })),
        },
        { requiredKeys: ['title', 'body'] },
      )
      .map((record) => JSON.stringify(record)),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: hostileText(12) },
)

/** A write request: POST a body, PUT a body to an id, or DELETE an id (ids often of existing articles). */
export const articleWrite: fc.Arbitrary<{ method: 'POST' | 'PUT' | 'DELETE'; id: string; body: string }> = fc.record({
  method: fc.constantFrom('POST', 'PUT', 'DELETE'),
  id: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('fuzz-1', 'fuzz-2', '000_df47cecabbcbfc25', 'kowikinews-b77494f05b19') },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9가-힣._~-]{1,24}$/) },
    // Lone surrogates cannot be put in a URL at all (encodeURIComponent throws): U+FFFD instead.
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), hostileText(3)).map((id) => id.replace(/[\uD800-\uDFFF]/g, '\uFFFD')) },
  ),
  body: articleRequestBody,
})
