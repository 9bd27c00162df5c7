// Query-time eojeol analysis without a dictionary: strip the longest particle/ending whose stem the
// index knows. The index's own vocabulary stands in for the morphological dictionary the Worker cannot
// carry. Must not import runtime code.
import { SUFFIXES } from '../dict/suffixes.ts'
import { MECAB_EOMI } from '../dict/mecab-ko-dic/eomi.ts'
import { MECAB_JOSA } from '../dict/mecab-ko-dic/josa.ts'
import { ruleAnalysis, type EojeolAnalyzer } from '../filters/stems.ts'

/** Hand-written suffixes plus mecab-ko-dic's particle surfaces, longest first. */
const ALL_SUFFIXES: readonly string[] = [...new Set([...SUFFIXES, ...MECAB_JOSA])].sort((a, b) => b.length - a.length)

/**
 * @example
 * const analyze = createVocabularyAnalyzer((t) => t === '벨라루스')
 * analyze('벨라루스와의') // => { stem: '벨라루스', parts: [] } (와의: a mecab-ko-dic particle)
 * analyze('국가')         // => { stem: '국가', parts: [] } (no known stem: the rules decide)
 */
export function createVocabularyAnalyzer(knows: (stem: string) => boolean): EojeolAnalyzer {
  return (eojeol) => {
    if (knows(eojeol)) return { stem: eojeol, parts: [] }
    for (const suffix of ALL_SUFFIXES) {
      if (suffix.length >= eojeol.length || !eojeol.endsWith(suffix)) continue
      const stem = eojeol.slice(0, eojeol.length - suffix.length)
      if (knows(stem)) return { stem, parts: [] }
    }
    const root = verbRoot(eojeol, knows)
    return root ? { stem: root, parts: [] } : ruleAnalysis(eojeol)
  }
}

/** Compatibility jamo (how endings are listed) → the syllable-final consonant index they stand for. */
const FINAL_OF: Readonly<Record<string, number>> = { ㄴ: 4, ㄹ: 8, ㅁ: 16, ㅂ: 17, ㅆ: 20 }

/**
 * A verb or adjective root the index knows, by stripping a mecab-ko-dic ending: 끊은 → 끊 (은),
 * 떠나는 → 떠나 (는); an ending that starts with a jamo takes that consonant off the root: 간다 → 가
 * (ㄴ다), 합니다 → 하 (ㅂ니다). Irregular stems (더웠다 → 덥) are out of reach without a dictionary.
 */
function verbRoot(eojeol: string, knows: (stem: string) => boolean): string | null {
  for (const ending of MECAB_EOMI) {
    const final = FINAL_OF[ending[0]!]
    if (final === undefined) {
      if (ending.length >= eojeol.length || !eojeol.endsWith(ending)) continue
      const root = eojeol.slice(0, eojeol.length - ending.length)
      if (knows(root)) return root
      continue
    }
    // ㄴ다: the eojeol ends in 다 after a syllable whose final consonant is ㄴ (간다 = 가 + ㄴ다)
    const rest = ending.slice(1)
    if (rest.length + 1 > eojeol.length || !eojeol.endsWith(rest)) continue
    const last = eojeol.charCodeAt(eojeol.length - rest.length - 1) - 0xac00
    if (last < 0 || last > 11171 || last % 28 !== final) continue
    const root = eojeol.slice(0, eojeol.length - rest.length - 1) + String.fromCharCode(0xac00 + last - final)
    if (knows(root)) return root
  }
  return null
}
