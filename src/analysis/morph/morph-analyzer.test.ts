import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nodeMorphAnalyzer } from '../../runtime/morph-node.ts'
import type { Morpheme } from './morpheme.ts'

const analyze = nodeMorphAnalyzer() // mecab-ko: left-space penalty on
const upstream = nodeMorphAnalyzer({ leftSpacePenalty: false }) // upstream MeCab 0.996
const cached = nodeMorphAnalyzer({ mode: 'eojeol-cache' })

const tagged = (ms: Morpheme[]) => ms.map((m) => `${m.surface}/${m.tags}`).join(' ')
const spans = (ms: Morpheme[]) => ms.map((m) => [m.start, m.end])

/** Morphemes cover every non-space char once, in order, and each slices back to its surface. */
function expectWellFormed(text: string, ms: Morpheme[]): void {
  const problems: string[] = []
  let at = 0
  for (const m of ms) {
    if (text.slice(m.start, m.end) !== m.surface) problems.push(`${m.surface} ≠ [${m.start}, ${m.end})`)
    if (m.start >= m.end) problems.push(`empty span at ${m.start}`)
    if (!/^\s*$/.test(text.slice(at, m.start))) problems.push(`uncovered text before ${m.start}`) // only whitespace between
    at = m.end
  }
  if (!/^\s*$/.test(text.slice(at))) problems.push(`uncovered text after ${at}`)
  expect(problems).toEqual([])
}

describe('the four sentences of the measurement note (mecab-ko behaviour)', () => {
  it.each([
    [
      '최양희 미래창조과학부 장관이 첫 외교 행보로 벨라루스를 선택했다.',
      '최양희/NNP 미래/NNG 창조/NNG 과학부/NNP 장관/NNG 이/JKS 첫/MM 외교/NNG 행보/NNG 로/JKB 벨라루스/NNP 를/JKO 선택/NNG 했/XSV+EP 다/EF ./SF',
      [[0, 3], [4, 6], [6, 8], [8, 11], [12, 14], [14, 15], [16, 17], [18, 20], [21, 23], [23, 24], [25, 29], [29, 30], [31, 33], [33, 34], [34, 35], [35, 36]],
    ],
    [
      '정보통신기술(ICT) 협력의 스피드를 높이기 위한 협력방안에 합의했다.',
      '정보/NNG 통신/NNG 기술/NNG (/SSO ICT/SL )/SSC 협력/NNG 의/JKG 스피드/NNG 를/JKO 높이/VV 기/ETN 위한/VV+ETM 협력/NNG 방/NNG 안/NNG 에/JKB 합의/NNG 했/XSV+EP 다/EF ./SF',
      [[0, 2], [2, 4], [4, 6], [6, 7], [7, 10], [10, 11], [12, 14], [14, 15], [16, 19], [19, 20], [21, 23], [23, 24], [25, 27], [28, 30], [30, 31], [31, 32], [32, 33], [34, 36], [36, 37], [37, 38], [38, 39]],
    ],
    [
      '한국정보화진흥원(NIA)를 통해 시설 구축과 현지 운영요원 교육을 지원했고',
      '한국/NNP 정보/NNG 화/XSN 진/XSV+EC+JX 흥원/NNP (/SSO NIA/SL )/SSC 를/JKO 통해/VV+EC 시설/NNG 구축/NNG 과/JC 현지/NNG 운영/NNG 요원/NNG 교육/NNG 을/JKO 지원/NNG 했/XSV+EP 고/EC',
      [[0, 2], [2, 4], [4, 5], [5, 6], [6, 8], [8, 9], [9, 12], [12, 13], [13, 14], [15, 17], [18, 20], [21, 23], [23, 24], [25, 27], [28, 30], [30, 32], [33, 35], [35, 36], [37, 39], [39, 40], [40, 41]],
    ],
    [
      '임종석이 여의도 농민 폭력시위를 주도한 혐의로 지명수배 되었다.',
      '임종석/NNP 이/JKS 여의도/NNP 농민/NNG 폭력/NNG 시위/NNG 를/JKO 주도/NNG 한/XSA+ETM 혐의/NNG 로/JKB 지명수/NNP 배/NNBC 되/VV 었/EP 다/EF ./SF',
      [[0, 3], [3, 4], [5, 8], [9, 11], [12, 14], [14, 16], [16, 17], [18, 20], [20, 21], [22, 24], [24, 25], [26, 29], [29, 30], [31, 32], [32, 33], [33, 34], [34, 35]],
    ],
  ])('%s', (text, expected, offsets) => {
    const ms = analyze(text)
    expect(tagged(ms)).toBe(expected)
    expect(spans(ms)).toEqual(offsets)
    expectWellFormed(text, ms)
  })

  it('expands Compound and Inflect entries into their parts', () => {
    const ms = analyze('미래창조과학부 장관이 위한 합의했다')
    const byPart = Object.fromEntries(ms.map((m) => [m.surface, [m.type, m.parts.map((p) => `${p.form}/${p.tag}`).join('+')]]))
    expect(byPart['과학부']).toEqual(['Compound', '과학/NNG+부/NNG']) // 과학부 = 과학 + 부
    expect(byPart['했']).toEqual(['Inflect', '하/XSV+았/EP']) // 했 = 하 + 았
    expect(byPart['위한']).toEqual(['Inflect', '위하/VV+ᆫ/ETM']) // 위한 = 위하 + ㄴ
    expect(byPart['장관']).toEqual([null, '장관/NNG']) // a plain entry is its own part
  })
})

describe('morphemes', () => {
  it.each([
    ['벨라루스를', '벨라루스/NNP 를/JKO'], // object particle 를
    ['합의했다.', '합의/NNG 했/XSV+EP 다/EF ./SF'], // 했다 → 하/XSV + 았/EP + 다/EF
    ['韓美 정상회담', '韓美/NNG 정상/NNG 회담/NNG'], // Hanja word with a Hangul reading
    ['ICT 2013년', 'ICT/SL 2013/SN 년/NNBC'], // unknown Latin and number runs
  ])('%s → %s', (text, expected) => {
    expect(tagged(analyze(text))).toBe(expected)
  })

  it('gives 했 its Inflect fields', () => {
    const [, did, end] = analyze('합의했다.')
    expect(did).toMatchObject({ surface: '했', start: 2, end: 3, pos: 'XSV', tags: 'XSV+EP', type: 'Inflect', unknown: false })
    expect(did!.parts).toEqual([{ form: '하', tag: 'XSV' }, { form: '았', tag: 'EP' }])
    expect(did!.feature).toBe('XSV+EP,*,T,했,Inflect,XSV,EP,하/XSV/*+았/EP/*')
    expect(end).toMatchObject({ surface: '다', pos: 'EF', tags: 'EF', type: null, parts: [{ form: '다', tag: 'EF' }] })
  })

  it('keeps the reading of a Hanja word, and none when it is the surface', () => {
    const [hanja, hangul] = analyze('韓美 회담')
    expect(hanja).toMatchObject({ surface: '韓美', reading: '한미', start: 0, end: 2 }) // 韓美 → 한미
    expect(hangul).not.toHaveProperty('reading')
  })

  it('marks dictionary-less runs as unknown, whole', () => {
    const ms = analyze('ICT를 2013년')
    expect(ms.map((m) => [m.surface, m.pos, m.unknown])).toEqual([
      ['ICT', 'SL', true],
      ['를', 'JKO', false],
      ['2013', 'SN', true],
      ['년', 'NNBC', false],
    ])
    expect(ms[0]!.parts).toEqual([{ form: 'ICT', tag: 'SL' }])
  })

  it('applies the left-space penalty only when asked', () => {
    // 되/XSV after a space costs 3000 more in mecab-ko; upstream MeCab keeps 지명 수배 되/XSV.
    expect(tagged(analyze('지명수배 되었다'))).toBe('지명수/NNP 배/NNBC 되/VV 었/EP 다/EC')
    expect(tagged(upstream('지명수배 되었다'))).toBe('지명/NNG 수배/NNG 되/XSV 었/EP 다/EC')
  })
})

describe('eojeol cache', () => {
  it('returns offsets into the whole text for repeated eojeols', () => {
    const text = '벨라루스를 선택했다. 벨라루스를 선택했다.'
    const first = cached(text)
    expectWellFormed(text, first)
    expect(tagged(first)).toBe(tagged(analyze(text)))
    expect(cached(text)).toEqual(first) // served from the cache the second time
    expect(first.filter((m) => m.surface === '벨라루스').map((m) => m.start)).toEqual([0, 12])
  })

  it('can differ from exact analysis, because the space cuts the lattice', () => {
    expect(tagged(analyze('알 수 있다.'))).toBe('알/VV+ETM 수/NNB 있/VV 다/EF ./SF') // 알 수: "can"
    expect(tagged(cached('알 수 있다.'))).toBe('알/NNG 수/NNG 있/VA 다/EF ./SF') // 알 alone reads as a noun
  })
})

describe('followed by a word', () => {
  /** The definition: a run over the text, a space and the word, less the morphemes past the text. */
  const cut = (text: string, word: string) => analyze(`${text} ${word}`).filter((m) => m.end <= text.length)

  it.each([
    ['순은', '있다', '순/NNG 은/JX'], // alone: 순은/NNG ('pure silver')
    ['천하의', '있다', '천하/NNG 의/JKG'], // alone: 천/NR 하의/NNG
    ['인터내셔날', '있다', '인터/NNG'], // the dictionary's 내셔날␣ crosses the space into the follower
    ['합의했다', '있다', '합의/NNG 했/XSV+EP 다/EC'],
    ['가 ', '있다', '가/VV+EC'], // trailing whitespace
    ['', '있다', ''],
  ])('%s before %s → %s', (text, word, expected) => {
    expect(tagged(analyze(text, word))).toBe(expected)
    expect(analyze(text, word)).toEqual(cut(text, word))
  })

  it('reads random text as the run over text and word does', () => {
    const unit = fc.oneof(
      fc.constantFrom('가', '를', '했다', '은', '의', '내셔날', '인터', '韓', 'ICT', '2013', ' ', '.', '😀', 'ㅋ', 'a'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), fc.constantFrom('있다', '것', '하다', ''), (text, word) => {
        expect(analyze(text, word)).toEqual(cut(text, word))
      }),
      { numRuns: 500 },
    )
  })

  it('changes nothing in eojeol-cache mode, where no reading crosses a space', () => {
    expect(cached('순은', '있다')).toEqual(cached('순은'))
  })
})

describe('robustness', () => {
  const tenThousand = [
    ['a sentence repeated', '최양희 미래창조과학부 장관이 벨라루스를 선택했다. '.repeat(350).slice(0, 10_000)],
    ['Hangul, no spaces', '가나다라마바사'.repeat(1500).slice(0, 10_000)],
    ['one Latin run', 'a'.repeat(10_000)],
    ['emoji', '😀'.repeat(5_000)],
    ['spaces', ' '.repeat(10_000)],
  ]
  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\n\u3000 '],
    ['lone high surrogate', '\ud800'],
    ['lone surrogates inside Hangul', '가\udc00나\ud800'],
    ['emoji (no char.bin entry)', '😀 벨라루스를😀'],
    ['ZWJ sequence and flag', '👨‍👩‍👧 🇰🇷 대한민국'],
    ['U+FFFF and U+FFFD', '\uffff가\ufffd'],
    ['NUL and controls', '가\u0000나\u0001'],
    ...tenThousand,
  ])('%s never throws and stays well-formed', (_, text) => {
    for (const run of [analyze, upstream, cached]) expectWellFormed(text, run(text))
  })

  it('gives an empty result for blank input', () => {
    expect(analyze('')).toEqual([])
    expect(analyze('   \t')).toEqual([])
    expect(cached('   ')).toEqual([])
  })

  it('keeps an astral char whole (its UTF-16 pair is one morpheme span)', () => {
    const ms = analyze('😀😀가')
    expect(ms.map((m) => [m.surface, m.pos, m.start, m.end])).toEqual([
      ['😀😀', 'SY', 0, 4],
      ['가', 'JKS', 4, 5],
    ])
  })

  it('is well-formed on random text, lone surrogates included', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('가', '를', '했다', '韓', 'ICT', '2013', ' ', '  ', '.', '😀', 'ㅋ', 'a'),
    )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        for (const run of [analyze, cached]) expectWellFormed(text, run(text))
      }),
      { numRuns: 300 },
    )
  })
})

describe('options', () => {
  it.each([
    [{ mode: 'fast' as never }, /unknown mode/],
    [{ cacheSize: 0 }, /cacheSize 0/],
  ])('rejects %o', (options, message) => {
    expect(() => nodeMorphAnalyzer(options)).toThrow(message)
  })
})
