// Turns Markdown body lines into plain paragraphs: blank lines, headings, rules and list
// items separate paragraphs; heading marks, emphasis, code ticks and link syntax are removed.

export interface MarkdownBlock {
  text: string
  heading: boolean
}

const HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/ // ## 제목 ## → 제목
const RULE = /^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$/ // --- / *** / === (also setext underlines)
const QUOTE_PREFIX = /^(?: {0,3}>[ \t]?)+/ // > 인용문 → 인용문
const BULLET = /^[ \t]*[-*+][ \t]+/ // - 항목 → 항목
const ORDERED = /^[ \t]*\d{1,9}[.)][ \t]+/ // 1. 항목: the number stays, it is content

/** Characters Markdown lets you escape with `\`; hidden in private-use code points while stripping. */
const ESCAPABLE = '\\`*_[]()#!<>+-.|{}'
const HIDDEN_BASE = 0xe000

/**
 * Splits Markdown lines into plain-text blocks; lines of one paragraph are joined with a space.
 *
 * @example
 * markdownBlocks(['# 벨라루스 **방문**', '', '최 장관이 [벨라루스](https://by.example)를', '_처음_ 찾았다.'])
 * // => [{ text: '벨라루스 방문', heading: true }, { text: '최 장관이 벨라루스를 처음 찾았다.', heading: false }]
 */
export function markdownBlocks(lines: string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = []
  let current: string[] = []
  const push = (raw: string, heading: boolean): void => {
    const text = stripInline(raw).replace(/\s+/g, ' ').trim()
    if (text !== '') blocks.push({ text, heading })
  }
  const flush = (): void => {
    if (current.length > 0) push(current.join(' '), false)
    current = []
  }

  for (const rawLine of lines) {
    const line = rawLine.replace(QUOTE_PREFIX, '')
    const heading = HEADING.exec(line)
    if (line.trim() === '' || RULE.test(line)) {
      flush()
    } else if (heading !== null) {
      flush()
      push(heading[1] ?? '', true)
    } else if (BULLET.test(line) || ORDERED.test(line)) {
      flush() // each list item is its own paragraph
      current.push(line.replace(BULLET, '').trim())
    } else {
      current.push(line.trim())
    }
  }
  flush()
  return blocks
}

/**
 * Removes inline Markdown syntax, keeping the words.
 *
 * @example
 * stripInline('**벨라루스**는 [SW 강국](https://x.example)이다') // => '벨라루스는 SW 강국이다'
 */
export function stripInline(text: string): string {
  let out = text
    .replace(/\\([\\`*_[\]()#!<>+\-.|{}])/g, (_, ch: string) => String.fromCharCode(HIDDEN_BASE + ESCAPABLE.indexOf(ch)))
    .replace(/(`+)(.+?)\1/g, '$2') // `코드` → 코드
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [텍스트](url) and ![대체 텍스트](img) → the text
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // [텍스트][ref] → 텍스트
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1') // <https://…> → the address
  for (let pass = 0; pass < 3; pass++) {
    // *기울임*, **굵게**, ***둘 다***; inner marks need another pass: **굵게 *기울임***
    out = out
      .replace(/(\*{1,3})(?=\S)(.*?\S)\1/g, '$2')
      // _강조_를 → 강조를: Korean particles attach to the word, so only Latin letters block `_`
      // emphasis (snake_case stays).
      .replace(/(^|[^A-Za-z0-9_])(_{1,3})(?=\S)(.*?\S)\2(?![A-Za-z0-9_])/g, '$1$3')
  }
  return out.replace(/[\ue000-\ue0ff]/g, (ch) => ESCAPABLE[ch.charCodeAt(0) - HIDDEN_BASE] ?? ch)
}
