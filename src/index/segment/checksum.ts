// A fast 32-bit checksum over 4-byte words, to detect corrupted or truncated segment bytes at load
// without slowing the load down (CRC32 goes a byte at a time). Must not import runtime code.

/**
 * Each step is a bijection of the running state (xor a word, rotate, multiply by an odd constant),
 * so changing any one word always changes the result; the length is mixed in at the end.
 * `bytes` must start at a 4-byte-aligned offset of its buffer.
 * @example
 * checksum(new TextEncoder().encode('벨라루스')) === checksum(new TextEncoder().encode('벨라루스')) // => true
 */
export function checksum(bytes: Uint8Array): number {
  const words = bytes.length >>> 2
  let h = 0x811c9dc5
  if (bytes.byteOffset % 4 === 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset, words)
    for (let i = 0; i < words; i++) h = Math.imul(rotate(h ^ view[i]!), 0x9e3779b1)
  } else {
    for (let i = 0; i < words; i++) {
      const at = i * 4
      const word = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)
      h = Math.imul(rotate(h ^ word), 0x9e3779b1)
    }
  }
  for (let at = words * 4; at < bytes.length; at++) h = Math.imul(rotate(h ^ bytes[at]!), 0x9e3779b1)
  const mixed = Math.imul(h ^ bytes.length, 0x85ebca6b)
  return (mixed ^ (mixed >>> 16)) >>> 0
}

const rotate = (x: number) => (x << 13) | (x >>> 19)
