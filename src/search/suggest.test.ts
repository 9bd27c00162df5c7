import { beforeAll, describe, expect, it } from 'vitest'
import { ingestFile, toSentences } from '../ingest/index.ts'
import { createAnalyzer } from '../analysis/analyzers.ts'
import { addArticles, buildSearchIndex, type SearchIndex } from '../index/search-index.ts'
import { createSuggester, suggesterFor, suggestionKey, type Suggester } from './suggest.ts'

// A small corpus whose word frequencies are known: 벨라루스 in 3 sentences, 블랙리스트 in 1 (both 초성 ㅂㄹㄹㅅ),
// 미래통합당 in 2 and 미래 in 1.
const ARTICLES = [
  { id: 'a1', title: '최양희 장관, 벨라루스 방문', body: '최양희 장관이 벨라루스를 찾았다.\n벨라루스는 SW 강국이다.\n장관은 미래통합당을 만났다.' },
  { id: 'a2', title: '블랙리스트 논란', body: '블랙리스트가 공개됐다.\n벨라루스 대사도 왔다.\n미래통합당이 반발했다.' },
  { id: 'a3', title: '미래창조과학부 출범', body: '미래창조과학부가 문을 열었다.\n미래를 준비한다.' },
]

let index: SearchIndex
let suggester: Suggester
const texts = (q: string, limit = 8) => suggester.suggest({ q, limit }).suggestions.map((s) => s.text)

beforeAll(() => {
  const jsonl = ARTICLES.map((a) => JSON.stringify(a)).join('\n')
  const articles = ingestFile('fixture.jsonl', jsonl).map((article) => ({ article, sentences: toSentences(article) }))
  index = buildSearchIndex(articles)
  suggester = createSuggester(index)
})

describe('createSuggester', () => {
  it.each([
    ['벨라ㄹ', '벨라루스'], // half-typed final syllable, shown unjoined
    ['벨랄', '벨라루스'], // … or joined as the IME shows it
    ['벨라루ㅅ', '벨라루스'],
    ['ㅂㄹㄹㅅ', '벨라루스'], // 초성 only: 벨라루스 (3 sentences) before 블랙리스트 (1)
    ['ㅁㄹㅊㅈㄱㅎㅂ', '미래창조과학부'],
    ['미래ㅊㅈ', '미래창조과학부'], // syllables and 초성 mixed
    ['ㅁㄹ차', '미래창조과학부'], // … ending in a half-typed syllable (차 ⊂ 창)
    ['qpffkf', '벨라루스'], // English mode: qpffkf → 벨랄
  ])('%s → %s first', (q, first) => {
    expect(texts(q)[0]).toBe(first)
  })

  it('ranks by document frequency among prefixes, an exact word first', () => {
    expect(texts('ㅂㄹㄹㅅ').slice(0, 2)).toEqual(['벨라루스', '블랙리스트'])
    // 미래 (1 sentence) is what was typed, so it comes before 미래통합당 (2 sentences).
    expect(texts('미래').slice(0, 3)).toEqual(['미래', '미래통합당', '미래창조과학부'])
  })

  it('completes the last word and keeps the words before it', () => {
    expect(texts('최양희 장')).toContain('최양희 장관')
  })

  it('lists titles after words, with their article id, also from a later word of the title', () => {
    const { suggestions } = suggester.suggest({ q: '벨라ㄹ', limit: 8 })
    const kinds = suggestions.map((s) => s.kind)
    expect(kinds.indexOf('title')).toBeGreaterThan(kinds.lastIndexOf('term'))
    expect(suggestions.find((s) => s.kind === 'title')).toEqual({ text: '최양희 장관, 벨라루스 방문', kind: 'title', article_id: 'a1' })
    expect(suggestions.filter((s) => s.kind === 'term').every((s) => s.article_id === undefined)).toBe(true)
  })

  it('gives titles a third of a full list and keeps the limit', () => {
    const two = suggester.suggest({ q: 'ㅁ', limit: 3 }).suggestions
    expect(two).toHaveLength(3)
    expect(two.filter((s) => s.kind === 'title')).toHaveLength(1)
    expect(suggester.suggest({ q: 'ㅁ', limit: 1 }).suggestions).toEqual([{ text: '미래통합당', kind: 'term' }])
  })

  it('matches titles with spaces and punctuation skipped', () => {
    expect(suggester.suggest({ q: '최양희장관벨', limit: 8 }).suggestions).toEqual([
      { text: '최양희 장관, 벨라루스 방문', kind: 'title', article_id: 'a1' },
    ])
  })

  it('suggests no one-syllable words and nothing for text it does not know', () => {
    expect(texts('ㅁ')).not.toContain('문')
    expect(texts('<script>alert(1)</script>')).toEqual([])
    expect(texts('zzzz')).toEqual([])
  })
})

describe('suggestionKey', () => {
  it.each([
    ["'팝의 황제' 마이클", '팝의황제마이클'],
    ['ICT 협력', 'ict협력'],
    ['벨라ㄹ', '벨라ㄹ'], // lone jamo are letters
  ])('%s → %s', (text, key) => {
    expect(suggestionKey(text)).toBe(key)
  })
})

describe('suggesterFor', () => {
  it('builds one suggester per loaded index', () => {
    expect(suggesterFor(index)).toBe(suggesterFor(index))
  })
})

describe('articles written after the suggester was built', () => {
  it('are suggested after each write, through the merges of the live runs, each word once', () => {
    const grown = buildSearchIndex(ingestFile('fixture.jsonl', ARTICLES.map((a) => JSON.stringify(a)).join('\n')).map((article) => ({ article, sentences: toSentences(article) })))
    const live = createSuggester(grown)
    const words = (q: string) => live.suggest({ q, limit: 8 }).suggestions.map((s) => s.text)
    const birds = ['두루미', '황새', '따오기', '저어새', '물총새', '개개비', '딱새', '멧새', '검독수리']
    birds.forEach((bird, i) => {
      const article = { id: `bird-${i}`, title: `${bird} 관찰기`, body: `${bird}가 한강에 나타났다.`, outlet: null, byline: null, published_at: null, section: null, url: null }
      addArticles(grown, [{ article, sentences: toSentences(article) }], createAnalyzer())
      expect(words(bird)).toContain(bird) // at once, written a moment ago
    })
    for (const bird of birds) expect(words(bird), bird).toEqual(expect.arrayContaining([bird, `${bird} 관찰기`]))
    expect(words('한가').filter((w) => w === '한강')).toHaveLength(1) // in 9 articles, 9 runs merged: suggested once
  })
})
