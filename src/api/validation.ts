// Request schemas (zod) for the API's query parameters, and the hook that turns a failed check into
// a 400 error body. No runtime imports.
import type { Context } from 'hono'
import { z } from 'zod'
import { MAX_QUERY_CHARS } from '../search/limits.ts'
import { errorResponse } from './errors.ts'

/** A decimal integer parameter within [min, max], with a default when absent. */
const intParam = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be ≥ ${min}`).max(max, `${name} must be ≤ ${max}`))
    .default(fallback)

export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .trim()
    .min(1, 'q must not be blank')
    .refine((q) => [...q].length <= MAX_QUERY_CHARS, `q must be at most ${MAX_QUERY_CHARS} characters`),
  limit: intParam('limit', 1, 100, 10),
  offset: intParam('offset', 0, 100_000, 0),
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
