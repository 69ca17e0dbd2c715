// Reading cases: those on one lead, and the list of rejected and ignored leads that reps,
// marketers and leadership page through.
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { decodeCursor } from '~/domain/cursor'
import { LEAD_NAME_COLUMNS } from '~/domain/leads/lead.server'
import { type Role, seesAllLeads } from '~/domain/people/roles'
import type { CaseStageFilter } from '~/domain/sales/schema'
import type { SortDirection } from '~/domain/views/sort'
import type { Queryable } from '~db/connection'
import type { CaseKind, CaseStatus } from '~db/enums'
import { cases, leads, recusals, users, votes } from '~db/schema'

type Viewer = { id: number; roles: readonly Role[] }

const filer = alias(users, 'filer')

/** Every case on a lead, oldest first, with the reason and who filed it. */
export function casesOfLead(db: Queryable, leadId: number) {
  return db
    .select({
      id: cases.id,
      kind: cases.kind,
      afterContact: cases.afterContact,
      status: cases.status,
      reasonLabel: cases.reasonLabel,
      notes: cases.notes,
      contactAttempts: cases.contactAttempts,
      filedByName: filer.name,
      openedAt: cases.openedAt,
      reviewDueAt: cases.reviewDueAt,
      takenUpAt: cases.takenUpAt,
      previousCaseId: cases.previousCaseId,
      verdict: cases.verdict,
      disposition: cases.disposition,
      rationale: cases.rationale,
      decidedAt: cases.decidedAt,
    })
    .from(cases)
    .leftJoin(filer, eq(filer.id, cases.filedBy))
    .where(eq(cases.leadId, leadId))
    .orderBy(asc(cases.id))
    .all()
}

const CASE_PAGE_SIZE = 50

/**
 * The stage filter (decision 26): rejected before contact, after contact, either, or ignored.
 * A `kind` from an older link filters as the stage of the same name ('rejected', 'ignored').
 */
export function stageCondition(query: {
  stage?: CaseStageFilter
  kind?: CaseKind
}): SQL | undefined {
  switch (query.stage ?? query.kind) {
    case 'before_contact':
      return and(eq(cases.kind, 'rejected'), eq(cases.afterContact, false))
    case 'after_contact':
      return and(eq(cases.kind, 'rejected'), eq(cases.afterContact, true))
    case 'rejected':
      return eq(cases.kind, 'rejected')
    case 'ignored':
      return eq(cases.kind, 'ignored')
    default:
      return undefined
  }
}

type CaseQuery = {
  stage?: CaseStageFilter
  kind?: CaseKind
  status?: CaseStatus
  reasonId?: number
  repId?: number
  marketerId?: number
  source?: string
  campaign?: string
  /** Opened-at order: newest first unless 'asc' (decision 42). */
  dir?: SortDirection
  after?: string
}

/** Who may see which cases: a rep their own; everyone who sees every lead, every case. */
function caseScope(viewer: Viewer, query: CaseQuery): SQL | undefined {
  return and(
    seesAllLeads(viewer)
      ? query.repId
        ? eq(cases.repId, query.repId)
        : undefined
      : eq(cases.repId, viewer.id),
    query.marketerId ? eq(cases.marketerId, query.marketerId) : undefined,
    stageCondition(query),
    query.status ? eq(cases.status, query.status) : undefined,
    query.reasonId ? eq(cases.reasonId, query.reasonId) : undefined,
    query.source ? eq(cases.source, query.source) : undefined,
    query.campaign ? eq(cases.campaign, query.campaign) : undefined,
  )
}

/** The query behind a page of cases, newest first or oldest (the query-plan test reads it too). */
export function caseListQuery(
  db: Queryable,
  viewer: Viewer,
  query: CaseQuery,
  pageSize = CASE_PAGE_SIZE,
) {
  const cursor = decodeCursor(query.after)
  const ascending = query.dir === 'asc'
  // A row-value comparison, so SQLite seeks straight to the cursor in the filter's index.
  const beyond = !cursor
    ? undefined
    : ascending
      ? sql`(${cases.openedAt}, ${cases.id}) > (${cursor.at}, ${cursor.id})`
      : sql`(${cases.openedAt}, ${cases.id}) < (${cursor.at}, ${cursor.id})`
  const by = ascending ? asc : desc
  return db
    .select({
      id: cases.id,
      kind: cases.kind,
      afterContact: cases.afterContact,
      status: cases.status,
      openedAt: cases.openedAt,
      reviewDueAt: cases.reviewDueAt,
      notes: cases.notes,
      contactAttempts: cases.contactAttempts,
      source: cases.source,
      campaign: cases.campaign,
      reasonLabel: cases.reasonLabel,
      repName: users.name,
      leadId: leads.id,
      ...LEAD_NAME_COLUMNS,
    })
    .from(cases)
    .innerJoin(leads, eq(leads.id, cases.leadId))
    .innerJoin(users, eq(users.id, cases.repId))
    .where(and(caseScope(viewer, query), beyond))
    .orderBy(by(cases.openedAt), by(cases.id))
    .limit(pageSize + 1)
}

/** How many cases the list's filters match (the backlog a take-up works through). */
export function countCases(db: Queryable, viewer: Viewer, query: Omit<CaseQuery, 'after' | 'dir'>) {
  return (
    db.select({ n: sql<number>`count(*)` }).from(cases).where(caseScope(viewer, query)).get()?.n ??
    0
  )
}

/** One page of cases with a cursor to the next (keyset on opened-at and id). */
export function listCases(
  db: Queryable,
  viewer: Viewer,
  query: CaseQuery,
  pageSize = CASE_PAGE_SIZE,
) {
  const rows = caseListQuery(db, viewer, query, pageSize).all()
  const page = rows.slice(0, pageSize)
  const last = page.at(-1)
  return {
    rows: page,
    nextCursor: rows.length > pageSize && last ? `${last.openedAt.getTime()}-${last.id}` : null,
  }
}

// ——— The committee's review queue ———

type ReviewQuery = {
  stage?: CaseStageFilter
  kind?: CaseKind
  reasonId?: number
  repId?: number
  source?: string
  campaign?: string
  /** Only cases in review for at least this many days (opened, or taken up, that long ago). */
  olderThanDays?: number
  needsMyVote?: boolean
  /** Most overdue first unless another order is asked for (decision 42). */
  sort?: 'reviewDue' | 'opened'
  dir?: SortDirection
  after?: string
}

/**
 * The query behind a page of open cases, most overdue first or in another order a column
 * offers: by review clock on cases_review_idx, by opened-at on cases_open_opened_idx (the plan
 * test reads it too).
 */
export function reviewQueueQuery(
  db: Queryable,
  memberId: number,
  query: ReviewQuery,
  now: Date,
  pageSize = CASE_PAGE_SIZE,
) {
  const cursor = decodeCursor(query.after)
  const key = query.sort === 'opened' ? cases.openedAt : cases.reviewDueAt
  const descending = query.dir === 'desc'
  const by = descending ? desc : asc
  const mine = sql`(SELECT 1 FROM ${votes} WHERE ${votes.caseId} = ${cases.id} AND ${votes.memberId} = ${memberId})`
  return db
    .select({
      id: cases.id,
      kind: cases.kind,
      afterContact: cases.afterContact,
      reasonLabel: cases.reasonLabel,
      source: cases.source,
      campaign: cases.campaign,
      openedAt: cases.openedAt,
      takenUpAt: cases.takenUpAt,
      reviewDueAt: cases.reviewDueAt,
      response: cases.response,
      repName: users.name,
      leadId: leads.id,
      ...LEAD_NAME_COLUMNS,
      votes: sql<number>`(SELECT count(*) FROM ${votes} WHERE ${votes.caseId} = ${cases.id})`,
      voted: sql<number>`EXISTS ${mine}`,
    })
    .from(cases)
    .innerJoin(leads, eq(leads.id, cases.leadId))
    .innerJoin(users, eq(users.id, cases.repId))
    .where(
      and(
        eq(cases.status, 'in_review'),
        stageCondition(query),
        query.reasonId ? eq(cases.reasonId, query.reasonId) : undefined,
        query.repId ? eq(cases.repId, query.repId) : undefined,
        query.source ? eq(cases.source, query.source) : undefined,
        query.campaign ? eq(cases.campaign, query.campaign) : undefined,
        query.olderThanDays
          ? sql`coalesce(${cases.takenUpAt}, ${cases.openedAt}) <= ${now.getTime() - query.olderThanDays * 86_400_000}`
          : undefined,
        query.needsMyVote
          ? sql`NOT EXISTS ${mine}
              AND NOT EXISTS (SELECT 1 FROM ${recusals} WHERE ${recusals.caseId} = ${cases.id} AND ${recusals.memberId} = ${memberId})
              AND ${cases.repId} <> ${memberId}
              AND coalesce(${cases.filedBy}, 0) <> ${memberId}
              AND coalesce(${cases.marketerId}, 0) <> ${memberId}
              AND ${leads.ownerId} <> ${memberId}
              AND coalesce(${leads.marketerId}, 0) <> ${memberId}`
          : undefined,
        !cursor
          ? undefined
          : descending
            ? sql`(${key}, ${cases.id}) < (${cursor.at}, ${cursor.id})`
            : sql`(${key}, ${cases.id}) > (${cursor.at}, ${cursor.id})`,
      ),
    )
    .orderBy(by(key), by(cases.id))
    .limit(pageSize + 1)
}

/** One page of the review queue with a cursor to the next. */
export function reviewQueue(
  db: Queryable,
  memberId: number,
  query: ReviewQuery,
  now: Date,
  pageSize = CASE_PAGE_SIZE,
) {
  const rows = reviewQueueQuery(db, memberId, query, now, pageSize).all()
  const page = rows.slice(0, pageSize)
  const last = page.at(-1)
  return {
    rows: page,
    nextCursor:
      rows.length > pageSize && last
        ? `${(query.sort === 'opened' ? last.openedAt : last.reviewDueAt).getTime()}-${last.id}`
        : null,
  }
}

/** Open cases on a marketer's leads (or on leads no marketer answers for) with no response yet. */
export function awaitingResponse(db: Queryable, marketerId: number, limit = 10) {
  return db
    .select({
      id: cases.id,
      kind: cases.kind,
      reasonLabel: cases.reasonLabel,
      openedAt: cases.openedAt,
      reviewDueAt: cases.reviewDueAt,
      repName: users.name,
      leadId: leads.id,
      ...LEAD_NAME_COLUMNS,
    })
    .from(cases)
    .innerJoin(leads, eq(leads.id, cases.leadId))
    .innerJoin(users, eq(users.id, cases.repId))
    .where(
      and(
        eq(cases.status, 'in_review'),
        sql`${cases.response} IS NULL`,
        sql`(${cases.marketerId} = ${marketerId} OR ${cases.marketerId} IS NULL)`,
      ),
    )
    .orderBy(asc(cases.reviewDueAt), asc(cases.id))
    .limit(limit)
    .all()
}
