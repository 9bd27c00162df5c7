// Cloudflare Workers adapter: the bundled corpus's index ships inside the Worker as a gzip data
// module, and the synonyms file as a text module (see [[rules]] in wrangler.toml); each isolate
// loads them once, on its first request.
import { createApp } from '../api/app.ts'
import { addSynonyms } from '../index/aliases.ts'
import { loadIndexFromGzip, type SearchIndex } from '../index/search-index.ts'
import indexBytes from '../../index/search-index.json.gz'
import synonyms from '../../corpus/synonyms.txt'

let index: Promise<SearchIndex> | undefined

async function load(): Promise<SearchIndex> {
  const loaded = await loadIndexFromGzip(indexBytes)
  addSynonyms(loaded.aliases, synonyms, loaded.queryAnalyzer, 'corpus/synonyms.txt')
  return loaded
}

const app = createApp({
  getIndex: () => {
    // A failed load is not cached: the next request tries again instead of failing forever.
    index ??= load().catch((err: unknown) => {
      index = undefined
      throw err
    })
    return index
  },
})

export default app
