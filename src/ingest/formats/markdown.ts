// Parses a Markdown article: a `---` front-matter header (title, outlet, byline, date, …)
// and a body whose blank-line separated blocks become paragraphs.

import type { Article } from '../../types.ts'
import { normaliseDate } from '../date.ts'
import { stem } from '../file-name.ts'
import { splitSentences } from '../split-sentences.ts'
import { splitFrontMatter } from './front-matter.ts'
import { markdownBlocks } from './markdown-text.ts'

/**
 * Reads one article from a `.md` file. Title: front matter, else the first heading,
 * else the first sentence. Id: front matter, else the file name.
 * Throws IngestError when the front matter is malformed or never closed.
 *
 * @example
 * parseMarkdown('news/by.md', '---\ntitle: 벨라루스 방문\noutlet: 아주경제\nreporter: 김봉철\ndate: 2015.06.24\n---\n최 장관이 **벨라루스**를\n찾았다.')
 * // => { id: 'by', title: '벨라루스 방문', outlet: '아주경제', byline: '김봉철', published_at: '2015-06-24',
 * //      section: null, url: null, body: '최 장관이 벨라루스를 찾았다.' }
 */
export function parseMarkdown(fileName: string, text: string): Article {
  const { fields, body: lines } = splitFrontMatter(fileName, text.replace(/^\uFEFF/, '').split(/\r\n|[\n\r]/))
  const field = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = fields.get(key)
      if (value !== undefined && value !== '') return value
    }
    return null
  }
  const blocks = markdownBlocks(lines)
  const body = blocks.map((block) => block.text).join('\n')
  return {
    id: field('id') ?? stem(fileName),
    title: field('title') ?? blocks.find((block) => block.heading)?.text ?? splitSentences(body)[0]?.text ?? '',
    outlet: field('outlet'),
    byline: field('byline', 'reporter'),
    published_at: normaliseDate(field('published_at', 'date')),
    section: field('section'),
    url: field('url'),
    body,
  }
}
