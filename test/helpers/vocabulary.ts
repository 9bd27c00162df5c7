// Test helper: a Vocabulary over a fixed word → document-frequency table, walked as a sorted
// list (the way a segment dictionary answers), so query-side stages can be tested without an index.
import { walkSortedTerms } from '../../src/index/term-walk.ts'
import { createVocabulary, type Vocabulary } from '../../src/search/vocabulary.ts'
import type { TermSource } from '../../src/index/term-source.ts'

/** `words` maps each word-field term to its document frequency; docs are numbered per term. */
export function vocabularyOf(words: Record<string, number>): Vocabulary {
  const sorted = Object.keys(words).sort()
  const source: TermSource = {
    docCount: Object.values(words).reduce((a, b) => a + b, 0),
    totalFieldLength: () => 0,
    docFreq: (field, term) => (field === 'word' ? (words[term] ?? 0) : 0),
    forEachPosting(field, term, visit) {
      if (field === 'word') for (let doc = 0; doc < (words[term] ?? 0); doc++) visit(doc, 1, 1)
    },
    termsWithPrefix: (field, prefix, limit) => (field === 'word' ? sorted.filter((t) => t.startsWith(prefix)).slice(0, limit) : []),
    walkTerms: (field, walker, limit) => (field === 'word' ? walkSortedTerms(sorted, walker, limit) : []),
  }
  return createVocabulary([source])
}
