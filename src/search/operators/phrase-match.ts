// "Exact phrase" matching: the phrase's words must follow one another, in order, in a sentence.
// Words compare by their whole-word terms (stems, Latin, Hanja), so "바이버 무료통화앱" matches
// 바이버(무료통화앱)는. Candidates come from postings; the sentence text is then re-analysed to check
// the order. Must not import runtime code.
import type { Analyzer } from '../../analysis/analyzers.ts'
import { FIELD_OF_KIND, fieldKey, splitFieldKey, WHOLE_WORD_FIELDS } from '../../index/fields.ts'
import type { Token } from '../../types.ts'
import type { Vocabulary } from '../vocabulary.ts'

/** Per phrase word, its whole-word terms as `field:term` keys. */
export type PhrasePattern = ReadonlyArray<ReadonlySet<string>>

/**
 * @example
 * phrasePattern('바이버(무료통화앱)', analyzer) // => [Set {'word:바이버'}, Set {'word:무료통화앱'}]
 */
export function phrasePattern(text: string, analyzer: Analyzer): PhrasePattern {
  return wordKeys(analyzer(text)).filter((keys) => keys.size > 0)
}

/**
 * Whether the analysed sentence holds the pattern's words at consecutive word positions.
 * @example
 * matchesPhrase(analyzer('벨라루스가 개발한 바이버(무료통화앱)는'), phrasePattern('바이버(무료통화앱)', analyzer)) // => true
 */
export function matchesPhrase(tokens: Token[], pattern: PhrasePattern): boolean {
  if (pattern.length === 0) return false
  const words = wordKeys(tokens)
  for (let at = 0; at + pattern.length <= words.length; at++) {
    if (pattern.every((keys, k) => [...keys].some((key) => words[at + k]!.has(key)))) return true
  }
  return false
}

/**
 * Sentences that hold every word of the pattern somewhere (order unchecked): the only ones worth
 * re-analysing.
 */
export function sentencesWithAllWords(vocabulary: Vocabulary, pattern: PhrasePattern): Set<number> {
  let result: Set<number> | null = null
  for (const keys of pattern) {
    const docs = new Set<number>()
    for (const key of keys) {
      const [field, term] = splitFieldKey(key)
      vocabulary.forEachDoc(field, term, (doc) => {
        if (result === null || result.has(doc)) docs.add(doc)
      })
    }
    result = docs
    if (result.size === 0) break
  }
  return result ?? new Set()
}

/**
 * Whole-word keys per word position, positions renumbered densely: a dropped particle (NIA를 → nia)
 * leaves no gap, so the query and the sentence count words alike.
 */
function wordKeys(tokens: Token[]): Array<Set<string>> {
  const byPosition = new Map<number, Set<string>>()
  for (const t of tokens) {
    let keys = byPosition.get(t.position)
    if (!keys) byPosition.set(t.position, (keys = new Set()))
    const field = FIELD_OF_KIND[t.kind]
    if (field && WHOLE_WORD_FIELDS.includes(field)) keys.add(fieldKey(field, t.term))
  }
  return [...byPosition.entries()].sort((a, b) => a[0] - b[0]).map(([, keys]) => keys)
}
