import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Alert, Button, Field, PageHeader } from '~/components/ui'
import { ChangePasswordSchema } from '~/domain/people/schema'
import { changePassword } from '~/domain/people/users.server'
import { parseForm, readForm } from '~/http/form.server'
import { commitSessionCookie, requireUser } from '~/http/guards.server'
import { refused } from '~/http/intents.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Change password · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args, { allowPendingPasswordChange: true })
  return { mustChange: user.mustChangePassword }
}

const HIDDEN = ['currentPassword', 'newPassword', 'confirmPassword']

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  const user = await requireUser(args, { allowPendingPasswordChange: true })
  const submission = parseForm(await readForm(request), ChangePasswordSchema)
  if (submission.status !== 'success') {
    return refused('change-password', submission.reply({ resetForm: false, hideFields: HIDDEN }))
  }
  const result = await changePassword(getDb(), user.id, submission.value, nowOf(args.context))
  if (!result.ok) {
    const reply = submission.reply({ fieldErrors: result.fieldErrors, hideFields: HIDDEN })
    return refused('change-password', reply)
  }
  return redirect('/?password=changed', {
    headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId) },
  })
}

export default function ChangePassword() {
  const { mustChange } = useLoaderData<typeof loader>()
  const [form, fields] = useSchemaForm(ChangePasswordSchema, {
    lastResult: useActionData<typeof action>()?.result,
  })
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Change password" />
      {mustChange ? (
        <Alert className="mb-4">
          You signed in with a temporary password. Choose your own password to continue.
        </Alert>
      ) : null}
      <FormCard form={form}>
        <Field
          label={mustChange ? 'Temporary password' : 'Current password'}
          meta={fields.currentPassword}
          type="password"
          autoComplete="current-password"
        />
        <Field
          label="New password"
          hint="At least 12 characters."
          meta={fields.newPassword}
          type="password"
          autoComplete="new-password"
        />
        <Field
          label="Repeat new password"
          meta={fields.confirmPassword}
          type="password"
          autoComplete="new-password"
        />
        <Button type="submit">Save password</Button>
      </FormCard>
      {mustChange ? (
        <Form method="post" action="/sign-out" className="mt-4">
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </Form>
      ) : null}
    </div>
  )
}
