// Records that flow through the pipeline: ingest → analysis → index → search → api.
// No logic and no imports here.

/** One news article as ingested from `corpus/`. */
export interface Article {
  /** Stable id: from the source, or a hash of outlet + title + date. */
  id: string
  title: string
  outlet: string | null
  /** Reporter name(s), e.g. `김봉철`. */
  byline: string | null
  /** ISO date (`2015-06-24`) when known. */
  published_at: string | null
  section: string | null
  url: string | null
  /** Paragraphs joined by `\n`, after cleaning and de-duplication. */
  body: string
}

/** One sentence of an article body; the unit we index. */
export interface Sentence {
  /** `<articleId>:<n>` */
  id: string
  article: string
  /** 0-based sentence number within the article. */
  n: number
  text: string
  /** UTF-16 offset of `text` in the article body: `body.slice(start, start + text.length) === text`. */
  start: number
}

/**
 * What a token stands for; each kind is indexed in its own field.
 * - surface: the whole normalised eojeol (벨라루스를)
 * - stem: the eojeol with particles/endings stripped (벨라루스를 → 벨라루스)
 * - part: a part of a compound stem (정보통신기술 → 정보, 통신, 기술)
 * - bigram: Hangul syllable bigrams of an eojeol, or the single syllable of a 1-syllable eojeol
 * - latin: Latin words and numbers, lower-cased (ict, 2013, 3.5)
 * - hanja: Han characters, runs and segmented words (韓美, 韓, 美)
 */
export type TokenKind = 'surface' | 'stem' | 'part' | 'bigram' | 'latin' | 'hanja'

export interface Token {
  term: string
  kind: TokenKind
  /** Half-open UTF-16 offsets into the original (unnormalised) text. */
  start: number
  end: number
  /** Index of the source word (eojeol / script run) in the text; tokens of one word share it. */
  position: number
}
