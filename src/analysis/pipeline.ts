// Composes the character filter, the tokenizer and the token filters into one analyzer, and
// strips the stage-only fields from the result. Must not import runtime code.
import type { Token } from '../types.ts'
import { normalize } from './normalize.ts'
import { tokenize } from './tokenize.ts'
import type { StreamToken, TokenFilter } from './token.ts'

/** text → tokens with offsets into `text`. */
export type Analyzer = (text: string) => Token[]

export function createPipeline(filters: readonly TokenFilter[]): Analyzer {
  return (text) => {
    let tokens: StreamToken[] = tokenize(normalize(text))
    for (const filter of filters) tokens = filter(tokens)
    return dedupe(tokens)
  }
}

/** Up to this many tokens, duplicates are found by comparing with the tokens kept so far (no key strings). */
const SMALL_DEDUPE = 64

/** One token per (kind, term, position): 한·벨 and its part 한 may both yield the stem 한 only once. */
function dedupe(tokens: StreamToken[]): Token[] {
  const out: Token[] = []
  if (tokens.length <= SMALL_DEDUPE) {
    // An eojeol's few tokens (the index build analyses millions of them): a scan is cheaper than a Set.
    next: for (const { term, kind, start, end, position } of tokens) {
      for (const kept of out) if (kept.position === position && kept.term === term && kept.kind === kind) continue next
      out.push({ term, kind, start, end, position })
    }
    return out
  }
  const seen = new Set<string>()
  for (const { term, kind, start, end, position } of tokens) {
    const key = `${kind}\u0000${term}\u0000${position}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ term, kind, start, end, position })
  }
  return out
}
