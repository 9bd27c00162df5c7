// Ranking knobs outside BM25 itself, in one place, with the values chosen on the dev sets
// (see docs/tuning.md for how they were chosen). Must not import runtime code.

export const TUNING = {
  /** Share of a word that all its bigrams together stand for (테크노밸리 ~ 테크노벨리). */
  bigramShare: 0.8,
  /** A word's n bigrams each weigh (1/n)^this: 0 keeps them all at 1. */
  bigramWeightDecay: 0,
  /** Share of a word that all its compound parts together stand for (정보통신기술 ~ 정보 통신 기술). */
  partsShare: 0.9,
  /** Weight of a compound part's own BM25 score, next to the word's. */
  partWeight: 0.5,
  /** How much an article's further matching sentences add to its best one (the i-th at 1/i of this). */
  supportWeight: 0.1,
  /** An article covering more query words than its best sentence gains (cover all / cover best)^this. */
  articleCoverageExponent: 1,
  /**
   * Queries of up to this many words get an article's support and coverage in full; a longer one
   * (a sentence to find, not a topic) gets them scaled by (this / its words)^articleQueryPower.
   */
  articleQueryWords: 4,
  articleQueryPower: 2,
}
