// File-name helpers that work on plain strings (no `node:path`, so they also run in Workers).

/**
 * The name after the last `/` or `\`.
 *
 * @example
 * baseName('corpus/000_df47cecabbcbfc25.txt') // => '000_df47cecabbcbfc25.txt'
 */
export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
}

/**
 * The lower-cased extension with its dot, or '' when there is none (`.env` has none).
 *
 * @example
 * extension('corpus/기사.TXT') // => '.txt'
 */
export function extension(fileName: string): string {
  const base = baseName(fileName)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

/**
 * The base name without its extension: a stable id for one-article files.
 *
 * @example
 * stem('corpus/000_df47cecabbcbfc25.txt') // => '000_df47cecabbcbfc25'
 */
export function stem(fileName: string): string {
  const base = baseName(fileName)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}
