import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EvaluationBadge, StatusBadge } from '~/components/badges'
import { Card, PageHeader, Table, Td } from '~/components/ui'
import { actionLabel, describeChanges } from '~/lib/audit-format'
import { requireUser } from '~/lib/auth.server'
import { getDb } from '~/lib/db.server'
import { criteriaOf, getVersion } from '~/lib/definitions.server'
import { describeRule, evaluate, RESULT_LABELS } from '~/lib/evaluator'
import { LEAD_FIELDS, LIFECYCLE_LABELS } from '~/lib/lead-fields'
import { getLeadForViewer, leadTimeline, sameCompanyLeads } from '~/lib/leads.server'
import { idParam } from '~/lib/params'
import { seesAllLeads } from '~/lib/roles'
import { getOrganisationSettings } from '~/lib/settings.server'
import { formatDateTime } from '~/lib/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.name ?? 'Lead'} · Leadcourt` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const lead = getLeadForViewer(db, user, idParam(params, 'leadId'))
  if (!lead) throw new Response('Not found', { status: 404 })
  const { timeZone } = getOrganisationSettings(db)
  const version = lead.definitionVersionId ? getVersion(db, lead.definitionVersionId) : null
  const criteria = version ? criteriaOf(db, version.id) : []
  const evaluation = version ? evaluate(lead, criteria) : null
  return {
    name:
      [lead.firstName, lead.lastName].filter(Boolean).join(' ') ||
      lead.email ||
      lead.externalId ||
      `Lead ${lead.id}`,
    fields: LEAD_FIELDS.map((f) => {
      const value = lead[f.key]
      const shown =
        f.key === 'lifecycleStage' && lead.lifecycleStage
          ? LIFECYCLE_LABELS[lead.lifecycleStage]
          : value
      return {
        label: f.label,
        value: shown === null || shown === undefined || shown === '' ? null : String(shown),
      }
    }),
    custom: Object.entries(lead.custom),
    status: lead.status,
    handedOverAt: formatDateTime(lead.handedOverAt, timeZone),
    version: version ? { id: version.id, number: version.number } : null,
    overall: evaluation?.overall ?? null,
    criteria: criteria.map((c, i) => ({
      key: c.key,
      label: c.label,
      required: c.required,
      rule: describeRule(c),
      result: evaluation?.criteria[i]?.result ?? 'unknown',
    })),
    sameCompany: sameCompanyLeads(db, lead).map((other) => ({
      id: other.id,
      name:
        [other.firstName, other.lastName].filter(Boolean).join(' ') ||
        other.email ||
        `Lead ${other.id}`,
      title: other.title,
      status: other.status,
      lifecycleStage: other.lifecycleStage,
      ownerName: other.ownerName,
      canOpen: seesAllLeads(user) || other.ownerId === user.id,
    })),
    companyDomain: lead.companyDomain,
    timeline: leadTimeline(db, lead.id).map((e) => ({
      id: e.id,
      when: formatDateTime(e.at, timeZone),
      who: e.actorName ?? 'System',
      what: actionLabel(e.action),
      changes: e.action === 'lead.created' ? [] : describeChanges(e.before, e.after),
    })),
  }
}

const RESULT_STYLES = {
  met: 'text-green-800',
  unmet: 'text-red-800',
  unknown: 'text-amber-900',
} as const

export default function LeadPage() {
  const lead = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title={lead.name}>
        <Link to="/leads" className="text-sm text-brand-700 underline">
          All leads
        </Link>
      </PageHeader>
      <p className="flex flex-wrap items-center gap-3 text-slate-700">
        <StatusBadge status={lead.status} />
        <EvaluationBadge evaluation={lead.overall} />
        <span>Handed to Sales {lead.handedOverAt}</span>
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="The lead">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {lead.fields.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-slate-600">{f.label}</dt>
                <dd>{f.value ?? <span className="text-slate-400">blank</span>}</dd>
              </div>
            ))}
            {lead.custom.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-slate-600">{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>

        <Card
          title={
            lead.version
              ? `Against the definition (version ${lead.version.number})`
              : 'Against the definition'
          }
        >
          {lead.version ? (
            <>
              <p className="mb-3 text-sm text-slate-700">
                Judged against{' '}
                <Link
                  to={`/definition/versions/${lead.version.id}`}
                  className="text-brand-700 underline"
                >
                  version {lead.version.number}
                </Link>
                , the version in force when the lead was handed to Sales.
              </p>
              <ul className="space-y-2 text-sm">
                {lead.criteria.map((c) => (
                  <li key={c.key} className="rounded-md border border-slate-200 p-2">
                    <p className="font-medium">
                      {c.label}{' '}
                      <span className="font-normal text-slate-600">
                        ({c.required ? 'required' : 'advisory'})
                      </span>
                    </p>
                    <p className="text-slate-700">{c.rule}</p>
                    <p className={RESULT_STYLES[c.result]}>{RESULT_LABELS[c.result]}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="text-sm text-slate-700">
              No version of the lead definition was in force when this lead was handed over.
            </p>
          )}
        </Card>
      </div>

      <Card
        title={
          lead.companyDomain ? `Others at ${lead.companyDomain}` : 'Others at the same company'
        }
      >
        {lead.sameCompany.length === 0 ? (
          <p className="text-sm text-slate-700">
            {lead.companyDomain
              ? 'No other leads from this company.'
              : 'The lead has no company domain to match on.'}
          </p>
        ) : (
          <Table
            caption="Other leads from the same company domain"
            columns={['Lead', 'Title', 'Lifecycle stage', 'Status', 'Owner']}
          >
            {lead.sameCompany.map((o) => (
              <tr key={o.id}>
                <Td>
                  {o.canOpen ? (
                    <Link to={`/leads/${o.id}`} className="text-brand-700 underline">
                      {o.name}
                    </Link>
                  ) : (
                    o.name
                  )}
                </Td>
                <Td>{o.title ?? '—'}</Td>
                <Td>{o.lifecycleStage ? LIFECYCLE_LABELS[o.lifecycleStage] : '—'}</Td>
                <Td>
                  <StatusBadge status={o.status} />
                </Td>
                <Td>{o.ownerName}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card title="Timeline">
        <ol className="space-y-2 text-sm">
          {lead.timeline.map((e) => (
            <li key={e.id}>
              <span className="text-slate-600">{e.when}</span> — {e.what} by {e.who}
              {e.changes.length ? (
                <ul className="ml-4 list-disc text-slate-700">
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      {c.field}: {c.before ?? 'blank'} → {c.after ?? 'blank'}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  )
}
