// Hanja → Hangul readings, char by char, from the Unihan table in readings.ts. No runtime imports.
import { HANJA_READINGS } from './readings.ts'

let table: Map<string, { reading: string; initial: string }> | undefined

function readings() {
  if (!table) {
    table = new Map()
    const cps = [...HANJA_READINGS]
    for (let i = 0; i + 2 < cps.length; i += 3) table.set(cps[i]!, { reading: cps[i + 1]!, initial: cps[i + 2]! })
  }
  return table
}

/**
 * The Hangul reading of a Han word, one syllable per character, with 두음법칙 on the first one;
 * null when a character has no known reading.
 * @example
 * hanjaReading('韓美') // => '한미'
 * hanjaReading('與野') // => '여야'
 * hanjaReading('李明博') // => '이명박' (리 → 이 at the start of a word)
 */
export function hanjaReading(word: string): string | null {
  let out = ''
  let first = true
  for (const ch of word) {
    const entry = readings().get(ch)
    if (!entry) return null
    out += first ? entry.initial : entry.reading
    first = false
  }
  return out
}
