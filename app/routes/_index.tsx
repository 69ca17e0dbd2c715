import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { LeadershipTiles } from '~/components/home/leadership-tiles'
import {
  CasesToAnswer,
  CasesToVote,
  Notifications,
  ReengagedInPool,
  RepQueue,
  RoleSections,
} from '~/components/home/sections'
import { WorkingLeads } from '~/components/home/working-leads'
import { QueueKeys } from '~/components/queue-keys'
import { Alert, PageHeader } from '~/components/ui'
import { markNotificationsRead } from '~/domain/notifications/notifications.server'
import { homePage } from '~/domain/people/home.server'
import { leadershipTiles, showsLeadershipTiles } from '~/domain/people/leadership-home.server'
import { ROLE_LABELS, SEAT_LABELS } from '~/domain/people/roles'
import { HomeQuerySchema, MarkReadSchema } from '~/domain/sales/schema'
import { readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { type IntentContext, intent, runAction } from '~/http/intents.server'
import { queryOf } from '~/http/query'
import { runReport } from '~/http/report-view.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Home · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args)
  const query = HomeQuerySchema.parse(queryOf(args.request))
  const now = nowOf(args.context)
  const db = getDb()
  // Leadership's tiles come from the reports themselves, on the report pool as their pages do;
  // when the pool is too busy (503), the home page still opens, saying so.
  const leadership = showsLeadershipTiles(user)
    ? await leadershipTiles(db, runReport, now).catch((error: unknown) => {
        if (error instanceof Response && error.status === 503) return 'unavailable' as const
        throw error
      })
    : null
  return { ...homePage(db, user, query, now), leadership }
}

const MARK_READ = intent({
  schema: MarkReadSchema,
  run: (v, c: IntentContext & { now: Date }) => ({
    ok: true as const,
    marked: markNotificationsRead(getDb(), c.user.id, v.notificationId, c.now),
  }),
  payload: (done) => ({ marked: done.marked }),
})

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  const ctx = { user, now: nowOf(args.context) }
  return runAction(await readForm(args.request), ctx, MARK_READ, 'mark-read')
}

export default function Home() {
  const {
    name,
    roles,
    seat,
    isChair,
    counts,
    queue,
    myCases,
    working,
    notifications,
    toVote,
    toAnswer,
    reengagedInPool,
    signInNotice,
    leadership,
  } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${name}`} />
      {searchParams.get('password') === 'changed' ? (
        <Alert tone="success">Your password has been changed.</Alert>
      ) : null}
      {signInNotice ? <Alert>{signInNotice}</Alert> : null}
      <p className="text-slate-700">
        You are signed in as {roles.map((r) => ROLE_LABELS[r]).join(', ')}
        {seat ? ` (${SEAT_LABELS[seat]}${isChair ? ', chair' : ''})` : ''}.
      </p>
      {leadership === 'unavailable' ? (
        <Alert>
          The figures at a glance took too long to prepare just now. Reload in a moment, or open the
          reports.
        </Alert>
      ) : leadership ? (
        <LeadershipTiles tiles={leadership} />
      ) : null}
      {/* A rep's queue comes first: its follow-up clocks are what a rep works by (decision 42). */}
      {counts && queue ? (
        <QueueKeys rows={queue.rows.map((r) => ({ id: r.id, href: `/leads/${r.id}` }))} canWork>
          <RepQueue counts={counts} queue={queue} myCases={myCases} />
        </QueueKeys>
      ) : null}
      {notifications.length ? <Notifications notifications={notifications} /> : null}
      {toVote ? <CasesToVote toVote={toVote} /> : null}
      {toAnswer ? <CasesToAnswer toAnswer={toAnswer} /> : null}
      {reengagedInPool !== null ? <ReengagedInPool count={reengagedInPool} /> : null}
      {working ? <WorkingLeads working={working} /> : null}
      <RoleSections roles={roles} />
    </div>
  )
}
