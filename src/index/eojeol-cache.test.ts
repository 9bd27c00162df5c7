import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../analysis/analyzers.ts'
import { EojeolCache } from './eojeol-cache.ts'
import { FIELD_OF_KIND } from './fields.ts'
import { TermTable } from './term-table.ts'

const analyzer = createAnalyzer({ hanSegmenter: (run) => (run === '中華人民' ? ['中華', '人民'] : [run]) })

/** The indexed terms of `text` as sorted "field:term" strings, straight from the analyzer. */
const direct = (text: string) =>
  analyzer(text)
    .filter((t) => FIELD_OF_KIND[t.kind] !== null)
    .map((t) => `${FIELD_OF_KIND[t.kind]}:${t.term}`)
    .sort()

function cached(cache: EojeolCache, table: TermTable, text: string) {
  const n = cache.analyze(text)
  return [...cache.ids.subarray(0, n)].map((id) => `${table.fieldName(id)}:${table.terms[id]}`).sort()
}

describe('eojeol cache', () => {
  it.each([
    '최양희 미래창조과학부 장관이 첫 외교 행보로 벨라루스를 선택했다.',
    '제1회 한․벨 ICT 비즈니스 포럼에서 “ICT 협력을 통해” 말했다.',
    '한국정보화진흥원(NIA)를 통해 SW개발 60달러, 3.5%, 1,000명',
    '中華人民 共和國과 韓美 관계',
    'NIA를\tICT를\u3000보면', // tab and ideographic space split eojeols too
    '  앞뒤 공백  ',
    'e\u0301 ́결합 문자가 공백 뒤에', // a combining mark after a space: analysed whole
  ])('gives the analyzer’s terms for %j, cold and warm', (text) => {
    const table = new TermTable()
    const cache = new EojeolCache(analyzer, table)
    expect(cached(cache, table, text)).toEqual(direct(text))
    expect(cached(cache, table, text)).toEqual(direct(text))
  })

  it('reuses the analysis of repeated eojeols', () => {
    const table = new TermTable()
    const cache = new EojeolCache(analyzer, table)
    cache.analyze('정부가 밝혔다. 정부가 답했다.')
    expect(cache.stats).toMatchObject({ chunks: 4, hits: 1 })
  })

  it('starts over when full, still exact', () => {
    const table = new TermTable()
    const cache = new EojeolCache(analyzer, table, { maxEntries: 2 })
    const text = '정부가 밝혔다 장관이 말했다 정부가'
    expect(cached(cache, table, text)).toEqual(direct(text))
  })

  it('can be turned off', () => {
    const table = new TermTable()
    const cache = new EojeolCache(analyzer, table, { enabled: false })
    expect(cached(cache, table, '정부가 정부가')).toEqual(direct('정부가 정부가'))
    expect(cache.stats.hits).toBe(0)
  })
})
