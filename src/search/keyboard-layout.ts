// 한영 keyboard-layout correction: a word typed with the keyboard left in English (qpffkfntm) is
// read as the 두벌식 Hangul it would have produced (벨라루스) when the vocabulary says the Hangul
// reading is what was meant. Real English and acronyms stay (ICT reads ㅑㅊㅆ, no syllables).
// Must not import runtime code.
import { isCompatibilityJamo, isSyllable, qwertyToHangul } from './hangul-text.ts'
import type { TextEdit } from './text-edit.ts'

/** A reading must be this many syllables: two-letter acronyms read as one syllable (SK → 나). */
const MIN_SYLLABLES = 2
/** The Hangul reading must be this much better attested than the Latin word to replace it. */
const EVIDENCE_RATIO = 2

const LETTERS = /[A-Za-z]+/g

/**
 * The Hangul a chunk types on a 두벌식 keyboard, or null when it is no plausible Korean word.
 * Caps Lock is forgiven: QPFFKFNTM reads as qpffkfntm. `open` allows a half-typed last jamo.
 * @example
 * hangulReading('qpffkfntm', false)  // => '벨라루스'
 * hangulReading('2015sus6dnjf', false) // => '2015년6월'
 * hangulReading('ICT', false)        // => null (ㅑㅊㅆ)
 */
export function hangulReading(chunk: string, open: boolean): string | null {
  let composable = true
  const read = chunk.replace(LETTERS, (run) => {
    const reading = qwertyToHangul(run.length > 1 && run === run.toUpperCase() ? run.toLowerCase() : run)
    if (reading === null) composable = false
    return reading ?? run
  })
  if (!composable || read === chunk || /[A-Za-z]/.test(read)) return null
  let syllables = 0
  const units = [...read]
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!
    if (isSyllable(unit)) syllables++
    else if (isCompatibilityJamo(unit) && !(open && i === units.length - 1)) return null
  }
  return syllables >= MIN_SYLLABLES ? read : null
}

/**
 * Edits that re-read wrong-layout chunks of `text` as Hangul. `evidence(text, open)` measures how
 * well the vocabulary attests a reading (0 = unknown); `chunks` are the free words' spans.
 * @example
 * layoutEdits('qpffkfntm ICT', [[0, 9], [10, 13]], evidence) // => [{ start: 0, end: 9, text: '벨라루스' }]
 */
export function layoutEdits(
  text: string,
  chunks: ReadonlyArray<readonly [start: number, end: number]>,
  evidence: (reading: string, open: boolean) => number,
): TextEdit[] {
  const edits: TextEdit[] = []
  for (const [start, end] of chunks) {
    const chunk = text.slice(start, end)
    const open = end === text.length
    const reading = hangulReading(chunk, open)
    if (reading === null) continue
    const hangul = evidence(reading, open)
    if (hangul > 0 && hangul > EVIDENCE_RATIO * evidence(chunk, open)) edits.push({ start, end, text: reading })
  }
  return edits
}
