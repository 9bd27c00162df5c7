// The mecab-ko-dic bundle an analyzer needs: system and unknown-word lexicons, connection matrix,
// character categories and the dicrc settings, checked against each other. No fs, no node:*.
import { corrupt, type BinaryInput } from './binary.ts'
import { readCharCategories, type CharCategories } from './char-def.ts'
import { MecabLexicon } from './dictionary.ts'
import { leftSpacePenalties, parseDicrc } from './dicrc.ts'
import { readMatrix, type ConnectionMatrix } from './matrix.ts'

/** The bytes of the dictionary files, as read from `mecab-ko-dic/bundleContents/`. */
export interface MorphDictionaryFiles {
  sysDic: BinaryInput
  unkDic: BinaryInput
  matrix: BinaryInput
  charBin: BinaryInput
  /** dicrc's text, or its bytes. */
  dicrc: BinaryInput | string
}

export interface MorphDictionary {
  readonly system: MecabLexicon
  readonly unknown: MecabLexicon
  readonly matrix: ConnectionMatrix
  readonly chars: CharCategories
  /** Per category id: the unk.dic tokens [first, first + count) an unknown word of it gets. */
  readonly unknownFirst: Int32Array
  readonly unknownCount: Int32Array
  /** mecab-ko's left-space penalty by posid (dicrc `left-space-penalty-factor`). */
  readonly leftSpacePenalty: Int32Array
}

/**
 * Checks the files against each other and lays views over their bytes; nothing is copied but
 * char.bin (256 KB), so the caller's buffers stay referenced.
 * @example
 * const dict = loadMorphDictionary({ sysDic, unkDic, matrix, charBin, dicrc })
 * dict.chars.names[7] // => 'HANGUL'
 */
export function loadMorphDictionary(files: MorphDictionaryFiles): MorphDictionary {
  const system = new MecabLexicon(files.sysDic, 'sys.dic')
  const unknown = new MecabLexicon(files.unkDic, 'unk.dic')
  const matrix = readMatrix(files.matrix)
  const chars = readCharCategories(files.charBin)
  for (const [name, lexicon] of [['sys.dic', system], ['unk.dic', unknown]] as const) {
    if (lexicon.rightIdCount !== matrix.lsize || lexicon.leftIdCount !== matrix.rsize) {
      throw corrupt(name, `context ids ${lexicon.rightIdCount}×${lexicon.leftIdCount} do not match matrix.bin ${matrix.lsize}×${matrix.rsize}`)
    }
  }
  const unknownFirst = new Int32Array(chars.names.length)
  const unknownCount = new Int32Array(chars.names.length)
  chars.names.forEach((name, category) => {
    const value = unknown.exactMatch(name)
    if (value < 0) throw corrupt('unk.dic', `no entry for character category ${name}`)
    unknownFirst[category] = value >>> 8
    unknownCount[category] = value & 0xff
  })
  const dicrc = typeof files.dicrc === 'string' ? files.dicrc : new TextDecoder().decode(files.dicrc)
  const leftSpacePenalty = leftSpacePenalties(parseDicrc(dicrc).get('left-space-penalty-factor'))
  return { system, unknown, matrix, chars, unknownFirst, unknownCount, leftSpacePenalty }
}
