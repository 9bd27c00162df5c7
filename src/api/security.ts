// Middleware every route passes through: secure response headers (CSP for the search page,
// nosniff, no framing), a request body size limit, and a 400 for a malformed query string.
// No runtime imports.
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { errorResponse } from './errors.ts'

/**
 * Largest request body accepted, in bytes. The API is GET-only today; a write API's articles are
 * ~10 KB of text each, so 256 KiB leaves room for a batch while one request stays cheap to parse.
 */
export const MAX_BODY_BYTES = 256 * 1024

/**
 * The search page at `/` loads its script and styles from this origin and calls the API here:
 * no inline script or style, no plugins, no framing (clickjacking), no <base> or form hijack.
 * Highlights arrive as escaped HTML with only <mark>, which needs no inline style.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** False when a `key=value` pair of the query string is not valid percent-encoded UTF-8 (`q=%E0%A4%A`, `q=%ZZ`). */
function isWellFormedQueryString(url: string): boolean {
  const at = url.indexOf('?')
  if (at < 0) return true
  for (const pair of url.slice(at + 1).split('&')) {
    try {
      decodeURIComponent(pair.replace(/\+/g, ' '))
    } catch {
      return false
    }
  }
  return true
}

/**
 * Hono would search a malformed `q` as its raw text (`%ED%A0%80` → the words ed, a0, 80); a client
 * that sent broken encoding gets told instead.
 */
const rejectMalformedQueryString: MiddlewareHandler = async (c, next) => {
  if (!isWellFormedQueryString(c.req.url)) {
    return errorResponse(c, 400, 'BAD_QUERY', 'the query string is not valid percent-encoded UTF-8')
  }
  await next()
}

/**
 * @example
 * app.use(...securityMiddleware())
 * await app.request('/api/search?q=벨라루스') // headers => content-security-policy, x-content-type-options: nosniff, …
 */
export function securityMiddleware(): MiddlewareHandler[] {
  return [
    secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, xFrameOptions: 'DENY' }),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', `request body over ${MAX_BODY_BYTES} bytes`),
    }),
    rejectMalformedQueryString,
  ]
}
