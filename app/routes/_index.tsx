import { parseWithZod } from '@conform-to/zod/v4'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CaseKindBadge, EvaluationBadge, StatusBadge } from '~/components/badges'
import { Alert, Button, Card, PageHeader, Table, Td } from '~/components/ui'
import { awaitingResponse, listCases, reviewQueue } from '~/domain/cases/lists.server'
import { DISPOSITION_LABELS, VERDICT_LABELS } from '~/domain/cases/schema'
import { leadName } from '~/domain/leads/fields'
import {
  markNotificationsRead,
  unreadNotifications,
} from '~/domain/notifications/notifications.server'
import { can } from '~/domain/people/access'
import { ROLE_LABELS, type Role, SEAT_LABELS } from '~/domain/people/roles'
import { queueCounts, repQueue } from '~/domain/sales/sales.server'
import { HomeQuerySchema, MarkReadSchema } from '~/domain/sales/schema'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { clockAt } from '~/domain/sla/clock'
import { requireUser } from '~/http/guards.server'
import { queryOf } from '~/http/query'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'Home · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  const user = await requireUser(args)
  const query = HomeQuerySchema.parse(queryOf(request))
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const now = nowOf(args.context)
  const isRep = can(user, 'leads.work')
  const queue = isRep ? repQueue(db, user.id, now, timeZone, query.queue) : null
  return {
    name: user.name,
    roles: user.roles,
    seat: user.seat,
    isChair: user.isChair,
    counts: isRep ? queueCounts(db, user.id, now, timeZone) : null,
    queue: queue
      ? {
          nextCursor: queue.nextCursor,
          rows: queue.rows.map((r) => ({
            id: r.id,
            name: leadName(r),
            company: r.company,
            title: r.title,
            source: r.source,
            status: r.status,
            evaluation: r.evaluation,
            clock: r.clock,
            due: formatDateTime(r.followUpDueAt as Date, timeZone),
          })),
        }
      : null,
    myCases: isRep
      ? listCases(db, user, {}, 5).rows.map((c) => ({
          id: c.id,
          kind: c.kind,
          leadId: c.leadId,
          name: leadName({ ...c, id: c.leadId }),
          reason: c.reasonLabel,
          openedAt: formatDateTime(c.openedAt, timeZone),
        }))
      : [],
    toVote: can(user, 'cases.vote')
      ? reviewQueue(db, user.id, { needsMyVote: true }, now, 10).rows.map((c) => ({
          id: c.id,
          kind: c.kind,
          name: leadName({ ...c, id: c.leadId }),
          reason: c.reasonLabel,
          clock: clockAt(now, c.reviewDueAt, timeZone),
        }))
      : null,
    toAnswer: can(user, 'cases.respond')
      ? awaitingResponse(db, user.id).map((c) => ({
          id: c.id,
          kind: c.kind,
          name: leadName({ ...c, id: c.leadId }),
          reason: c.reasonLabel,
          rep: c.repName,
          clock: clockAt(now, c.reviewDueAt, timeZone),
        }))
      : null,
    notifications: unreadNotifications(db, user.id).map((n) => ({
      id: n.id,
      notice: n.kind,
      verdict: n.verdict,
      disposition: n.disposition,
      rationale: n.rationale,
      caseId: n.caseId,
      kind: n.caseKind,
      leadId: n.leadId,
      name: leadName({ ...n, id: n.leadId }),
      company: n.company,
      repName: n.repName,
      reason: n.reasonLabel,
      notes: n.notes,
      at: formatDateTime(n.createdAt, timeZone),
    })),
  }
}

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  const user = await requireUser(args)
  const submission = parseWithZod(await request.formData(), { schema: MarkReadSchema })
  if (submission.status !== 'success') return data({ marked: 0 }, { status: 400 })
  return {
    marked: markNotificationsRead(
      getDb(),
      user.id,
      submission.value.notificationId,
      nowOf(args.context),
    ),
  }
}

// What the homes of roles whose work is not built yet hold.
const HOME_SECTIONS: Partial<
  Record<Role, { title: string; body: string; links?: { to: string; label: string }[] }>
> = {
  marketer: {
    title: 'Rejected and ignored leads',
    body: 'Every lead of yours that Sales rejects or ignores becomes a case. You answer each case by conceding or contesting it with a brief.',
    links: [{ to: '/cases', label: 'Your rejected and ignored leads' }],
  },
  leadership: {
    title: 'Reports',
    body: 'Rejection accuracy over time, by rep, reason, source and campaign; the leads due for a hindsight check; the audit trail.',
    links: [
      { to: '/reports', label: 'Reports' },
      { to: '/hindsight', label: 'Hindsight due' },
      { to: '/audit', label: 'Read the audit trail' },
    ],
  },
  admin: {
    title: 'Administration',
    body: 'Manage who can use Leadcourt and what they may do, the reason catalog and the organisation’s settings.',
    links: [
      { to: '/admin/users', label: 'Manage users' },
      { to: '/admin/reasons', label: 'Reason catalog' },
      { to: '/admin/settings', label: 'Settings and SLAs' },
      { to: '/audit', label: 'Read the audit trail' },
    ],
  },
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'alert' }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd
        className={
          tone && value > 0 ? 'text-2xl font-semibold text-red-800' : 'text-2xl font-semibold'
        }
      >
        {value}
      </dd>
    </div>
  )
}

export default function Home() {
  const { name, roles, seat, isChair, counts, queue, myCases, notifications, toVote, toAnswer } =
    useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${name}`} />
      {searchParams.get('password') === 'changed' ? (
        <Alert tone="success">Your password has been changed.</Alert>
      ) : null}
      <p className="text-slate-700">
        You are signed in as {roles.map((r) => ROLE_LABELS[r]).join(', ')}
        {seat ? ` (${SEAT_LABELS[seat]}${isChair ? ', chair' : ''})` : ''}.
      </p>

      {notifications.length ? (
        <Card title="Needs your attention">
          <Form method="post" className="mb-3">
            <input type="hidden" name="intent" value="mark-read" />
            <Button type="submit" name="notificationId" value="all" variant="secondary">
              Mark all as read
            </Button>
          </Form>
          <ul className="space-y-3 text-sm">
            {notifications.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-200 p-3">
                <p className="flex flex-wrap items-center gap-2">
                  <CaseKindBadge kind={n.kind} />
                  <Link to={`/leads/${n.leadId}`} className="font-medium text-brand-700 underline">
                    {n.name}
                    {n.company ? `, ${n.company}` : ''}
                  </Link>
                  <span className="text-slate-600">{n.at}</span>
                </p>
                <p className="mt-1 text-slate-700">
                  {n.notice === 'case_opened'
                    ? n.kind === 'rejected'
                      ? `${n.repName} rejected it: ${n.reason}.${n.notes ? ` “${n.notes}”` : ''}`
                      : `${n.repName} neither accepted nor rejected it in time; case ${n.caseId} is open.`
                    : `${n.notice === 'conceded' ? 'Marketing conceded' : 'Verdict'} on case ${n.caseId}: ${n.verdict ? VERDICT_LABELS[n.verdict] : ''}${n.disposition ? ` — ${DISPOSITION_LABELS[n.disposition]}` : n.verdict === 'meets' ? ' — back with Sales' : ''}.`}
                </p>
                {n.notice === 'verdict' && n.rationale ? (
                  <p className="mt-1 whitespace-pre-line text-slate-800">{n.rationale}</p>
                ) : null}
                <Link to={`/cases/${n.caseId}`} className="text-sm text-brand-700 underline">
                  Open case {n.caseId}
                </Link>
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="mark-read" />
                  <button
                    type="submit"
                    name="notificationId"
                    value={n.id}
                    className="text-sm text-brand-700 underline"
                  >
                    Mark as read
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {toVote ? (
        <Card title="Cases needing your vote">
          {toVote.length === 0 ? (
            <p className="text-sm text-slate-700">Every open case has your vote. Thank you.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {toVote.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-2">
                  <CaseKindBadge kind={c.kind} />
                  <Link to={`/cases/${c.id}`} className="text-brand-700 underline">
                    Case {c.id}: {c.name}
                  </Link>
                  {c.reason ? <span>{c.reason}</span> : null}
                  <span className={c.clock.overdue ? 'font-medium text-red-800' : 'text-slate-600'}>
                    {c.clock.label}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link
            to="/review?needsMyVote=1"
            className="mt-2 inline-block text-sm text-brand-700 underline"
          >
            The review queue
          </Link>
        </Card>
      ) : null}

      {toAnswer ? (
        <Card title="Cases awaiting your response">
          {toAnswer.length === 0 ? (
            <p className="text-sm text-slate-700">No case is waiting for marketing’s answer.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {toAnswer.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-2">
                  <CaseKindBadge kind={c.kind} />
                  <Link to={`/cases/${c.id}`} className="text-brand-700 underline">
                    Case {c.id}: {c.name}
                  </Link>
                  <span>
                    {c.rep}
                    {c.reason ? `: ${c.reason}` : ''}
                  </span>
                  <span className={c.clock.overdue ? 'font-medium text-red-800' : 'text-slate-600'}>
                    review {c.clock.label}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}

      {counts && queue ? (
        <section aria-labelledby="queue-heading" className="space-y-4">
          <h2 id="queue-heading" className="text-lg font-semibold text-slate-900">
            Your queue
          </h2>
          <dl className="grid grid-cols-3 gap-4 sm:max-w-lg">
            <Count label="Open" value={counts.open} />
            <Count label="Due today" value={counts.dueToday} />
            <Count label="Overdue" value={counts.overdue} tone="alert" />
          </dl>
          {queue.rows.length === 0 ? (
            <p className="text-slate-700">
              No leads are waiting for you. New and returned leads appear here.
            </p>
          ) : (
            <Table
              caption="New and returned leads waiting for you, most urgent first"
              columns={['Lead', 'Company', 'Source', 'Status', 'Evaluation', 'Follow-up clock']}
            >
              {queue.rows.map((r) => (
                <tr key={r.id}>
                  <Td>
                    <Link to={`/leads/${r.id}`} className="text-brand-700 underline">
                      {r.name}
                    </Link>
                    {r.title ? <div className="text-slate-600">{r.title}</div> : null}
                  </Td>
                  <Td>{r.company ?? '—'}</Td>
                  <Td>{r.source ?? '—'}</Td>
                  <Td>
                    <StatusBadge status={r.status} />
                  </Td>
                  <Td>
                    <EvaluationBadge evaluation={r.evaluation} />
                  </Td>
                  <Td className={r.clock.overdue ? 'font-medium text-red-800' : undefined}>
                    {r.clock.label}
                    <div className="text-slate-600">due {r.due}</div>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
          {queue.nextCursor ? (
            <Link to={`/?queue=${queue.nextCursor}`} className="text-brand-700 underline">
              Next leads
            </Link>
          ) : null}
          {myCases.length ? (
            <Card title="Your latest cases">
              <ul className="space-y-1 text-sm">
                {myCases.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-2">
                    <CaseKindBadge kind={c.kind} />
                    <Link to={`/leads/${c.leadId}`} className="text-brand-700 underline">
                      {c.name}
                    </Link>
                    <span className="text-slate-600">
                      {c.reason ? `${c.reason}, ` : ''}
                      {c.openedAt}
                    </span>
                  </li>
                ))}
              </ul>
              <Link to="/cases" className="mt-2 inline-block text-sm text-brand-700 underline">
                All your cases
              </Link>
            </Card>
          ) : null}
        </section>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        {roles.map((role) => {
          const section = HOME_SECTIONS[role]
          if (!section) return null
          return (
            <Card key={role} title={section.title}>
              <p className="text-slate-700">{section.body}</p>
              {section.links ? (
                <ul className="mt-3 space-y-1">
                  {section.links.map((l) => (
                    <li key={l.to}>
                      <Link to={l.to} className="text-brand-700 underline">
                        {l.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </Card>
          )
        })}
      </div>
    </div>
  )
}
