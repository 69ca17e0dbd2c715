import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { TemporaryPassword } from '~/components/temporary-password'
import { PageHeader } from '~/components/ui'
import { UserForm } from '~/components/user-form'
import { UserSchema } from '~/domain/people/schema'
import { createUser } from '~/domain/people/users.server'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { type IntentContext, intent, runAction } from '~/http/intents.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Add user · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'users.manage')
  return null
}

type Created = { id: number; name: string; temporaryPassword: string }

const CREATE_USER = intent({
  schema: UserSchema,
  run: (v, c: IntentContext & { now: Date }) => createUser(getDb(), c.user.id, v, c.now),
  payload: (done, _, v): Created => ({
    id: done.userId,
    name: v.name,
    temporaryPassword: done.temporaryPassword,
  }),
  resetForm: true,
})

export async function action(args: ActionFunctionArgs) {
  const admin = await requireAccess(args, 'users.manage')
  const formData = await readForm(args.request)
  return runAction(formData, { user: admin, now: nowOf(args.context) }, CREATE_USER, 'create')
}

export default function NewUser() {
  const actionData = useActionData<typeof action>()
  const created = actionData?.payload
  return (
    <div className="max-w-2xl">
      <PageHeader title="Add user" />
      {created ? (
        <div className="mb-6 space-y-2">
          <TemporaryPassword name={created.name} password={created.temporaryPassword} />
          <Link to={`/admin/users/${created.id}`} className="text-brand-700 underline">
            Open {created.name}’s account
          </Link>
        </div>
      ) : null}
      <UserForm lastResult={actionData?.result ?? undefined} submitLabel="Add user" />
    </div>
  )
}
