// Hangul bigram stage: syllable bigrams of each whole eojeol (a one-syllable eojeol gives itself),
// a dictionary-free recall backstop for compounds and unknown words. Must not import runtime code.
import { subToken, type StreamToken, type TokenFilter } from '../token.ts'

/**
 * @example
 * // 하이테크파크 → 하이, 이테, 테크, 크파, 파크; 한·벨 (joined) → 한벨; 책 → 책
 */
export const addBigrams: TokenFilter = (tokens) => {
  const out: StreamToken[] = []
  for (const token of tokens) {
    out.push(token)
    if (token.kind !== 'surface' || token.part || token.stop) continue
    const n = token.term.length
    if (n === 1) out.push(subToken(token, 0, 1, 'bigram'))
    for (let i = 0; i + 1 < n; i++) out.push(subToken(token, i, i + 2, 'bigram'))
  }
  return out
}
