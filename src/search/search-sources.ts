// The term sources a search reads: the index's tiers plus the outlet names as words (see
// index/outlet-source.ts), built once per loaded index. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { createOutletSource } from '../index/outlet-source.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { TermSource } from '../index/term-source.ts'

const cache = new WeakMap<SearchIndex, { analyzer: Analyzer; sentences: number; sources: TermSource[] }>()

/**
 * @example
 * searchSources(index, analyzer).length // => index.sources.length + 1
 */
export function searchSources(index: SearchIndex, analyzer: Analyzer): TermSource[] {
  const cached = cache.get(index)
  if (cached && cached.analyzer === analyzer && cached.sentences === index.store.sentenceCount) return cached.sources
  const sources = [...index.sources, createOutletSource(index.store, analyzer, index.sources)]
  cache.set(index, { analyzer, sentences: index.store.sentenceCount, sources })
  return sources
}
