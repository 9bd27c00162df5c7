import { describe, expect, it } from 'vitest'
import { SearchError } from '../../errors.ts'
import { nodeMorphDictionary, readMorphDictionaryFiles } from '../../runtime/morph-node.ts'
import { charTypes, defaultCategory, groups, invokes, unknownLength } from './char-def.ts'
import { MecabLexicon } from './dictionary.ts'
import { leftSpacePenalties, parseDicrc } from './dicrc.ts'
import { connectionCost } from './matrix.ts'
import { loadMorphDictionary } from './morph-dictionary.ts'

const dict = nodeMorphDictionary()
const { system, unknown, chars } = dict

/** The tokens of exactly `surface` in sys.dic. */
function tokensOf(surface: string): number[] {
  const value = system.exactMatch(surface)
  if (value < 0) return []
  return Array.from({ length: value & 0xff }, (_, k) => (value >>> 8) + k)
}
const tokenWith = (surface: string, tag: string) => tokensOf(surface).find((t) => system.feature(t).startsWith(`${tag},`))!

describe('sys.dic', () => {
  it('finds a word and its features', () => {
    expect(tokensOf('장관').map((t) => system.feature(t))).toContain('NNG,*,T,장관,*,*,*,*')
    expect(tokensOf('과학부').map((t) => system.feature(t))).toContain('NNP,*,F,과학부,Compound,*,*,과학/NNG/*+부/NNG/*')
    expect(tokensOf('없는말이다')).toEqual([])
  })

  it('lists every key that prefixes the text, shortest first', () => {
    const bytes = new TextEncoder().encode('벨라루스를')
    const values = new Int32Array(16)
    const ends = new Int32Array(16)
    const hits = system.prefixSearch(bytes, 0, bytes.length, values, ends)
    const surfaces = Array.from(ends.subarray(0, hits), (end) => new TextDecoder().decode(bytes.subarray(0, end)))
    expect(surfaces).toEqual(['벨', '벨라', '벨라루스'])
  })

  it('reads signed word costs', () => {
    // Rare (1,540 of 816,283 tokens) but real: an unknown Hanja run (SH) is cheap.
    const hanja = dict.unknownFirst[chars.names.indexOf('HANJA')]!
    expect([unknown.feature(hanja), unknown.wcost(hanja)]).toEqual(['SH,*,*,*,*,*,*,*', -803])
  })
})

describe('matrix.bin', () => {
  it('is read untransposed: NNG → JKO is cheap', () => {
    // 장관을: NNG then the object particle. Transposed, the index would fall outside the matrix.
    expect(connectionCost(dict.matrix, system.rcAttr(tokenWith('장관', 'NNG')), system.lcAttr(tokenWith('을', 'JKO')))).toBe(-3344)
    expect([dict.matrix.lsize, dict.matrix.rsize]).toEqual([3822, 2693])
  })
})

describe('char.bin and unk.dic', () => {
  const info = (ch: string) => chars.info[ch.charCodeAt(0)]!
  const name = (ch: string) => chars.names[defaultCategory(info(ch))]

  it.each([
    ['가', 'HANGUL', false, true, 2], // unknown Hangul only when the dictionary has nothing
    ['A', 'ALPHA', true, true, 0],
    ['1', 'NUMERIC', true, true, 0],
    ['韓', 'HANJA', false, false, 1], // one Hanja at a time: 韓美 only whole when the dictionary has it
    [' ', 'SPACE', false, true, 0],
  ])('%s is %s', (ch, category, invoke, group, length) => {
    expect(name(ch)).toBe(category)
    expect([invokes(info(ch)), groups(info(ch)), unknownLength(info(ch))]).toEqual([invoke, group, length])
  })

  it('has no entry for U+FFFF (zero, as MeCab reads it)', () => {
    expect(chars.info.length).toBe(65536)
    expect(chars.info[0xffff]).toBe(0)
    expect(charTypes(chars.info[0x20]!)).not.toBe(0)
  })

  it('gives unknown Hangul words the UNKNOWN entry', () => {
    const hangul = chars.names.indexOf('HANGUL')
    const token = dict.unknownFirst[hangul]!
    expect(dict.unknownCount[hangul]).toBe(1)
    expect([unknown.posid(token), unknown.wcost(token), unknown.feature(token)]).toEqual([999, 10055, 'UNKNOWN,*,*,*,*,*,*,*'])
  })
})

describe('dicrc', () => {
  it('reads the left-space penalty by posid', () => {
    expect(dict.leftSpacePenalty[120]).toBe(6000) // particles (J*)
    expect(dict.leftSpacePenalty[185]).toBe(3000) // XSV
    expect(dict.leftSpacePenalty[150]).toBe(0) // NNG
  })

  it('parses settings and keeps the first pair for a posid', () => {
    expect(parseDicrc('; comment\n# other\ncost-factor = 800\n').get('cost-factor')).toBe('800')
    const penalties = leftSpacePenalties('120,6000,120,1,x,5,100')
    expect([penalties[120], penalties[100]]).toEqual([6000, 0])
  })
})

describe('loading', () => {
  const files = readMorphDictionaryFiles()

  it('accepts bytes at an unaligned offset', () => {
    const raw = files.unkDic as Uint8Array
    const shifted = new Uint8Array(raw.length + 1).subarray(1)
    shifted.set(raw)
    expect(new MecabLexicon(shifted, 'unk.dic').exactMatch('HANGUL')).toBe(unknown.exactMatch('HANGUL'))
  })

  it.each([
    ['a truncated sys.dic', { sysDic: new Uint8Array(10) }, /morph: sys\.dic: 10 bytes is shorter than the header/],
    ['a bad magic', { unkDic: (files.unkDic as Uint8Array).slice(0, -4) }, /morph: unk\.dic: bad magic/],
    ['a matrix of the wrong size', { matrix: new Uint8Array([2, 0, 2, 0, 0, 0]) }, /morph: matrix\.bin: 2×2 does not match 6 bytes/],
    ['a short char.bin', { charBin: new Uint8Array(8) }, /morph: char\.bin/],
  ])('rejects %s', (_, override, message) => {
    const load = () => loadMorphDictionary({ ...files, ...override })
    expect(load).toThrow(SearchError)
    expect(load).toThrow(message)
  })
})
