// MeCab-ko morphological analysis in plain TypeScript over mecab-ko-dic's compiled files: the public
// surface for analysis stages. Bytes in, morphemes out; no fs, no node:* (Node loading: runtime/morph-node.ts).
export { createMorphAnalyzer, DEFAULT_MORPH_ANALYZER_OPTIONS } from './morph-analyzer.ts'
export type { MorphAnalyzer, MorphAnalyzerOptions } from './morph-analyzer.ts'
export { loadMorphDictionary } from './morph-dictionary.ts'
export type { MorphDictionary, MorphDictionaryFiles } from './morph-dictionary.ts'
export type { Morpheme, MorphemePart, MorphemeType } from './morpheme.ts'
export type { BinaryInput } from './binary.ts'
