// The parts of the home page, one for each role's work (see homePage in the domain).

import type { SerializeFrom } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'
import { CaseKindBadge, CaseStageBadge, EvaluationBadge, StatusBadge } from '~/components/badges'
import { Cell, ListTable, Row } from '~/components/list-table'
import { ReengagedBadge } from '~/components/nurture'
import { Button, Card } from '~/components/ui'
import { DISPOSITION_LABELS, VERDICT_LABELS } from '~/domain/cases/schema'
import type { HomePage } from '~/domain/people/home.server'
import type { Role } from '~/domain/people/roles'
import { countOf, formatCount } from '~/platform/numbers'

type Home = SerializeFrom<HomePage>

// The links a role's home offers beside its own lists: where marketers, leadership and admins
// go next.
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
        {formatCount(value)}
      </dd>
    </div>
  )
}

type Notice = Home['notifications'][number]

/** What a notification says, in plain words (the lead's name is its link, above). */
export function noticeText(n: Notice): string {
  const lead = `${n.name}${n.company ? ` (${n.company})` : ''}`
  const rep = n.repIsYou ? 'You' : n.repName
  switch (n.notice) {
    case 'case_opened':
      if (n.takenUp)
        return `The committee took up ${n.repIsYou ? 'your' : `${n.repName}’s`} rejection in the CRM (${n.reason}); case ${n.caseId} is open.`
      return n.kind === 'rejected'
        ? `${rep} rejected it: ${n.reason}.${n.notes ? ` “${n.notes}”` : ''}`
        : `${rep} neither accepted nor rejected it in time; case ${n.caseId} is open.`
    case 'conceded':
    case 'verdict':
      return `${n.notice === 'conceded' ? 'Marketing conceded' : 'Verdict'} on case ${n.caseId}: ${n.verdict ? VERDICT_LABELS[n.verdict] : ''}${n.disposition ? ` — ${DISPOSITION_LABELS[n.disposition]}` : n.verdict === 'meets' ? ' — back with Sales' : ''}.`
    case 'follow_up_reminder':
      return n.followUpLeft
        ? `The follow-up clock on ${lead} has ${n.followUpLeft} left. Accept or reject it before it runs out.`
        : `The follow-up clock on ${lead} was near its end; it is no longer running.`
    case 'review_reminder':
      return n.reviewLeft
        ? `The review clock on case ${n.caseId} (${lead}) has ${n.reviewLeft} left, and your vote is not in yet.`
        : `The review clock on case ${n.caseId} (${lead}) was near its end; the case is no longer waiting for you.`
    case 'escalated':
      return `${lead} came to you: ${n.repName ?? 'another rep'}’s clock ran out.${n.followUpLeft ? ` Your follow-up clock has ${n.followUpLeft} left.` : ''}`
    case 'reassigned':
      return `${lead} was reassigned to you.${n.followUpLeft ? ` Its follow-up clock has ${n.followUpLeft} left.` : ''}`
    case 'reengaged':
      return `${lead} in the Nurture pool re-engaged.`
    case 'handed_back':
      return `${lead} was handed back to you from nurture (Re-engaged).`
    case 'webhook_disabled':
      return 'A webhook endpoint was disabled: it answered 410 Gone, or failed for three days. Its events are no longer sent until it is enabled again.'
  }
}

/** The unread notifications, each with a link to its lead (and case) and a button to mark it read. */
export function Notifications({ notifications }: { notifications: Home['notifications'] }) {
  return (
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
              {n.kind ? <CaseKindBadge kind={n.kind} /> : null}
              {n.leadId === null ? (
                <span className="font-medium text-slate-900">
                  {n.notice === 'webhook_disabled' ? 'Webhook endpoint disabled' : 'Notice'}
                </span>
              ) : (
                <Link to={`/leads/${n.leadId}`} className="font-medium text-brand-700 underline">
                  {n.name}
                  {n.company ? `, ${n.company}` : ''}
                </Link>
              )}
              <span className="text-slate-600">{n.at}</span>
            </p>
            <p className="mt-1 text-slate-700">{noticeText(n)}</p>
            {n.notice === 'verdict' && n.rationale ? (
              <p className="mt-1 whitespace-pre-line text-slate-800">{n.rationale}</p>
            ) : null}
            {n.caseId ? (
              <Link to={`/cases/${n.caseId}`} className="text-sm text-brand-700 underline">
                Open case {n.caseId}
              </Link>
            ) : n.notice === 'reengaged' ? (
              <Link to="/nurture" className="text-sm text-brand-700 underline">
                Open the Nurture pool
              </Link>
            ) : n.notice === 'webhook_disabled' ? (
              <Link to="/admin/webhooks" className="text-sm text-brand-700 underline">
                Open Webhooks
              </Link>
            ) : null}
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
  )
}

/** A committee member's cases waiting for their vote. */
export function CasesToVote({ toVote }: { toVote: NonNullable<Home['toVote']> }) {
  return (
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
  )
}

/** A marketer's cases waiting for their answer. */
export function CasesToAnswer({ toAnswer }: { toAnswer: NonNullable<Home['toAnswer']> }) {
  return (
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
  )
}

/** The rep's queue, its counts and their latest cases. */
export function RepQueue({
  counts,
  queue,
  myCases,
}: {
  counts: NonNullable<Home['counts']>
  queue: NonNullable<Home['queue']>
  myCases: Home['myCases']
}) {
  return (
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
        <ListTable
          caption="New and returned leads waiting for you, most urgent first"
          columns={[
            { label: 'Lead' },
            { label: 'Company' },
            { label: 'Source' },
            { label: 'Status' },
            { label: 'Evaluation' },
            { label: 'Follow-up clock' },
          ]}
        >
          {queue.rows.map((r) => (
            <Row key={r.id}>
              <LeadCell lead={r} />
              <Cell label="Company">{r.company ?? '—'}</Cell>
              <Cell label="Source">{r.source ?? '—'}</Cell>
              <Cell label="Status" bare>
                <StatusBadge status={r.status} /> {r.reengaged ? <ReengagedBadge /> : null}{' '}
                <span className="md:hidden">
                  <EvaluationBadge evaluation={r.evaluation} />
                </span>
              </Cell>
              <Cell label="Evaluation" className="hidden md:table-cell">
                <EvaluationBadge evaluation={r.evaluation} />
              </Cell>
              <Cell
                label="Follow-up clock"
                first
                className={r.clock.overdue ? 'font-medium text-red-800' : undefined}
              >
                {r.clock.label}
                <span className="font-normal text-slate-600 md:block"> · due {r.due}</span>
              </Cell>
            </Row>
          ))}
        </ListTable>
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
                <CaseStageBadge kind={c.kind} afterContact={c.afterContact} />
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
  )
}

/** What the homes of roles whose work is elsewhere point to. */
export function RoleSections({ roles }: { roles: Role[] }) {
  return (
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
  )
}

/** The marketer's line to the leads that woke up in the Nurture pool. */
export function ReengagedInPool({ count }: { count: number }) {
  return (
    <p className="text-slate-700">
      <Link to="/nurture?reengaged=1" className="text-brand-700 underline">
        {countOf(count, 're-engaged lead', 're-engaged leads')} in the Nurture pool
      </Link>
    </p>
  )
}

/** A lead in a home table: its name, linked to the lead page, and its title beneath. */
export function LeadCell({ lead }: { lead: { id: number; name: string; title: string | null } }) {
  return (
    <Cell label="Lead" bare>
      <Link
        to={`/leads/${lead.id}`}
        className="font-medium text-brand-700 underline md:font-normal"
      >
        {lead.name}
      </Link>
      {lead.title ? <div className="text-slate-600">{lead.title}</div> : null}
    </Cell>
  )
}
