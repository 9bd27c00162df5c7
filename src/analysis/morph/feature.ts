// Decodes a mecab-ko-dic feature string into the fields a Morpheme carries. No fs, no node:*.
import type { MorphemePart, MorphemeType } from './morpheme.ts'

/*
 * mecab-ko-dic features are 8 CSV fields, never quoted:
 *   tags, semantic class, final consonant (T/F), reading, type, first tag, last tag, expression
 *   했 → XSV+EP,*,T,했,Inflect,XSV,EP,하/XSV/*+았/EP/*
 * An expression is `form/tag/semantic` joined by `+`; forms never contain `+` or `/`, and may be
 * empty: 고양이로소이다 → 고양이/NNG/*+/VCP/*+로소이다/EC/*.
 */
export interface FeatureFields {
  tags: string
  pos: string
  type: MorphemeType | null
  /** The reading field, or null when it is `*`. */
  reading: string | null
  /** The expression as parts, or null when the entry has none (`*`). */
  parts: readonly MorphemePart[] | null
}

const TYPES: ReadonlySet<string> = new Set<MorphemeType>(['Compound', 'Inflect', 'Preanalysis'])

/**
 * @example
 * parseFeature('XSV+EP,*,T,했,Inflect,XSV,EP,하/XSV/*+았/EP/*')
 * // => { tags: 'XSV+EP', pos: 'XSV', type: 'Inflect', reading: '했', parts: [{ form: '하', tag: 'XSV' }, { form: '았', tag: 'EP' }] }
 */
export function parseFeature(feature: string): FeatureFields {
  const fields = feature.split(',')
  const tags = fields[0] ?? ''
  const plus = tags.indexOf('+')
  const reading = fields[3] ?? '*'
  const type = fields[4] ?? '*'
  const expression = fields.slice(7).join(',')
  return {
    tags,
    pos: plus > 0 ? tags.slice(0, plus) : tags,
    type: TYPES.has(type) ? (type as MorphemeType) : null,
    reading: reading === '*' ? null : reading,
    parts: expression === '' || expression === '*' ? null : Object.freeze(expression.split('+').map(parsePart)),
  }
}

/** 과학/NNG/* → { form: '과학', tag: 'NNG' } */
function parsePart(part: string): MorphemePart {
  const [form = '', tag = ''] = part.split('/')
  return Object.freeze({ form, tag })
}
