// Han stage: a run of Han characters (Hanja) gives its characters, the run itself, and — at index
// build time only — the words a HanSegmenter (jieba, native) finds. Must not import runtime code.
import { subToken, type StreamToken, type TokenFilter } from '../token.ts'

/** Splits a run of Han characters into words: `韓美關係` → ['韓美', '關係']. Node-only (native). */
export type HanSegmenter = (run: string) => string[]

/** Longest Han run indexed whole; longer runs rely on segments and characters. */
const MAX_WHOLE_RUN = 8

/**
 * @example
 * createHanFilter()( tokens of '韓美' ) // terms => ['韓美', '韓', '美']
 */
export function createHanFilter(segmenter?: HanSegmenter): TokenFilter {
  return (tokens) => {
    const out: StreamToken[] = []
    for (const token of tokens) {
      if (token.script !== 'han') {
        out.push(token)
        continue
      }
      const n = token.term.length
      const chars = [...token.term].length
      if (chars > 1 && n <= MAX_WHOLE_RUN) out.push(token)
      if (segmenter && chars > 2) {
        let at = 0
        for (const word of segmenter(token.term)) {
          const end = at + word.length
          if ([...word].length > 1 && word !== token.term && token.term.slice(at, end) === word) {
            out.push(subToken(token, at, end, 'hanja'))
          }
          at = end
        }
      }
      // Per-character tokens, surrogate pairs kept whole: 韓美 → 韓, 美
      for (let i = 0; i < n; ) {
        const width = token.term.codePointAt(i)! > 0xffff ? 2 : 1
        out.push(subToken(token, i, i + width, 'hanja'))
        i += width
      }
    }
    return out
  }
}
