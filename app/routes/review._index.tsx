import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CaseStageBadge } from '~/components/badges'
import { CaseFilterFields } from '~/components/case-filters'
import { QueueKeys } from '~/components/queue-keys'
import { FilterForm, PageHeader, SelectField, Table, Td } from '~/components/ui'
import { reviewQueue } from '~/domain/cases/lists.server'
import { ReviewQuerySchema } from '~/domain/cases/schema'
import { leadName } from '~/domain/leads/fields'
import { filterOptions } from '~/domain/leads/filter-options.server'
import { can } from '~/domain/people/access'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { clockAt } from '~/domain/sla/clock'
import { requireAccess } from '~/http/guards.server'
import { pathVia } from '~/http/navigation'
import { queryOf } from '~/http/query'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'Review queue · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  const user = await requireAccess(args, 'review.read')
  const query = ReviewQuerySchema.parse(queryOf(request))
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const now = nowOf(args.context)
  const page = reviewQueue(db, user.id, query, now)
  return {
    isMember: can(user, 'cases.vote'),
    rows: page.rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      afterContact: c.afterContact,
      name: leadName({ ...c, id: c.leadId }),
      company: c.company,
      reason: c.reasonLabel,
      rep: c.repName,
      source: c.source,
      campaign: c.campaign,
      openedAt: formatDateTime(c.openedAt, timeZone),
      takenUpAt: c.takenUpAt ? formatDateTime(c.takenUpAt, timeZone) : null,
      clock: clockAt(now, c.reviewDueAt, timeZone),
      response: c.response,
      votes: c.votes,
      voted: c.voted === 1,
    })),
    nextCursor: page.nextCursor,
    ...filterOptions(db, { reps: true }),
  }
}

export default function ReviewQueue() {
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const next = new URLSearchParams(params)
  if (data.nextCursor) next.set('after', data.nextCursor)
  const filter = (name: string) => params.get(name) ?? ''
  return (
    <div className="space-y-4">
      <PageHeader title="Review queue" />
      <p className="text-slate-700">Open cases, most overdue first.</p>
      <FilterForm label="Filter the review queue" clearTo="/review">
        {data.isMember ? (
          <SelectField
            name="needsMyVote"
            label="Show"
            defaultValue={filter('needsMyVote')}
            options={[['1', 'Needs my vote']]}
            emptyLabel="Every open case"
          />
        ) : null}
        <CaseFilterFields
          filter={filter}
          reasons={data.reasons}
          reps={data.reps}
          sources={data.sources}
          campaigns={data.campaigns}
        />
        <SelectField
          emptyLabel="Any age"
          name="olderThanDays"
          label="Age"
          defaultValue={filter('olderThanDays')}
          options={[
            ['7', 'Opened a week ago or more'],
            ['14', 'Opened two weeks ago or more'],
            ['30', 'Opened a month ago or more'],
          ]}
        />
      </FilterForm>
      <QueueKeys
        rows={data.rows.map((c) => ({ id: c.id, href: pathVia(`/cases/${c.id}`, 'review') }))}
      >
        {data.rows.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
            No open cases match.
          </p>
        ) : (
          <Table
            caption="Open cases, most overdue first"
            columns={['Case', 'Lead', 'Stage and reason', 'Rep', 'Source', 'Review clock', 'Votes']}
          >
            {data.rows.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link
                    to={pathVia(`/cases/${c.id}`, 'review')}
                    className="text-brand-700 underline"
                  >
                    Case {c.id}
                  </Link>
                  <div className="text-slate-600">
                    {c.takenUpAt
                      ? `taken up ${c.takenUpAt} (rejected in the CRM ${c.openedAt})`
                      : `opened ${c.openedAt}`}
                  </div>
                </Td>
                <Td>
                  {c.name}
                  {c.company ? <div className="text-slate-600">{c.company}</div> : null}
                </Td>
                <Td>
                  <CaseStageBadge kind={c.kind} afterContact={c.afterContact} />
                  {c.reason ? <div>{c.reason}</div> : null}
                  <div className="text-slate-600">
                    {c.response === 'contested' ? 'Contested by marketing' : 'No response yet'}
                  </div>
                </Td>
                <Td>{c.rep}</Td>
                <Td>
                  {c.source ?? '—'}
                  {c.campaign ? <div className="text-slate-600">{c.campaign}</div> : null}
                </Td>
                <Td className={c.clock.overdue ? 'font-medium text-red-800' : undefined}>
                  {c.clock.label}
                </Td>
                <Td>
                  {c.votes}
                  {c.voted ? <div className="text-slate-600">You voted</div> : null}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </QueueKeys>
      {data.nextCursor ? (
        <Link to={`?${next}`} className="text-sm text-brand-700 underline">
          Next page
        </Link>
      ) : null}
    </div>
  )
}
