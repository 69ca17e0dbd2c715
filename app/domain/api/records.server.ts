// What the REST API reads (issue 17, decision 28): a lead with its owner, the number of the
// definition version it was judged by and its open case; cases with their rep, version and the
// hash of the audit entry that decided them, in pages ordered by when they last changed.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { findCase } from '~/domain/cases/case.server'
import type { Queryable } from '~db/connection'
import type { CaseStatus } from '~db/enums'
import { auditEvents, cases, definitionVersions, leads, users } from '~db/schema'

export type Lead = typeof leads.$inferSelect
export type Case = typeof cases.$inferSelect
type Person = { id: number; email: string; name: string }

function person(db: Queryable, id: number | null): Person | null {
  if (id === null) return null
  return (
    db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, id))
      .get() ?? null
  )
}

function versionNumber(db: Queryable, id: number | null): number | null {
  if (id === null) return null
  const row = db
    .select({ number: definitionVersions.number })
    .from(definitionVersions)
    .where(eq(definitionVersions.id, id))
    .get()
  return row?.number ?? null
}

export type LeadRecord = {
  lead: Lead
  owner: Person | null
  versionNumber: number | null
  openCaseId: number | null
}

function leadRecordOf(db: Queryable, lead: Lead): LeadRecord {
  const open = db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.leadId, lead.id), eq(cases.status, 'in_review')))
    .orderBy(desc(cases.id))
    .get()
  return {
    lead,
    owner: person(db, lead.ownerId),
    versionNumber: versionNumber(db, lead.definitionVersionId),
    openCaseId: open?.id ?? null,
  }
}

/** A lead by id, or by its external id or e-mail (the import's keys). */
export function findLeadRecord(
  db: Queryable,
  by: { id: number } | { externalId: string } | { email: string },
): LeadRecord | null {
  const where =
    'id' in by
      ? eq(leads.id, by.id)
      : 'externalId' in by
        ? eq(leads.externalId, by.externalId)
        : eq(leads.email, by.email.trim().toLowerCase())
  const lead = db.select().from(leads).where(where).orderBy(asc(leads.id)).get()
  return lead ? leadRecordOf(db, lead) : null
}

/** The id of the active rep with this e-mail, or null. */
export function repByEmail(db: Queryable, email: string): Person | null {
  const found = db
    .select({ id: users.id, email: users.email, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .get()
  return found?.active ? { id: found.id, email: found.email, name: found.name } : null
}

export type CaseRecord = {
  record: Case
  updatedAt: Date
  rep: Person | null
  versionNumber: number | null
  decidingHash: string | null
}

/** When a case last changed: the latest of its opening, take-up, response and decision. */
const UPDATED_AT = sql<number>`max(${cases.openedAt}, ifnull(${cases.takenUpAt}, 0), ifnull(${cases.respondedAt}, 0), ifnull(${cases.decidedAt}, 0))`

const updatedAtOf = (c: Case) =>
  new Date(
    Math.max(
      c.openedAt.getTime(),
      c.takenUpAt?.getTime() ?? 0,
      c.respondedAt?.getTime() ?? 0,
      c.decidedAt?.getTime() ?? 0,
    ),
  )

/** The hash of the audit entry that closed the case: its decision, or marketing's concession. */
function decidingHash(db: Queryable, caseId: number): string | null {
  const row = db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.subjectType, 'case'),
        eq(auditEvents.subjectId, String(caseId)),
        inArray(auditEvents.action, ['case.decided', 'case.conceded']),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .get()
  return row?.hash ?? null
}

function caseRecordOf(db: Queryable, c: Case): CaseRecord {
  return {
    record: c,
    updatedAt: updatedAtOf(c),
    rep: person(db, c.repId),
    versionNumber: versionNumber(db, c.definitionVersionId),
    decidingHash: c.decidedAt || c.respondedAt ? decidingHash(db, c.id) : null,
  }
}

export function findCaseRecord(db: Queryable, caseId: number): CaseRecord | null {
  const found = findCase(db, caseId)
  return found ? caseRecordOf(db, found) : null
}

export type CasePageQuery = {
  status?: CaseStatus
  updatedSince?: Date
  after?: { at: number; id: number } | null
  limit: number
}

/**
 * The query of a page of cases (exported for its query-plan test): the cursor's condition is
 * written `at >= ? AND (at > ? OR id > ?)` rather than as a row value, so that SQLite SEARCHes
 * `cases_updated_idx` (migration 0024) from the cursor on instead of scanning it from the start.
 */
export function casePageQuery(db: Queryable, query: CasePageQuery) {
  const { after } = query
  return db
    .select()
    .from(cases)
    .where(
      and(
        query.status ? eq(cases.status, query.status) : undefined,
        query.updatedSince ? sql`${UPDATED_AT} >= ${query.updatedSince.getTime()}` : undefined,
        after
          ? sql`${UPDATED_AT} >= ${after.at} AND (${UPDATED_AT} > ${after.at} OR ${cases.id} > ${after.id})`
          : undefined,
      ),
    )
    .orderBy(UPDATED_AT, asc(cases.id))
    .limit(query.limit + 1)
}

/**
 * A page of cases in the order they last changed (then by id), from `updatedSince` on and after
 * the cursor's case; `next` is the last case's place when there may be more. A case that changes
 * after a client read it moves to the end, so a client that walks to the end sees it again.
 */
export function casePage(
  db: Queryable,
  query: CasePageQuery,
): { records: CaseRecord[]; next: { at: number; id: number } | null } {
  const rows = casePageQuery(db, query).all()
  const records = rows.slice(0, query.limit).map((c) => caseRecordOf(db, c))
  const last = records.at(-1)
  const next =
    rows.length > query.limit && last ? { at: last.updatedAt.getTime(), id: last.record.id } : null
  return { records, next }
}
