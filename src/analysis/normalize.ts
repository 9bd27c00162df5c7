// Character filter: careful NFKC + lower-case that keeps, for every unit of the normalised text,
// the range of the original text it came from (so highlights land on the original characters).

/** Normalised text plus, per UTF-16 unit, the original [start, end) it came from. */
export interface NormalizedText {
  text: string
  starts: number[]
  ends: number[]
}

/**
 * Marks that join two Hangul syllables into one eojeol; kept as U+00B7 so NFKC cannot turn
 * them into something else. `한․벨` (U+2024 one-dot leader, which NFKC maps to '.') → `한·벨`.
 */
const JOINERS = new Set(['\u00B7', '\u2024', '\u2027', '\u30FB', '\uFF65', '\u318D', '\u2219', '\u22C5'])
export const JOINER = '\u00B7'

const HANGUL_L = /[\u1100-\u115F\uA960-\uA97F]/
const HANGUL_VT = /[\u1160-\u11FF\uD7B0-\uD7FF]/
const SYLLABLE = /[\uAC00-\uD7A3]/
const COMBINING = /\p{M}/u
// Control characters, lone surrogates and other non-characters become a plain space.
const CONTROL = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}\u2028\u2029]/u

/**
 * Normalise text for analysis, keeping offsets into the original.
 * @example
 * normalize('ＩＣＴ 한․벨').text // => 'ict 한·벨'
 */
export function normalize(original: string): NormalizedText {
  let text = ''
  const starts: number[] = []
  const ends: number[] = []
  let i = 0
  while (i < original.length) {
    const clusterStart = i
    const first = original.codePointAt(i)!
    i += first > 0xffff ? 2 : 1
    let cluster = String.fromCodePoint(first)
    // Fast path: ASCII and precomposed Hangul syllables need no NFKC.
    if (first < 0x80 || (first >= 0xac00 && first <= 0xd7a3)) {
      if (!(i < original.length && isContinuation(original, i, cluster))) {
        const out = first < 0x80 ? (first < 0x20 || first === 0x7f ? ' ' : cluster.toLowerCase()) : cluster
        text += out
        starts.push(clusterStart)
        ends.push(i)
        continue
      }
    }
    // Gather combining marks and conjoining jamo (ᄒ+ᅡ+ᆫ → 한) so NFKC composes them as one unit.
    // The last unit is tracked apart: slicing the growing cluster would copy it each time
    // (quadratic for ᄀ followed by 40,000 ᅡ).
    let last = cluster.slice(-1)
    while (i < original.length && isContinuation(original, i, last)) {
      const next = original.codePointAt(i)!
      const ch = String.fromCodePoint(next)
      cluster += ch
      last = ch.slice(-1)
      i += ch.length
    }
    let out: string
    if (JOINERS.has(cluster)) out = JOINER
    else if (CONTROL.test(cluster)) out = ' '
    else out = cluster.normalize('NFKC').toLowerCase()
    for (let u = 0; u < out.length; u++) {
      text += out[u]
      starts.push(clusterStart)
      ends.push(i)
    }
  }
  return { text, starts, ends }
}

/** Whether the code point at `i` joins the cluster whose last UTF-16 unit is `last`. */
function isContinuation(original: string, i: number, last: string): boolean {
  const ch = String.fromCodePoint(original.codePointAt(i)!)
  if (COMBINING.test(ch)) return !CONTROL.test(ch)
  // 하 + ᆫ (a final jamo after a precomposed syllable) also composes: → 한
  return HANGUL_VT.test(ch) && (HANGUL_L.test(last) || HANGUL_VT.test(last) || SYLLABLE.test(last))
}
