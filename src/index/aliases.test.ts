import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../analysis/analyzers.ts'
import { AliasTable, addSynonyms, mineAcronyms } from './aliases.ts'

const analyzer = createAnalyzer()

describe('mineAcronyms', () => {
  it('pairs the eojeol before a parenthesised acronym with it', () => {
    expect(mineAcronyms(['정보통신기술(ICT) 협력', '한국정보화진흥원(NIA)를 통해'], analyzer)).toEqual([
      ['정보통신기술', 'ict', 1],
      ['한국정보화진흥원', 'nia', 1],
    ])
  })

  it('pairs an acronym with the long form that follows it: KOTRA(대한무역투자진흥공사)', () => {
    expect(mineAcronyms(['KOTRA(대한무역투자진흥공사)는'], analyzer)).toEqual([['대한무역투자진흥공사', 'kotra', 1]])
  })

  it('skips a long form mostly used without the acronym: 연구소(CERN)', () => {
    const texts = ['유럽 입자물리 연구소(CERN)', '연구소가 발표했다', '국립연구소는', '연구소에서', '이 연구소의', '연구소']
    expect(mineAcronyms(texts, analyzer)).toEqual([])
  })

  it('needs two capitals: 비소(As) is a chemical symbol', () => {
    expect(mineAcronyms(['비소(As)가 검출됐다'], analyzer)).toEqual([])
  })
})

describe('addSynonyms', () => {
  it('makes every member of a line an alias of the others', () => {
    const table = new AliasTable()
    expect(addSynonyms(table, '# comment\n유엔 = 국제연합 = UN\n\n미래부 = 미래창조과학부', analyzer)).toBe(2)
    expect(table.lookup('word', '유엔')).toEqual([
      { field: 'word', term: '국제연합' },
      { field: 'latin', term: 'un' },
    ])
    expect(table.lookup('latin', 'un')).toContainEqual({ field: 'word', term: '유엔' })
  })

  it('rejects a line with one member or a multi-word member, naming file and line', () => {
    expect(() => addSynonyms(new AliasTable(), '미래부', analyzer, 'syn.txt')).toThrow(/syn\.txt:1: needs at least two/)
    expect(() => addSynonyms(new AliasTable(), 'a = b\n미국 항공우주국 = NASA', analyzer, 'syn.txt')).toThrow(/syn\.txt:2: "미국 항공우주국" must be a single word/)
  })
})
