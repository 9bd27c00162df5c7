// Parses JSON Lines: one article object per line (the Wikinews dump). Strict about the
// fields it needs, so a broken record fails loudly with its file and line number.

import type { Article } from '../../types.ts'
import { IngestError } from '../../errors.ts'
import { normaliseDate } from '../date.ts'
import { fnv1a64 } from '../hash.ts'

type Json = Record<string, unknown>

/**
 * Reads every non-blank line of `text` as one article.
 * Throws IngestError(`file`, line) on invalid JSON, a missing title/body or a repeated id.
 *
 * @example
 * parseJsonl('a.jsonl', '{"id":"k1","title":"오바마 취임","body":"오바마가 취임하였다.\\n둘째 문단.","date":"2009. 1. 20."}')
 * // => [{ id: 'k1', title: '오바마 취임', outlet: null, byline: null, published_at: '2009-01-20',
 * //       section: null, url: null, body: '오바마가 취임하였다.\n둘째 문단.' }]
 */
export function parseJsonl(fileName: string, text: string): Article[] {
  const articles: Article[] = []
  const lineOfId = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    const lineNo = index + 1
    const article = articleFromRecord(parseObject(fileName, lineNo, line), (message) => new IngestError(fileName, lineNo, message))
    const earlier = lineOfId.get(article.id)
    if (earlier !== undefined) throw new IngestError(fileName, lineNo, `duplicate id "${article.id}" (first on line ${earlier})`)
    lineOfId.set(article.id, lineNo)
    articles.push(article)
  })
  return articles
}

function parseObject(fileName: string, lineNo: number, line: string): Json {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (cause) {
    throw new IngestError(fileName, lineNo, `invalid JSON: ${(cause as Error).message}`, { cause })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IngestError(fileName, lineNo, 'expected a JSON object')
  }
  return value as Json
}

/**
 * One article record (a JSON Lines row, or the body of a write request) as an Article; `fail` builds
 * the error for a missing or mistyped field.
 */
export function articleFromRecord(record: Json, fail: (message: string) => IngestError): Article {
  // Optional text field: absent, null or blank → null; any other non-string is an error.
  const optional = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = record[key]
      if (value === undefined || value === null) continue
      if (typeof value !== 'string') throw fail(`field "${key}" must be a string`)
      if (value.trim() !== '') return value.trim()
    }
    return null
  }

  const title = optional('title')
  if (title === null) throw fail('missing "title"')
  const body = optional('body')
  if (body === null) throw fail('missing or empty "body"')
  const outlet = optional('outlet')
  const rawDate = optional('published_at', 'date')
  const published_at = normaliseDate(rawDate)

  return {
    // Unit separator between fields, so ('ab', 'c') and ('a', 'bc') hash differently.
    id: idOf(record.id, fail) ?? fnv1a64([outlet ?? '', title, published_at ?? rawDate ?? ''].join('\u001f')),
    title,
    outlet,
    byline: optional('byline', 'reporter'),
    published_at,
    section: optional('section'),
    url: optional('url'),
    body: body.replace(/\r\n?/g, '\n'),
  }
}

/** The record's own id (string or number), or null to fall back to a hash. */
function idOf(value: unknown, fail: (message: string) => IngestError): string | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw fail('field "id" must be a string or a number')
}
