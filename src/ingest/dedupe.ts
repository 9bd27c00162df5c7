// Drops paragraphs that a feed repeated within one article (the seed file carries
// its last 13 paragraphs twice); the first occurrence is kept, in place.

/**
 * Returns `paragraphs` without empty ones and without repeats of an earlier paragraph,
 * comparing whitespace-normalised text.
 *
 * @example
 * dropRepeatedParagraphs(['첫 문단이다.', '둘째 문단이다.', '첫  문단이다. ', ' '])
 * // => ['첫 문단이다.', '둘째 문단이다.']
 */
export function dropRepeatedParagraphs(paragraphs: string[]): string[] {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const paragraph of paragraphs) {
    const key = paragraph.replace(/\s+/g, ' ').trim()
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    kept.push(paragraph)
  }
  return kept
}
