import { describe, expect, it } from 'vitest'
import { createVocabularyAnalyzer } from './vocabulary-analyzer.ts'

describe('vocabulary analyzer: verb roots the index knows', () => {
  const vocabulary = new Set(['끊', '가', '하', '떠나'])
  const analyze = createVocabularyAnalyzer((t) => vocabulary.has(t))
  it.each([
    ['끊은', '끊'], // 끊은 → 끊 + 은 (adnominal ending)
    ['떠나는', '떠나'], // 떠나는 → 떠나 + 는
    ['간다', '가'], // 간다 → 가 + ㄴ다: the ending's ㄴ is the root syllable's final consonant
    ['합니다', '하'], // 합니다 → 하 + ㅂ니다
  ])('%s → %s', (eojeol, root) => {
    expect(analyze(eojeol)!.stem).toBe(root)
  })

  it('leaves an eojeol whole when no root is known: 갔다 (가 + 았다, contracted)', () => {
    expect(analyze('갔다')!.stem).toBe('갔다')
  })
})
