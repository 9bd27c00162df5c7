import { describe, expect, it } from 'vitest'
import { expectTokens, tokensOf } from '../../test/helpers/expect-tokens.ts'
import { createAnalyzer } from './analyzers.ts'
import { normalize } from './normalize.ts'
import { stripSuffix } from './filters/stems.ts'

const analyze = createAnalyzer()
const terms = (text: string, kind: Parameters<typeof tokensOf>[1]) => tokensOf(analyze(text), kind).map(([t]) => t)

describe('normalize', () => {
  it.each([
    ['ＩＣＴ', 'ict'], // full-width → half-width, lower-cased
    ['한․벨', '한·벨'], // U+2024 becomes the joiner, not NFKC's '.'
    ['\u1112\u1161\u11AB', '한'], // conjoining jamo compose into one syllable
    ['a\u0000b', 'a b'], // control characters become spaces
  ])('%s → %s', (input, output) => {
    expect(normalize(input).text).toBe(output)
  })

  it('maps every normalised unit back to the original range', () => {
    const input = '\u1112\u1161\u11AB국 ＩＣＴ'
    const { text, starts, ends } = normalize(input)
    expect(text).toBe('한국 ict')
    expect([starts[0], ends[0]]).toEqual([0, 3]) // 한 came from three jamo
    expect([starts[1], ends[1]]).toEqual([3, 4])
  })
})

describe('surface and stem (particles and endings stripped)', () => {
  it.each([
    ['벨라루스를', '벨라루스'], // object particle 를
    ['벨라루스는', '벨라루스'], // topic particle 는
    ['벨라루스가', '벨라루스'], // subject particle 가
    ['벨라루스에서는', '벨라루스'], // stacked 에서 + 는
    ['합의했다', '합의'], // 하다 verb, past: 합의했다 → 합의
    ['합의하였다', '합의'], // uncontracted 하였다
    ['합의한다', '합의'], // present 한다
    ['개설되었다', '개설'], // 되다 passive
    ['구체적인', '구체적'], // copula 인 after -적
    ['책을', '책'], // one-syllable noun + 을
    ['중이다', '중'], // copula 이다
  ])('%s → %s', (word, stem) => {
    expect(stripSuffix(word)).toBe(stem)
    expect(terms(word, 'stem').concat(terms(word, 'surface'))).toContain(stem)
  })

  it.each(['국가', '결과', '회의', '아시아', '북한', '제한'])('leaves %s whole (a short word that only looks inflected)', (word) => {
    expect(stripSuffix(word)).toBeNull()
  })

  it('gives the stem the offsets of the stem only', () => {
    const text = '최양희 장관이 벨라루스를 선택했다.'
    expectTokens(text, analyze(text), 'stem', [
      ['최양희', 0, 3], // nothing to strip: the stem is the whole eojeol
      ['장관', 4, 6],
      ['벨라루스', 8, 12],
      ['선택', 14, 16],
    ])
  })
})

describe('joined eojeol (한․벨, 한·벨, 한-벨)', () => {
  it.each(['한․벨', '한·벨', '한-벨', '한벨'])('%s gives the surface 한벨', (text) => {
    expect(terms(text, 'surface')).toContain('한벨')
    expect(terms(text, 'bigram')).toEqual(['한벨'])
  })

  it('keeps the joiner inside the whole token and adds the parts', () => {
    const text = '제1회 한․벨 포럼'
    expectTokens(text, analyze(text), 'surface', [
      ['제', 0, 1],
      ['회', 2, 3],
      ['한벨', 4, 7],
      ['한', 4, 5],
      ['벨', 6, 7],
      ['포럼', 8, 10],
    ])
  })

  it('strips the particle from the last part: 직·간접적으로 → 직간접적, 직, 간접적', () => {
    expect(terms('직·간접적으로', 'stem')).toEqual(['직간접적', '직', '간접적'])
  })
})

describe('Latin and digits', () => {
  it.each([
    ['정보통신기술(ICT)', ['ict']], // acronym in parentheses, lower-cased
    ['SW개발', ['sw']], // SW개발 → sw + 개발
    ['60달러', ['60']], // 60달러 → 60 + 달러
    ['3.5%', ['3.5']], // decimal point stays inside the number
    ['1,000명', ['1000']], // thousands separator dropped
    ['G20 정상회의', ['g20']], // letters and digits glue
  ])('%s → %j', (text, latin) => {
    expect(terms(text, 'latin')).toEqual(latin)
  })

  it('splits Hangul from Latin: SW개발 → sw + 개발', () => {
    const text = 'SW개발'
    expectTokens(text, analyze(text), 'surface', [['개발', 2, 4]])
  })

  it('drops a particle glued to a Latin word: NIA를 → nia', () => {
    expect(analyze('한국정보화진흥원(NIA)를 통해').map((t) => t.term)).not.toContain('를')
    expect(analyze('ICT를').map((t) => t.term)).toEqual(['ict'])
  })
})

describe('Hangul bigrams', () => {
  it('covers each eojeol with overlapping syllable pairs', () => {
    const text = '하이테크파크'
    expectTokens(text, analyze(text), 'bigram', [
      ['하이', 0, 2],
      ['이테', 1, 3],
      ['테크', 2, 4],
      ['크파', 3, 5],
      ['파크', 4, 6],
    ])
  })

  it('gives a one-syllable eojeol as itself: 최 장관 → 최', () => {
    expect(terms('최 장관', 'bigram')).toEqual(['최', '장관'])
  })
})

describe('Han (Hanja)', () => {
  it('gives the run and its characters on the query side: 韓美 → 韓美, 韓, 美', () => {
    expect(terms('韓美 관계', 'hanja')).toEqual(['韓美', '韓', '美'])
  })

  it('adds the segmenter words at index time, with offsets', () => {
    const indexAnalyzer = createAnalyzer({ hanSegmenter: (run) => (run === '中華人民' ? ['中華', '人民'] : [run]) })
    const text = '中華人民'
    expectTokens(text, indexAnalyzer(text), 'hanja', [
      ['中華人民', 0, 4],
      ['中華', 0, 2],
      ['人民', 2, 4],
      ['中', 0, 1],
      ['華', 1, 2],
      ['人', 2, 3],
      ['民', 3, 4],
    ])
  })
})

describe('offsets on the seed sentence', () => {
  it('slice back to each token surface for surface, latin and bigram tokens', () => {
    const text = '최 장관은 이어 벨라루스 통신정보화부와 공동으로 개최한 ‘제1회 한․벨 ICT 비즈니스 포럼’에 참석해 “ICT 협력을 통해” 말했다.'
    for (const t of analyze(text)) {
      const slice = normalize(text.slice(t.start, t.end)).text.replace(/[·]/g, '')
      if (t.kind === 'stem' || t.kind === 'surface' || t.kind === 'bigram') expect(slice).toBe(t.term)
      if (t.kind === 'latin') expect(slice).toBe(t.term)
    }
  })
})
