import { getSelectProps, getTextareaProps } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Alert, Button, ErrorList, Field, inputClass, PageHeader } from '~/components/ui'
import { createLead } from '~/domain/leads/create-lead.server'
import { LIFECYCLE_LABELS, LIFECYCLE_STAGES } from '~/domain/leads/fields'
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
  const { key: stageKey, ...stageProps } = getSelectProps(fields.lifecycleStage)
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
          <Field label="First name" meta={fields.firstName} />
          <Field label="Last name" meta={fields.lastName} />
          <Field label="Title" meta={fields.title} />
          <Field label="Phone" meta={fields.phone} type="tel" />
          <Field label="Company" meta={fields.company} />
          <Field
            label="Company domain"
            meta={fields.companyDomain}
            hint="e.g. acme.com; taken from the e-mail when blank."
          />
          <Field label="Industry" meta={fields.industry} />
          <Field label="Employee count" meta={fields.employeeCount} inputMode="numeric" />
          <Field label="Country" meta={fields.country} />
          <Field label="Source" meta={fields.source} hint="Trade show, webinar, paid search, …" />
          <Field label="Campaign" meta={fields.campaign} />
          <div>
            <label
              htmlFor={fields.lifecycleStage.id}
              className="mb-1 block text-sm font-medium text-slate-800"
            >
              Lifecycle stage
            </label>
            <select key={stageKey} {...stageProps} className={inputClass}>
              <option value="">Not known</option>
              {LIFECYCLE_STAGES.map((s) => (
                <option key={s} value={s}>
                  {LIFECYCLE_LABELS[s]}
                </option>
              ))}
            </select>
            <ErrorList id={fields.lifecycleStage.errorId} errors={fields.lifecycleStage.errors} />
          </div>
          <Field
            label="Engagement score"
            meta={fields.engagementScore}
            hint="0 to 100."
            inputMode="numeric"
          />
          <Field
            label="Purchase timeline (months)"
            meta={fields.purchaseTimelineMonths}
            inputMode="numeric"
          />
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
