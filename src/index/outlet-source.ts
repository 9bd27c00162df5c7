// A TermSource that makes an article's outlet name a word of each of its sentences: 아주경제 finds
// 아주경제's articles although the byline line is not in the indexed text. It holds no sentences
// of its own (docCount 0), so the BM25 statistics of the text tiers stay as they are.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { FIELD_OF_KIND, fieldKey, splitFieldKey, WHOLE_WORD_FIELDS, type Field } from './fields.ts'
import type { SentenceStore } from './store.ts'
import { walkSortedTerms } from './term-walk.ts'
import type { TermSource } from './term-source.ts'

/**
 * @example
 * const outlets = createOutletSource(index.store, analyzer, index.sources)
 * outlets.docFreq('word', '아주경제') // => 15 (every sentence of the seed article)
 */
export function createOutletSource(store: SentenceStore, analyzer: Analyzer, textSources: readonly TermSource[]): TermSource {
  // Built on first use: one pass over the sentences, grouped by the terms of their article's outlet.
  let built: { postings: Map<string, number[]>; sorted: Partial<Record<Field, string[]>> } | undefined
  const build = () => {
    const postings = new Map<string, number[]>()
    const termsOfOutlet = new Map<string, string[]>()
    for (let doc = 0; doc < store.sentenceCount; doc++) {
      const outlet = store.articleOf(doc).outlet
      if (!outlet) continue
      let keys = termsOfOutlet.get(outlet)
      if (keys === undefined) {
        keys = outletKeys(outlet, analyzer)
        termsOfOutlet.set(outlet, keys)
      }
      for (const key of keys) {
        const docs = postings.get(key)
        if (docs) docs.push(doc)
        else postings.set(key, [doc])
      }
    }
    const sorted: Partial<Record<Field, string[]>> = {}
    for (const key of [...postings.keys()].sort()) {
      const [field, term] = splitFieldKey(key)
      ;(sorted[field] ??= []).push(term)
    }
    return { postings, sorted }
  }
  const data = () => (built ??= build())
  const docsOf = (field: Field, term: string) => data().postings.get(fieldKey(field, term))
  // A posting as long as an average sentence, so an outlet match weighs like an ordinary word.
  const averageLength = (field: Field) => {
    const docs = textSources.reduce((sum, s) => sum + s.docCount, 0)
    return docs === 0 ? 1 : textSources.reduce((sum, s) => sum + s.totalFieldLength(field), 0) / docs
  }

  return {
    docCount: 0,
    totalFieldLength: () => 0,
    docFreq: (field, term) => docsOf(field, term)?.length ?? 0,
    forEachPosting(field, term, visit) {
      const docs = docsOf(field, term)
      if (!docs) return
      const length = averageLength(field)
      for (const doc of docs) visit(doc, 1, length)
    },
    termsWithPrefix: (field, prefix, limit) => (data().sorted[field] ?? []).filter((t) => t.startsWith(prefix)).slice(0, limit),
    walkTerms: (field, walker, limit) => walkSortedTerms(data().sorted[field] ?? [], walker, limit),
  }
}

/** `field:term` keys of an outlet name's whole-word terms: 아주경제 → word:아주경제; YTN → latin:ytn. */
function outletKeys(outlet: string, analyzer: Analyzer): string[] {
  const keys = new Set<string>()
  for (const token of analyzer(outlet)) {
    const field = FIELD_OF_KIND[token.kind]
    if (field && WHOLE_WORD_FIELDS.includes(field)) keys.add(fieldKey(field, token.term))
  }
  return [...keys]
}
