// What every action may be sent, and the one way to read and parse its form (decision 24).
// A page's actions are HTML forms: POST, with an urlencoded or multipart body. Anything else
// is refused with a 4xx that says what was wrong, before a route reads the body, so a PUT,
// a JSON body or a body that cannot be parsed never reaches code that would throw.
import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

/** The methods a route answers; the `Allow` header of a 405. */
export const ALLOWED_METHODS = 'GET, HEAD, POST'

const SAFE = new Set(['GET', 'HEAD'])

/** Whether a route may be asked with this method at all (Express answers 405 before Remix). */
export function isAllowedMethod(method: string): boolean {
  return SAFE.has(method) || method === 'POST'
}

/** The body of a 405. */
export function methodRefusal(method: string): string {
  return `${method} is not allowed here; use ${ALLOWED_METHODS}.`
}

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

export const NOT_A_FORM =
  'The request body must be a form (application/x-www-form-urlencoded or multipart/form-data).'
export const UNREADABLE_FORM = 'The form could not be read; reload the page and try again.'

/**
 * Throws 405 (with `Allow`) for a method other than GET, HEAD and POST, and 415 for a POST
 * whose body is not a form. Every guard calls it, so every action is covered, with or
 * without an intent dispatcher.
 */
export function requireFormSubmission(request: Request): void {
  if (SAFE.has(request.method)) return
  if (!isAllowedMethod(request.method)) {
    throw new Response(methodRefusal(request.method), {
      status: 405,
      headers: { Allow: ALLOWED_METHODS },
    })
  }
  const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!FORM_TYPES.has(type)) throw new Response(NOT_A_FORM, { status: 415 })
}

/** The request's form, or a 400 when its body cannot be parsed (a multipart without a boundary). */
export async function readForm(request: Request): Promise<FormData> {
  requireFormSubmission(request)
  try {
    return await request.formData()
  } catch {
    throw new Response(UNREADABLE_FORM, { status: 400 })
  }
}

type Shape = Record<string, z.ZodType>

/** The object schema inside a pipe, a transform or an optional wrapper, if there is one. */
function objectShape(schema: z.ZodType): Shape | null {
  const def = schema._zod.def as { type: string; in?: z.ZodType; innerType?: z.ZodType }
  if (def.type === 'object') return (schema as z.ZodObject).shape as Shape
  const inner = def.type === 'pipe' ? def.in : def.innerType
  return inner ? objectShape(inner) : null
}

/** Whether a field's schema takes several values (an array, possibly optional or defaulted). */
function takesMany(schema: z.ZodType): boolean {
  const def = schema._zod.def as { type: string; in?: z.ZodType; innerType?: z.ZodType }
  if (def.type === 'array' || def.type === 'set') return true
  const inner = def.type === 'pipe' ? def.in : def.innerType
  return inner ? takesMany(inner) : false
}

/**
 * Parses a form with its zod schema (Conform's `parseWithZod`, as the browser does), after
 * refusing a field sent more than once that the schema takes once: such a submission is
 * answered with an error naming the field, and the values are not echoed back (a page would
 * otherwise render the list where it expects one value).
 */
export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
): Submission<z.input<S>, string[], z.output<S>> {
  const shape = objectShape(schema) ?? {}
  const repeated = Object.keys(shape).filter(
    (name) => !takesMany(shape[name] as z.ZodType) && formData.getAll(name).length > 1,
  )
  if (repeated.length === 0) return parseWithZod(formData, { schema })
  const error = Object.fromEntries(repeated.map((name) => [name, [`Send ${name} only once`]]))
  return {
    status: 'error',
    payload: {},
    error,
    reply: () => ({ status: 'error', error }),
  } as unknown as Submission<z.input<S>, string[], z.output<S>>
}
