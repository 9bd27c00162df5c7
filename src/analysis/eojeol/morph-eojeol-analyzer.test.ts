import { describe, expect, it } from 'vitest'
import { nodeMorphAnalyzer } from '../../runtime/morph-node.ts'
import { createMorphEojeolAnalyzer } from './morph-eojeol-analyzer.ts'

const analyze = createMorphEojeolAnalyzer(nodeMorphAnalyzer())

describe('build-time eojeol analysis (MeCab-ko)', () => {
  it.each([
    ['정보통신기술을', '정보통신기술', ['정보', '통신', '기술']], // dictionary compound + particle
    ['합의했다', '합의', []], // 하다 verb: the noun is the stem
    ['열렸다', '열리', []], // contracted ending: the root as the dictionary writes it
    ['더웠다', '덥', []], // ㅂ-irregular: 더웠 = 덥 + 었
    ['나았다', '낫', []], // ㅅ-irregular: 나았 = 낫 + 았
  ])('%s → stem %s, parts %j', (eojeol, stem, parts) => {
    expect(analyze(eojeol)).toEqual({ stem, parts })
  })

  // Analysed alone, 순은 is 순은/NNG ('pure silver'); before a following word it is 순 + 은.
  it.each([
    ['순은', '순'], // 순/NNG 은/JX, as in 순은 딸이 2명 있다
    ['천하의', '천하'], // 천하/NNG 의/JKG (alone: 천/NR 하의/NNG)
    ['딸과의', '딸'], // 딸/NNG 과/JKB 의/JKG (alone: 의 as a noun glued on)
    ['공화당은', '공화당'], // 은 as a particle, not an adnominal ending
  ])('analyses %s as it reads inside a sentence: stem %s', (eojeol, stem) => {
    expect(analyze(eojeol)?.stem).toBe(stem)
  })

  it.each([
    ['안추웠던게', '춥'], // 안/MAG 추웠/VA+EP: the verb, not the adverb, is the stem
    ['안보는게', '보'], // 안/MAG 보/VV
    ['더나은', '낫'], // 더/MAG 나/VA(낫)
  ])('an adverb written solid with its verb gives way to the verb: %s → %s', (eojeol, stem) => {
    expect(analyze(eojeol)?.stem).toBe(stem)
  })

  it.each([
    ['맘에들었어요', '맘', ['들']], // 맘/NNG 에/JKB 들/VV: noun + particle + verb written solid
    ['힘이들었다', '힘', ['들']], // 힘/NNG 이/JKS 들/VV
  ])('a noun and its verb written solid: %s → stem %s, parts %j', (eojeol, stem, parts) => {
    expect(analyze(eojeol)).toEqual({ stem, parts })
  })

  it.each([
    ['없이', ['없']], // 없이 meets 없다 through the part 없
    ['많이', ['많']], // 많다
    ['깨끗이', ['깨끗']], // 깨끗하다 → 깨끗/XR
    ['조용히', ['조용']], // 조용하다
    ['빨리', []], // not -이/-히 after an adjective root (빠르다)
    ['특히', []], // 특하다 is no adjective
  ])('an adverb in -이/-히 keeps its adjective as a part: %s → %j', (adverb, parts) => {
    expect(analyze(adverb)).toEqual({ stem: adverb, parts })
  })

  it.each([
    ['어려움을', '어려움', ['어렵']], // 어려우 + ㅁ, ㅂ-irregular: meets 어려웠다
    ['기쁨을', '기쁨', ['기쁘']], // 기쁘 + ㅁ
    ['싸움', '싸움', ['싸우']], // 싸우 + ㅁ
    ['도움을', '도움', ['돕']], // 도우 + ㅁ → 돕
    ['처음', '처음', []], // 처다 is no verb
  ])('a noun in -(으)ㅁ keeps its verb as a part: %s → %s + %j', (eojeol, stem, parts) => {
    expect(analyze(eojeol)).toEqual({ stem, parts })
  })

  it('keeps an adverb on its own as the stem, and a determiner as a stop word', () => {
    expect(analyze('매우')).toEqual({ stem: '매우', parts: [] })
    expect(analyze('한')).toEqual({ stem: '', parts: [], stop: true })
  })
})
