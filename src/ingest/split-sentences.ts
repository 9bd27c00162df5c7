// Splits a Korean news body into sentences with their UTF-16 offsets.
// Paragraph breaks always end a sentence; inside a paragraph a final mark followed by a space
// does, unless it sits inside a closed quote/bracket or is an abbreviation, initial or number.

import { isFalseStop } from './false-stops.ts'
import { CLOSING_MARKS, quoteDepths } from './quote-spans.ts'

export interface SentenceSpan {
  text: string
  /** UTF-16 offset in the body: `body.slice(start, start + text.length) === text`. */
  start: number
}

const FINAL_MARKS = new Set(['.', '?', '!', '…', '。', '？', '！'])
/** CJK full stops need no following space: 好。下一句 */
const FULLWIDTH_MARKS = new Set(['。', '？', '！'])
const PARAGRAPH_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029'])
const SPACE = /\s/
const HANGUL_OR_OPENER = /[\uAC00-\uD7A3“‘]/

/**
 * Splits `body` into trimmed, non-empty sentences, in order, covering every non-space character.
 * Never throws; linear in the length of `body`.
 *
 * @example
 * splitSentences('저렴할 것으로 보고 있다. 물가와 인건비도 저렴한 편이다.')
 * // => [{ text: '저렴할 것으로 보고 있다.', start: 0 }, { text: '물가와 인건비도 저렴한 편이다.', start: 15 }]
 * splitSentences('“ICT 협력을 통해 … 열어나가자”고 말했다.')
 * // => [{ text: '“ICT 협력을 통해 … 열어나가자”고 말했다.', start: 0 }]
 */
export function splitSentences(body: string): SentenceSpan[] {
  const out: SentenceSpan[] = []
  let paragraphStart = 0
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || PARAGRAPH_BREAKS.has(body[i]!)) {
      splitParagraph(body.slice(paragraphStart, i), paragraphStart, out)
      paragraphStart = i + 1
    }
  }
  return out
}

function splitParagraph(text: string, offset: number, out: SentenceSpan[]): void {
  const depth = quoteDepths(text)
  let segmentStart = skipSpace(text, 0) // sentences start on a non-space, which false-stops relies on
  let i = 0
  while (i < text.length) {
    if (!FINAL_MARKS.has(text[i]!)) {
      i++
      continue
    }
    const runStart = i
    let end = i
    while (end < text.length && FINAL_MARKS.has(text[end]!)) end++ // ?! / ... / .…
    const runEnd = end
    while (end < text.length && CLOSING_MARKS.has(text[end]!)) end++ // 했다.” keeps the ”
    if (end < text.length && isBreak(text, segmentStart, runStart, runEnd, end, depth)) {
      emit(text, segmentStart, end, offset, out)
      segmentStart = skipSpace(text, end)
    }
    i = end
  }
  emit(text, segmentStart, text.length, offset, out)
}

/** Whether a sentence ends at `end`, right after the final marks `[runStart, runEnd)` and any closers. */
function isBreak(text: string, segmentStart: number, runStart: number, runEnd: number, end: number, depth: Int32Array): boolean {
  if ((depth[end] ?? 0) > 0) return false // “첫째. 둘째”고 → the quote closes later in the paragraph
  const next = text[end]!
  if (SPACE.test(next)) return !isFalseStop(text, segmentStart, runStart, runEnd)
  if (FULLWIDTH_MARKS.has(text[runEnd - 1]!)) return true
  // 했다.그는 → a missing space after '다.' still ends the sentence (not after 다.”고, which quotes).
  return end === runEnd && text.slice(runStart - 1, runEnd) === '다.' && HANGUL_OR_OPENER.test(next)
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && SPACE.test(text[i]!)) i++
  return i
}

/** Pushes `text[from, to)` without surrounding whitespace, if anything is left. */
function emit(text: string, from: number, to: number, offset: number, out: SentenceSpan[]): void {
  let start = from
  let end = to
  while (start < end && SPACE.test(text[start]!)) start++
  while (end > start && SPACE.test(text[end - 1]!)) end--
  if (end > start) out.push({ text: text.slice(start, end), start: offset + start })
}
