// Table-test helper: checks the terms, kinds and offsets an analyzer emits, and that every offset
// slices back to the original text.
import { expect } from 'vitest'
import type { Token, TokenKind } from '../../src/types.ts'

export type ExpectedToken = [term: string, start: number, end: number]

/** Tokens of `kind` as [term, start, end]. */
export function tokensOf(tokens: Token[], kind: TokenKind): ExpectedToken[] {
  return tokens.filter((t) => t.kind === kind).map((t) => [t.term, t.start, t.end])
}

export function expectTokens(text: string, tokens: Token[], kind: TokenKind, expected: ExpectedToken[]): void {
  expect(tokensOf(tokens, kind)).toEqual(expected)
  for (const t of tokens) {
    expect(t.start).toBeGreaterThanOrEqual(0)
    expect(t.end).toBeLessThanOrEqual(text.length)
    expect(t.start).toBeLessThan(t.end)
  }
}
