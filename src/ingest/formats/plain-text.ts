// Parses a plain-text article: a byline line (`아주경제 김봉철 기자 = <lead>`), then one
// paragraph per non-empty line. The id is the file name, so it is stable across runs.

import type { Article } from '../../types.ts'
import { cleanParagraph } from '../clean.ts'
import { stem } from '../file-name.ts'
import { splitSentences } from '../split-sentences.ts'
import { parseByline } from './byline.ts'

/**
 * Reads one article from a `.txt` file; the title is the lead's first sentence.
 *
 * @example
 * parsePlainText('corpus/001.txt', '아주경제 김봉철 기자 = 장관이 벨라루스를 찾았다. 첫 방문이다.\n둘째 문단.')
 * // => { id: '001', title: '장관이 벨라루스를 찾았다.', outlet: '아주경제', byline: '김봉철',
 * //      published_at: null, section: null, url: null,
 * //      body: '장관이 벨라루스를 찾았다. 첫 방문이다.\n둘째 문단.' }
 */
export function parsePlainText(fileName: string, text: string): Article {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|[\n\r]/)
  const first = lines.findIndex((line) => line.trim() !== '')
  const byline = first < 0 ? { outlet: null, byline: null, lead: '' } : parseByline(lines[first]!)
  const paragraphs = [byline.lead, ...lines.slice(first + 1)].map(cleanParagraph).filter((p) => p !== '')
  const body = paragraphs.join('\n')
  return {
    id: stem(fileName),
    title: splitSentences(body)[0]?.text ?? '',
    outlet: byline.outlet,
    byline: byline.byline,
    published_at: null,
    section: null,
    url: null,
    body,
  }
}
