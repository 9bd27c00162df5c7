// Drops a Hangul run that is only a particle glued to a non-Hangul word, so it is not indexed as
// a word of its own. Must not import runtime code.
import { PARTICLE_SET } from '../dict/suffixes.ts'
import type { TokenFilter } from '../token.ts'

/**
 * @example
 * // NIA를 → nia (를 dropped); (ICT)의 → ict (의 dropped); SW개발 keeps 개발
 */
export const dropAttachedParticles: TokenFilter = (tokens) => {
  const out = []
  let previousScript: string | null = null
  for (const token of tokens) {
    const isParticle = token.script === 'hangul' && token.attached && !token.part && PARTICLE_SET.has(token.term)
    if (!(isParticle && previousScript !== null && previousScript !== 'hangul')) out.push(token)
    if (!token.part) previousScript = token.script
  }
  return out
}
