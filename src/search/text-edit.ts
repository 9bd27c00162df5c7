// In-place rewrites of the query text (layout re-reading, spacing, typo fixes), as offset edits.
// Must not import runtime code.

export interface TextEdit {
  start: number
  end: number
  text: string
}

/**
 * Applies non-overlapping edits, given in any order.
 * @example
 * applyEdits('qpffkfntm 장관', [{ start: 0, end: 9, text: '벨라루스' }]) // => '벨라루스 장관'
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}
