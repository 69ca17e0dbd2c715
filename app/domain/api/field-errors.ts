// Zod's issues as the API names them (decision 28): each field by its path in the body or
// query (`leads[3].email`), an unknown key by itself.
import type { z } from 'zod'
import type { FieldError } from './lead-input'

/** A path of the body as the errors name it: `leads[3].email`. */
export function fieldPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${String(part)}` : String(part)
  }
  return out || 'body'
}

/** Zod's issues as field errors; an unknown key is named itself ("Unrecognized key"). */
export function issuesOf(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: fieldPath([...issue.path, key], prefix),
          message: 'This field is not one the API knows',
        }))
      : [{ field: fieldPath(issue.path, prefix), message: issue.message }],
  )
}
