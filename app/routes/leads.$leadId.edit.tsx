import { getSelectProps } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Button, ErrorList, Field, inputClass, PageHeader, TextArea } from '~/components/ui'
import { editLead } from '~/domain/leads/edit-lead.server'
import { LIFECYCLE_LABELS, LIFECYCLE_STAGES, leadName } from '~/domain/leads/fields'
import { getLeadForViewer } from '~/domain/leads/lead.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { parseForm, readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { refused } from '~/http/intents.server'
import { idParam } from '~/http/params'
import { refusalReply } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.name ?? 'lead'} · Leadcourt` },
]

// Marketers (and admins) edit leads, as they add and import them.
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireAccess(args, 'leads.create')
  const lead = getLeadForViewer(getDb(), user, idParam(args.params, 'leadId'))
  if (!lead) throw new Response('Not found', { status: 404 })
  const { custom: _, ...fields } = lead
  return { name: leadName(lead), lead: fields }
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'leads.create')
  const leadId = idParam(args.params, 'leadId')
  if (!getLeadForViewer(getDb(), user, leadId)) throw new Response('Not found', { status: 404 })
  const submission = parseForm(await readForm(args.request), LeadFieldsSchema)
  if (submission.status !== 'success') return refused('edit', submission.reply())
  const result = editLead(getDb(), user.id, leadId, submission.value, nowOf(args.context))
  if (!result.ok) return refused('edit', refusalReply(submission, result.fieldErrors))
  return redirect(`/leads/${leadId}`)
}

export default function EditLead() {
  const { name, lead } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const defaults = Object.fromEntries(
    Object.entries(lead).map(([k, v]) => [k, v === null ? '' : String(v)]),
  )
  const [form, fields] = useSchemaForm(LeadFieldsSchema, {
    lastResult: actionData?.result,
    defaultValue: defaults,
  })
  const { key: stageKey, ...stageProps } = getSelectProps(fields.lifecycleStage)
  return (
    <div className="max-w-3xl">
      <PageHeader title={`Edit ${name}`}>
        <Link to={`/leads/${lead.id}`} className="text-sm text-brand-700 underline">
          Back to the lead
        </Link>
      </PageHeader>
      <FormCard form={form}>
        <p className="text-sm text-slate-600">
          A blank field keeps what is stored, as a re-imported row does. The external id (
          {lead.externalId ?? 'none'}) and e-mail ({lead.email ?? 'none'}) identify the lead and are
          not changed here.
        </p>
        <input type="hidden" name="externalId" value={lead.externalId ?? ''} />
        <input type="hidden" name="email" value={lead.email ?? ''} />
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="First name" meta={fields.firstName} />
          <Field label="Last name" meta={fields.lastName} />
          <Field label="Title" meta={fields.title} />
          <Field label="Phone" meta={fields.phone} type="tel" />
          <Field label="Company" meta={fields.company} />
          <Field label="Company domain" meta={fields.companyDomain} />
          <Field label="Industry" meta={fields.industry} />
          <Field label="Employee count" meta={fields.employeeCount} inputMode="numeric" />
          <Field label="Country" meta={fields.country} />
          <Field label="Source" meta={fields.source} />
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
        </div>
        <TextArea label="Notes" meta={fields.notes} />
        <Button type="submit">Save lead</Button>
      </FormCard>
    </div>
  )
}
