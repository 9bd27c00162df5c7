// The token stream that flows between analysis stages. Stages are plain functions over arrays:
// a tokenizer turns normalised text into tokens, filters add or drop tokens. No runtime imports.
import type { Token } from '../types.ts'

export type { Token, TokenKind } from '../types.ts'

/**
 * A token while it travels through the pipeline. The extra fields let Korean stages work on
 * syllables without losing the offsets into the original text; they are dropped at the end.
 */
export interface StreamToken extends Token {
  /** Writing system of the run the tokenizer found. */
  script: 'hangul' | 'latin' | 'number' | 'han' | 'other'
  /** True when the run follows the previous run with no separator: `NIA를` → `를` is attached. */
  attached: boolean
  /** True for a part of a joined eojeol: `한․벨` → parts `한`, `벨` beside the whole `한벨`. */
  part: boolean
  /** Set by the stem stage for a word without content (한/MM in 한 종류): later stages skip it. */
  stop?: boolean
  /** Original start/end of each UTF-16 unit of `term`, so stages can cut the term and keep offsets. */
  unitStarts: number[]
  unitEnds: number[]
}

/** A pipeline stage after the tokenizer. */
export type TokenFilter = (tokens: StreamToken[]) => StreamToken[]

/** A sub-token of `token` covering `term` units [from, to): offsets follow the original text. */
export function subToken(
  token: StreamToken,
  from: number,
  to: number,
  kind: Token['kind'],
  term = token.term.slice(from, to),
): StreamToken {
  return {
    ...token,
    term,
    kind,
    start: token.unitStarts[from]!,
    end: token.unitEnds[to - 1]!,
    unitStarts: token.unitStarts.slice(from, to),
    unitEnds: token.unitEnds.slice(from, to),
  }
}
