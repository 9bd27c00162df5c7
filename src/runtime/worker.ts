// Cloudflare Workers adapter: the bundled corpus's archive ships inside the Worker as a data module
// (an ArrayBuffer, see [[rules]] in wrangler.toml); each isolate opens it once, on its first
// request, as views into those bytes (no parse, no copy per posting).
import { createApp } from '../api/app.ts'
import { openIndex, type SearchIndex } from '../index/search-index.ts'
import indexBytes from '../../index/search-index.pack'

let index: SearchIndex | undefined

const app = createApp({
  // A failed open is not cached: the next request tries again instead of failing forever.
  getIndex: () => (index ??= openIndex(indexBytes)),
})

export default app
