// TermWalkers that find Korean near-matches in any tier's dictionary: jamo-prefix (a half-typed last
// syllable), 초성 pattern, and bounded edit distance over jamo or syllables. Each prunes as soon as
// no term below a prefix can match. Must not import runtime code.
import type { TermWalker } from '../index/term-source.ts'
import { choseongCodeOf, isSyllable, jamoCodesOf, toJamo } from './hangul-text.ts'

/**
 * Terms whose jamo start with the jamo of `typed`: 벨랄 or 벨라ㄹ → 벨라루스 (the ㄹ was the next
 * syllable's 초성), 고 → 과 (ㅗ waits for ㅏ), 달 → 닭.
 * @example
 * source.walkTerms('word', jamoPrefixWalker('벨랄'), 50).map(([t]) => t) // => ['벨라루스', …]
 */
export function jamoPrefixWalker(typed: string): TermWalker<number> {
  const target = Array.from(toJamo(typed), (jamo) => jamo.charCodeAt(0))
  // Every unit but the last is typed in full (벨랄 → 벨 + a 랄 that may be 라 + ㄹ…).
  let literal = 0
  while (literal < typed.length - 1 && isSyllable(typed[literal]!)) literal++
  return {
    start: 0,
    prefix: typed.slice(0, literal),
    step(matched, unit) {
      const jamo = jamoCodesOf(unit)
      if (jamo === null) {
        if (matched === target.length) return matched
        return unit === target[matched] ? matched + 1 : null
      }
      for (let k = 0; k < jamo.length; k++) {
        if (matched === target.length) return matched
        if (jamo[k] !== target[matched]) return null
        matched++
      }
      return matched
    },
    accept: (matched) => matched === target.length,
  }
}

/**
 * Terms that are `typed` with one more unit at `at`: the syllable left out of 아프간 typed as 아간
 * (at 1). Exact length; the literal part before `at` lets the tier jump straight to it.
 * @example
 * source.walkTerms('word', insertionWalker('아간', 1), 50).map(([t]) => t) // => ['아프간', …]
 */
export function insertionWalker(typed: string, at: number): TermWalker<number> {
  return {
    start: 0,
    prefix: typed.slice(0, at),
    step(i, unit) {
      if (i === at) return i + 1 // the inserted unit: anything
      return i <= typed.length && unit === typed.charCodeAt(i < at ? i : i - 1) ? i + 1 : null
    },
    accept: (i) => i === typed.length + 1,
    // Past the inserted unit the rest of `typed` follows exactly.
    rest: (i) => (i > at ? typed.slice(i - 1) : undefined),
  }
}

/**
 * Terms of exactly `pattern.length` syllables with those 초성: ㅂㄹㄹㅅ → 벨라루스.
 * @example
 * source.walkTerms('word', choseongWalker('ㅂㄹㄹㅅ'), 50).map(([t]) => t) // => ['벨라루스', …]
 */
export function choseongWalker(pattern: string): TermWalker<number> {
  return {
    start: 0,
    step: (at, unit) => (at < pattern.length && choseongCodeOf(unit) === pattern.charCodeAt(at) ? at + 1 : null),
    accept: (at) => at === pattern.length,
  }
}

/** A walker state: the last row of the edit-distance table against the query's jamo. */
export type DistanceRow = readonly number[]

/**
 * Terms within `max` jamo edits of `typed` (Levenshtein over jamo: 벨라루쓰 ↔ 벨라루스 is 1, ㅆ for
 * ㅅ). The state at a term holds its distance in its last cell.
 * @example
 * source.walkTerms('word', editDistanceWalker('벨라루쓰', 1), 50) // => [['벨라루스', [.., 1]]]
 */
export function editDistanceWalker(typed: string, max: number): TermWalker<DistanceRow> {
  const query = Array.from(toJamo(typed), (ch) => ch.charCodeAt(0))
  const m = query.length
  const cap = max + 1
  const start: number[] = []
  for (let i = 0; i <= m; i++) start.push(Math.min(i, cap))
  // Rows for the symbols inside one unit (a syllable is 2–5 jamo) live in two scratch rows; only the
  // row at the end of the unit is new, since the walk keeps it as the prefix's state.
  const scratch = [start.slice(), start.slice()]
  // A unit that is not Hangul is one symbol of its own.
  const single = [0]
  return {
    start,
    step(row, unit) {
      let symbols = jamoCodesOf(unit)
      if (symbols === null) {
        single[0] = unit
        symbols = single
      }
      let current = row
      for (let k = 0; k < symbols.length; k++) {
        const symbol = symbols[k]!
        const next = k === symbols.length - 1 ? new Array<number>(m + 1) : scratch[k & 1]!
        let left = current[0]! + 1 < cap ? current[0]! + 1 : cap
        next[0] = left
        let best = left
        for (let i = 1; i <= m; i++) {
          let cell = current[i - 1]! + (query[i - 1] === symbol ? 0 : 1)
          const up = current[i]! + 1
          if (up < cell) cell = up
          if (left + 1 < cell) cell = left + 1
          if (cap < cell) cell = cap
          next[i] = cell
          left = cell
          if (cell < best) best = cell
        }
        if (best > max) return null
        current = next
      }
      return current
    },
    accept: (row) => row[m]! <= max,
  }
}

/** The distance a term reached under editDistanceWalker. */
export const distanceOf = (row: DistanceRow): number => row[row.length - 1]!
