// Spacing repairs among the free words of a query: two halves of a word are joined (벨라 루스 →
// 벨라루스), and a long unknown word is split into known ones (최양희장관 → 최양희 장관).
// Must not import runtime code.
import { stripSuffix } from '../analysis/filters/stems.ts'
import { nearSpellings, syllableSlips } from './expand-typos.ts'
import { isSyllable } from './hangul-text.ts'
import { MAX_WORD_BREAK_SYLLABLES } from './limits.ts'
import type { PrepareContext } from './prepare-query.ts'
import { readQuery, type QueryReading, type QueryWord } from './query.ts'
import { isForgiven, isFreeWord, isKnown, isOpen, typedStem } from './query-word.ts'
import { jamoPrefixWalker } from './term-walkers.ts'
import type { TextEdit } from './text-edit.ts'
import { breakWord } from './word-break.ts'

/**
 * @example
 * applyEdits('최양희장관 벨라 루스', spacingEdits('최양희장관 벨라 루스', context)) // => '최양희 장관 벨라루스'
 */
export function spacingEdits(text: string, context: PrepareContext, reading: QueryReading = readQuery(text, context.analyzer)): TextEdit[] {
  const { parsed } = reading
  const { vocabulary } = context
  const words = reading.analyzed.words.filter((w) => isFreeWord(w, parsed))
  const knownStem = (piece: string) => vocabulary.has('word', piece)
  const knownWithParticle = (piece: string) => knownStem(piece) || knownStem(stripSuffix(piece) ?? piece)
  // 벨라 루스 → 벨라루스: the joined word is at least as common as the rarer half.
  const joinsBetter = (a: string, b: string) => {
    const joined = a + b
    const stem = stripSuffix(joined) ?? joined
    if (!vocabulary.has('word', joined) && !vocabulary.has('word', stem)) return false
    const df = Math.max(vocabulary.docFreq('word', joined), vocabulary.docFreq('word', stem))
    return df >= Math.min(vocabulary.docFreq('word', a), vocabulary.docFreq('word', stripSuffix(b) ?? b))
  }
  // A near spelling is the likelier reading: 테크노밸리 is 테크노벨리 mistyped, not 테크노 + 밸리; and
  // 나주주 is 나주 with a doubled syllable, not 나주 + 주.
  const readsAsTypo = (stem: string, pieces: string[]) =>
    nearSpellings(vocabulary, stem).length > 0 || (pieces.some((p) => p.length === 1) && syllableSlips(vocabulary, stem).length > 0)
  const hangulOnly = (w: QueryWord) => w.text.length > 0 && [...w.text].every(isSyllable)
  const edits: TextEdit[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (!hangulOnly(word) || !isForgiven(i, words.length)) continue
    const next = words[i + 1]
    if (
      next &&
      hangulOnly(next) &&
      /^\s+$/.test(text.slice(word.end, next.start)) &&
      joinsBetter(word.text, next.text)
    ) {
      edits.push({ start: word.end, end: next.start, text: '' })
      i++
      continue
    }
    if (word.text.length < 3 || word.text.length > MAX_WORD_BREAK_SYLLABLES || isKnown(word, vocabulary)) continue
    const open = isOpen(word, parsed, text)
    const pieces = breakWord(word.text, (piece, last) =>
      last ? knownWithParticle(piece) || (open && vocabulary.walk('word', jamoPrefixWalker(piece), 1).size > 0) : knownStem(piece),
    )
    if (pieces && readsAsTypo(typedStem(word) ?? word.text, pieces)) continue
    if (pieces) edits.push({ start: word.start, end: word.end, text: pieces.join(' ') })
  }
  return edits
}
