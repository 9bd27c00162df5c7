// char.bin: the character categories that drive unknown-word processing (which category a code unit
// is in, whether to invoke, group and how many chars to try). No fs, no node:* imports.
import { alignedBytes, corrupt, readCString, type BinaryInput } from './binary.ts'

/*
 * Byte layout (MeCab 0.996, little-endian):
 *   0  u32 n           number of categories (13 in mecab-ko-dic: DEFAULT, SPACE, HANJA, … HANGUL …)
 *   4  char[32] × n    category names, NUL-padded
 *      u32 × 65535     CharInfo of U+0000 … U+FFFE (none for U+FFFF, none for astral chars)
 * CharInfo bit fields, least significant first:
 *   type:18 (bit set: a char may be in several categories), defaultType:8 (the category whose
 *   unknown-word entries it gets), length:4, group:1, invoke:1.
 */
const NAME_BYTES = 32
const TABLE_ENTRIES = 65535

export interface CharCategories {
  /** Category names by id: `names[7] === 'HANGUL'`. */
  readonly names: readonly string[]
  /** CharInfo by BMP code unit; 65536 entries, the last (U+FFFF) all zero as MeCab reads it. */
  readonly info: Uint32Array
}

/**
 * @example
 * const chars = readCharCategories(charBin)
 * chars.names[defaultCategory(chars.info['가'.charCodeAt(0)]!)] // => 'HANGUL'
 */
export function readCharCategories(input: BinaryInput, file = 'char.bin'): CharCategories {
  const bytes = alignedBytes(input, 4, file)
  if (bytes.length < 4) throw corrupt(file, 'shorter than its header')
  const count = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true)
  const tableStart = 4 + NAME_BYTES * count
  if (tableStart + 4 * TABLE_ENTRIES !== bytes.length) throw corrupt(file, `${count} categories do not match ${bytes.length} bytes`)
  const names: string[] = []
  for (let i = 0; i < count; i++) names.push(readCString(bytes, 4 + NAME_BYTES * i, 4 + NAME_BYTES * (i + 1)))
  // A copy, so the table has its 65536th slot: U+FFFF reads past MeCab's table into zeroed memory.
  const info = new Uint32Array(TABLE_ENTRIES + 1)
  const view = new DataView(bytes.buffer, bytes.byteOffset + tableStart, 4 * TABLE_ENTRIES)
  for (let c = 0; c < TABLE_ENTRIES; c++) info[c] = view.getUint32(4 * c, true)
  return { names, info }
}

/** The category bit set of a CharInfo: two chars group together when their sets intersect. */
export const charTypes = (info: number): number => info & 0x3ffff
/** The category whose unknown-word entries a char gets: 가 → HANGUL. */
export const defaultCategory = (info: number): number => (info >>> 18) & 0xff
/** How many 1…n-char unknown words to propose besides the group: HANGUL 2, ALPHA 0. */
export const unknownLength = (info: number): number => (info >>> 26) & 0xf
/** Whether a run of the category becomes one unknown word: ICT, 2013. */
export const groups = (info: number): boolean => ((info >>> 30) & 1) === 1
/** Whether unknown words are proposed even when the dictionary has a match: ALPHA yes, HANGUL no. */
export const invokes = (info: number): boolean => info >>> 31 === 1
