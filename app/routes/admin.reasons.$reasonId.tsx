import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { ReasonFields } from '~/components/reason-fields'
import { Alert, Button, PageHeader } from '~/components/ui'
import {
  criterionChoices,
  getReason,
  setReasonActive,
  updateReason,
} from '~/domain/reasons/reasons.server'
import { ReasonSchema } from '~/domain/reasons/schema'
import type { Result } from '~/domain/result'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { idParam } from '~/http/params'
import { formErrorOf, replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import type { DB } from '~db/connection'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.reason.label ?? 'Reason'} · Leadcourt` },
]

function findReason(params: Record<string, string | undefined>) {
  const reason = getReason(getDb(), idParam(params, 'reasonId'))
  if (!reason) throw new Response('Not found', { status: 404 })
  return reason
}

export async function loader(args: LoaderFunctionArgs) {
  const { params } = args
  await requireAccess(args, 'reasons.manage')
  return { reason: findReason(params), criteria: criterionChoices(getDb()) }
}

type ReasonContext = IntentContext & { db: DB; reasonId: number; now: Date }

const toList = <T extends object>(result: Result<T>) =>
  result.ok ? redirect('/admin/reasons') : result

const setActive = (active: boolean) =>
  intent({
    run: (_, c: ReasonContext) =>
      toList(setReasonActive(c.db, c.user.id, c.reasonId, active, c.now)),
  })

const INTENTS = {
  save: intent({
    schema: ReasonSchema,
    run: (v, c: ReasonContext) => toList(updateReason(c.db, c.user.id, c.reasonId, v, c.now)),
  }),
  deactivate: setActive(false),
  reactivate: setActive(true),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'reasons.manage')
  const reason = findReason(args.params)
  const ctx = { user, db: getDb(), reasonId: reason.id, now: nowOf(args.context) }
  return dispatchIntent(await readForm(args.request), ctx, INTENTS)
}

export default function EditReason() {
  const { reason, criteria } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(ReasonSchema, {
    lastResult: replyFor(actionData, 'save'),
    defaultValue: {
      label: reason.label,
      criterionKey: reason.criterionKey ?? '',
      notesRequired: reason.notesRequired ? 'on' : undefined,
      namesWorkingLead: reason.namesWorkingLead ? 'on' : undefined,
    },
  })
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title={reason.label}>
        <Link to="/admin/reasons" className="text-sm text-brand-700 underline">
          Reason catalog
        </Link>
      </PageHeader>
      {actionData?.intent !== 'save' && formErrorOf(actionData) ? (
        <Alert tone="error">{formErrorOf(actionData)}</Alert>
      ) : null}
      <FormCard form={form}>
        <input type="hidden" name="intent" value="save" />
        <ReasonFields fields={fields} criteria={criteria} />
        <Button type="submit">Save reason</Button>
      </FormCard>
      <Form method="post" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="mb-3 text-sm text-slate-700">
          {reason.active
            ? 'Deactivating hides the reason from reps. Cases that used it keep it.'
            : 'This reason is deactivated: reps cannot choose it.'}
        </p>
        <Button
          type="submit"
          name="intent"
          value={reason.active ? 'deactivate' : 'reactivate'}
          variant={reason.active ? 'danger' : 'secondary'}
        >
          {reason.active ? 'Deactivate reason' : 'Reactivate reason'}
        </Button>
      </Form>
    </div>
  )
}
