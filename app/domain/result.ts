// What domain functions return for a refusal people can fix: messages by field ('form' for
// the form as a whole), never a thrown error.
export type FieldErrors = Record<string, string[]>
export type Result<T> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors }

export function refuse(message: string, field = 'form'): { ok: false; fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors: { [field]: [message] } }
}
