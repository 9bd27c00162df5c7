// Korean stem stage: adds the eojeol with its particles/endings stripped, beside the surface form.
// Must not import runtime code.
import { ENDINGS, SUFFIXES } from '../dict/suffixes.ts'
import { subToken, type StreamToken, type TokenFilter } from '../token.ts'

/**
 * Suffixes that may leave a one-syllable stem. Others need two syllables left, because short words
 * often end in what looks like a particle: 국가 (not 국+가), 결과 (not 결+과), 회의 (not 회+의).
 */
const ONE_SYLLABLE_STEM_OK = new Set([
  '을', '를', '은', '는', '에', '에서', '에게', '으로', '까지', '부터', '에는', '에도', '에서는', '에서도',
  '께서', '처럼', '보다', '만큼', '마다', // 책을 → 책, 집에서 → 집
  '이다', '이며', '이고', '이었다', '입니다', '이라는', '이라고', // 중이다 → 중 (copula)
  // 말했다 → 말, 일한다 → 일; but not one-syllable endings: 북한 is not 북+한, 제한 is not 제+한
  ...ENDINGS.filter((ending) => ending.length >= 2),
])

/** SUFFIXES grouped by their last UTF-16 unit, longest first as in SUFFIXES (a term is tested only against suffixes it can end with). */
const SUFFIXES_BY_LAST_UNIT = new Map<number, string[]>()
for (const suffix of SUFFIXES) {
  const last = suffix.charCodeAt(suffix.length - 1)
  SUFFIXES_BY_LAST_UNIT.set(last, [...(SUFFIXES_BY_LAST_UNIT.get(last) ?? []), suffix])
}

/**
 * The longest valid particle/ending strip of a Hangul eojeol, or null.
 * @example
 * stripSuffix('벨라루스를') // => '벨라루스'
 * stripSuffix('합의했다')   // => '합의'
 * stripSuffix('국가')       // => null
 */
export function stripSuffix(term: string): string | null {
  const candidates = SUFFIXES_BY_LAST_UNIT.get(term.charCodeAt(term.length - 1))
  if (!candidates) return null
  for (const suffix of candidates) {
    if (suffix.length >= term.length || !term.endsWith(suffix)) continue
    const stemLength = term.length - suffix.length
    if (stemLength >= 2 || ONE_SYLLABLE_STEM_OK.has(suffix)) return term.slice(0, stemLength)
  }
  return null
}

/**
 * Question words carry no content a matching sentence shares: 언제 열렸나 is answered by 3일 열렸다.
 * Their stems are stop words at index and query time alike (몇, 어느, 무슨, 어떤 already are, as
 * determiners). 무엇인가 → 무엇, 어디에서 → 어디, 어떻게 → 어떻, 누가 (누구 + 가) as MeCab leaves it.
 */
const QUESTION_WORDS = new Set(['무엇', '뭐', '누구', '누가', '어디', '언제', '얼마', '얼마나', '왜', '어떻', '어째서', '어찌'])

/** What an eojeol means for the index: its stem and, for a compound stem, its parts. */
export interface EojeolAnalysis {
  /** 벨라루스를 → 벨라루스; 열렸다 → 열리 (a stem need not be a prefix of the eojeol) */
  stem: string
  /** 정보통신기술 → ['정보', '통신', '기술']; empty when the stem is not a compound. */
  parts: string[]
  /** A word that carries no content (한 종류 → 한/MM, a determiner): no stem, no bigrams. */
  stop?: boolean
}

/**
 * Analyses one eojeol, e.g. from a morphological dictionary at build time, or from what the index
 * learnt at query time; null falls back to the particle/ending rules.
 */
export type EojeolAnalyzer = (eojeol: string) => EojeolAnalysis | null

/** The dictionary-free analysis: strip the longest particle/ending. */
export const ruleAnalysis = (eojeol: string): EojeolAnalysis => ({ stem: stripSuffix(eojeol) ?? eojeol, parts: [] })

/**
 * Adds a `stem` token after each Hangul surface token (and each part of a joined eojeol), and a
 * `part` token for each part of a compound stem. Offsets: the stem covers as many syllables of the
 * eojeol as it has (열렸다 → 열리 marks 열렸); a part covers where it is found in the eojeol.
 */
export function createStemFilter(analyzeEojeol?: EojeolAnalyzer): TokenFilter {
  return (tokens) => {
    const out: StreamToken[] = []
    for (const token of tokens) {
      out.push(token)
      if (token.script !== 'hangul') continue
      const { stem, parts, stop } = analyzeEojeol?.(token.term) ?? ruleAnalysis(token.term)
      if (stop || QUESTION_WORDS.has(stem)) {
        token.stop = true
        continue
      }
      // 직·간접적으로 → the part 간접적으로 also yields 간접적
      out.push(subToken(token, 0, Math.max(1, Math.min(stem.length, token.term.length)), 'stem', stem))
      let from = 0
      for (const part of parts) {
        if (part === stem) continue
        const at = token.term.indexOf(part, from)
        // 어려움을 → part 어렵, which is not in it: it covers the stem, as a stem that is no prefix does
        if (at < 0) out.push(subToken(token, 0, Math.max(1, Math.min(stem.length, token.term.length)), 'part', part))
        else {
          out.push(subToken(token, at, at + part.length, 'part'))
          from = at + part.length
        }
      }
    }
    return out
  }
}
