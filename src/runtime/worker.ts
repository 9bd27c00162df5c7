// Cloudflare Workers adapter: the bundled corpus's index ships inside the Worker as a gzip data
// module (see [[rules]] in wrangler.toml); each isolate loads it once, on its first request.
import { createApp } from '../api/app.ts'
import { loadIndexFromGzip, type SearchIndex } from '../index/search-index.ts'
import indexBytes from '../../index/search-index.json.gz'

let index: Promise<SearchIndex> | undefined

const app = createApp({
  getIndex: () => {
    // A failed load is not cached: the next request tries again instead of failing forever.
    index ??= loadIndexFromGzip(indexBytes).catch((err: unknown) => {
      index = undefined
      throw err
    })
    return index
  },
})

export default app
