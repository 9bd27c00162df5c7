import { describe, expect, it } from 'vitest'
import { normaliseDate } from './date.ts'
import { baseName, extension, stem } from './file-name.ts'
import { parseByline } from './formats/byline.ts'
import { fnv1a64 } from './hash.ts'

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'], // published FNV-1a 64 test vectors
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('%j → %s', (input, expected) => {
    expect(fnv1a64(input)).toBe(expected)
  })

  it('hashes Korean text to 16 stable hex digits', () => {
    expect(fnv1a64('아주경제')).toMatch(/^[0-9a-f]{16}$/)
    expect(fnv1a64('아주경제')).toBe(fnv1a64('아주경제'))
    expect(fnv1a64('아주경제')).not.toBe(fnv1a64('아주경재'))
  })
})

describe('normaliseDate', () => {
  it.each([
    ['2015-06-24', '2015-06-24'],
    ['2015-06-24T23:30:00+09:00', '2015-06-24'],
    ['2015.06.24', '2015-06-24'],
    ['2015. 6. 24. 오후 3:10', '2015-06-24'],
    ['2015/6/24', '2015-06-24'],
    ['2015년 6월 24일', '2015-06-24'],
    ['20150624', '2015-06-24'],
    ['2016-02-29', '2016-02-29'],
    ['2015-02-29', null],
    ['2015-13-01', null],
    ['지난주', null],
    ['', null],
    [null, null],
    [20150624, null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected)
  })
})

describe('file names', () => {
  it.each([
    ['corpus/000_df47cecabbcbfc25.txt', '000_df47cecabbcbfc25.txt', '.txt', '000_df47cecabbcbfc25'],
    ['C:\\corpus\\기사.TXT', '기사.TXT', '.txt', '기사'],
    ['corpus/wikinews/articles.jsonl', 'articles.jsonl', '.jsonl', 'articles'],
    ['README', 'README', '', 'README'],
    ['.env', '.env', '', '.env'],
  ])('%s', (input, base, ext, id) => {
    expect([baseName(input), extension(input), stem(input)]).toEqual([base, ext, id])
  })
})

describe('parseByline', () => {
  it.each([
    ['아주경제 김봉철 기자 = 최양희 장관이 벨라루스를 선택했다.', '아주경제', '김봉철', '최양희 장관이 벨라루스를 선택했다.'],
    ['아주경제 김봉철 기자= 장관이 선택했다.', '아주경제', '김봉철', '장관이 선택했다.'],
    ['아주경제 김봉철 기자=장관이 선택했다.', '아주경제', '김봉철', '장관이 선택했다.'],
    ['한국경제 홍길동·김철수 기자 = 두 기자가 썼다.', '한국경제', '홍길동·김철수', '두 기자가 썼다.'],
    ['한국경제 홍길동 ㆍ 김철수, 이영희 기자 = 세 기자가 썼다.', '한국경제', '홍길동·김철수·이영희', '세 기자가 썼다.'],
    ['(서울=연합뉴스) 홍길동 기자 = 통신 기사다.', '연합뉴스', '홍길동', '통신 기사다.'],
    ['(모스크바=연합뉴스) 통신 기사다.', '연합뉴스', null, '통신 기사다.'],
    ['최양희 장관이 벨라루스를 선택했다.', null, null, '최양희 장관이 벨라루스를 선택했다.'],
    ['그는 기자 = 감시자라고 말했다.', null, null, '그는 기자 = 감시자라고 말했다.'],
  ])('%s', (line, outlet, byline, lead) => {
    expect(parseByline(line)).toEqual({ outlet, byline, lead })
  })
})
