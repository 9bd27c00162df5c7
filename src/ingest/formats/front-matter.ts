// Reads a `---` front-matter header of flat `key: value` lines (a strict subset of YAML:
// no nesting, no lists, no inline comments), so a typo fails with its line number.

import { IngestError } from '../../errors.ts'

export interface FrontMatter {
  /** Lower-cased keys → unquoted, trimmed values. */
  fields: Map<string, string>
  /** The lines after the closing `---` (all lines when there is no header). */
  body: string[]
}

const FENCE = /^---[ \t]*$/
const FIELD = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/

/**
 * Splits `lines` into header fields and body lines.
 *
 * @example
 * splitFrontMatter('a.md', ['---', 'title: "벨라루스 방문"', 'outlet: 아주경제', '---', '본문이다.'])
 * // => { fields: Map { 'title' => '벨라루스 방문', 'outlet' => '아주경제' }, body: ['본문이다.'] }
 */
export function splitFrontMatter(fileName: string, lines: string[]): FrontMatter {
  const fields = new Map<string, string>()
  if (!FENCE.test(lines[0] ?? '')) return { fields, body: lines }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line))
  if (close < 0) throw new IngestError(fileName, 1, 'front matter is not closed by a "---" line')

  for (let i = 1; i < close; i++) {
    const line = lines[i]!
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue // blank or # comment
    const match = FIELD.exec(line)
    if (match === null) throw new IngestError(fileName, i + 1, `expected "key: value", got ${JSON.stringify(line)}`)
    const key = match[1]!.toLowerCase()
    if (fields.has(key)) throw new IngestError(fileName, i + 1, `duplicate key "${key}"`)
    fields.set(key, unquote(match[2]!, (message) => new IngestError(fileName, i + 1, message)))
  }
  return { fields, body: lines.slice(close + 1) }
}

/** `"a \"b\""` (JSON escapes) and `'a ''b'''` (YAML doubling) → the plain text; bare values as is. */
function unquote(value: string, fail: (message: string) => IngestError): string {
  if (value.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (typeof parsed === 'string') return parsed.trim()
    } catch {
      // reported below
    }
    throw fail(`bad double-quoted value ${value}`)
  }
  if (value.startsWith("'")) {
    const inner = value.slice(1, -1)
    if (value.length < 2 || !value.endsWith("'") || inner.replace(/''/g, '').includes("'")) {
      throw fail(`bad single-quoted value ${value}`)
    }
    return inner.replace(/''/g, "'").trim()
  }
  return value
}
