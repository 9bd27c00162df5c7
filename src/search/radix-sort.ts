// Sorts doc ids (non-negative int32) in linear time: least-significant-digit radix sort, one byte a
// pass, only as many passes as the largest id needs. A query sorts thousands of matching docs, where
// the engine's own typed-array sort costs ~100 µs. Must not import runtime code.

/**
 * Sorts `keys[0, count)` ascending in place; `spare` must hold at least `count` entries.
 * @example
 * sortDocs(Int32Array.of(7012, 3, 515), 3, new Int32Array(3)) // keys => [3, 515, 7012]
 */
export function sortDocs(keys: Int32Array, count: number, spare: Int32Array): void {
  let max = 0
  for (let i = 0; i < count; i++) if (keys[i]! > max) max = keys[i]!
  let from = keys
  let to = spare
  const buckets = new Int32Array(256)
  for (let shift = 0; shift < 32 && max >>> shift > 0; shift += 8) {
    buckets.fill(0)
    for (let i = 0; i < count; i++) buckets[(from[i]! >>> shift) & 0xff]!++
    let at = 0
    for (let d = 0; d < 256; d++) {
      const n = buckets[d]!
      buckets[d] = at
      at += n
    }
    for (let i = 0; i < count; i++) {
      const key = from[i]!
      to[buckets[(key >>> shift) & 0xff]!++] = key
    }
    ;[from, to] = [to, from]
  }
  if (from !== keys) keys.set(from.subarray(0, count))
}
