// Cleans one paragraph: removes MediaWiki residue and footnote marks left by the crawl,
// drops invisible characters and collapses whitespace.

/** Category/file links carry no article text: `[[분류:]]`, `[[분류:경제]]`, `[[파일:x.jpg|섬네일|설명]]`. */
const NAMESPACE_LINK = /\[\[\s*(?:분류|파일|그림|Category|File|Image)\s*:[^\]]*\]\]/gi
/** `[[대한민국 국회|국회]]` → 국회: the label is what the reader saw. */
const PIPED_LINK = /\[\[[^[\]|]*\|([^[\]]*)\]\]/g
/** `[[벨라루스]]` → 벨라루스 */
const PLAIN_LINK = /\[\[([^[\]|]*)\]\]/g
/** `비디오([1])에서` → 비디오에서: a parenthesised footnote would leave empty `()`. */
const PAREN_FOOTNOTE = /\s*\((?:\[\d{1,3}\])+\)/g
/** `말했다.[1] 이 발언` → 말했다. 이 발언 (up to 3 digits, so a year like `[2013]` stays). */
const FOOTNOTE = /\s*\[\d{1,3}\]/g
/** Unclosed `[[` / `]]` left over after the rules above. */
const STRAY_BRACKETS = /\[\[|\]\]/g
/** Control characters, zero-width space and soft hyphen: invisible, but they split words for the index. */
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F\u00AD\u200B]/g

/**
 * Returns the paragraph without wiki residue, footnote marks and extra whitespace.
 *
 * @example
 * cleanParagraph('첫 사례가 된다.[5]  [[분류:]]') // => '첫 사례가 된다.'
 * cleanParagraph('[[대한민국 국회|국회]]에서 [[예산안]]을 통과시켰다.') // => '국회에서 예산안을 통과시켰다.'
 */
export function cleanParagraph(text: string): string {
  return text
    .replace(NAMESPACE_LINK, ' ')
    .replace(PIPED_LINK, '$1')
    .replace(PLAIN_LINK, '$1')
    .replace(PAREN_FOOTNOTE, '')
    .replace(FOOTNOTE, '')
    .replace(STRAY_BRACKETS, '')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
}
