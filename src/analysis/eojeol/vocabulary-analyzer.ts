// Query-time eojeol analysis without a dictionary: strip the longest particle/ending whose stem the
// index knows. The index's own vocabulary stands in for the morphological dictionary the Worker cannot
// carry. Must not import runtime code.
import { SUFFIXES } from '../dict/suffixes.ts'
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
    return ruleAnalysis(eojeol)
  }
}
