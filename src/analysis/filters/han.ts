// Han stage: a run of Han characters (Hanja) gives its characters, the run itself, its Hangul reading
// (as a stem, with reading bigrams, so 韓美 and 한미 find each other), and — at index build time only —
// the words a HanSegmenter (jieba, native) finds, with their readings. Must not import runtime code.
import { hanjaReading } from '../dict/hanja/index.ts'
import { subToken, type StreamToken, type TokenFilter } from '../token.ts'

/** Splits a run of Han characters into words: `韓美關係` → ['韓美', '關係']. Node-only (native). */
export type HanSegmenter = (run: string) => string[]

/** Longest Han run indexed whole; longer runs rely on segments and characters. */
const MAX_WHOLE_RUN = 8

/**
 * @example
 * createHanFilter()( tokens of '韓美' ) // terms => ['韓美', '한미' (stem), '한미' (bigram), '韓', '美']
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
      pushReading(out, token)
      if (segmenter && chars > 2) {
        let at = 0
        for (const word of segmenter(token.term)) {
          const end = at + word.length
          if ([...word].length > 1 && word !== token.term && token.term.slice(at, end) === word) {
            const wordToken = subToken(token, at, end, 'hanja')
            out.push(wordToken)
            pushReading(out, wordToken)
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

/** 北韓 → stem 북한 + bigram 북한; 北 → stem 북 + unigram 북. Offsets stay on the Hanja. */
function pushReading(out: StreamToken[], token: StreamToken): void {
  const reading = hanjaReading(token.term)
  if (reading === null) return
  // Unit offset of each character in the Han term (a Hanja may be a surrogate pair).
  const at: number[] = []
  for (let i = 0; i < token.term.length; i += token.term.codePointAt(i)! > 0xffff ? 2 : 1) at.push(i)
  at.push(token.term.length)
  out.push(subToken(token, 0, token.term.length, 'stem', reading))
  if (reading.length === 1) out.push(subToken(token, 0, token.term.length, 'bigram', reading))
  for (let i = 0; i + 1 < reading.length; i++) out.push(subToken(token, at[i]!, at[i + 2]!, 'bigram', reading.slice(i, i + 2)))
}
