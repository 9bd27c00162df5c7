// A TermSource that makes an article's outlet name a word of each of its sentences: 아주경제 finds
// 아주경제's articles although the byline line is not in the indexed text. It holds no sentences
// of its own (docCount 0), so the BM25 statistics of the text tiers stay as they are.
// Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { FIELD_OF_KIND, fieldKey, splitFieldKey, WHOLE_WORD_FIELDS, type Field } from './fields.ts'
import type { SentenceStore } from './store.ts'
import { walkSortedTerms } from './term-walk.ts'
import type { TermSource } from './term-source.ts'

/** The docs of one outlet term: [start, end) doc ranges, ascending, and how many docs they hold. */
interface OutletPostings {
  ranges: number[]
  count: number
}

/**
 * @example
 * const outlets = createOutletSource(index.store, analyzer, index.sources)
 * outlets.docFreq('word', '아주경제') // => 15 (every sentence of the seed article)
 */
export function createOutletSource(store: SentenceStore, analyzer: Analyzer, textSources: readonly TermSource[]): TermSource {
  // Built on first use: one pass over the articles, their doc ranges grouped by the terms of their
  // outlet. Ranges, not doc lists: an outlet covers whole articles (a million-sentence archive from
  // one outlet is a handful of ranges instead of 20 MB of doc ids).
  let built: { postings: Map<string, OutletPostings>; sorted: Partial<Record<Field, string[]>> } | undefined
  const build = () => {
    const postings = new Map<string, OutletPostings>()
    const termsOfOutlet = new Map<string, string[]>()
    for (let doc = 0; doc < store.sentenceCount; ) {
      const article = store.articleNumberOf(doc)
      let end = doc + 1
      while (end < store.sentenceCount && store.articleNumberOf(end) === article) end++
      const outlet = store.article(article).outlet
      if (outlet) {
        let keys = termsOfOutlet.get(outlet)
        if (keys === undefined) {
          keys = outletKeys(outlet, analyzer)
          termsOfOutlet.set(outlet, keys)
        }
        for (const key of keys) {
          let docs = postings.get(key)
          if (docs === undefined) postings.set(key, (docs = { ranges: [], count: 0 }))
          const { ranges } = docs
          // Articles follow each other: extend the last range when this one starts where it ends.
          if (ranges.length > 0 && ranges[ranges.length - 1] === doc) ranges[ranges.length - 1] = end
          else ranges.push(doc, end)
          docs.count += end - doc
        }
      }
      doc = end
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
    docFreq: (field, term) => docsOf(field, term)?.count ?? 0,
    forEachPosting(field, term, visit) {
      const docs = docsOf(field, term)
      if (!docs) return
      const length = averageLength(field)
      const { ranges } = docs
      for (let r = 0; r < ranges.length; r += 2) for (let doc = ranges[r]!; doc < ranges[r + 1]!; doc++) visit(doc, 1, length)
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
