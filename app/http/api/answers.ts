// The API's answers to a refusal: zod issues and the domain's `Result` refusals as problems
// with field errors (decision 28). A refusal on the request as a whole (`form`) is a state the
// record is in (409); a refusal on fields is a validation error (422).
import { fieldPath, issuesOf } from '~/domain/api/field-errors'
import type { FieldErrors } from '~/domain/result'
import { type ApiAnswer, type FieldError, problemAnswer } from '../api.server'

export { fieldPath, issuesOf }

/** 422: the body (or query) is well formed but its values are not acceptable. */
export function invalid(errors: FieldError[], detail?: string): ApiAnswer {
  const first = errors[0]
  return problemAnswer(
    422,
    'validation',
    'Unprocessable Content',
    detail ?? (first ? `${first.field}: ${first.message}` : 'The request is not valid.'),
    { errors },
  )
}

/** 409: the record is not in a state that allows this. */
export function conflict(detail: string): ApiAnswer {
  return problemAnswer(409, 'conflict', 'Conflict', detail)
}

/**
 * A domain refusal as a problem: 409 when only the request as a whole is refused (the lead is
 * not waiting, already in review…), else 422 naming each field by the API's name for it.
 */
export function refused(
  fieldErrors: FieldErrors,
  names: Record<string, string> = {},
  prefix = '',
): ApiAnswer {
  const fields = Object.entries(fieldErrors).filter(([field]) => field !== 'form')
  const whole = (fieldErrors.form ?? []).join(' ')
  if (fields.length === 0)
    return conflict(whole || 'The request conflicts with the record’s state.')
  const errors = fields.flatMap(([field, messages]) =>
    messages.map((message) => ({
      field: `${prefix}${names[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
      message,
    })),
  )
  return invalid(errors)
}
