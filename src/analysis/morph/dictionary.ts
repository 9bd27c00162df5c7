// A MeCab binary dictionary (sys.dic or unk.dic): darts double-array trie over UTF-8 keys, the token
// table read through typed-array views, feature strings decoded only when asked. No fs, no node:*.
import { alignedBytes, corrupt, readCString, type BinaryInput } from './binary.ts'

/*
 * Byte layout (MeCab 0.996, dictionary version 102, little-endian):
 *    0  u32 magic         magic ^ 0xef718f77 = file size
 *    4  u32 version       102
 *    8  u32 type          0 system, 1 user, 2 unknown-word
 *   12  u32 lexsize       number of tokens
 *   16  u32 lsize         right-context ids (matrix.bin's first size)
 *   20  u32 rsize         left-context ids
 *   24  u32 dsize         bytes of darts units
 *   28  u32 tsize         bytes of tokens
 *   32  u32 fsize         bytes of features
 *   36  u32 (unused)
 *   40  char[32] charset  "UTF-8"
 *   72  darts units       dsize/8 × {i32 base, u32 check}
 *       tokens            tsize/16 × {u16 lcAttr, u16 rcAttr, u16 posid, i16 wcost, u32 feature, u32 compound}
 *       features          NUL-terminated CSV strings, addressed by a token's `feature` byte offset
 *
 * A trie key is the surface's UTF-8 bytes. Its value sits in the byte-0 slot of the key's last node
 * (`p = base`, `check[p] == base`, `base[p] < 0`) as -value-1, packing (first token << 8) | token count.
 */
const HEADER_BYTES = 72
const MAGIC_XOR = 0xef718f77
const VERSION = 102
const TOKEN_BYTES = 16

/**
 * @example
 * const sys = new MecabLexicon(sysDicBytes, 'sys.dic')
 * sys.feature(sys.exactMatch('장관') >>> 8) // => 'NNG,*,T,장관,*,*,*,*'
 */
export class MecabLexicon {
  readonly tokenCount: number
  /** Right- and left-context id counts; must agree with matrix.bin. */
  readonly rightIdCount: number
  readonly leftIdCount: number
  /** Darts units, interleaved: base at 2i, check at 2i+1 (check is unsigned, but always < 2^31). */
  private readonly units: Int32Array
  private readonly unitCount: number
  /** Token fields, stride 8: lcAttr, rcAttr, posid at +0, +1, +2 (for the lattice's inner loop). */
  readonly tokenFields: Uint16Array
  /** The same memory as Int16, stride 8: wcost at +3. */
  readonly tokenCosts: Int16Array
  /** Token fields, stride 4 (feature offset at +2). */
  private readonly tokenU32: Uint32Array
  private readonly features: Uint8Array

  /** @param file names the file in error messages (`sys.dic`). */
  constructor(input: BinaryInput, file: string) {
    const bytes = alignedBytes(input, 4, file)
    if (bytes.length < HEADER_BYTES) throw corrupt(file, `${bytes.length} bytes is shorter than the header`)
    const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES)
    const word = (i: number) => header.getUint32(4 * i, true)
    if ((word(0) ^ MAGIC_XOR) >>> 0 !== bytes.length) throw corrupt(file, 'bad magic or truncated file')
    if (word(1) !== VERSION) throw corrupt(file, `dictionary version ${word(1)}, expected ${VERSION}`)
    const charset = readCString(bytes, 40, HEADER_BYTES).toLowerCase()
    if (charset !== 'utf-8' && charset !== 'utf8') throw corrupt(file, `charset ${charset}, expected UTF-8`)
    this.tokenCount = word(3)
    this.rightIdCount = word(4)
    this.leftIdCount = word(5)
    const [dsize, tsize, fsize] = [word(6), word(7), word(8)]
    if (HEADER_BYTES + dsize + tsize + fsize !== bytes.length || dsize % 8 !== 0 || tsize !== this.tokenCount * TOKEN_BYTES) {
      throw corrupt(file, 'section sizes do not add up to the file size')
    }
    const { buffer, byteOffset } = bytes
    this.units = new Int32Array(buffer, byteOffset + HEADER_BYTES, dsize / 4)
    this.unitCount = dsize / 8
    const tokens = byteOffset + HEADER_BYTES + dsize
    this.tokenFields = new Uint16Array(buffer, tokens, tsize / 2)
    this.tokenCosts = new Int16Array(buffer, tokens, tsize / 2)
    this.tokenU32 = new Uint32Array(buffer, tokens, tsize / 4)
    this.features = bytes.subarray(HEADER_BYTES + dsize + tsize)
  }

  lcAttr(token: number): number {
    return this.tokenFields[token * 8]!
  }

  rcAttr(token: number): number {
    return this.tokenFields[token * 8 + 1]!
  }

  posid(token: number): number {
    return this.tokenFields[token * 8 + 2]!
  }

  /** Word cost; signed, many are negative. */
  wcost(token: number): number {
    return this.tokenCosts[token * 8 + 3]!
  }

  /** The token's feature CSV: `NNG,*,T,장관,*,*,*,*`. Decoded on every call; cache upstream. */
  feature(token: number): string {
    return readCString(this.features, this.tokenU32[token * 4 + 2]!)
  }

  /**
   * Every key that is a prefix of `bytes[from, to)`, shortest first, like darts' commonPrefixSearch.
   * For hit i, `values[i]` packs (first token << 8) | count and `ends[i]` is the key's end byte.
   * @returns the number of hits (at most `values.length`)
   */
  prefixSearch(bytes: Uint8Array, from: number, to: number, values: Int32Array, ends: Int32Array): number {
    const units = this.units
    const unitCount = this.unitCount
    const limit = values.length
    let hits = 0
    let b = units[0]!
    for (let i = from; ; i++) {
      // A key ends here when the byte-0 child of the current node is a leaf.
      if (b >= 0 && b < unitCount && units[2 * b + 1] === b) {
        const base = units[2 * b]!
        if (base < 0 && hits < limit) {
          values[hits] = -base - 1
          ends[hits++] = i
        }
      }
      if (i >= to) return hits
      const p = b + bytes[i]! + 1
      if (p >= unitCount || units[2 * p + 1] !== b) return hits
      b = units[2 * p]!
    }
  }

  /**
   * The value of exactly `key` ((first token << 8) | count), or -1.
   * @example
   * unknownLexicon.exactMatch('HANGUL') // => (4 << 8) | 1: one token, 4, for unknown Hangul words
   */
  exactMatch(key: string): number {
    const units = this.units
    let b = units[0]!
    for (const byte of UTF8.encode(key)) {
      const p = b + byte + 1
      if (p >= this.unitCount || units[2 * p + 1] !== b) return -1
      b = units[2 * p]!
    }
    if (b < 0 || b >= this.unitCount || units[2 * b + 1] !== b) return -1
    const base = units[2 * b]!
    return base < 0 ? -base - 1 : -1
  }
}

const UTF8 = new TextEncoder()
