// The eojeol lexicon: what the build-time analysis (a morphological dictionary) said about each eojeol
// of the corpus, kept only where the query-time fallback would say something else. Looking it up at
// query time makes query analysis agree with index analysis for every eojeol the corpus holds.
// Must not import runtime code.
import type { EojeolAnalysis, EojeolAnalyzer } from '../filters/stems.ts'

const STOP_MARK = '\u0000'

/** Eojeol → analysis: a Map at build time, packed bytes once loaded (src/index/packed-lexicon.ts). */
export interface EojeolLexicon extends Iterable<[string, EojeolAnalysis]> {
  get(eojeol: string): EojeolAnalysis | undefined
  readonly size: number
}

/**
 * Wraps a (slow) analyzer with a memo of every eojeol it saw. Korean text repeats eojeols a lot, so
 * this is also what makes a dictionary analyzer fast enough at build time.
 */
export function createRecordingAnalyzer(analyze: EojeolAnalyzer): { analyzer: EojeolAnalyzer; seen: Map<string, EojeolAnalysis | null> } {
  const seen = new Map<string, EojeolAnalysis | null>()
  const analyzer: EojeolAnalyzer = (eojeol) => {
    let a = seen.get(eojeol)
    if (a === undefined) {
      a = analyze(eojeol)
      seen.set(eojeol, a)
    }
    return a
  }
  return { analyzer, seen }
}

/** The entries of `seen` that `fallback` would analyse differently. */
export function lexiconOf(seen: ReadonlyMap<string, EojeolAnalysis | null>, fallback: EojeolAnalyzer): Map<string, EojeolAnalysis> {
  const lexicon = new Map<string, EojeolAnalysis>()
  for (const [eojeol, analysis] of seen) {
    if (!analysis) continue
    if (!sameAnalysis(analysis, fallback(eojeol))) lexicon.set(eojeol, analysis)
  }
  return lexicon
}

/** Rounds settledLexicon may take; each only adds entries, and two or three suffice in practice. */
const MAX_ROUNDS = 8

/**
 * The lexicon for a fallback that learns from the lexicon itself (stem rules): entries the fallback
 * gets wrong are added until, with what it learnt from them, it gets every other eojeol right.
 * @example
 * settledLexicon(seen, (lexicon) => createVocabularyAnalyzer(knows, learnStemRules(lexicon))).size // => 12690
 */
export function settledLexicon(
  seen: ReadonlyMap<string, EojeolAnalysis | null>,
  fallbackOf: (lexicon: EojeolLexicon) => EojeolAnalyzer,
): Map<string, EojeolAnalysis> {
  const lexicon = new Map<string, EojeolAnalysis>()
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fallback = fallbackOf(lexicon)
    // forEach, not [...seen]: a million-entry record is not copied into pairs each round
    const wrong: Array<[string, EojeolAnalysis]> = []
    seen.forEach((analysis, eojeol) => {
      if (analysis && !lexicon.has(eojeol) && !sameAnalysis(analysis, fallback(eojeol))) wrong.push([eojeol, analysis])
    })
    if (wrong.length === 0) break
    for (const [eojeol, analysis] of wrong) lexicon.set(eojeol, analysis)
  }
  return lexicon
}

/** Lexicon first, fallback for eojeols the corpus never had. */
export function createLexiconAnalyzer(lexicon: EojeolLexicon, fallback: EojeolAnalyzer): EojeolAnalyzer {
  return (eojeol) => lexicon.get(eojeol) ?? fallback(eojeol)
}

export function sameAnalysis(a: EojeolAnalysis | null, b: EojeolAnalysis | null): boolean {
  if (!a || !b) return a === b
  return a.stem === b.stem && !a.stop === !b.stop && a.parts.length === b.parts.length && a.parts.every((p, i) => p === b.parts[i])
}

/**
 * One line per eojeol: `eojeol<TAB>stem<TAB>part part …`; a stop word has the stem `\u0000`.
 * @example
 * serializeLexicon(new Map([['정보통신기술을', { stem: '정보통신기술', parts: ['정보', '통신', '기술'] }]]))
 * // => '정보통신기술을\t정보통신기술\t정보 통신 기술'
 */
export function serializeLexicon(lexicon: EojeolLexicon): string {
  return [...lexicon].map(([e, a]) => `${e}\t${a.stop ? STOP_MARK : a.stem}\t${a.parts.join(' ')}`).join('\n')
}

export function parseLexicon(text: string): Map<string, EojeolAnalysis> {
  const lexicon = new Map<string, EojeolAnalysis>()
  if (text === '') return lexicon
  for (const line of text.split('\n')) {
    const [eojeol, stem, parts] = line.split('\t')
    if (!eojeol || !stem) continue
    if (stem === STOP_MARK) lexicon.set(eojeol, { stem: '', parts: [], stop: true })
    else lexicon.set(eojeol, { stem, parts: parts ? parts.split(' ') : [] })
  }
  return lexicon
}
