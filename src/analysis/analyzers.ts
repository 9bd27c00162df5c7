// The named analyzers: the index chain (may use a native Han segmenter) and the query chain (runs
// anywhere). Both share every stage, so a word analyses the same at index and query time.
import { dropAttachedParticles } from './filters/attached-particles.ts'
import { addBigrams } from './filters/bigrams.ts'
import { createHanFilter, type HanSegmenter } from './filters/han.ts'
import { createStemFilter, type EojeolAnalyzer } from './filters/stems.ts'
import { createPipeline, type Analyzer } from './pipeline.ts'

export type { Analyzer } from './pipeline.ts'
export type { HanSegmenter } from './filters/han.ts'
export type { EojeolAnalysis, EojeolAnalyzer } from './filters/stems.ts'

/** Bumped whenever a stage changes what it emits; a stored index records it. */
export const ANALYZER_VERSION = 6

export interface AnalyzerOptions {
  /** Han word segmenter (jieba), only available at index-build time in Node. */
  hanSegmenter?: HanSegmenter
  /** Stem and compound parts of a Hangul eojeol; without it, particle/ending rules apply. */
  eojeolAnalyzer?: EojeolAnalyzer
}

/**
 * @example
 * createAnalyzer()('벨라루스를').map(t => `${t.kind}:${t.term}`)
 * // => ['surface:벨라루스를', 'stem:벨라루스', 'bigram:벨라', 'bigram:라루', 'bigram:루스', 'bigram:스를']
 */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  return createPipeline([dropAttachedParticles, createStemFilter(options.eojeolAnalyzer), addBigrams, createHanFilter(options.hanSegmenter)])
}
