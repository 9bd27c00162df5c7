// Query-time eojeol analysis without a dictionary: strip the longest particle/ending whose stem the
// index knows. The index's own vocabulary stands in for the morphological dictionary the Worker cannot
// carry. Must not import runtime code.
import { MECAB_EOMI } from '../dict/mecab-ko-dic/eomi.ts'
import { MECAB_JOSA } from '../dict/mecab-ko-dic/josa.ts'
import { SUFFIXES } from '../dict/suffixes.ts'
import { ruleAnalysis, type EojeolAnalyzer } from '../filters/stems.ts'
import { applyStemRules, type StemRules } from './stem-rules.ts'

/** Hand-written suffixes plus mecab-ko-dic's particle surfaces. */
const PARTICLES = new Set([...SUFFIXES, ...MECAB_JOSA])
/** Endings that start with a syllable (었다, 습니다): stripped as they are. */
const ENDINGS = new Set(MECAB_EOMI.filter((e) => /^[가-힣]/.test(e)))
/** Compatibility jamo (how endings are listed) → the syllable-final consonant index they stand for. */
const FINAL_OF: Readonly<Record<string, number>> = { ㄴ: 4, ㄹ: 8, ㅁ: 16, ㅂ: 17, ㅆ: 20 }
/** Endings that start with a final consonant (ㄴ다, ㅂ니다): the rest of the ending → the finals it may follow. */
const JAMO_ENDINGS = new Map<string, Set<number>>()
for (const e of MECAB_EOMI) {
  const final = FINAL_OF[e[0]!]
  if (final === undefined) continue
  const finals = JAMO_ENDINGS.get(e.slice(1)) ?? new Set<number>()
  finals.add(final)
  JAMO_ENDINGS.set(e.slice(1), finals)
}
const longest = (set: Iterable<string>) => Math.max(...[...set].map((s) => s.length))
const MAX_PARTICLE = longest(PARTICLES)
const MAX_ENDING = longest(ENDINGS)
const MAX_JAMO_ENDING = longest(JAMO_ENDINGS.keys())

/**
 * @example
 * const analyze = createVocabularyAnalyzer((t) => t === '벨라루스')
 * analyze('벨라루스와의') // => { stem: '벨라루스', parts: [] } (와의: a mecab-ko-dic particle)
 * analyze('국가')         // => { stem: '국가', parts: [] } (no known stem: the rules decide)
 */
export function createVocabularyAnalyzer(knows: (stem: string) => boolean, stemRules?: StemRules): EojeolAnalyzer {
  const analyze = stripToKnownStem(knows, stemRules)
  if (!stemRules) return analyze
  // 어른들도 → 어른들, with the part 어른 the index gave 어른들 (so it still meets 어른에게)
  return (eojeol) => {
    const analysis = analyze(eojeol)
    const parts = analysis && analysis.parts.length === 0 ? stemRules.partsOf.get(analysis.stem) : undefined
    return parts ? { stem: analysis!.stem, parts: parts.filter((part) => eojeol.includes(part)) } : analysis
  }
}

function stripToKnownStem(knows: (stem: string) => boolean, stemRules?: StemRules): EojeolAnalyzer {
  return (eojeol) => {
    if (knows(eojeol)) return { stem: eojeol, parts: [] }
    // The shortest particle whose stem the index knows: 호스트분들이 → 호스트분들 (이), not 호스트분 (들이)
    for (let k = 1; k <= Math.min(MAX_PARTICLE, eojeol.length - 1); k++) {
      const stem = eojeol.slice(0, eojeol.length - k)
      if (PARTICLES.has(eojeol.slice(-k)) && knows(stem)) return { stem, parts: [] }
    }
    // 더웠다 → 덥: an irregular or contracted form, by what the lexicon taught (추웠다 → 춥)
    const root = verbRoot(eojeol, knows) ?? (stemRules ? learntRoot(eojeol, stemRules, knows) : null)
    return root ? { stem: root, parts: [] } : ruleAnalysis(eojeol)
  }
}

/**
 * The stem by a learnt rule, on the eojeol or, failing that, on it less one more ending or particle:
 * 알려졌다고 → 알려졌다 (고) → 알리 (려져ㅆ다 → 리, learnt from 불려졌다 → 불리).
 */
function learntRoot(eojeol: string, stemRules: StemRules, knows: (stem: string) => boolean): string | null {
  const whole = applyStemRules(eojeol, stemRules, knows)
  if (whole) return whole
  for (let k = Math.min(Math.max(MAX_ENDING, MAX_PARTICLE), eojeol.length - 2); k >= 1; k--) {
    const tail = eojeol.slice(-k)
    if (!ENDINGS.has(tail) && !PARTICLES.has(tail)) continue
    const root = applyStemRules(eojeol.slice(0, -k), stemRules, knows)
    if (root) return root
  }
  return null
}

/**
 * A verb or adjective root the index knows, by stripping a mecab-ko-dic ending: 끊은 → 끊 (은),
 * 떠나는 → 떠나 (는); an ending that starts with a jamo takes that consonant off the root: 간다 → 가
 * (ㄴ다), 합니다 → 하 (ㅂ니다). Irregular stems (더웠다 → 덥) are out of reach without a dictionary.
 */
function verbRoot(eojeol: string, knows: (stem: string) => boolean): string | null {
  for (let k = Math.min(Math.max(MAX_ENDING, MAX_JAMO_ENDING + 1), eojeol.length); k >= 1; k--) {
    const tail = eojeol.slice(-k)
    if (k < eojeol.length && ENDINGS.has(tail) && knows(eojeol.slice(0, -k))) return eojeol.slice(0, -k)
    // ㄴ다 after 가: the syllable before `rest` carries the ending's consonant as its final (간다 = 가 + ㄴ다)
    const rest = tail.slice(1)
    const finals = JAMO_ENDINGS.get(rest)
    if (!finals || rest.length === 0) continue
    const last = eojeol.charCodeAt(eojeol.length - k) - 0xac00
    if (last < 0 || last > 11171 || !finals.has(last % 28)) continue
    const root = eojeol.slice(0, eojeol.length - k) + String.fromCharCode(0xac00 + last - (last % 28))
    if (knows(root)) return root
  }
  return null
}
