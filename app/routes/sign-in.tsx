import {
  type ActionFunctionArgs,
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

export const meta: MetaFunction = () => [{ title: 'Sign in · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args)
  return { needsSetup: needsSetup(getDb()) }
}

function minutesUntil(until: Date, now: Date) {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args
  await requireAnonymous(args)
  const submission = parseForm(await readForm(request), SignInSchema)
  if (submission.status !== 'success') {
    return refused('sign-in', submission.reply({ hideFields: ['password'] }))
  }
  const { email, password, redirectTo } = submission.value
  const now = nowOf(context)
  const result = await signIn(getDb(), { email, password, address: clientAddress(context) }, now)
  if (!result.ok) {
    const message =
      result.reason === 'locked'
        ? `Too many failed sign-in attempts. Sign-in is paused for ${minutesUntil(result.until, now)} more minute(s); try again then.`
        : 'That e-mail and password do not match an active account.'
    const reply = submission.reply({ formErrors: [message], hideFields: ['password'] })
    return refused('sign-in', reply, null, result.reason === 'locked' ? 429 : 400)
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
