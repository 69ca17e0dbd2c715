import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { LeadProfileFields } from '~/components/lead-profile-fields'
import { Button, PageHeader, TextArea } from '~/components/ui'
import { editLead } from '~/domain/leads/edit-lead.server'
import { leadName } from '~/domain/leads/fields'
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
          <LeadProfileFields fields={fields} />
        </div>
        <TextArea label="Notes" meta={fields.notes} />
        <Button type="submit">Save lead</Button>
      </FormCard>
    </div>
  )
}
