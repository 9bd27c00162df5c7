// Errors of the core, each with a machine-readable code that the API maps to an HTTP status.
// Must not import anything runtime-specific.

export type SearchErrorCode =
  | 'BAD_QUERY'
  | 'NOT_FOUND'
  | 'INDEX_NOT_FOUND'
  | 'INDEX_INCOMPATIBLE'
  | 'DATA_CORRUPTION'
  | 'INGEST_FORMAT'
  | 'BAD_CONFIG'

export class SearchError extends Error {
  override name = 'SearchError'
  readonly code: SearchErrorCode

  constructor(code: SearchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** A corpus file that cannot be read as an article; names the file and line. */
export class IngestError extends SearchError {
  override name = 'IngestError'

  constructor(file: string, line: number | null, message: string, options?: { cause?: unknown }) {
    super('INGEST_FORMAT', `ingest: ${file}${line === null ? '' : `:${line}`}: ${message}`, options)
  }
}
