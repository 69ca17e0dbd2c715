import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Alert, Button, Field } from '~/components/ui'
import { SignInSchema } from '~/domain/people/schema'
import { needsSetup } from '~/domain/people/setup.server'
import { parseForm, readForm } from '~/http/form.server'
import { commitSessionCookie, requireAnonymous, safeRedirectTo, signIn } from '~/http/guards.server'
import { refused } from '~/http/intents.server'
import { clientAddress, nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'

export const meta: MetaFunction = () => [{ title: 'Sign in · Leadcourt' }]

// Remix sends an action's headers only through the route's headers function: the Retry-After
// of a held-back sign-in (429) reaches the browser this way.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args)
  return { needsSetup: needsSetup(getDb()) }
}

/** Whole seconds from now until `until`, at least 1 (the Retry-After header's value). */
function secondsUntil(until: Date, now: Date) {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
}

/** "40 seconds" under two minutes, else whole minutes rounded up ("15 minutes"). */
export function waitInWords(seconds: number) {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`
  return `${Math.ceil(seconds / 60)} minutes`
}

let warnedAboutProxy = false
/** Behind a proxy with TRUST_PROXY=0, every pair is (e-mail, proxy): say so once (decision 22). */
function warnIfProxyUntrusted(request: Request) {
  if (warnedAboutProxy || getEnv().TRUST_PROXY !== 0) return
  if (!request.headers.has('X-Forwarded-For')) return
  warnedAboutProxy = true
  console.warn(
    'Sign-in requests carry X-Forwarded-For but TRUST_PROXY=0, so every client seems to come from the proxy and sign-in throttling cannot tell a guesser from the account owner. Set TRUST_PROXY (README, "Behind a reverse proxy").',
  )
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args
  await requireAnonymous(args)
  warnIfProxyUntrusted(request)
  const submission = parseForm(await readForm(request), SignInSchema)
  if (submission.status !== 'success') {
    return refused('sign-in', submission.reply({ hideFields: ['password'] }))
  }
  const { email, password, redirectTo } = submission.value
  const now = nowOf(context)
  const result = await signIn(getDb(), { email, password, address: clientAddress(context) }, now)
  if (!result.ok && result.reason === 'throttled') {
    const seconds = secondsUntil(result.until, now)
    const message = `Too many attempts; try again in ${waitInWords(seconds)}.`
    const reply = submission.reply({ formErrors: [message], hideFields: ['password'] })
    // The one refusal shape, with the Retry-After header a 429 carries.
    const answer = refused('sign-in', reply, null, 429)
    return data(answer.data, { ...answer.init, headers: { 'Retry-After': String(seconds) } })
  }
  if (!result.ok) {
    const message = 'That e-mail and password do not match an active account.'
    const reply = submission.reply({ formErrors: [message], hideFields: ['password'] })
    return refused('sign-in', reply)
  }
  const to = result.user.mustChangePassword ? '/account/password' : safeRedirectTo(redirectTo)
  return redirect(to, { headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId) } })
}

export default function SignIn() {
  const { needsSetup } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm(SignInSchema, {
    lastResult: useActionData<typeof action>()?.result,
  })
  return (
    <div className="mx-auto mt-12 max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Leadcourt</h1>
      <p className="mb-6 text-sm text-slate-600">
        Where Sales and Marketing settle which leads were real.
      </p>
      {needsSetup ? (
        <Alert className="mb-4">
          Leadcourt has no accounts yet. Open the setup link that the server printed when it
          started.
        </Alert>
      ) : null}
      {searchParams.get('setup') === 'done' ? (
        <Alert tone="success" className="mb-4">
          Your admin account is ready. Sign in with it.
        </Alert>
      ) : null}
      <FormCard form={form}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" autoFocus />
        <Field
          label="Password"
          meta={fields.password}
          type="password"
          autoComplete="current-password"
        />
        <Button type="submit" className="w-full" disabled={navigation.state === 'submitting'}>
          Sign in
        </Button>
      </FormCard>
    </div>
  )
}
