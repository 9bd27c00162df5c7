// Two-way aliases between index terms: acronyms mined from the corpus (정보통신기술(ICT) → 정보통신기술 ↔ ict)
// and the hand-edited synonyms file (미래부 = 미래창조과학부). Queries expand through them, so the index
// never needs rebuilding for a new synonym. Must not import runtime code.
import type { Analyzer } from '../analysis/analyzers.ts'
import { stripSuffix } from '../analysis/filters/stems.ts'
import { SearchError } from '../errors.ts'
import { FIELD_OF_KIND, type Field } from './fields.ts'

export interface AliasTerm {
  field: Field
  term: string
}

/** An alias mined from the corpus: the long form's stem, the acronym's term, and how often it was seen. */
export type MinedAcronym = [stem: string, acronym: string, count: number]

/** Most aliases a term expands to, so one query word cannot fan out without bound. */
const MAX_ALIASES_PER_TERM = 4

export class AliasTable {
  private readonly byTerm = new Map<string, AliasTerm[]>()

  /** Makes every member an alias of every other. */
  addGroup(members: AliasTerm[]): void {
    for (const a of members) {
      for (const b of members) {
        if (a.field === b.field && a.term === b.term) continue
        const list = this.byTerm.get(key(a)) ?? []
        if (list.length < MAX_ALIASES_PER_TERM && !list.some((x) => x.field === b.field && x.term === b.term)) list.push(b)
        this.byTerm.set(key(a), list)
      }
    }
  }

  lookup(field: Field, term: string): readonly AliasTerm[] {
    return this.byTerm.get(key({ field, term })) ?? []
  }

  get size(): number {
    return this.byTerm.size
  }
}

const key = (t: AliasTerm) => `${t.field}\u0000${t.term}`

export function createAliasTable(acronyms: readonly MinedAcronym[]): AliasTable {
  const table = new AliasTable()
  for (const [stem, acronym] of acronyms) table.addGroup([{ field: 'word', term: stem }, { field: 'latin', term: acronym }])
  return table
}

// 정보통신기술(ICT), 공적개발원조(ODA)사업 — the eojeol right before the parenthesis is the long form.
const LONG_THEN_ACRONYM = /([가-힣]{2,})\(([A-Z][A-Za-z0-9&]{1,9})\)/g
// KOTRA(대한무역투자진흥공사) — the acronym first; the long form must be ≥ 3 syllables (LG(잠실) is a venue).
const ACRONYM_THEN_LONG = /([A-Z][A-Z0-9&]{1,9})\(([가-힣]{3,})\)/g
/** Share of a long form's occurrences that must carry the acronym: 연구소(CERN) is one of many 연구소. */
const MIN_PAIRED_SHARE = 0.2

/**
 * Finds acronym definitions in sentences. A pair is kept when the acronym has ≥ 2 capitals and the long
 * form is mostly written with it (so 유럽 입자물리 연구소(CERN) does not make 연구소 mean CERN).
 * @example
 * mineAcronyms(['정보통신기술(ICT) 협력', '한국정보화진흥원(NIA)를 통해'], analyzer)
 * // => [['정보통신기술', 'ict', 1], ['한국정보화진흥원', 'nia', 1]]
 */
export function mineAcronyms(sentences: Iterable<string>, analyzer: Analyzer): MinedAcronym[] {
  const paired = new Map<string, number>()
  const stemCount = new Map<string, number>()
  const texts = [...sentences]
  const stemOf = (word: string) => analyzer(word).find((t) => t.kind === 'stem' && t.position === 0)?.term
  const latinOf = (word: string) => analyzer(word).find((t) => FIELD_OF_KIND[t.kind] === 'latin')?.term
  for (const text of texts) {
    if (!text.includes('(')) continue // both patterns need one: a scan for it skips most sentences
    for (const [, long, acronym] of text.matchAll(LONG_THEN_ACRONYM)) count(paired, long!, acronym!)
    for (const [, acronym, long] of text.matchAll(ACRONYM_THEN_LONG)) count(paired, long!, acronym!)
  }
  // How often each long form occurs at all, also at the end of other words: 기구는 → 기구, 국제기구 ⊃ 기구.
  const longForms = new Set([...paired.keys()].map((k) => k.split('\u0000')[0]!))
  // A stem is a prefix of its word, so a word counts only if it contains the first two syllables of
  // a long form: testing that first skips stripSuffix for almost every word of a large corpus.
  const openings = new Set([...longForms].map((long) => long.slice(0, 2)))
  // As numbers (two UTF-16 units), so testing a word's syllable pairs makes no strings.
  const pairOf = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)
  const openingPairs = new Set([...openings].map((opening) => pairOf(opening, 0)))
  const mayCount = (word: string) => {
    for (let k = 0; k + 2 <= word.length; k++) if (openingPairs.has(pairOf(word, k))) return true
    return false
  }
  // The same test for a whole sentence first: one regex scan instead of a word list (long forms are Hangul only).
  const anyOpening = new RegExp([...openings].join('|'))
  for (const text of openings.size > 0 ? texts : []) {
    if (!anyOpening.test(text)) continue
    for (const word of text.match(/[가-힣]{2,}/g) ?? []) {
      if (!mayCount(word)) continue
      const stem = stripSuffix(word) ?? word
      for (let k = 0; k + 2 <= stem.length; k++) {
        const tail = stem.slice(k)
        if (longForms.has(tail)) stemCount.set(tail, (stemCount.get(tail) ?? 0) + 1)
      }
    }
  }
  const out: MinedAcronym[] = []
  for (const [k, n] of paired) {
    const [long, acronym] = k.split('\u0000') as [string, string]
    if ((acronym.match(/[A-Z]/g) ?? []).length < 2) continue
    if (n / (stemCount.get(long) ?? n) < MIN_PAIRED_SHARE) continue
    const stem = stemOf(long)
    const latin = latinOf(acronym)
    if (stem && latin) out.push([stem, latin, n])
  }
  return out.sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]))
}

function count(map: Map<string, number>, long: string, acronym: string) {
  const k = `${long}\u0000${acronym}`
  map.set(k, (map.get(k) ?? 0) + 1)
}

/**
 * Adds the groups of a synonyms file: one group per line, members separated by `=` or `,`, `#`
 * comments. Each member must analyse to a single word (미래부 = 미래창조과학부; NASA = 항공우주국).
 * @example
 * addSynonyms(table, '미래부 = 미래창조과학부', analyzer) // table.lookup('word', '미래부') => [{ field: 'word', term: '미래창조과학부' }]
 */
export function addSynonyms(table: AliasTable, text: string, analyzer: Analyzer, fileName = 'synonyms.txt'): number {
  let groups = 0
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim()
    if (line === '') return
    const members = line.split(/[=,]/).map((m) => m.trim()).filter(Boolean)
    if (members.length < 2) throw synonymError(fileName, i, raw, 'needs at least two members separated by "="')
    table.addGroup(
      members.map((member) => {
        const terms = analyzer(member).filter((t) => t.kind === 'stem' || t.kind === 'latin' || t.kind === 'hanja')
        const positions = new Set(terms.map((t) => t.position))
        const main = terms.find((t) => t.kind === 'stem' || t.kind === 'latin')
        if (positions.size !== 1 || !main) throw synonymError(fileName, i, raw, `"${member}" must be a single word`)
        return { field: FIELD_OF_KIND[main.kind]!, term: main.term }
      }),
    )
    groups++
  })
  return groups
}

function synonymError(fileName: string, line: number, text: string, why: string) {
  return new SearchError('BAD_CONFIG', `synonyms: ${fileName}:${line + 1}: ${why}: ${JSON.stringify(text)}`)
}
