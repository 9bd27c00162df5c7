import { describe, expect, it } from 'vitest'
import { expectTokens } from '../../../../test/helpers/expect-tokens.ts'
import { createAnalyzer } from '../../analyzers.ts'
import { hanjaReading } from './index.ts'

describe('hanjaReading', () => {
  it.each([
    ['韓美', '한미'], // 韓美 → 한미
    ['與野', '여야'], // 與野 → 여야
    ['北', '북'], // 北 → 북 (the education reading, not 배)
    ['北韓', '북한'],
    ['李明博', '이명박'], // 두음법칙: 리 → 이 at the start of a word
    ['女性', '여성'], // 녀 → 여 at the start
  ])('%s → %s', (hanja, hangul) => {
    expect(hanjaReading(hanja)).toBe(hangul)
  })

  it('gives null when a character has no reading', () => {
    expect(hanjaReading('韓x')).toBeNull()
  })
})

describe('Han stage readings', () => {
  const analyze = createAnalyzer()
  it('indexes the reading of a Han run as a stem with the Hanja offsets: 韓美 → 한미', () => {
    const text = '韓美 정상회담'
    expectTokens(text, analyze(text), 'stem', [
      ['한미', 0, 2],
      ['정상회담', 3, 7],
    ])
  })

  it('adds reading bigrams so 北韓 meets 북한 inside longer Hangul words', () => {
    expect(analyze('北韓').filter((t) => t.kind === 'bigram').map((t) => [t.term, t.start, t.end])).toEqual([['북한', 0, 2]])
  })
})
