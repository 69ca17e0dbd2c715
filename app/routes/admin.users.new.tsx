import { parseWithZod } from '@conform-to/zod/v4'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { TemporaryPassword } from '~/components/temporary-password'
import { PageHeader } from '~/components/ui'
import { UserForm } from '~/components/user-form'
import { UserSchema } from '~/domain/people/schema'
import { createUser } from '~/domain/people/users.server'
import { requireAccess } from '~/http/guards.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Add user · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'users.manage')
  return null
}

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  const admin = await requireAccess(args, 'users.manage')
  const submission = parseWithZod(await request.formData(), { schema: UserSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), created: null }, { status: 400 })
  const result = await createUser(getDb(), admin.id, submission.value, nowOf(args.context))
  if (!result.ok) {
    return data(
      { result: submission.reply({ fieldErrors: result.fieldErrors }), created: null },
      { status: 400 },
    )
  }
  return {
    result: submission.reply({ resetForm: true }),
    created: {
      id: result.userId,
      name: submission.value.name,
      temporaryPassword: result.temporaryPassword,
    },
  }
}

export default function NewUser() {
  const actionData = useActionData<typeof action>()
  const created = actionData?.created
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
      <UserForm lastResult={actionData?.result} submitLabel="Add user" />
    </div>
  )
}
