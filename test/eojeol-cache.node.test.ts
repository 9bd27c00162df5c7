// Golden check of the build's eojeol cache on the bundled corpus: for every sentence, the terms
// the cache gives are exactly the terms the analyzer gives (the cache is only valid for an
// analyzer that treats whitespace as a hard boundary; this test says whether it still does).
import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../src/analysis/analyzers.ts'
import { EojeolCache } from '../src/index/eojeol-cache.ts'
import { FIELD_OF_KIND } from '../src/index/fields.ts'
import { TermTable } from '../src/index/term-table.ts'
import { ingestFiles, toSentences } from '../src/ingest/index.ts'
import { jiebaSegmenter, readCorpus } from '../src/runtime/node-index.ts'

describe('eojeol cache on corpus/', () => {
  it('gives the analyzer’s terms for every sentence', () => {
    const analyzer = createAnalyzer({ hanSegmenter: jiebaSegmenter })
    const table = new TermTable()
    const cache = new EojeolCache(analyzer, table)
    const sentences = ingestFiles(readCorpus()).flatMap((a) => toSentences(a).map((s) => s.text))
    let mismatches = 0
    for (const text of sentences) {
      const n = cache.analyze(text)
      const got = [...cache.ids.subarray(0, n)].map((id) => `${table.fieldName(id)}:${table.terms[id]}`).sort()
      const want = analyzer(text)
        .filter((t) => FIELD_OF_KIND[t.kind] !== null)
        .map((t) => `${FIELD_OF_KIND[t.kind]}:${t.term}`)
        .sort()
      if (got.join('\n') !== want.join('\n')) mismatches++
    }
    expect(mismatches).toBe(0)
    expect(sentences.length).toBeGreaterThan(6000)
    expect(cache.stats.hits / cache.stats.chunks).toBeGreaterThan(0.3)
  }, 60_000)
})
