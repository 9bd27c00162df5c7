// Index-time and query-time analysis agree: every eojeol of the bundled corpus analyses the same
// through the query analyzer (lexicon + vocabulary, no dictionary, runs in the Worker) as it did at
// build time.
import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchIndex } from '../src/index/search-index.ts'
import { loadOrBuildIndex } from '../src/runtime/node-index.ts'

let index: SearchIndex
beforeAll(async () => {
  index = await loadOrBuildIndex(() => {})
}, 120_000)

describe('index-time and query-time analysis', () => {
  it('every word-field term the query analyzer gives a corpus sentence is in the index vocabulary', () => {
    const knows = (term: string) => index.sources.some((s) => s.docFreq('word', term) > 0)
    let checked = 0
    const unknown: string[] = []
    for (let doc = 0; doc < index.store.sentenceCount; doc += 7) {
      for (const t of index.queryAnalyzer(index.store.sentence(doc).text)) {
        if (t.kind !== 'stem' && t.kind !== 'part') continue
        checked++
        if (!knows(t.term)) unknown.push(t.term)
      }
    }
    expect(checked).toBeGreaterThan(5000)
    expect(unknown).toEqual([])
  })

  it('query analysis of a corpus sentence yields the same word terms as indexing it did', () => {
    // The sentence's own postings: every word-field term of sentence `doc` must point back to `doc`.
    for (const doc of [0, 1, 2, 100, 1000, 3000]) {
      const terms = new Set(index.queryAnalyzer(index.store.sentence(doc).text).filter((t) => t.kind === 'stem' || t.kind === 'part').map((t) => t.term))
      for (const term of terms) {
        const docs: number[] = []
        for (const s of index.sources) s.forEachPosting('word', term, (d) => docs.push(d))
        expect(docs, term).toContain(doc)
      }
    }
  })
})
