// Query operators: "exact phrase" and -exclusion. Splits the raw query into free words, phrases and
// exclusions, keeping offsets into the query so later stages can rewrite it in place.
// Must not import runtime code.
import { SearchError } from '../../errors.ts'
import { MAX_QUERY_OPERATORS } from '../limits.ts'

export interface QueryPhrase {
  text: string
  /** Offsets of `text` (without the quotes) in the query. */
  start: number
  end: number
}

export interface ParsedQuery {
  /** The query with exclusions and quote marks blanked out (same length, so offsets still hold): what is scored. */
  scoringText: string
  /** Phrases, which score like free words but must also appear as they are, in order, in a sentence. */
  phrases: QueryPhrase[]
  /** Excluded words and phrases (`-ICT`, `-"무료 통화"`): articles that contain one are dropped. */
  excluded: string[]
  /** The last free word may still be half-typed: the query ends in it, with no space after. */
  lastWordOpen: boolean
}

const QUOTES: Readonly<Record<string, string>> = { '"': '"', '\u201C': '\u201D', '\u201D': '\u201D' }
const SPACE = /\s/
const OPERATOR = /["\u201C\u201D-]/

/**
 * @example
 * parseQuery('"바이버(무료통화앱)" 벨라루스 -ICT')
 * // => { scoringText: ' 바이버(무료통화앱)  벨라루스     ', phrases: [{ text: '바이버(무료통화앱)', start: 1, end: 11 }],
 * //      excluded: ['ICT'], lastWordOpen: false }
 */
export function parseQuery(q: string): ParsedQuery {
  // Most queries have no operator at all: nothing to blank out or collect.
  if (!OPERATOR.test(q)) return { scoringText: q, phrases: [], excluded: [], lastWordOpen: q.length > 0 && !SPACE.test(q[q.length - 1]!) }
  const scoring = q.split('')
  const blank = (from: number, to: number) => scoring.fill(' ', from, to)
  const phrases: QueryPhrase[] = []
  const excluded: string[] = []
  let lastKind: 'free' | 'phrase' | 'exclude' | null = null
  let i = 0
  while (i < q.length) {
    const ch = q[i]!
    if (SPACE.test(ch)) {
      i++
      continue
    }
    const excluding = ch === '-' && i + 1 < q.length && !SPACE.test(q[i + 1]!) && q[i + 1] !== '-'
    const at = excluding ? i + 1 : i
    const close = QUOTES[q[at]!]
    let end: number
    let text: string
    if (close !== undefined) {
      // "phrase" — an unclosed quote runs to the end, as it does while it is being typed.
      const closing = q.indexOf(close, at + 1)
      const inner = closing < 0 ? q.length : closing
      end = closing < 0 ? q.length : closing + 1
      text = q.slice(at + 1, inner)
      if (!excluding && text.trim() !== '') phrases.push({ text, start: at + 1, end: inner })
      blank(at, at + 1)
      if (closing >= 0) blank(closing, closing + 1)
    } else {
      end = at
      while (end < q.length && !SPACE.test(q[end]!)) end++
      text = q.slice(at, end)
    }
    if (excluding) {
      blank(i, end)
      if (text.trim() !== '') excluded.push(text)
    }
    lastKind = excluding ? 'exclude' : close !== undefined ? 'phrase' : 'free'
    i = end
  }
  if (phrases.length + excluded.length > MAX_QUERY_OPERATORS) {
    throw new SearchError('BAD_QUERY', `query: at most ${MAX_QUERY_OPERATORS} phrases and exclusions, got ${phrases.length + excluded.length}`)
  }
  const lastWordOpen = lastKind === 'free' && q.length > 0 && !SPACE.test(q[q.length - 1]!)
  return { scoringText: scoring.join(''), phrases, excluded, lastWordOpen }
}
