// One way to answer an action: the reply helpers, and the dispatcher for pages with several
// actions told apart by an `intent` field. Each intent names its zod schema (the one its form
// validates with in the browser), an optional capability on top of the route's guard, and the
// use case to run; the dispatcher parses, guards, runs and answers in the one reply shape.
import type { SubmissionResult } from '@conform-to/react'
import { data, redirect } from '@remix-run/node'
import { z } from 'zod'
import type { Capability } from '~/domain/people/access'
import type { FieldErrors, Result } from '~/domain/result'
import { parseForm } from './form.server'
import { ensureAccess, type SessionUser } from './guards.server'
import { type ActionReply, formRefusal, refusalOf, refusalReply } from './reply'

/** The 400 answer of a refused action. */
export function refused<Payload = null>(
  intent: string | null,
  result: SubmissionResult<string[]> | null,
  payload: Payload | null = null,
  status = 400,
) {
  return data<ActionReply<Payload>>({ intent, result, notice: null, payload }, { status })
}

/** The 400 answer of an action without a form to show fields by (an upload, a button). */
export function refusedAtForm<Payload = null>(
  intent: string | null,
  outcome: { fieldErrors: FieldErrors } | { message: string },
) {
  return refused<Payload>(intent, formRefusal(refusalOf(outcome)))
}

/** The answer of an action that did what was asked. */
export function succeeded<Payload = null>(
  intent: string | null,
  result: SubmissionResult<string[]> | null,
  notice: string | null,
  payload: Payload | null = null,
) {
  return data<ActionReply<Payload>>({ intent, result, notice, payload }, { status: 200 })
}

/** The 400 answer to an intent the page does not know, naming the field `intent`. */
function unknownIntent<Payload = null>() {
  return refused<Payload>(null, { status: 'error', error: { intent: ['Unknown action'] } })
}

type Awaitable<T> = T | Promise<T>
type Done = { ok: true } & Record<string, unknown>

/** What an intent's use case may answer: a Result, or a Response (a redirect) to pass on. */
type Outcome<T> = Result<T> | Response

export type IntentContext = { user: SessionUser }

/** One intent of a page, as the dispatcher runs it (build it with `intent`). */
type IntentHandler<Ctx extends IntentContext, Payload> = (
  name: string,
  formData: FormData,
  ctx: Ctx,
) => Promise<Response | ReturnType<typeof refused<Payload>>>

/**
 * One intent: `schema` parses the form; `formLevel` (the default without a schema: the intent's
 * form has no fields to show errors by) gives a refusal as one form-level message; `capability` is checked before anything else; `authorize`
 * may throw a 403 of its own; `run` calls the use case; `notice` is what success says, or
 * `redirect` where success goes.
 */
export function intent<
  Ctx extends IntentContext,
  Payload = null,
  T = object,
  S extends z.ZodType = z.ZodObject,
>(spec: {
  schema?: S
  capability?: Capability
  authorize?: (ctx: Ctx) => void
  run: (value: z.output<S>, ctx: Ctx) => Awaitable<Outcome<T>>
  notice?: string | ((done: { ok: true } & T, ctx: Ctx) => string | null)
  payload?: (done: { ok: true } & T, ctx: Ctx, value: z.output<S>) => Payload
  resetForm?: boolean
  formLevel?: boolean
  /**
   * Where success goes: the action answers 303 See Other to this path (with its notice, see
   * `withNotice`) instead of the reply, so the POST renders no page (Post/Redirect/Get).
   */
  redirect?: (done: { ok: true } & T, ctx: Ctx) => string
  /**
   * "… and next" (decision 43): when the form's submit button sent `then=next`, success answers
   * 303 to this path (the next item in the person's queue, worked out before the use case runs).
   */
  next?: (ctx: Ctx) => string
}): IntentHandler<Ctx, Payload> {
  return async (name, formData, ctx) => {
    if (spec.capability) ensureAccess(ctx.user, spec.capability)
    spec.authorize?.(ctx)
    const next = spec.next && formData.get('then') === 'next' ? spec.next(ctx) : null
    const formLevel = spec.formLevel ?? !spec.schema
    const submission = parseForm(formData, spec.schema ?? z.object({}))
    if (submission.status !== 'success') {
      const errors = Object.fromEntries(
        Object.entries(submission.error ?? {}).map(([field, messages]) => [field, messages ?? []]),
      )
      return refused<Payload>(name, formLevel ? formRefusal(errors) : submission.reply())
    }
    const value = submission.value as z.output<S>
    const outcome = await spec.run(value, ctx)
    if (outcome instanceof Response) return outcome
    if (!outcome.ok) {
      const result = formLevel
        ? formRefusal(outcome.fieldErrors)
        : refusalReply(submission, outcome.fieldErrors)
      return refused<Payload>(name, result)
    }
    const done = outcome as Done & T
    if (next) return redirect(next, 303)
    if (spec.redirect) return redirect(spec.redirect(done, ctx), 303)
    const notice =
      typeof spec.notice === 'function' ? spec.notice(done, ctx) : (spec.notice ?? null)
    const reply = spec.schema ? submission.reply({ resetForm: spec.resetForm ?? false }) : null
    return succeeded<Payload>(
      name,
      reply,
      notice,
      spec.payload ? spec.payload(done, ctx, value) : null,
    )
  }
}

/** Runs a page's one action through the same steps (and reply) as an intent. */
export async function runAction<Ctx extends IntentContext, Payload = null>(
  formData: FormData,
  ctx: Ctx,
  handler: IntentHandler<Ctx, Payload>,
  name = 'submit',
) {
  return handler(name, formData, ctx)
}

/** Runs the intent the form names, or answers 400 naming the field `intent` if there is none such. */
export async function dispatchIntent<Ctx extends IntentContext, Payload = null>(
  formData: FormData,
  ctx: Ctx,
  intents: Record<string, IntentHandler<Ctx, Payload>>,
) {
  const name = String(formData.get('intent'))
  const handler = Object.hasOwn(intents, name) ? intents[name] : undefined
  if (!handler) return unknownIntent<Payload>()
  return handler(name, formData, ctx)
}
