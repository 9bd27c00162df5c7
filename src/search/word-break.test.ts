import { describe, expect, it } from 'vitest'
import { stripSuffix } from '../analysis/filters/stems.ts'
import { breakWord } from './word-break.ts'

const KNOWN = new Set(['최양희', '장관', '미래', '창조', '미래창조과학부', '과학부', '벨라루스', '최', '방문'])
const isKnown = (piece: string, last: boolean) => KNOWN.has(piece) || (last && KNOWN.has(stripSuffix(piece) ?? piece))

describe('breakWord', () => {
  it.each([
    ['최양희장관', ['최양희', '장관']],
    ['최양희장관이', ['최양희', '장관이']], // the particle stays on the last piece
    ['미래창조과학부장관', ['미래창조과학부', '장관']], // fewest pieces, not 미래 + 창조 + 과학부 + 장관
    ['최장관', ['최', '장관']], // one one-syllable piece is allowed
    ['벨라루스방문', ['벨라루스', '방문']],
  ])('%s → %j', (word, pieces) => {
    expect(breakWord(word, isKnown)).toEqual(pieces)
  })

  it.each(['벨라루쓰', '장관', '최최장관'])('leaves %s whole', (word) => {
    expect(breakWord(word, isKnown)).toBeNull()
  })
})
