// Caps on the work one query may cause, in one place: a public search box and newsroom tools send
// anything, and one request must not eat a Worker's CPU budget. No imports.

/** Longest accepted query, in characters (code points); longer is a 400. */
export const MAX_QUERY_CHARS = 200

/**
 * Distinct query words (eojeol / script runs) that count; later ones are ignored. A repeated word
 * counts once: `정부 정부 정부` is `정부`. Coverage scoring costs words × matching sentences.
 */
export const MAX_QUERY_WORDS = 32

/**
 * Distinct terms searched per field (word, bigram, latin, hanja); later terms are ignored. Each is a
 * posting-list walk: a 200-syllable eojeol alone would give 199 bigrams.
 */
export const MAX_TERMS_PER_FIELD = 64

/** Phrases plus exclusions in one query; more is answered with a 400. */
export const MAX_QUERY_OPERATORS = 10

/** Vocabulary terms a walker may return per tier before ranking (jamo prefix, 초성, typos). */
export const MAX_WALK_TERMS = 400

/** Completions kept for the half-typed last word (벨라ㄹ → 벨라루스, …). */
export const MAX_PREFIX_EXPANSIONS = 12

/** Words kept for a 초성 word (ㅂㄹㄹㅅ → 벨라루스, …). */
export const MAX_CHOSEONG_EXPANSIONS = 12

/** Near spellings kept for an unknown word (벨라루쓰 → 벨라루스). */
export const MAX_TYPO_EXPANSIONS = 6

/** Longest word (in syllables) searched for near spellings: each jamo widens every step of the walk. */
export const MAX_TYPO_SYLLABLES = 16

/**
 * Words of one query that are forgiven (expanded, re-read from the wrong layout, re-spaced): the first
 * ones and the last, which may be half-typed. The rest are searched as typed.
 */
export const MAX_FORGIVEN_WORDS = 8

/** Longest word (in syllables) the spacing stage tries to split: 미래창조과학부장관 → 미래창조과학부 장관. */
export const MAX_WORD_BREAK_SYLLABLES = 24

/** Sentences whose text is re-analysed to check an "exact phrase"; the best-scored are checked first. */
export const MAX_PHRASE_CHECKS = 2000

/** Postings read to learn which articles hold the other query words, when ranking expansions by context. */
export const MAX_CONTEXT_POSTINGS = 50_000
