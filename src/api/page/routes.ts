// The search page at / and its two assets under /assets/, served by the app itself so Node and the
// Worker answer the same bytes. Assets are versioned by a hash of their text and cached for a year.
// No runtime imports.
import { Hono } from 'hono'
import { CLIENT_SCRIPT } from './client-script.ts'
import { renderShell } from './shell.ts'
import { PAGE_CSS } from './styles.ts'

interface Asset {
  path: string
  type: string
  body: string
  version: string
}

const asset = (path: string, type: string, body: string): Asset => ({ path, type, body, version: fnv1a(body) })

const ASSETS: readonly Asset[] = [
  asset('/assets/search.js', 'text/javascript; charset=utf-8', CLIENT_SCRIPT),
  asset('/assets/search.css', 'text/css; charset=utf-8', PAGE_CSS),
]

const versioned = (a: Asset) => `${a.path}?v=${a.version}`

/** FNV-1a over UTF-16 units, as 8 hex digits: enough to bust caches, no crypto needed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/**
 * @example
 * app.route('/', pageRoutes())
 * await app.request('/') // => 200 text/html with <script src="/assets/search.js?v=…">
 */
export function pageRoutes() {
  const page = new Hono()
  const shell = renderShell({ css: versioned(ASSETS[1]!), js: versioned(ASSETS[0]!) })

  page.get('/', (c) => {
    c.header('cache-control', 'no-cache')
    return c.html(shell)
  })

  for (const a of ASSETS) {
    page.get(a.path, (c) => {
      // Only the URL the shell links to may be cached for good; any other is revalidated.
      const current = c.req.query('v') === a.version
      c.header('content-type', a.type)
      c.header('cache-control', current ? 'public, max-age=31536000, immutable' : 'no-cache')
      c.header('x-content-type-options', 'nosniff')
      return c.body(a.body)
    })
  }
  return page
}
