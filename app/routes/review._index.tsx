import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CaseStageBadge } from '~/components/badges'
import { CaseFilterFields } from '~/components/case-filters'
import { Cell, ListTable, Row } from '~/components/list-table'
import { LiveFilterForm } from '~/components/live-filters'
import { QueueKeys } from '~/components/queue-keys'
import { PageHeader, SelectField } from '~/components/ui'
import { ViewsMenu } from '~/components/views-menu'
import { reviewQueue } from '~/domain/cases/lists.server'
import { ReviewQuerySchema } from '~/domain/cases/schema'
import { leadName } from '~/domain/leads/fields'
import { filterOptions } from '~/domain/leads/filter-options.server'
import { can } from '~/domain/people/access'
import { getWorkingCalendar } from '~/domain/settings/settings.server'
import { clockAt } from '~/domain/sla/clock'
import { LIST_SORTS, nextOrder, orderOf, type SortKey } from '~/domain/views/sort'
import { viewsOf } from '~/domain/views/views-of.server'
import { requireAccess } from '~/http/guards.server'
import { readListQuery } from '~/http/list-query'
import { pathVia } from '~/http/navigation'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'Review queue · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  const user = await requireAccess(args, 'review.read')
  const { sort, dir, ...query } = readListQuery(request, 'review', ReviewQuerySchema)
  const order = orderOf('review', { sort, dir })
  const db = getDb()
  const calendar = getWorkingCalendar(db)
  const { timeZone } = calendar
  const now = nowOf(args.context)
  const page = reviewQueue(db, user.id, { ...query, ...order }, now)
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
      clock: clockAt(now, c.reviewDueAt, calendar),
      response: c.response,
      votes: c.votes,
      voted: c.voted === 1,
    })),
    order,
    views: viewsOf(db, user.id, 'review'),
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
      <p className="text-slate-700">{orderSentence(data.order)}</p>
      <LiveFilterForm label="Filter the review queue" clearTo="/review" foldOnPhone>
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
      </LiveFilterForm>
      <QueueKeys
        rows={data.rows.map((c) => ({ id: c.id, href: pathVia(`/cases/${c.id}`, 'review') }))}
      >
        {data.rows.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
            No open cases match.
          </p>
        ) : (
          <ReviewRows rows={data.rows} order={data.order} />
        )}
      </QueueKeys>
      {data.nextCursor ? (
        <Link to={`?${next}`} className="text-sm text-brand-700 underline">
          Next page
        </Link>
      ) : null}
      <ViewsMenu list="review" views={data.views} />
    </div>
  )
}

type ReviewData = SerializeFrom<typeof loader>

/** What order the queue is in, in words. */
function orderSentence(order: ReviewData['order']): string {
  if (order.sort === 'opened')
    return order.dir === 'asc' ? 'Open cases, longest open first.' : 'Open cases, newest first.'
  return order.dir === 'asc'
    ? 'Open cases, most overdue first.'
    : 'Open cases, the most time left first.'
}

/** The open cases of a page: a table on a desktop, a card per case (clock first) on a phone. */
function ReviewRows({ rows, order }: { rows: ReviewData['rows']; order: ReviewData['order'] }) {
  const { reviewDue, opened } = LIST_SORTS.review.columns
  return (
    <ListTable
      caption={orderSentence(order)}
      columns={[
        { label: 'Case, opened', sort: 'opened' },
        { label: 'Lead' },
        { label: 'Stage and reason' },
        { label: 'Rep' },
        { label: 'Source' },
        { label: reviewDue.label, sort: 'reviewDue' },
        { label: 'Votes' },
      ]}
      order={order}
      nextOrder={(column) => nextOrder('review', order, column as SortKey<'review'>)}
    >
      {rows.map((c) => (
        <Row key={c.id}>
          <Cell label="Case" bare>
            <Link to={pathVia(`/cases/${c.id}`, 'review')} className="text-brand-700 underline">
              Case {c.id}
            </Link>
            <div className="text-slate-600">
              {c.takenUpAt
                ? `taken up ${c.takenUpAt} (rejected in the CRM ${c.openedAt})`
                : `${opened.label.toLowerCase()} ${c.openedAt}`}
            </div>
          </Cell>
          <Cell label="Lead" bare>
            <span className="font-medium md:font-normal">{c.name}</span>
            {c.company ? <div className="text-slate-600">{c.company}</div> : null}
          </Cell>
          <Cell label="Stage and reason" bare>
            <CaseStageBadge kind={c.kind} afterContact={c.afterContact} />
            {c.reason ? <div>{c.reason}</div> : null}
            <div className="text-slate-600">
              {c.response === 'contested' ? 'Contested by marketing' : 'No response yet'}
            </div>
          </Cell>
          <Cell label="Rep">{c.rep}</Cell>
          <Cell label="Source">
            {c.source ?? '—'}
            {c.campaign ? <span className="text-slate-600 md:block"> {c.campaign}</span> : null}
          </Cell>
          <Cell
            label={reviewDue.label}
            first
            className={c.clock.overdue ? 'font-medium text-red-800' : undefined}
          >
            {c.clock.label}
          </Cell>
          <Cell label="Votes">
            {c.votes}
            {c.voted ? <div className="text-slate-600">You voted</div> : null}
          </Cell>
        </Row>
      ))}
    </ListTable>
  )
}
