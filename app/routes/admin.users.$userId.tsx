import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TemporaryPassword } from '~/components/temporary-password'
import { Alert, Button, Card, PageHeader } from '~/components/ui'
import { UserForm } from '~/components/user-form'
import { UserSchema } from '~/domain/people/schema'
import {
  getUserForAdmin,
  resetPassword,
  setUserActive,
  updateUser,
} from '~/domain/people/users.server'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { idParam } from '~/http/params'
import { formErrorOf, replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import type { DB } from '~db/connection'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? 'User'} · Leadcourt` },
]

function findUser(params: Record<string, string | undefined>) {
  const user = getUserForAdmin(getDb(), idParam(params, 'userId'))
  if (!user) throw new Response('Not found', { status: 404 })
  return user
}

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'users.manage')
  return { user: findUser(args.params) }
}

type UserContext = IntentContext & { db: DB; target: { id: number; name: string }; now: Date }
type Payload = { temporaryPassword: string }

const INTENTS = {
  save: intent({
    schema: UserSchema,
    run: (v, c: UserContext) => updateUser(c.db, c.user.id, c.target.id, v, c.now),
    notice: 'Changes saved.',
  }),
  deactivate: intent({
    run: (_, c: UserContext) => setUserActive(c.db, c.user.id, c.target.id, false, c.now),
    notice: (_, c) => `${c.target.name} is deactivated and signed out everywhere.`,
  }),
  reactivate: intent({
    run: (_, c: UserContext) => setUserActive(c.db, c.user.id, c.target.id, true, c.now),
    notice: (_, c) => `${c.target.name} can sign in again.`,
  }),
  'reset-password': intent<UserContext, Payload, { temporaryPassword: string }>({
    run: (_, c) => resetPassword(c.db, c.user.id, c.target.id, c.now),
    payload: (done) => ({ temporaryPassword: done.temporaryPassword }),
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'users.manage')
  const ctx = { user, db: getDb(), target: findUser(args.params), now: nowOf(args.context) }
  return dispatchIntent<UserContext, Payload | null>(await readForm(args.request), ctx, INTENTS)
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
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {actionData?.intent !== 'save' && formErrorOf(actionData) ? (
        <Alert tone="error">{formErrorOf(actionData)}</Alert>
      ) : null}
      {actionData?.payload ? (
        <TemporaryPassword name={user.name} password={actionData.payload.temporaryPassword} />
      ) : null}
      <UserForm
        key={JSON.stringify(user)}
        defaultValue={user}
        lastResult={replyFor(actionData, 'save')}
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
