// The one shape of what an action answers, and the one shape of a refusal in it.
//
// An action answers { intent, result, notice, payload }: `result` is Conform's reply (field
// errors, and the form-level message under '' as Conform keeps it), `notice` the sentence to
// show on success (shared by client and server: components read replies through it), `payload` what a use case hands back for the page to show (a temporary
// password, an import summary). A refusal answers 400; anything else 200 or a redirect.
import type { Submission, SubmissionResult } from '@conform-to/react'
import type { FieldErrors } from '~/domain/result'

export type ActionReply<Payload = null> = {
  intent: string | null
  result: SubmissionResult<string[]> | null
  notice: string | null
  payload: Payload | null
}

/** A domain refusal as Conform's reply: messages under 'form' go to the form, the rest to fields. */
export function refusalReply(submission: Submission<unknown>, fieldErrors: FieldErrors) {
  const { form, ...fields } = fieldErrors
  return submission.reply({ formErrors: form, fieldErrors: fields })
}

/** Every message of a refusal as one form-level message (for actions without fields to show them). */
export function formRefusal(fieldErrors: FieldErrors): SubmissionResult<string[]> {
  return { status: 'error', error: { '': [Object.values(fieldErrors).flat().join(' ')] } }
}

/**
 * A refusal as field errors, whichever shape the domain gave it: the importers and the upload
 * still refuse with `{ ok: false, message }`, a message for the form as a whole. The one place
 * that mapping lives; once they return Result, only the first branch is left.
 */
export function refusalOf(
  outcome: { fieldErrors: FieldErrors } | { message: string },
): FieldErrors {
  return 'fieldErrors' in outcome ? outcome.fieldErrors : { form: [outcome.message] }
}

/** The form-level message of a reply, if any (for pages that show it above the form). */
export function formErrorOf(reply: ActionReply<unknown> | undefined | null): string | null {
  const messages = reply?.result?.error?.['']
  return messages?.length ? messages.join(' ') : null
}

/** A reply's result for one intent's form, unless that intent succeeded. */
export function replyFor(
  reply: ActionReply<unknown> | undefined | null,
  intent: string,
): SubmissionResult<string[]> | undefined {
  return reply?.intent === intent && !reply.notice ? (reply.result ?? undefined) : undefined
}
