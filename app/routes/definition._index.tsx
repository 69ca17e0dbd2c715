import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CriteriaList } from '~/components/criteria-list'
import { Table, Td } from '~/components/data-table'
import { Signoffs } from '~/components/signoffs'
import { Alert, Button, Card, inputClass, PageHeader, SelectField } from '~/components/ui'
import { startDraft } from '~/domain/definition/drafting.server'
import { VERSION_STATUS_LABELS } from '~/domain/definition/labels'
import { StartDraftSchema } from '~/domain/definition/schema'
import { getActiveVersion, listVersions } from '~/domain/definition/versions.server'
import { versionView } from '~/domain/definition/view.server'
import { can } from '~/domain/people/access'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { readForm } from '~/http/form.server'
import { requireAccess, requireUser } from '~/http/guards.server'
import { type IntentContext, intent, runAction } from '~/http/intents.server'
import { formErrorOf } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'Lead definition · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args)
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const active = getActiveVersion(db)
  const versions = listVersions(db)
  return {
    active: active ? versionView(db, active.id) : null,
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      status: v.status,
      since: formatDateTime(v.activatedAt ?? v.proposedAt ?? v.createdAt, timeZone),
    })),
    openVersion: versions.find((v) => v.status === 'draft' || v.status === 'proposed') ?? null,
    canDraft: can(user, 'definition.draft'),
  }
}

type DraftContext = IntentContext & { now: Date }

const START_DRAFT = intent({
  schema: StartDraftSchema,
  formLevel: true,
  run: (v, c: DraftContext) => {
    const result = startDraft(getDb(), c.user.id, v.from, c.now)
    return result.ok ? redirect(`/definition/versions/${result.versionId}`) : result
  },
})

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'definition.draft')
  const ctx = { user, now: nowOf(args.context) }
  return runAction(await readForm(args.request), ctx, START_DRAFT, 'start-draft')
}

export default function Definition() {
  const { active, versions, openVersion, canDraft } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const versionOptions = versions.map((v) => [String(v.id), `Version ${v.number}`] as const)
  return (
    <div className="space-y-6">
      <PageHeader title="Lead definition" />
      {formErrorOf(actionData) ? <Alert tone="error">{formErrorOf(actionData)}</Alert> : null}
      {active ? (
        <Card
          title={`What a lead is — version ${active.number}, in force since ${active.activatedAt}`}
        >
          <p className="mb-4 text-sm text-slate-700">
            Sales and Marketing signed this definition. A lead meets it when every required
            criterion holds; advisory criteria inform the committee but do not decide. Each lead is
            judged against the version in force when it was handed to Sales.
          </p>
          <CriteriaList criteria={active.criteria} />
          <h3 className="mt-5 mb-2 font-medium">Sign-offs</h3>
          <Signoffs signoffs={active.signoffs} pending={active.pendingSeats} />
        </Card>
      ) : (
        <Alert>
          No version of the lead definition is in force yet. An admin drafts one; a sales-seat and a
          marketing-seat committee member sign it off.
        </Alert>
      )}

      {openVersion ? (
        <Alert>
          Version {openVersion.number} is{' '}
          {openVersion.status === 'draft' ? 'being drafted' : 'proposed and awaiting sign-off'}.{' '}
          <Link to={`/definition/versions/${openVersion.id}`} className="underline">
            Open version {openVersion.number}
          </Link>
        </Alert>
      ) : canDraft ? (
        <Card title="Draft a new version">
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="start-draft" />
            <div>
              <label htmlFor="from" className="mb-1 block text-sm font-medium">
                Start from
              </label>
              <select
                id="from"
                name="from"
                className={inputClass}
                defaultValue={active ? 'active' : 'empty'}
              >
                {active ? <option value="active">A copy of version {active.number}</option> : null}
                <option value="empty">An empty version</option>
              </select>
            </div>
            <Button type="submit">Start draft</Button>
          </Form>
        </Card>
      ) : null}

      <Card title="History">
        {versions.length === 0 ? (
          <p className="text-slate-600">No versions yet.</p>
        ) : (
          <>
            <Table
              caption="Every version of the lead definition"
              columns={['Version', 'Status', 'Since']}
            >
              {versions.map((v) => (
                <tr key={v.id}>
                  <Td>
                    <Link to={`/definition/versions/${v.id}`} className="text-brand-700 underline">
                      Version {v.number}
                    </Link>
                  </Td>
                  <Td>{VERSION_STATUS_LABELS[v.status]}</Td>
                  <Td>{v.since}</Td>
                </tr>
              ))}
            </Table>
            {versions.length > 1 ? (
              <Form
                method="get"
                action="/definition/compare"
                className="mt-4 flex flex-wrap items-end gap-3"
              >
                <SelectField
                  name="from"
                  label="Compare version"
                  options={versionOptions}
                  defaultValue={versions[1]?.id}
                />
                <SelectField
                  name="to"
                  label="with version"
                  options={versionOptions}
                  defaultValue={versions[0]?.id}
                />
                <Button type="submit" variant="secondary">
                  Show changes
                </Button>
              </Form>
            ) : null}
          </>
        )}
      </Card>
    </div>
  )
}
