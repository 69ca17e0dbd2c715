import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Alert, Button, Field } from '~/components/ui'
import { SetupSchema } from '~/domain/people/schema'
import { completeSetup, isValidSetupToken, needsSetup } from '~/domain/people/setup.server'
import { parseForm, readForm } from '~/http/form.server'
import { requireAnonymous } from '~/http/guards.server'
import { refused } from '~/http/intents.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Set up · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  await requireAnonymous(args)
  if (!needsSetup(getDb())) throw redirect('/sign-in')
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { token, tokenValid: isValidSetupToken(getDb(), token) }
}

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  await requireAnonymous(args)
  const submission = parseForm(await readForm(request), SetupSchema)
  if (submission.status !== 'success') {
    return refused('setup', submission.reply({ hideFields: ['password'] }))
  }
  const result = await completeSetup(getDb(), submission.value, nowOf(args.context))
  if (!result.ok) {
    const { form, ...fieldErrors } = result.fieldErrors
    return refused(
      'setup',
      submission.reply({ formErrors: form, fieldErrors, hideFields: ['password'] }),
    )
  }
  return redirect('/sign-in?setup=done')
}

export default function Setup() {
  const { token, tokenValid } = useLoaderData<typeof loader>()
  const [form, fields] = useSchemaForm(SetupSchema, {
    lastResult: useActionData<typeof action>()?.result,
  })
  return (
    <div className="mx-auto mt-12 max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">Set up Leadcourt</h1>
      <p className="mb-6 text-sm text-slate-600">
        Create the first admin account. You choose the password; nobody else knows it.
      </p>
      {tokenValid ? null : (
        <Alert tone="error" className="mb-4">
          This page needs the setup link that the server printed when it started. Copy the whole
          link from the server’s output.
        </Alert>
      )}
      <FormCard form={form}>
        <input type="hidden" name="token" value={token} />
        <Field label="Name" meta={fields.name} autoComplete="name" />
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <Field
          label="Password"
          hint="At least 12 characters."
          meta={fields.password}
          type="password"
          autoComplete="new-password"
        />
        <Button type="submit" className="w-full">
          Create admin account
        </Button>
      </FormCard>
    </div>
  )
}
