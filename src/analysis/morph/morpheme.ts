// The record a morphological analysis yields. No logic and no imports here.

/** mecab-ko-dic's entry types (feature field 5); a plain entry has none. */
export type MorphemeType = 'Compound' | 'Inflect' | 'Preanalysis'

/** One morpheme of an entry's expression: 했 → 하/XSV, 았/EP. */
export interface MorphemePart {
  readonly form: string
  readonly tag: string
}

export interface Morpheme {
  /** The text the morpheme covers: `text.slice(start, end)`. */
  surface: string
  /** Half-open UTF-16 offsets into the analysed text. */
  start: number
  end: number
  /** The first tag: `XSV` for 했 (XSV+EP), `NNG` for 장관, `UNKNOWN` for an unknown Hangul word. */
  pos: string
  /** The whole tag field: `XSV+EP` for 했, otherwise the same as `pos`. */
  tags: string
  /** Compound (과학부), Inflect (했), Preanalysis (고양이로소이다), or null for a plain entry. */
  type: MorphemeType | null
  /**
   * The entry's expression (feature field 8): 과학부 → 과학/NNG, 부/NNG; 했 → 하/XSV, 았/EP. A plain
   * entry is one part, itself: 장관 → 장관/NNG. Forms of Inflect parts are not substrings of `surface`.
   */
  parts: readonly MorphemePart[]
  /** The reading field when it differs from the surface: 韓美 → 한미. */
  reading?: string
  /** The raw feature CSV, as MeCab prints it: `NNG,*,T,장관,*,*,*,*`. */
  feature: string
  /** True when the word is not in the dictionary and came from its char category (ICT, 2013). */
  unknown: boolean
}
