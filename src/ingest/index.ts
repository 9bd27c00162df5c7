// Ingest entry point: picks the parser by file extension, cleans and de-duplicates every
// article's paragraphs, and cuts bodies into the sentences that get indexed.

import type { Article, Sentence } from '../types.ts'
import { IngestError } from '../errors.ts'
import { cleanParagraph } from './clean.ts'
import { dropRepeatedParagraphs } from './dedupe.ts'
import { extension } from './file-name.ts'
import { articleFromRecord, parseJsonl } from './formats/jsonl.ts'
import { parseMarkdown } from './formats/markdown.ts'
import { parsePlainText } from './formats/plain-text.ts'
import { splitSentences } from './split-sentences.ts'

export { cleanParagraph } from './clean.ts'
export { dropRepeatedParagraphs } from './dedupe.ts'
export { splitSentences, type SentenceSpan } from './split-sentences.ts'
export { parseJsonl } from './formats/jsonl.ts'
export { parseMarkdown } from './formats/markdown.ts'
export { parsePlainText } from './formats/plain-text.ts'

const PARSERS: Readonly<Record<string, (fileName: string, text: string) => Article[]>> = {
  '.txt': (fileName, text) => [parsePlainText(fileName, text)],
  '.jsonl': parseJsonl,
  '.md': (fileName, text) => [parseMarkdown(fileName, text)],
}

/**
 * Parses one corpus file into cleaned articles; articles left without a body are dropped.
 * Throws IngestError for an unknown extension or a malformed file.
 *
 * @example
 * ingestFile('corpus/a.txt', '아주경제 김봉철 기자 = 장관이 방문했다.[1]\n장관이 방문했다.')
 * // => [{ id: 'a', title: '장관이 방문했다.', outlet: '아주경제', byline: '김봉철', published_at: null,
 * //       section: null, url: null, body: '장관이 방문했다.' }]
 */
export function ingestFile(fileName: string, text: string): Article[] {
  const parse = PARSERS[extension(fileName)]
  if (parse === undefined) {
    throw new IngestError(fileName, null, `unsupported file type "${extension(fileName)}" (expected .txt, .jsonl or .md)`)
  }
  return parse(fileName, text).flatMap((article) => cleanArticle(article) ?? [])
}

/** Cleans and de-duplicates the paragraphs; null when no body is left. */
function cleanArticle(article: Article): Article | null {
  const body = dropRepeatedParagraphs(article.body.split('\n').map(cleanParagraph)).join('\n')
  if (body === '') return null
  const title = cleanParagraph(article.title) || (splitSentences(body)[0]?.text ?? '')
  return { ...article, title, body }
}

/**
 * One article record (the fields of a .jsonl row) from another source than a file, e.g. a write
 * request, cleaned like a corpus article. Throws IngestError naming `source` when it is unusable.
 *
 * @example
 * ingestRecord({ id: 'k1', title: '오바마 취임', body: '오바마가 취임하였다.\n오바마가 취임하였다.' }, 'request').body
 * // => '오바마가 취임하였다.' (the repeated paragraph dropped)
 */
export function ingestRecord(record: Record<string, unknown>, source: string): Article {
  const article = cleanArticle(articleFromRecord(record, (message) => new IngestError(source, null, message)))
  if (!article) throw new IngestError(source, null, 'the body is empty after cleaning')
  return article
}

/**
 * Ingests several files; an article id may appear only once across all of them.
 *
 * @example
 * ingestFiles([{ name: 'a.txt', text: '아주경제 김봉철 기자 = 장관이 방문했다.' }]).map((a) => a.id) // => ['a']
 * ingestFiles([{ name: 'x/a.txt', text: '가다.' }, { name: 'y/a.md', text: '나다.' }])
 * // => throws IngestError 'ingest: y/a.md: duplicate article id "a" (also in x/a.txt)'
 */
export function ingestFiles(files: Array<{ name: string; text: string }>): Article[] {
  const fileOfId = new Map<string, string>()
  const articles: Article[] = []
  for (const file of files) {
    for (const article of ingestFile(file.name, file.text)) {
      const other = fileOfId.get(article.id)
      if (other !== undefined) throw new IngestError(file.name, null, `duplicate article id "${article.id}" (also in ${other})`)
      fileOfId.set(article.id, file.name)
      articles.push(article)
    }
  }
  return articles
}

/**
 * The article's sentences, numbered from 0, with offsets into `article.body`.
 *
 * @example
 * toSentences({ id: 'a', body: '저렴한 편이다. 물가도 싸다.', ... })
 * // => [{ id: 'a:0', article: 'a', n: 0, text: '저렴한 편이다.', start: 0 },
 * //     { id: 'a:1', article: 'a', n: 1, text: '물가도 싸다.', start: 9 }]
 */
export function toSentences(article: Article): Sentence[] {
  return splitSentences(article.body).map(({ text, start }, n) => ({
    id: `${article.id}:${n}`,
    article: article.id,
    n,
    text,
    start,
  }))
}
