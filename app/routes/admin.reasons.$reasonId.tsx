import { parseWithZod } from '@conform-to/zod/v4'
import {
  type ActionFunctionArgs,
  data,
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
import { ReasonIntentSchema, ReasonSchema } from '~/domain/reasons/schema'
import { requireRole } from '~/http/guards.server'
import { idParam } from '~/http/params'
import { refusalReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.reason.label ?? 'Reason'} · Leadcourt` },
]

function findReason(params: Record<string, string | undefined>) {
  const reason = getReason(getDb(), idParam(params, 'reasonId'))
  if (!reason) throw new Response('Not found', { status: 404 })
  return reason
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { reason: findReason(params), criteria: criterionChoices(getDb()) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const reason = findReason(params)
  const formData = await request.formData()
  const intent = ReasonIntentSchema.safeParse(Object.fromEntries(formData))
  if (!intent.success) return data({ result: null, error: 'Unknown action' }, { status: 400 })
  const db = getDb()
  const now = new Date()
  if (intent.data.intent !== 'save') {
    const result = setReasonActive(
      db,
      admin.id,
      reason.id,
      intent.data.intent === 'reactivate',
      now,
    )
    if (!result.ok)
      return data(
        { result: null, error: Object.values(result.fieldErrors).flat().join(' ') },
        { status: 400 },
      )
    return redirect('/admin/reasons')
  }
  const submission = parseWithZod(formData, { schema: ReasonSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), error: null }, { status: 400 })
  const result = updateReason(db, admin.id, reason.id, submission.value, now)
  if (!result.ok)
    return data(
      { result: refusalReply(submission, result.fieldErrors), error: null },
      { status: 400 },
    )
  return redirect('/admin/reasons')
}

export default function EditReason() {
  const { reason, criteria } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(ReasonSchema, {
    lastResult: actionData?.result,
    defaultValue: {
      label: reason.label,
      criterionKey: reason.criterionKey ?? '',
      notesRequired: reason.notesRequired ? 'on' : undefined,
    },
  })
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title={reason.label}>
        <Link to="/admin/reasons" className="text-sm text-brand-700 underline">
          Reason catalog
        </Link>
      </PageHeader>
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
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
