// The rep's queue: the leads that wait for them, most urgent first, and the counts on their home.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm'
import { decodeCursor } from '~/domain/cursor'
import { LEAD_NAME_COLUMNS } from '~/domain/leads/lead.server'
import type { WorkingCalendar } from '~/domain/sla/calendar'
import { clockAt, endOfLocalDay } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'

const QUEUE_PAGE_SIZE = 50

/** The counts on a rep's home: waiting leads, those due before local midnight, those overdue. */
export function queueCounts(db: Queryable, repId: number, now: Date, timeZone: string) {
  const endOfDay = endOfLocalDay(now, timeZone).getTime()
  const row = db
    .select({
      open: sql<number>`count(*)`,
      dueToday: sql<number>`coalesce(sum(${leads.followUpDueAt} > ${now.getTime()} AND ${leads.followUpDueAt} <= ${endOfDay}), 0)`,
      overdue: sql<number>`coalesce(sum(${leads.followUpDueAt} <= ${now.getTime()}), 0)`,
    })
    .from(leads)
    .where(and(eq(leads.ownerId, repId), isNotNull(leads.followUpDueAt)))
    .get()
  return { open: row?.open ?? 0, dueToday: row?.dueToday ?? 0, overdue: row?.overdue ?? 0 }
}

/** The query behind a page of a rep's queue: most urgent first, from the partial queue index. */
export function queueQuery(db: Queryable, repId: number, after?: { due: number; id: number }) {
  return db
    .select({
      id: leads.id,
      ...LEAD_NAME_COLUMNS,
      title: leads.title,
      source: leads.source,
      status: leads.status,
      evaluation: leads.evaluation,
      handedOverAt: leads.handedOverAt,
      clockStartedAt: leads.clockStartedAt,
      followUpDueAt: leads.followUpDueAt,
      // Handed back from the Nurture pool: a re-engaged hand-over, not net-new (decision 26).
      reengaged: leads.reengaged,
    })
    .from(leads)
    .where(
      and(
        eq(leads.ownerId, repId),
        isNotNull(leads.followUpDueAt),
        // A row-value comparison, so SQLite seeks straight to the cursor in the index.
        after
          ? sql`(${leads.followUpDueAt}, ${leads.id}) > (${after.due}, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(asc(leads.followUpDueAt), asc(leads.id))
    .limit(QUEUE_PAGE_SIZE + 1)
}

/** One page of the rep's queue, each lead with where its clock stands. */
export function repQueue(
  db: Queryable,
  repId: number,
  now: Date,
  calendar: WorkingCalendar,
  cursor?: string,
) {
  const decoded = decodeCursor(cursor)
  const after = decoded ? { due: decoded.at, id: decoded.id } : undefined
  const rows = queueQuery(db, repId, after).all()
  const page = rows.slice(0, QUEUE_PAGE_SIZE)
  const last = page.at(-1)
  return {
    rows: page.map((row) => ({
      ...row,
      clock: clockAt(now, row.followUpDueAt as Date, calendar),
    })),
    nextCursor:
      rows.length > QUEUE_PAGE_SIZE && last
        ? `${(last.followUpDueAt as Date).getTime()}-${last.id}`
        : null,
  }
}
