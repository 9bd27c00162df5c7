import { describe, expect, it } from 'vitest'
import { IngestError } from '../errors.ts'
import { parseJsonl } from './formats/jsonl.ts'
import { parseMarkdown } from './formats/markdown.ts'
import { stripInline } from './formats/markdown-text.ts'
import { parsePlainText } from './formats/plain-text.ts'
import { fnv1a64 } from './hash.ts'

/** Runs `fn` and returns the IngestError it throws. */
function ingestErrorOf(fn: () => unknown): IngestError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError)
    return error as IngestError
  }
  throw new Error('expected an IngestError')
}

describe('parsePlainText', () => {
  it.each([
    {
      case: 'byline with spaces',
      text: '아주경제 김봉철 기자 = 장관이 벨라루스를 찾았다. 첫 방문이다.\n\n둘째 문단이다.\n',
      outlet: '아주경제', byline: '김봉철', title: '장관이 벨라루스를 찾았다.',
      body: '장관이 벨라루스를 찾았다. 첫 방문이다.\n둘째 문단이다.',
    },
    {
      case: '기자= without spaces, CRLF',
      text: '아주경제 김봉철 기자=장관이 찾았다.\r\n둘째 문단이다.',
      outlet: '아주경제', byline: '김봉철', title: '장관이 찾았다.', body: '장관이 찾았다.\n둘째 문단이다.',
    },
    {
      case: 'several reporters',
      text: '한국경제 홍길동·김철수 기자 = 두 기자가 썼다.',
      outlet: '한국경제', byline: '홍길동·김철수', title: '두 기자가 썼다.', body: '두 기자가 썼다.',
    },
    {
      case: 'no byline',
      text: '\uFEFF\n최양희 장관이 벨라루스를 선택했다. 처음이다.\n둘째 문단.',
      outlet: null, byline: null, title: '최양희 장관이 벨라루스를 선택했다.',
      body: '최양희 장관이 벨라루스를 선택했다. 처음이다.\n둘째 문단.',
    },
    {
      case: 'byline alone on the first line',
      text: '아주경제 김봉철 기자 =\n장관이 찾았다.',
      outlet: '아주경제', byline: '김봉철', title: '장관이 찾았다.', body: '장관이 찾았다.',
    },
    { case: 'empty file', text: '', outlet: null, byline: null, title: '', body: '' },
  ])('$case', ({ text, outlet, byline, title, body }) => {
    expect(parsePlainText('corpus/sub/001_abc.txt', text)).toEqual({
      id: '001_abc', title, outlet, byline, published_at: null, section: null, url: null, body,
    })
  })
})

describe('parseJsonl', () => {
  const line = (record: Record<string, unknown>): string => JSON.stringify(record)

  it('reads one article per line, skipping blank lines', () => {
    const text = [
      line({ id: 'k1', title: '오바마 취임', outlet: '위키뉴스', published_at: '2009-01-20', url: 'https://ko.wikinews.org/x', body: '오바마가 취임하였다.\n둘째 문단.' }),
      '',
      '   ',
      line({ id: 7, title: '둘째 기사', body: '본문이다.', date: '2009. 3. 17.', byline: '홍길동', section: '정치' }),
    ].join('\n')
    expect(parseJsonl('news.jsonl', text)).toEqual([
      { id: 'k1', title: '오바마 취임', outlet: '위키뉴스', byline: null, published_at: '2009-01-20', section: null, url: 'https://ko.wikinews.org/x', body: '오바마가 취임하였다.\n둘째 문단.' },
      { id: '7', title: '둘째 기사', outlet: null, byline: '홍길동', published_at: '2009-03-17', section: '정치', url: null, body: '본문이다.' },
    ])
  })

  it('keeps wiki residue for the ingest step to clean', () => {
    const [article] = parseJsonl('a.jsonl', line({ id: 'w', title: '제목', body: '첫 사례가 된다.[5][[분류:]]' }))
    expect(article?.body).toBe('첫 사례가 된다.[5][[분류:]]')
  })

  it('hashes outlet + title + date when there is no id', () => {
    const record = { title: '벨라루스 방문', outlet: '아주경제', published_at: '2015년 6월 24일', body: '본문.' }
    const [a] = parseJsonl('a.jsonl', line(record))
    const [b] = parseJsonl('b.jsonl', line({ ...record, body: '다른 본문.' }))
    expect(a?.id).toBe(fnv1a64('아주경제\u001f벨라루스 방문\u001f2015-06-24'))
    expect(a?.id).toBe(b?.id)
    expect(a?.id).toMatch(/^[0-9a-f]{16}$/)
    expect(a?.published_at).toBe('2015-06-24')
  })

  it('turns an unparseable date into null', () => {
    expect(parseJsonl('a.jsonl', line({ title: '제목', body: '본문.', date: '지난주' }))[0]?.published_at).toBeNull()
  })

  it.each([
    ['invalid JSON', '{"title": "제목", "body": "본문.",', 'invalid JSON'],
    ['not an object', '["제목", "본문"]', 'expected a JSON object'],
    ['missing body', line({ title: '제목' }), 'missing or empty "body"'],
    ['empty body', line({ title: '제목', body: '  ' }), 'missing or empty "body"'],
    ['missing title', line({ body: '본문이다.' }), 'missing "title"'],
    ['wrong type', line({ title: '제목', body: '본문.', outlet: 3 }), 'field "outlet" must be a string'],
  ])('%s → IngestError naming file and line', (_case, bad, reason) => {
    const text = `${line({ id: 'ok', title: '정상', body: '정상 본문.' })}\n\n${bad}\n`
    const error = ingestErrorOf(() => parseJsonl('corpus/news.jsonl', text))
    expect(error.message).toContain('corpus/news.jsonl:3')
    expect(error.message).toContain(reason)
    expect(error.code).toBe('INGEST_FORMAT')
  })

  it('rejects a repeated id with both line numbers', () => {
    const text = [line({ id: 'x', title: '가', body: '가.' }), line({ id: 'x', title: '나', body: '나.' })].join('\n')
    expect(() => parseJsonl('a.jsonl', text)).toThrow('a.jsonl:2: duplicate id "x" (first on line 1)')
  })
})

describe('parseMarkdown', () => {
  it('reads front matter and plain paragraphs', () => {
    const text = [
      '---',
      'title: "벨라루스, \\"블루오션\\""',
      "outlet: '아주''경제'",
      'reporter: 김봉철',
      '# a comment',
      'date: 2015.06.24',
      'section: IT',
      'url: https://www.ajunews.com/view/1',
      'tags: [ICT, SW]',
      '---',
      '# 최 장관, **벨라루스** 방문 #',
      '',
      '최양희 장관이 *첫* 외교 행보로',
      '[벨라루스](https://by.example)를 _선택_했다.',
      '',
      '> 인용한 문단이다.',
      '- 첫째 항목',
      '- 둘째 항목',
      '***',
      '1. 번호는 남는다.',
      'snake_case_name 과 3 * 4 는 그대로다.',
    ].join('\n')
    expect(parseMarkdown('posts/2015/by-visit.md', text)).toEqual({
      id: 'by-visit',
      title: '벨라루스, "블루오션"',
      outlet: "아주'경제",
      byline: '김봉철',
      published_at: '2015-06-24',
      section: 'IT',
      url: 'https://www.ajunews.com/view/1',
      body: [
        '최 장관, 벨라루스 방문',
        '최양희 장관이 첫 외교 행보로 벨라루스를 선택했다.',
        '인용한 문단이다.',
        '첫째 항목',
        '둘째 항목',
        '1. 번호는 남는다. snake_case_name 과 3 * 4 는 그대로다.',
      ].join('\n'),
    })
  })

  it.each([
    ['no front matter: first heading', '## 벨라루스 방문\n\n본문이다.', '벨라루스 방문', '벨라루스 방문\n본문이다.'],
    ['no front matter, no heading: first sentence', '장관이 찾았다. 처음이다.', '장관이 찾았다.', '장관이 찾았다. 처음이다.'],
    ['front matter id and published_at', '---\nid: ajunews-1\npublished_at: 2015-06-24\n---\n본문.', '본문.', '본문.'],
  ])('%s', (_case, text, title, body) => {
    const article = parseMarkdown('a.md', text)
    expect([article.title, article.body]).toEqual([title, body])
  })

  it.each([
    ['unclosed front matter', '---\ntitle: 제목\n본문이다.', 'a.md:1', 'not closed'],
    ['line without a colon', '---\ntitle: 제목\n그냥 문장\n---\n본문.', 'a.md:3', 'expected "key: value"'],
    ['duplicate key', '---\ntitle: 가\nTitle: 나\n---\n본문.', 'a.md:3', 'duplicate key "title"'],
    ['bad double quotes', '---\ntitle: "제목\n---\n본문.', 'a.md:2', 'bad double-quoted value'],
    ['bad single quotes', "---\ntitle: '제'목'\n---\n본문.", 'a.md:2', 'bad single-quoted value'],
  ])('%s → IngestError', (_case, text, where, reason) => {
    const error = ingestErrorOf(() => parseMarkdown('a.md', text))
    expect(error.message).toContain(where)
    expect(error.message).toContain(reason)
  })
})

describe('stripInline', () => {
  it.each([
    ['**굵게** 와 *기울임*', '굵게 와 기울임'],
    ['***둘 다*** 와 **굵게 *안쪽***', '둘 다 와 굵게 안쪽'],
    ['__굵게__ 와 _기울임_', '굵게 와 기울임'],
    ['![사진 설명](a.jpg) 과 [링크](https://x.example "제목")', '사진 설명 과 링크'],
    ['[참조 링크][1] 와 <https://x.example>', '참조 링크 와 https://x.example'],
    ['`코드` 와 \\*별표\\* 와 \\[괄호\\]', '코드 와 *별표* 와 [괄호]'],
    ['file_name_here 와 5 * 3', 'file_name_here 와 5 * 3'],
  ])('%s', (input, expected) => {
    expect(stripInline(input)).toBe(expected)
  })
})
