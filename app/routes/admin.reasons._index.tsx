import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Table, Td } from '~/components/data-table'
import { FormCard, useSchemaForm } from '~/components/forms'
import { ReasonFields } from '~/components/reason-fields'
import { Button, PageHeader } from '~/components/ui'
import { createReason, criterionChoices, listReasons } from '~/domain/reasons/reasons.server'
import { ReasonSchema } from '~/domain/reasons/schema'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { type IntentContext, intent, runAction } from '~/http/intents.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Reason catalog · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'reasons.manage')
  const db = getDb()
  const criteria = criterionChoices(db)
  return {
    reasons: listReasons(db).map((r) => ({
      ...r,
      criterion: criteria.find((c) => c.key === r.criterionKey)?.label ?? r.criterionKey,
    })),
    criteria,
  }
}

const CREATE_REASON = intent({
  schema: ReasonSchema,
  run: (v, c: IntentContext & { now: Date }) => {
    const result = createReason(getDb(), c.user.id, v, c.now)
    return result.ok ? redirect('/admin/reasons') : result
  },
})

export async function action(args: ActionFunctionArgs) {
  const admin = await requireAccess(args, 'reasons.manage')
  const formData = await readForm(args.request)
  return runAction(formData, { user: admin, now: nowOf(args.context) }, CREATE_REASON, 'create')
}

export default function Reasons() {
  const { reasons, criteria } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(ReasonSchema, { lastResult: actionData?.result })
  return (
    <div className="space-y-6">
      <PageHeader title="Reason catalog" />
      <p className="max-w-3xl text-slate-700">
        The reasons reps choose from when they reject a lead. A reason that has been used is
        deactivated, never deleted, so past cases keep the words the rep chose.
      </p>
      <Table
        caption="Reasons for rejecting a lead"
        columns={['Reason', 'Disputes criterion', 'Notes', 'Names the lead worked', 'In use', '']}
      >
        {reasons.map((r) => (
          <tr key={r.id}>
            <Td className={r.active ? undefined : 'text-slate-500'}>{r.label}</Td>
            <Td>{r.criterion ?? '—'}</Td>
            <Td>{r.notesRequired ? 'Required' : 'Optional'}</Td>
            <Td>{r.namesWorkingLead ? 'Yes' : 'No'}</Td>
            <Td>{r.active ? 'Yes' : 'Deactivated'}</Td>
            <Td>
              <Link to={`/admin/reasons/${r.id}`} className="text-brand-700 underline">
                Change<span className="sr-only"> {r.label}</span>
              </Link>
            </Td>
          </tr>
        ))}
      </Table>
      <div className="max-w-xl">
        <FormCard form={form}>
          <h2 className="text-lg font-semibold">Add a reason</h2>
          <ReasonFields fields={fields} criteria={criteria} />
          <Button type="submit">Add reason</Button>
        </FormCard>
      </div>
    </div>
  )
}
