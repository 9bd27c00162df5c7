// Maps core error codes to HTTP statuses and writes the one error body shape the API uses:
// { "error": { "code", "message" } }. No runtime imports.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { SearchError, type SearchErrorCode } from '../errors.ts'

export const STATUS_OF_CODE: Readonly<Record<SearchErrorCode, ContentfulStatusCode>> = {
  BAD_QUERY: 400,
  NOT_FOUND: 404,
  INGEST_FORMAT: 400,
  BAD_CONFIG: 500,
  INDEX_NOT_FOUND: 503,
  INDEX_INCOMPATIBLE: 503,
  DATA_CORRUPTION: 500,
}

/** Codes for the 4xx statuses Hono's middleware throws as HTTPException. */
const CODE_OF_HTTP_STATUS: Readonly<Partial<Record<number, string>>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status)
}

/**
 * One place answers every thrown error; unknown errors are logged and answered without details, so
 * no stack trace or internal message ever reaches a client.
 */
export function handleError(err: Error, c: Context) {
  // Hono's own client errors (a malformed JSON body for a validator, a failed auth) keep their 4xx;
  // a middleware that built its own response (bearer auth: our JSON body + WWW-Authenticate) keeps it.
  if (err instanceof HTTPException && err.status < 500) {
    if (err.res) return err.getResponse()
    return errorResponse(c, err.status, CODE_OF_HTTP_STATUS[err.status] ?? 'BAD_REQUEST', err.message || 'bad request')
  }
  if (err instanceof SearchError) {
    const status = STATUS_OF_CODE[err.code]
    if (status >= 500) console.error(err)
    return errorResponse(c, status, err.code, status >= 500 ? 'the search index is not available' : err.message)
  }
  console.error(err)
  return errorResponse(c, 500, 'INTERNAL', 'internal error')
}
