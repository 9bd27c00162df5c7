import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { splitSentences } from './split-sentences.ts'

const root = new URL('../../', import.meta.url)

/** Checks the splitter's contract: exact offsets, trimmed, in order, no overlap, full coverage. */
function expectValidSplit(body: string): void {
  const problems: string[] = []
  const covered = new Uint8Array(body.length)
  let previousEnd = 0
  for (const { text, start } of splitSentences(body)) {
    if (text === '' || text !== text.trim()) problems.push(`untrimmed or empty at ${start}`)
    if (body.slice(start, start + text.length) !== text) problems.push(`offset ${start} does not match`)
    if (start < previousEnd) problems.push(`overlap or disorder at ${start}`)
    covered.fill(1, start, start + text.length)
    previousEnd = start + text.length
  }
  for (let i = 0; i < body.length; i++) {
    if (covered[i] === 0 && !/\s/.test(body[i]!)) problems.push(`char ${i} not covered`)
  }
  expect(problems).toEqual([])
}

describe('splitSentences', () => {
  it.each([
    // [case, input, expected sentences]
    ['two sentences after 다.', '저렴할 것으로 보고 있다. 물가와 인건비도 저렴한 편이다.', ['저렴할 것으로 보고 있다.', '물가와 인건비도 저렴한 편이다.']],
    ['seed paragraph with 등)', '정부 측은 유라시아 공동경제구역(러시아, 카자흐스탄 등) 시장에도 진출하기 용이할 것으로 보고 있다. 물가와 인건비도 저렴한 편이다.', ['정부 측은 유라시아 공동경제구역(러시아, 카자흐스탄 등) 시장에도 진출하기 용이할 것으로 보고 있다.', '물가와 인건비도 저렴한 편이다.']],
    ['question and exclamation', '정말 그럴까? 그렇다! 끝이다.', ['정말 그럴까?', '그렇다!', '끝이다.']],
    ['ellipsis ends a sentence', '결국 무산됐다… 아쉬운 결과다.', ['결국 무산됐다…', '아쉬운 결과다.']],
    ['CJK full stop', '会谈结束。 다음 일정이다.', ['会谈结束。', '다음 일정이다.']],
    ['paragraph break always ends', '첫 문단은 마침표가 없다\n둘째 문단이다.', ['첫 문단은 마침표가 없다', '둘째 문단이다.']],
    ['closing quote stays with its sentence', '그는 “좋다.” 그리고 떠났다.', ['그는 “좋다.”', '그리고 떠났다.']],
    ['closing bracket stays with its sentence', '회의가 열렸다(서울.) 다음 안건이다.', ['회의가 열렸다(서울.)', '다음 안건이다.']],
    ['missing space after 다.', '부검키로 했다.사회 면이다.', ['부검키로 했다.', '사회 면이다.']],
    ['2013 WTO: no mark, no break', '1인당 수출액(2013 WTO 기준)이 60달러로 앞질렀다.', ['1인당 수출액(2013 WTO 기준)이 60달러로 앞질렀다.']],
    ['decimal 3.5%', '성장률은 3.5%로 1.2조 원 규모다.', ['성장률은 3.5%로 1.2조 원 규모다.']],
    ['dotted abbreviation U.S.', 'U.S. 정부는 워싱턴 D.C. 에서 발표했다.', ['U.S. 정부는 워싱턴 D.C. 에서 발표했다.']],
    ['e.g. and Mr.', '예컨대 e.g. 사례가 있고 Mr. Kim 이 말했다.', ['예컨대 e.g. 사례가 있고 Mr. Kim 이 말했다.']],
    ['No. 1 and Lv. 7', '그는 No. 1 선수이고 Lv. 7 벌레라는 필명을 쓴다.', ['그는 No. 1 선수이고 Lv. 7 벌레라는 필명을 쓴다.']],
    ['initial F.', '우리는 존 F. 케네디를 기억한다.', ['우리는 존 F. 케네디를 기억한다.']],
    ['spaced date', '2015. 6. 24. 발표했다.', ['2015. 6. 24. 발표했다.']],
    ['list marker', '1. 서론이다. 가. 현황이다.', ['1. 서론이다.', '가. 현황이다.']],
    ['curly double quotes', '최 장관은 “ICT 협력을 통해 … 열어나가자”고 말했다.', ['최 장관은 “ICT 협력을 통해 … 열어나가자”고 말했다.']],
    ['quoted sentences stay together', '그는 “올해는 어렵다. 내년에 보자”고 말했다. 다음 문장이다.', ['그는 “올해는 어렵다. 내년에 보자”고 말했다.', '다음 문장이다.']],
    ['curly single quotes', '‘유라시아의 블루오션. 기회의 땅’으로 급부상 중이다.', ['‘유라시아의 블루오션. 기회의 땅’으로 급부상 중이다.']],
    ['straight double quotes', '산업계는 "이미 올랐다. 공개하라"고 반박했다. 끝.', ['산업계는 "이미 올랐다. 공개하라"고 반박했다.', '끝.']],
    ['mixed straight/curly quotes', "'투표하는 날. 꼭 찍으세요’라는 안내서를 보냈다. 그러나 논란이 일었다.", ["'투표하는 날. 꼭 찍으세요’라는 안내서를 보냈다.", '그러나 논란이 일었다.']],
    ['apostrophe is not a quote', "그는 don't 라고 했다. 다음이다.", ["그는 don't 라고 했다.", '다음이다.']],
    ['unclosed quote is ignored', '그는 “끝나지 않는 인용이다. 다음 문장이다.', ['그는 “끝나지 않는 인용이다.', '다음 문장이다.']],
    ['unclosed bracket is ignored', '괄호(닫히지 않는다. 다음 문장이다.', ['괄호(닫히지 않는다.', '다음 문장이다.']],
    ['quote closed only in the next paragraph is ignored', '“첫 문단이다. 계속된다.\n끝”이라고 했다.', ['“첫 문단이다.', '계속된다.', '끝”이라고 했다.']],
    ['stray closer is ignored', '1) 첫째 항목이다. 2) 둘째 항목이다.', ['1) 첫째 항목이다.', '2) 둘째 항목이다.']],
  ])('%s', (_case, input, expected) => {
    expect(splitSentences(input).map((s) => s.text)).toEqual(expected)
    expectValidSplit(input)
  })

  it('reports UTF-16 offsets', () => {
    expect(splitSentences('  저렴할 것으로 보고 있다. 😀 물가도 싸다.\n\n끝.')).toEqual([
      { text: '저렴할 것으로 보고 있다.', start: 2 },
      { text: '😀 물가도 싸다.', start: 17 },
      { text: '끝.', start: 29 },
    ])
  })

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\t\r\n '],
    ['lone surrogates', '\uD800가다. \uDC00나다.\uD83D'],
    ['control characters', '\u0000가\u0007다. \u001B나\u007F다.'],
    ['only marks', '...?!…。 . . ”” ((( )))'],
    ['many openers', '('.repeat(5000) + '다. 가다.' + ']'.repeat(5000)],
    ['10k characters', '가나다. '.repeat(2500)],
    ['10k quotes', '"\''.repeat(5000) + '다. 나.'],
  ])('never throws and keeps its contract: %s', (_case, input) => {
    expect(() => splitSentences(input)).not.toThrow()
    expectValidSplit(input)
  })

  it('returns [] for the empty string', () => {
    expect(splitSentences('')).toEqual([])
  })

  it.each([
    ['unclosed openers and false stops', ('(“‘' + 'U.S. 3.5. 가. '.repeat(20)).repeat(500)],
    ['long leading space before many false stops', '가다.' + ' '.repeat(50_000) + 'U.S. '.repeat(20_000)],
    ['one long dotted word', 'a.'.repeat(50_000) + ' 다음이다.'],
    ['alternating unmatched closers', '(['.repeat(25_000) + ')]'.repeat(25_000) + '다. 끝.'],
  ])('stays linear: %s', (_case, input) => {
    const t0 = performance.now()
    expectValidSplit(input)
    expect(performance.now() - t0).toBeLessThan(1000)
  })

  it('keeps its contract on every Wikinews body', () => {
    const lines = readFileSync(new URL('corpus/wikinews/articles.jsonl', root), 'utf8').split('\n')
    for (const line of lines) if (line.trim() !== '') expectValidSplit((JSON.parse(line) as { body: string }).body)
  })
})
