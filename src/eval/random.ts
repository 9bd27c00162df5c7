// A seeded PRNG for everything generated (eval sets, query variants, bench corpora, load mixes), so
// every run generates the same data. No imports.

export type Random = () => number

/**
 * mulberry32: a small, fast PRNG whose sequence depends only on the seed.
 * @example
 * const random = seededRandom(7); random() // => 0.5…, always the same for seed 7
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
