import type { Submission } from '@conform-to/react'
import type { FieldErrors } from '~/domain/result'

/** A domain refusal as Conform's reply: messages under 'form' go to the form, the rest to fields. */
export function refusalReply(submission: Submission<unknown>, fieldErrors: FieldErrors) {
  const { form, ...fields } = fieldErrors
  return submission.reply({ formErrors: form, fieldErrors: fields })
}
