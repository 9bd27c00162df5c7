import { describe, expect, it } from 'vitest'
import { cleanParagraph } from './clean.ts'
import { dropRepeatedParagraphs } from './dedupe.ts'

describe('cleanParagraph', () => {
  it.each([
    ['empty category link', '원·하청 관계자가 입건되면 첫 사례가 된다.[[분류:]]', '원·하청 관계자가 입건되면 첫 사례가 된다.'],
    ['named category link', '통과시켰다. [[분류:대한민국의 정치]] [[Category:Politics]]', '통과시켰다.'],
    ['file link with caption', '[[파일:벨라루스.jpg|섬네일|민스크 전경]]민스크는 수도다.', '민스크는 수도다.'],
    ['piped link keeps the label', '[[대한민국 국회|국회]]에서 통과됐다.', '국회에서 통과됐다.'],
    ['plain link keeps the target', '[[벨라루스]]를 방문했다.', '벨라루스를 방문했다.'],
    ['footnote marks', '결의했다.[1] 이 발언은[12] 논란이 됐다.[5][6]', '결의했다. 이 발언은 논란이 됐다.'],
    ['parenthesised footnote', '비디오([1])에서 밝혔다.', '비디오에서 밝혔다.'],
    ['years and labels in brackets stay', '[검증 결과] 대체로 사실 [2013] [...]', '[검증 결과] 대체로 사실 [2013] [...]'],
    ['whitespace collapsed', '  벨라루스는\t 소프트웨어\u3000협력파트너다.  ', '벨라루스는 소프트웨어 협력파트너다.'],
    ['invisible characters', '벨라\u200B루스는\u0007 강국이다.', '벨라루스는 강국이다.'],
    ['stray brackets', '[[분류:끝나지 않는 분류', '분류:끝나지 않는 분류'],
  ])('%s', (_case, input, expected) => {
    expect(cleanParagraph(input)).toBe(expected)
  })

  it('is idempotent', () => {
    const once = cleanParagraph('[[국회|국회]]에서 [[예산안]]을 통과시켰다.[3] [[분류:]]')
    expect(cleanParagraph(once)).toBe(once)
  })
})

describe('dropRepeatedParagraphs', () => {
  it.each([
    ['keeps the first of a repeat', ['벨라루스를 선택했다.', '처음이다.', '벨라루스를 선택했다.'], ['벨라루스를 선택했다.', '처음이다.']],
    ['compares whitespace-normalised text', ['물가도  저렴한 편이다.', ' 물가도 저렴한\t편이다. '], ['물가도  저렴한 편이다.']],
    ['drops empty paragraphs', ['', '  ', '본문이다.'], ['본문이다.']],
    ['keeps different paragraphs in order', ['가.', '나.', '다.'], ['가.', '나.', '다.']],
  ])('%s', (_case, input, expected) => {
    expect(dropRepeatedParagraphs(input)).toEqual(expected)
  })
})
