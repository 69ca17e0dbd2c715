// The Nurture pool (decision 26): every lead in nurture, re-engaged first then the longest
// there, with the verdict that sent it, its age in the pool, what changed since it entered,
// the new leads at its company since, and how the definition in force judges it now.
import { and, asc, count, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import { EVALUATION_LABELS, evaluate } from '~/domain/definition/evaluator'
import { getActiveVersion } from '~/domain/definition/versions.server'
import { leadName } from '~/domain/leads/fields'
import { formatDateTime } from '~/platform/time'
import type { Queryable } from '~db/connection'
import { cases, leads, nurtureStays, users } from '~db/schema'
import { decodePoolCursor, encodePoolCursor, type PoolCursor, type PoolQuery } from './schema'
import { whatChanged } from './what-changed'

export const POOL_PAGE_SIZE = 25
const DAY = 24 * 3_600_000
const RATIONALE_EXCERPT = 160

/**
 * One segment of the pool (re-engaged, or not yet), oldest stay first from `after`: walks the
 * open stays in the pool index (ended_at, started_at, id), each joined to its lead, case and rep
 * by key. The query-plan test reads it too.
 */
export function poolSegmentQuery(
  db: Queryable,
  segment: { reengaged: boolean; leadId?: number; after?: PoolCursor | null },
  limit: number,
) {
  const { after } = segment
  const where: (SQL | undefined)[] = [
    isNull(nurtureStays.endedAt),
    segment.reengaged ? isNotNull(nurtureStays.reengagedAt) : isNull(nurtureStays.reengagedAt),
    segment.leadId ? eq(nurtureStays.leadId, segment.leadId) : undefined,
    after
      ? sql`(${nurtureStays.startedAt}, ${nurtureStays.id}) > (${after.at}, ${after.id})`
      : undefined,
  ]
  return db
    .select({
      stay: nurtureStays,
      lead: leads,
      ownerName: users.name,
      caseStatus: cases.status,
      verdict: cases.verdict,
      disposition: cases.disposition,
      rationale: cases.rationale,
      // The leads at the same company handed over since the stay began (by the domain index).
      newContacts: sql<number>`(SELECT count(*) FROM leads AS others WHERE others.company_domain = ${leads.companyDomain} AND others.handed_over_at >= ${nurtureStays.startedAt} AND others.id <> ${leads.id})`,
    })
    .from(nurtureStays)
    .innerJoin(leads, eq(leads.id, nurtureStays.leadId))
    .innerJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(cases, eq(cases.id, nurtureStays.caseId))
    .where(and(...where))
    .orderBy(asc(nurtureStays.startedAt), asc(nurtureStays.id))
    .limit(limit)
}

type PoolRow = ReturnType<ReturnType<typeof poolSegmentQuery>['all']>[number]

/** The page's rows: the re-engaged segment first, then (unless filtered) the others. */
function poolRows(db: Queryable, query: PoolQuery): { rows: PoolRow[]; next: string | null } {
  const cursor = decodePoolCursor(query.after)
  const want = POOL_PAGE_SIZE + 1
  const lead = query.lead
  const rows: PoolRow[] = []
  if (!cursor || cursor.reengaged)
    rows.push(...poolSegmentQuery(db, { reengaged: true, leadId: lead, after: cursor }, want).all())
  if (!query.reengaged && rows.length < want)
    rows.push(
      ...poolSegmentQuery(
        db,
        { reengaged: false, leadId: lead, after: cursor && !cursor.reengaged ? cursor : null },
        want - rows.length,
      ).all(),
    )
  const page = rows.slice(0, POOL_PAGE_SIZE)
  const last = page.at(-1)
  const next =
    rows.length > POOL_PAGE_SIZE && last
      ? encodePoolCursor({
          reengaged: last.stay.reengagedAt !== null,
          startedAt: last.stay.startedAt,
          id: last.stay.id,
        })
      : null
  return { rows: page, next }
}

/** How many leads are in the pool, and how many of them are flagged re-engaged. */
export function poolCounts(db: Queryable) {
  const inPool = db
    .select({ n: count() })
    .from(nurtureStays)
    .where(isNull(nurtureStays.endedAt))
    .get()
  return { inPool: inPool?.n ?? 0, reengaged: reengagedInPool(db) }
}

/** The leads in the pool flagged re-engaged and not yet handed back (the marketer's home). */
export function reengagedInPool(db: Queryable): number {
  const row = db
    .select({ n: count() })
    .from(nurtureStays)
    .where(and(isNull(nurtureStays.endedAt), isNotNull(nurtureStays.reengagedAt)))
    .get()
  return row?.n ?? 0
}

function age(startedAt: Date, now: Date): string {
  const days = Math.floor((now.getTime() - startedAt.getTime()) / DAY)
  return days === 0 ? 'less than a day' : days === 1 ? '1 day' : `${days} days`
}

function excerpt(text: string | null): string | null {
  if (!text) return null
  return text.length <= RATIONALE_EXCERPT ? text : `${text.slice(0, RATIONALE_EXCERPT - 1)}…`
}

/** The Nurture pool's page: counts, one page of leads, and the cursor of the next. */
export function nurturePool(db: Queryable, query: PoolQuery, now: Date, timeZone: string) {
  const version = getActiveVersion(db)
  const { rows, next } = poolRows(db, query)
  return {
    counts: poolCounts(db),
    version: version ? { id: version.id, number: version.number } : null,
    nextCursor: next,
    rows: rows.map(({ stay, lead, ...r }) => {
      const definitionNow = version ? evaluate(lead, version.criteria).overall : null
      return {
        stayId: stay.id,
        leadId: lead.id,
        name: leadName(lead),
        company: lead.company,
        companyDomain: lead.companyDomain,
        ownerName: r.ownerName,
        caseId: stay.caseId,
        verdict:
          r.caseStatus === 'conceded' ? 'Conceded by marketing' : 'Does not meet the definition',
        disposition: r.disposition,
        rationale: excerpt(r.caseStatus === 'conceded' ? null : r.rationale),
        enteredAt: formatDateTime(stay.startedAt, timeZone),
        age: age(stay.startedAt, now),
        reengaged: stay.reengagedAt !== null,
        reengagedAt: stay.reengagedAt ? formatDateTime(stay.reengagedAt, timeZone) : null,
        why: stay.reengagedWhy ?? [],
        changes: whatChanged(stay.snapshot, lead),
        newContacts: r.newContacts,
        definitionNow,
        definitionNowLabel: definitionNow ? EVALUATION_LABELS[definitionNow] : null,
      }
    }),
  }
}

export type NurturePool = ReturnType<typeof nurturePool>
