import { getSelectProps, getTextareaProps } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { LeadProfileFields } from '~/components/lead-profile-fields'
import { Alert, Button, ErrorList, Field, inputClass, PageHeader } from '~/components/ui'
import { createLead } from '~/domain/leads/create-lead.server'
import { activeReps } from '~/domain/leads/owners.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { parseForm, readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { refused } from '~/http/intents.server'
import { refusalReply } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Add lead · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'leads.create')
  return { reps: activeReps(getDb()) }
}

type Existing = { existingLeadId: number | null }

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'leads.create')
  const submission = parseForm(await readForm(args.request), LeadFieldsSchema)
  if (submission.status !== 'success') return refused<Existing>('create', submission.reply())
  const result = createLead(getDb(), user.id, submission.value, nowOf(args.context))
  if (!result.ok) {
    // A lead already in Leadcourt: the refusal names it, so the page can link to it.
    return refused<Existing>('create', refusalReply(submission, result.fieldErrors), {
      existingLeadId: result.existingLeadId ?? null,
    })
  }
  return redirect(`/leads/${result.leadId}`)
}

export default function NewLead() {
  const { reps } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(LeadFieldsSchema, { lastResult: actionData?.result })
  const existingLeadId = actionData?.payload?.existingLeadId
  const { key: ownerKey, ...ownerProps } = getSelectProps(fields.owner)
  const { key: notesKey, ...notesProps } = getTextareaProps(fields.notes)
  return (
    <div className="max-w-3xl">
      <PageHeader title="Add lead" />
      {existingLeadId ? (
        <Alert tone="error" className="mb-4">
          This lead is already in Leadcourt.{' '}
          <Link to={`/leads/${existingLeadId}`} className="underline">
            Open the existing lead
          </Link>
        </Alert>
      ) : null}
      <FormCard form={form}>
        <p className="text-sm text-slate-600">
          A lead needs an external id or an e-mail address; every other field may stay blank.
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="External id" meta={fields.externalId} hint="The CRM’s id for this lead." />
          <Field label="Email" meta={fields.email} type="email" />
          <LeadProfileFields fields={fields} />
          <div>
            <label
              htmlFor={fields.owner.id}
              className="mb-1 block text-sm font-medium text-slate-800"
            >
              Owner
            </label>
            <select key={ownerKey} {...ownerProps} className={inputClass}>
              <option value="">Next rep in turn (round-robin)</option>
              {reps.map((r) => (
                <option key={r.id} value={r.email}>
                  {r.name}
                </option>
              ))}
            </select>
            <ErrorList id={fields.owner.errorId} errors={fields.owner.errors} />
          </div>
        </div>
        <div>
          <label
            htmlFor={fields.notes.id}
            className="mb-1 block text-sm font-medium text-slate-800"
          >
            Notes
          </label>
          <textarea key={notesKey} {...notesProps} rows={3} className={inputClass} />
          <ErrorList id={fields.notes.errorId} errors={fields.notes.errors} />
        </div>
        <Button type="submit">Add lead</Button>
      </FormCard>
    </div>
  )
}
