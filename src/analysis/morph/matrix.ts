// matrix.bin: the connection costs between a left morpheme's right context and a right morpheme's
// left context, as an Int16Array view over the file. No fs, no node:* imports.
import { alignedBytes, corrupt, type BinaryInput } from './binary.ts'

/*
 * Byte layout (MeCab 0.996, little-endian):
 *   0  u16 lsize   number of right-context ids (3,822 in mecab-ko-dic)
 *   2  u16 rsize   number of left-context ids (2,693)
 *   4  i16 × lsize × rsize, indexed [left.rcAttr + lsize × right.lcAttr]
 * Mind the order: 장관 (NNG) → 을 (JKO) costs −3344; the transposed index can even fall outside.
 */
export interface ConnectionMatrix {
  /** Right-context id count: the row stride. */
  readonly lsize: number
  /** Left-context id count: the number of rows. */
  readonly rsize: number
  /** Row `right.lcAttr` starts at `right.lcAttr × lsize`; add `left.rcAttr` for the cost. */
  readonly costs: Int16Array
}

/** @example readMatrix(matrixBin).lsize // => 3822 (right-context ids of mecab-ko-dic) */
export function readMatrix(input: BinaryInput, file = 'matrix.bin'): ConnectionMatrix {
  const bytes = alignedBytes(input, 2, file)
  if (bytes.length < 4) throw corrupt(file, 'shorter than its header')
  const view = new DataView(bytes.buffer, bytes.byteOffset, 4)
  const lsize = view.getUint16(0, true)
  const rsize = view.getUint16(2, true)
  if (4 + 2 * lsize * rsize !== bytes.length) throw corrupt(file, `${lsize}×${rsize} does not match ${bytes.length} bytes`)
  return { lsize, rsize, costs: new Int16Array(bytes.buffer, bytes.byteOffset + 4, lsize * rsize) }
}

/**
 * Cost of a morpheme with right context `leftRcAttr` followed by one with left context `rightLcAttr`.
 * @example
 * connectionCost(matrix, system.rcAttr(장관), system.lcAttr(을)) // => -3344 (NNG → JKO)
 */
export function connectionCost(matrix: ConnectionMatrix, leftRcAttr: number, rightLcAttr: number): number {
  return matrix.costs[leftRcAttr + matrix.lsize * rightLcAttr]!
}
