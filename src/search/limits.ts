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

/** Most index terms one prefix or fuzzy query term may expand to (for prefix/fuzzy search). */
export const MAX_EXPANSIONS = 50
