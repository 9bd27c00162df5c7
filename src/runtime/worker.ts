// Cloudflare Workers adapter: the bundled corpus's archive ships inside the Worker as a data module
// (an ArrayBuffer) and the synonyms file as a text module (see [[rules]] in wrangler.toml); each
// isolate opens the archive once, on its first request, as views into those bytes (no parse, no
// copy per posting).
import { createApp } from '../api/app.ts'
import { addSynonyms } from '../index/aliases.ts'
import { openIndex, type SearchIndex } from '../index/search-index.ts'
import indexBytes from '../../index/search-index.pack'
import synonyms from '../../corpus/synonyms.txt'

let index: SearchIndex | undefined

function open(): SearchIndex {
  const opened = openIndex(indexBytes)
  addSynonyms(opened.aliases, synonyms, opened.queryAnalyzer, 'corpus/synonyms.txt')
  return opened
}

const app = createApp({
  // A failed open is not cached: the next request tries again instead of failing forever.
  getIndex: () => (index ??= open()),
})

export default app
