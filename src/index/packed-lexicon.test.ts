import { describe, expect, it } from 'vitest'
import type { EojeolAnalysis } from '../analysis/filters/stems.ts'
import { PackedLexicon, packLexicon } from './packed-lexicon.ts'

const ENTRIES: Array<[string, EojeolAnalysis]> = [
  ['정보통신기술을', { stem: '정보통신기술', parts: ['정보', '통신', '기술'] }],
  ['흡연자분들은', { stem: '흡연자분들', parts: ['흡연', '분들'] }],
  ['열렸다', { stem: '열리', parts: [] }], // a stem that is not a prefix of the eojeol
  ['한', { stem: '', parts: [], stop: true }],
  ['끝난지도', { stem: '끝난지도', parts: ['끝', '난지'] }],
  ['서울시청', { stem: '서울시청', parts: ['서울', '市廳'] }], // a part the stem does not contain
  [`${'가'.repeat(300)}를`, { stem: '가'.repeat(300), parts: ['가'.repeat(280)] }], // lengths past one byte
]

/** Many entries sharing prefixes, so lookups cross block boundaries. */
function generated(n: number): Map<string, EojeolAnalysis> {
  const map = new Map<string, EojeolAnalysis>()
  for (let i = 0; i < n; i++) {
    const stem = `국가${String.fromCharCode(0xac00 + ((i * 7919) % 11172))}${i % 13 === 0 ? '기관' : ''}`
    map.set(`${stem}${i % 3 === 0 ? '에서' : '을'}${i}`, { stem, parts: i % 5 === 0 ? ['국가', stem.slice(2)] : [] })
  }
  return map
}

describe('PackedLexicon', () => {
  it.each(ENTRIES)('round-trips %s', (eojeol, analysis) => {
    const lexicon = new PackedLexicon(packLexicon(new Map(ENTRIES)))
    expect(lexicon.get(eojeol)).toEqual(analysis)
  })

  it('answers every entry of a large lexicon, and nothing else', () => {
    const map = generated(2000)
    const lexicon = new PackedLexicon(packLexicon(map))
    expect(lexicon.size).toBe(2000)
    for (const [eojeol, analysis] of map) expect(lexicon.get(eojeol)).toEqual(analysis)
    for (const missing of ['', '가', '국가', '국가가을0', '힣힣', '국가각을1x']) expect(lexicon.get(missing)).toBeUndefined()
    expect(new Map(lexicon)).toEqual(map)
  })

  it('answers near misses as the map does: prefixes, extensions and neighbours of every entry', () => {
    const map = generated(2000)
    const lexicon = new PackedLexicon(packLexicon(map))
    for (const eojeol of map.keys()) {
      const last = eojeol.charCodeAt(eojeol.length - 1)
      const head = eojeol.slice(0, -1)
      for (const near of [head, head.slice(0, -1), `${eojeol}가`, `${eojeol}0`, head + String.fromCharCode(last - 1), head + String.fromCharCode(last + 1)]) {
        expect(lexicon.get(near), near).toEqual(map.get(near))
      }
    }
  })

  it('holds an empty lexicon', () => {
    const lexicon = new PackedLexicon(packLexicon(new Map()))
    expect([lexicon.size, lexicon.get('벨라루스를'), [...lexicon]]).toEqual([0, undefined, []])
  })

  it('refuses flipped bytes and a wrong length', () => {
    const bytes = packLexicon(generated(200))
    for (let at = 8; at < bytes.length; at += 37) { // after the magic and version (another version is INDEX_INCOMPATIBLE)
      const copy = bytes.slice()
      copy[at] = copy[at]! ^ 0x10
      expect(() => new PackedLexicon(copy), `byte ${at}`).toThrow(expect.objectContaining({ code: 'DATA_CORRUPTION' }))
    }
    expect(() => new PackedLexicon(bytes.slice(0, bytes.length - 2))).toThrow(expect.objectContaining({ code: 'DATA_CORRUPTION' }))
  })
})

describe('PackedLexicon versions', () => {
  it.each([
    ['another magic', 0, 'INDEX_INCOMPATIBLE'],
    ['a newer version', 4, 'INDEX_INCOMPATIBLE'],
  ])('refuses %s', (_, at, code) => {
    const bytes = packLexicon(new Map(ENTRIES))
    bytes[at] = 9
    expect(() => new PackedLexicon(bytes)).toThrow(expect.objectContaining({ code }))
  })
})
