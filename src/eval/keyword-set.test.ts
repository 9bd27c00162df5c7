// The keyword set: noun + particle splits, homographs left out, and queries that single out one article.
import { describe, expect, it } from 'vitest'
import { toDocs } from './dataset.ts'
import { buildKeywordSet, keywordNouns, nounOf, type Lexicon } from './keyword-set.ts'
import { seededRandom } from './random.ts'

const LEXICON: Lexicon = {
  nouns: new Set(['정부', '학생', '합의', '러시', '러시아', '젊은', '분에', '불리', '대사관', '외무부', '항의', '성명', '선거', '투표', '경찰', '조사']),
  anyNouns: new Set(['정부', '학생', '합의', '러시', '러시아', '분', '대사관', '외무부', '항의', '성명', '선거', '투표', '경찰', '조사']),
  nonNouns: new Set(['불리']),
  predicateStems: new Set(['젊']),
  particles: new Set(['는', '은', '이', '가', '에게', '에', '의', '을', '를', '아', '에서', '도']),
  endings: new Set(['은', '었다']),
}

describe('nounOf', () => {
  it.each([
    ['“정부는', '정부'], // quote stripped, topic particle 는
    ['학생들에게', '학생'], // plural 들 + 에게
    ['러시아의', '러시아'], // the longest noun wins over 러시
    ['러시아', '러시아'], // not 러시 + vocative 아
    ['합의했다', null], // 했다 is an ending, not a particle
    ['3위전', null], // a digit inside the eojeol: not a Hangul word
    ['NASA가', null],
  ])('%s → %s', (eojeol, noun) => {
    expect(nounOf(eojeol, LEXICON)).toBe(noun)
  })
})

describe('keywordNouns', () => {
  it('leaves out homographs of inflected words and of noun + particle', () => {
    const safe = keywordNouns(LEXICON)
    expect(safe.has('젊은')).toBe(false) // 젊 + 은
    expect(safe.has('분에')).toBe(false) // 분 + 에
    expect(safe.has('불리')).toBe(false) // also a verb stem
    expect(safe.has('러시아')).toBe(true) // 러시 + vocative 아 does not count
    expect(safe.has('정부')).toBe(true)
  })
})

describe('buildKeywordSet', () => {
  const articles = toDocs([
    { id: 'a1', title: '러시아 대사관', text: '러시아 대사관에서 항의 성명이 나왔다. 외무부는 성명을 냈다.' },
    { id: 'a2', title: '외무부', text: '외무부가 러시아에 항의했다. 대사관은 조용했다.' },
    { id: 'a3', title: '선거', text: '정부는 선거 투표를 마쳤다. 경찰도 선거를 조사했다.' },
    { id: 'a4', title: '경찰', text: '경찰은 투표 조사에 나섰다. 정부도 성명을 냈다.' },
  ])
  const options = { lexicon: LEXICON, seed: 7, minArticles: 2, maxArticleShare: 1, pool: 8, attempts: 50 }

  it('gives each query nouns of its article whose combination no other article has', () => {
    const set = buildKeywordSet(articles, options)
    expect(set.queries.length + set.skipped).toBe(articles.length)
    expect(set.queries.length).toBeGreaterThan(0)
    for (const q of set.queries) {
      const words = q.text.split(' ')
      expect(words.length).toBeGreaterThanOrEqual(2)
      expect(q.source).toBe(`keywords-${words.length}`)
      const holders = articles.filter((a) => words.every((w) => a.body.includes(w))).map((a) => a.id)
      expect(holders).toEqual(q.relevant)
    }
  })

  it('is the same set for the same seed', () => {
    expect(buildKeywordSet(articles, options).queries).toEqual(buildKeywordSet(articles, options).queries)
  })

  it('seededRandom repeats its sequence for a seed', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    expect([a(), a(), a()]).toEqual([b(), b(), b()])
  })
})
