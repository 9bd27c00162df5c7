// Decides whether a '.' (or other final mark) followed by a space is NOT a sentence end:
// abbreviations, initials, spaced dates, list numbers and mid-sentence ellipses.

/** Latin abbreviations written with one final dot; compared lower-cased. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'sir', // Mr. Kim
  'no', 'vol', 'vs', 'lv', 'fig', 'p', 'pp', 'cf', 'ca', 'approx', // No. 1 / Lv. 7
  'co', 'corp', 'inc', 'ltd', 'dept', 'gen', 'gov', 'sen', 'rep', // Samsung Co. Ltd.
])

/** Longest word we look back over; abbreviations are short, so this keeps the check O(1). */
const MAX_LOOKBACK = 32

const SPACE = /\s/
const DIGIT = /[0-9]/

/** The end of `2015. 6. 24` (year, month, day with dots and optional spaces). */
const SPACED_DATE = /(?:^|[^0-9])[0-9]{4}\. ?[0-9]{1,2}\. ?[0-9]{1,2}$/

/** Single list markers: `1. 서론`, `A. 개요`, `가. 현황`. */
const ENUMERATOR = /^(?:[0-9]{1,3}|[A-Za-z]|[가나다라마바사아자차카타파하])$/

/** The non-space word that ends right before `end`, at most MAX_LOOKBACK long. */
function wordBefore(text: string, end: number): string {
  let start = end
  while (start > 0 && end - start < MAX_LOOKBACK && !SPACE.test(text[start - 1]!)) start--
  return text.slice(start, end)
}

/**
 * True when the final-mark run `text[runStart, runEnd)`, followed by a space, does not end
 * the sentence whose first non-space character is at `segmentStart`.
 *
 * @example
 * isFalseStop('U.S. 정부는', 0, 3, 4) // => true
 * isFalseStop('저렴한 편이다. 물가와', 0, 7, 8) // => false
 */
export function isFalseStop(text: string, segmentStart: number, runStart: number, runEnd: number): boolean {
  const before = text[runStart - 1]
  // 협력을 통해 … 열어나가자 → a mark after a space is an elision, not an end.
  if (before === undefined || runStart <= segmentStart || SPACE.test(before)) return true
  if (runEnd - runStart !== 1 || text[runStart] !== '.') return false

  const word = wordBefore(text, runStart).replace(/^[^A-Za-z]+/, '') // (Mr → Mr, 300p → p
  if (/(?:^|[^A-Za-z.])(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return true // U.S. 정부 / e.g. / 성주C.C. 측과
  if (ABBREVIATIONS.has(word.toLowerCase())) return true // Mr. Kim / No. 1
  if (/(?:^|[^A-Za-z])[A-Z]$/.test(word)) return true // 존 F. 케네디 → an initial

  if (DIGIT.test(before)) {
    // 2015. 6. 24. → a dot between the numbers of a spaced date …
    let k = runEnd
    while (k < text.length && SPACE.test(text[k]!)) k++
    if (DIGIT.test(text[k] ?? '')) return true
    // … and the dot that closes it: 2015. 6. 24. 발표했다
    if (SPACED_DATE.test(text.slice(Math.max(0, runStart - 12), runStart))) return true
  }

  // 1. 서론 / 가. 현황 → a list marker at the start of a sentence (segmentStart is its first non-space).
  return runStart - segmentStart <= 3 && ENUMERATOR.test(text.slice(segmentStart, runStart))
}
