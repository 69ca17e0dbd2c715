import { parseWithZod } from '@conform-to/zod/v4'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TemporaryPassword } from '~/components/temporary-password'
import { Alert, Button, Card, PageHeader } from '~/components/ui'
import { UserForm } from '~/components/user-form'
import { UserIntentSchema, UserSchema } from '~/domain/people/schema'
import {
  getUserForAdmin,
  resetPassword,
  setUserActive,
  updateUser,
} from '~/domain/people/users.server'
import { requireRole } from '~/http/guards.server'
import { idParam } from '~/http/params'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? 'User'} · Leadcourt` },
]

function findUser(params: Record<string, string | undefined>) {
  const user = getUserForAdmin(getDb(), idParam(params, 'userId'))
  if (!user) throw new Response('Not found', { status: 404 })
  return user
}

const success = (text: string) => ({ tone: 'success' as const, text })
const failure = (text: string) => ({ tone: 'error' as const, text })
const refused = (fieldErrors: Record<string, string[]>) =>
  data(
    {
      result: null,
      notice: failure(Object.values(fieldErrors).flat().join(' ')),
      temporaryPassword: null,
    },
    { status: 400 },
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { user: findUser(params) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const user = findUser(params)
  const formData = await request.formData()
  const intent = UserIntentSchema.safeParse(Object.fromEntries(formData))
  if (!intent.success) return refused({ intent: ['Unknown action'] })
  const now = new Date()
  const db = getDb()
  switch (intent.data.intent) {
    case 'save': {
      const submission = parseWithZod(formData, { schema: UserSchema })
      if (submission.status !== 'success') {
        return data(
          { result: submission.reply(), notice: null, temporaryPassword: null },
          { status: 400 },
        )
      }
      const result = updateUser(db, admin.id, user.id, submission.value, now)
      if (!result.ok) {
        return data(
          {
            result: submission.reply({ fieldErrors: result.fieldErrors }),
            notice: null,
            temporaryPassword: null,
          },
          { status: 400 },
        )
      }
      return {
        result: submission.reply(),
        notice: success('Changes saved.'),
        temporaryPassword: null,
      }
    }
    case 'deactivate':
    case 'reactivate': {
      const active = intent.data.intent === 'reactivate'
      const result = setUserActive(db, admin.id, user.id, active, now)
      if (!result.ok) return refused(result.fieldErrors)
      return {
        result: null,
        notice: success(
          active
            ? `${user.name} can sign in again.`
            : `${user.name} is deactivated and signed out everywhere.`,
        ),
        temporaryPassword: null,
      }
    }
    case 'reset-password': {
      const result = await resetPassword(db, admin.id, user.id, now)
      if (!result.ok) return refused(result.fieldErrors)
      return { result: null, notice: null, temporaryPassword: result.temporaryPassword }
    }
  }
}

export default function EditUser() {
  const { user } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={user.name}>
        <Link to="/admin/users" className="text-sm text-brand-700 underline">
          All users
        </Link>
      </PageHeader>
      {actionData?.notice ? (
        <Alert tone={actionData.notice.tone}>{actionData.notice.text}</Alert>
      ) : null}
      {actionData?.temporaryPassword ? (
        <TemporaryPassword name={user.name} password={actionData.temporaryPassword} />
      ) : null}
      <UserForm
        key={JSON.stringify(user)}
        defaultValue={user}
        lastResult={actionData?.result}
        submitLabel="Save changes"
      />
      <Card title="Access">
        <p className="mb-3 text-sm text-slate-700">
          {user.active
            ? 'This account is active. Deactivating it signs the person out everywhere at once and stops them signing in; nothing they did is deleted.'
            : 'This account is deactivated. Reactivating it lets the person sign in again.'}
        </p>
        <div className="flex flex-wrap gap-3">
          <Form method="post">
            {user.active ? (
              <Button type="submit" name="intent" value="deactivate" variant="danger">
                Deactivate
              </Button>
            ) : (
              <Button type="submit" name="intent" value="reactivate">
                Reactivate
              </Button>
            )}
          </Form>
          <Form method="post">
            <Button type="submit" name="intent" value="reset-password" variant="secondary">
              Reset password
            </Button>
          </Form>
        </div>
      </Card>
    </div>
  )
}
