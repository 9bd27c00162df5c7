// FNV-1a 64-bit hash in plain JS (no node:crypto, so it runs in Workers too), as 16 hex digits.
// The 64-bit state is kept as two 32-bit halves so every product stays exact in a double.

const PRIME_LOW = 0x1b3 // FNV 64 prime = 2^40 + 0x1b3

/**
 * FNV-1a 64 of the UTF-8 bytes of `text`, lower-case hex.
 *
 * @example
 * fnv1a64('') // => 'cbf29ce484222325'
 * fnv1a64('아주경제') // => '9c8c22926cc9e868'
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4
  let lo = 0x84222325
  for (const byte of new TextEncoder().encode(text)) {
    lo = (lo ^ byte) >>> 0
    // (hi·2^32 + lo) · (2^40 + 0x1b3) mod 2^64, split into halves:
    const low = lo * PRIME_LOW // < 2^41, exact
    const carry = Math.floor(low / 0x100000000)
    hi = (hi * PRIME_LOW + carry + ((lo << 8) >>> 0)) >>> 0 // lo·2^40 lands in the high half as lo << 8
    lo = low >>> 0
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')
}
