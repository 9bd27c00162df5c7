// The slot layout the build's open-addressing tables share (the eojeol cache, the term table): each
// entry is `size` Int32s starting with its hash, then a word that is 0 only in an empty slot. Must not
// import runtime code.

/**
 * The entries of `old` laid out again in a table of `slotCount` slots (a power of two), each moved to
 * the first free slot from its hash on (linear probing).
 * @example
 * rehashSlots(slots, 4096, 12) // => a table twice as large as one of 2048 slots, the same entries
 */
export function rehashSlots(old: Int32Array, slotCount: number, size: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(size * slotCount)
  const mask = slotCount - 1
  for (let from = 0; from < old.length; from += size) {
    if (old[from + 1] === 0) continue
    let slot = old[from]! & mask
    while (slots[slot * size + 1] !== 0) slot = (slot + 1) & mask
    const to = slot * size
    for (let k = 0; k < size; k++) slots[to + k] = old[from + k]!
  }
  return slots
}
