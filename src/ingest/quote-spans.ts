// Finds which positions of one paragraph lie inside a closed quote or bracket pair.
// Used by the sentence splitter: a '.' inside “…” or (…) does not end a sentence.
// An opener never closed within the paragraph is ignored, so it cannot swallow the rest.

/** Closing mark for each opening mark with distinct shapes. */
const PAIRS: Readonly<Record<string, string>> = {
  '“': '”', // “ICT 협력을 … 열어나가자”
  '‘': '’', // ‘유라시아의 블루오션’
  '(': ')', // (러시아, 카자흐스탄 등)
  '[': ']',
  '{': '}',
  '（': '）',
  '［': '］',
  '「': '」',
  '『': '』',
  '《': '》', // 《조선일보》
  '〈': '〉',
  '«': '»',
}

/** Openers each closer may close, in order of preference. Feeds mix straight and curly quotes:
 * '4월 15일은 투표하는 날’ / "세금 내고 상속하면 될 것” → ’ and ” also close ' and ". */
const CLOSER_TO_OPENERS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(Object.entries(PAIRS).map(([open, close]) => [close, [open]])),
  '”': ['“', '"'],
  '’': ['‘', "'"],
}

/** Characters that may directly follow a sentence-final mark and still belong to its sentence. */
export const CLOSING_MARKS = new Set([...Object.values(PAIRS), '"', "'"]) // 했다.” / 했다.) keep the mark

/** `'` between two letters is an apostrophe, not a quote: `don't`, `McDonald's`. */
function isApostrophe(text: string, i: number): boolean {
  const before = text[i - 1]
  const after = text[i + 1]
  return before !== undefined && after !== undefined && /[A-Za-z0-9]/.test(before) && /[A-Za-z]/.test(after)
}

/**
 * Returns `depth` with `depth[i]` = number of closed pairs (open, close) with `open < i <= close`,
 * i.e. how deeply position `i` sits inside quotes/brackets that close later in the text.
 * Linear time: every opener is pushed and popped at most once.
 *
 * @example
 * quoteDepths('“가. 나”')[3] // => 1 (the space after '가.' is inside “…”)
 */
export function quoteDepths(text: string): Int32Array {
  const stack: Array<{ mark: string; at: number }> = []
  const open = new Map<string, number>() // mark → how many of it are on the stack
  const delta = new Int32Array(text.length + 2)

  const push = (mark: string, at: number): void => {
    stack.push({ mark, at })
    open.set(mark, (open.get(mark) ?? 0) + 1)
  }
  // Pops down to the nearest `mark`; openers above it were never closed and are dropped.
  const closeAt = (mark: string, at: number): void => {
    for (;;) {
      const top = stack.pop()
      if (top === undefined) return
      open.set(top.mark, (open.get(top.mark) ?? 1) - 1)
      if (top.mark === mark) {
        delta[top.at + 1]! += 1
        delta[at + 1]! -= 1
        return
      }
    }
  }

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '"' || (ch === "'" && !isApostrophe(text, i))) {
      // Straight quotes look the same on both sides: close if one is open, else open.
      // "좋다"고 / '팝의 황제'라고
      if ((open.get(ch) ?? 0) > 0) closeAt(ch, i)
      else push(ch, i)
    } else if (PAIRS[ch] !== undefined) {
      push(ch, i)
    } else {
      // A closer with no opener (`1) 첫째`) is ignored.
      const opener = CLOSER_TO_OPENERS[ch]?.find((mark) => (open.get(mark) ?? 0) > 0)
      if (opener !== undefined) closeAt(opener, i)
    }
  }

  const depth = new Int32Array(text.length + 1)
  let running = 0
  for (let i = 0; i <= text.length; i++) {
    running += delta[i]!
    depth[i] = running
  }
  return depth
}
