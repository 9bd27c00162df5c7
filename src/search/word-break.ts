// Spacing: a long word the vocabulary does not know is split into words it knows by a small
// dynamic programme (word break): 최양희장관 → 최양희 장관, 미래창조과학부장관 → 미래창조과학부 장관.
// Must not import runtime code.

/** A one-syllable piece costs more than a longer one: 최 + 양희 is a worse split than 최양희. */
const SINGLE_SYLLABLE_COST = 1.7
/** More one-syllable pieces than this reads a typo as a string of syllables (벨+라+루+쓰): no split. */
const MAX_SINGLE_SYLLABLES = 1

/**
 * The split of `word` into the fewest known pieces (each known by `isKnown(piece, isLast)`, where the
 * last piece may carry a particle), or null when there is none or the word is best left whole.
 * @example
 * breakWord('최양희장관이', (p, last) => ['최양희', '장관'].includes(last ? stripSuffix(p) ?? p : p))
 * // => ['최양희', '장관이']
 */
export function breakWord(word: string, isKnown: (piece: string, isLast: boolean) => boolean): string[] | null {
  const n = word.length
  const cost = new Float64Array(n + 1).fill(Infinity)
  const from = new Int32Array(n + 1).fill(-1)
  cost[0] = 0
  for (let end = 1; end <= n; end++) {
    for (let start = 0; start < end; start++) {
      if (cost[start] === Infinity) continue
      const piece = word.slice(start, end)
      const c = cost[start]! + (piece.length === 1 ? SINGLE_SYLLABLE_COST : 1)
      if (c < cost[end]! && isKnown(piece, end === n)) {
        cost[end] = c
        from[end] = start
      }
    }
  }
  if (cost[n] === Infinity) return null
  const pieces: string[] = []
  for (let end = n; end > 0; end = from[end]!) pieces.unshift(word.slice(from[end]!, end))
  const singles = pieces.filter((p) => p.length === 1).length
  return pieces.length >= 2 && singles <= MAX_SINGLE_SYLLABLES ? pieces : null
}
