import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Article } from '../types.ts'
import { IngestError } from '../errors.ts'
import { ingestFile, ingestFiles, toSentences } from './index.ts'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')

const SEED = 'corpus/000_df47cecabbcbfc25.txt'
const WIKINEWS = 'corpus/wikinews/articles.jsonl'

/** Every sentence is non-empty and sits exactly at its offset in the body. */
function expectSentencesMatchBody(article: Article): void {
  const sentences = toSentences(article)
  expect(sentences.length).toBeGreaterThan(0)
  const bad = sentences.filter((s) => s.text.trim() === '' || article.body.slice(s.start, s.start + s.text.length) !== s.text)
  expect(bad).toEqual([])
}

describe('ingestFile: the seed article', () => {
  const articles = ingestFile(SEED, read(SEED))
  const seed = articles[0]!

  it('reads byline, id and title', () => {
    expect(articles).toHaveLength(1)
    expect(seed).toMatchObject({
      id: '000_df47cecabbcbfc25',
      outlet: '아주경제',
      byline: '김봉철',
      title: '최양희 미래창조과학부 장관이 첫 외교 행보로 벨라루스를 선택했다.',
      published_at: null,
    })
  })

  it('keeps the 15 distinct paragraphs of its 28 lines', () => {
    expect(read(SEED).split('\n').filter((l) => l.trim() !== '')).toHaveLength(28)
    expect(seed.body.split('\n')).toHaveLength(15)
    expect(seed.body).not.toContain('기자 =')
  })

  it('splits into sentences at the right offsets', () => {
    const sentences = toSentences(seed)
    expect(sentences[0]?.text.startsWith('최양희 미래창조과학부 장관이')).toBe(true)
    expect(sentences[0]).toMatchObject({ id: '000_df47cecabbcbfc25:0', article: '000_df47cecabbcbfc25', n: 0, start: 0 })
    expect(sentences.map((s) => s.n)).toEqual(sentences.map((_, i) => i))
    expectSentencesMatchBody(seed)
    const texts = sentences.map((s) => s.text)
    expect(texts).toContain('물가와 인건비도 저렴한 편이다.') // split off after '…보고 있다.'
    expect(texts).toContain('이 가운데 SW개발과 아웃소싱은 벨라루스의 강점 분야다.')
    expect(texts.some((t) => t.includes('(2013 WTO 기준)') && t.endsWith('앞질렀다.'))).toBe(true)
    expect(texts.some((t) => t.includes('(러시아, 카자흐스탄 등)') && t.endsWith('보고 있다.'))).toBe(true)
    expect(texts.some((t) => t.startsWith('최 장관은 이어') && t.endsWith('”고 말했다.'))).toBe(true)
    expect(sentences).toHaveLength(17)
  })
})

describe('ingestFile: Wikinews JSONL', () => {
  const articles = ingestFile(WIKINEWS, read(WIKINEWS))

  it('ingests all 630 articles without wiki residue', () => {
    expect(articles).toHaveLength(630)
    expect(new Set(articles.map((a) => a.id)).size).toBe(630)
    expect(articles.filter((a) => a.body.includes('[[') || /\[\d{1,3}\]/.test(a.body))).toEqual([])
    expect(articles.filter((a) => a.title === '' || a.published_at === null)).toEqual([])
  })

  it('yields non-empty sentences at the right offsets', () => {
    for (const article of articles) expectSentencesMatchBody(article)
    expect(articles.reduce((n, a) => n + toSentences(a).length, 0)).toBeGreaterThan(6000)
  })

  it('cleans a line with wiki residue', () => {
    const line = JSON.stringify({ id: 'w1', title: '[[울산]] 사고', body: '첫 사례가 된다.[5]\n[[분류:]]\n[[대한민국 고용노동부|노동부]]가 조사한다.[12][[분류:사회]]' })
    expect(ingestFile('w.jsonl', line)).toEqual([
      { id: 'w1', title: '울산 사고', outlet: null, byline: null, published_at: null, section: null, url: null, body: '첫 사례가 된다.\n노동부가 조사한다.' },
    ])
  })
})

describe('ingestFile', () => {
  it('drops articles whose body is only residue', () => {
    const text = [JSON.stringify({ id: 'a', title: '가', body: '[[분류:]]\n[3]' }), JSON.stringify({ id: 'b', title: '나', body: '남는다.' })].join('\n')
    expect(ingestFile('x.jsonl', text).map((a) => a.id)).toEqual(['b'])
  })

  it('dispatches .md files', () => {
    const [article] = ingestFile('posts/a.MD', '---\ntitle: 제목\noutlet: 아주경제\n---\n본문이다.\n\n본문이다.')
    expect(article).toMatchObject({ id: 'a', title: '제목', outlet: '아주경제', body: '본문이다.' })
  })

  it.each(['notes.docx', 'README', 'data.json'])('rejects %s', (name) => {
    expect(() => ingestFile(name, '본문.')).toThrow(IngestError)
    expect(() => ingestFile(name, '본문.')).toThrow(name)
  })

  it('reports the bad JSONL line', () => {
    expect(() => ingestFile('corpus/bad.jsonl', '{"title":"가","body":"나."}\n{oops')).toThrow(/ingest: corpus\/bad\.jsonl:2: invalid JSON/)
  })
})

describe('ingestFiles', () => {
  it('concatenates articles in file order', () => {
    const files = [
      { name: 'a.txt', text: '아주경제 김봉철 기자 = 가다.' },
      { name: 'b.jsonl', text: JSON.stringify({ id: 'k', title: '나', body: '나다.' }) },
    ]
    expect(ingestFiles(files).map((a) => a.id)).toEqual(['a', 'k'])
  })

  it('names both files on a duplicate id', () => {
    const files = [
      { name: 'x/a.txt', text: '가다.' },
      { name: 'y/a.md', text: '나다.' },
    ]
    expect(() => ingestFiles(files)).toThrow('ingest: y/a.md: duplicate article id "a" (also in x/a.txt)')
  })
})

describe('toSentences', () => {
  it('numbers sentences from 0 with body offsets', () => {
    const article: Article = { id: 'a', title: '', outlet: null, byline: null, published_at: null, section: null, url: null, body: '저렴한 편이다. 물가도 싸다.\n“좋다. 가자”고 했다.' }
    expect(toSentences(article)).toEqual([
      { id: 'a:0', article: 'a', n: 0, text: '저렴한 편이다.', start: 0 },
      { id: 'a:1', article: 'a', n: 1, text: '물가도 싸다.', start: 9 },
      { id: 'a:2', article: 'a', n: 2, text: '“좋다. 가자”고 했다.', start: 17 },
    ])
  })
})
