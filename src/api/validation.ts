// Request schemas (zod) for the API's query parameters, and the hook that turns a failed check into
// a 400 error body. No runtime imports.
import type { Context } from 'hono'
import { z } from 'zod'
import { normaliseDate } from '../ingest/date.ts'
import { MAX_QUERY_CHARS } from '../search/limits.ts'
import { errorResponse } from './errors.ts'

/** Longest text /api/suggest completes: a few words being typed. */
export const MAX_SUGGEST_CHARS = 50

/** A decimal integer parameter within [min, max], with a default when absent. */
const intParam = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be ≥ ${min}`).max(max, `${name} must be ≤ ${max}`))
    .default(fallback)

/** The query text, trimmed, 1 to `max` characters. */
const queryText = (max: number) =>
  z
    .string({ error: 'q is required' })
    .trim()
    .min(1, 'q must not be blank')
    .refine((q) => [...q].length <= max, `q must be at most ${max} characters`)

/** Longest accepted outlet or section name. */
export const MAX_NAME_CHARS = 100

/** A calendar date written YYYY-MM-DD (2015-02-30 is refused). */
const dateParam = (name: string) =>
  z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && normaliseDate(v) === v, `${name} must be a date written YYYY-MM-DD`).optional()

/** An exact outlet or section name. */
const nameParam = (name: string) =>
  z.string().trim().min(1, `${name} must not be blank`).max(MAX_NAME_CHARS, `${name} must be at most ${MAX_NAME_CHARS} characters`).optional()

export const searchQuerySchema = z
  .object({
    // Not trimmed: a trailing space tells the search that the last word is complete (no completions).
    q: z
      .string({ error: 'q is required' })
      .refine((q) => q.trim() !== '', 'q must not be blank')
      .refine((q) => [...q.trim()].length <= MAX_QUERY_CHARS, `q must be at most ${MAX_QUERY_CHARS} characters`),
    limit: intParam('limit', 1, 100, 10),
    offset: intParam('offset', 0, 100_000, 0),
    from: dateParam('from'),
    to: dateParam('to'),
    outlet: nameParam('outlet'),
    section: nameParam('section'),
    sort: z.enum(['relevance', 'date'], { error: 'sort must be relevance or date' }).default('relevance'),
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: 'from must not be after to', path: ['from'] })

export const suggestQuerySchema = z.object({
  q: queryText(MAX_SUGGEST_CHARS),
  limit: intParam('limit', 1, 20, 8),
})

/** Longest text /api/analyze accepts, in characters. */
export const MAX_ANALYZE_CHARS = 2000

export const analyzeQuerySchema = z.object({
  text: z
    .string({ error: 'text is required' })
    .min(1, 'text must not be empty')
    .refine((t) => [...t].length <= MAX_ANALYZE_CHARS, `text must be at most ${MAX_ANALYZE_CHARS} characters`),
})

type Issue = { path: PropertyKey[]; message: string }

/** zValidator hook: the first problem becomes `{ error: { code: 'BAD_QUERY', message } }`. */
export function badRequest(
  result: { success: true } | { success: false; error: { issues: readonly Issue[] } },
  c: Context,
) {
  if (result.success) return
  const issue = result.error.issues[0]
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
  const message = issue ? `${where}${issue.message}` : 'invalid request'
  return errorResponse(c, 400, 'BAD_QUERY', message)
}
