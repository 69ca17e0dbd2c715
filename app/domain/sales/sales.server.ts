// The sales side's state transitions: accept, reject (which opens a case), log a contact
// attempt, the sweep that escalates ignored leads, and a lead's return to Sales. Every function
// takes the database and the clock, and writes in one immediate transaction.
import { and, asc, desc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import { decodeCursor } from '~/domain/cursor'
import { LEAD_FIELD_KEYS } from '~/domain/leads/fields'
import { LEAD_NAME_COLUMNS, type Lead } from '~/domain/leads/lead.server'
import { LEAD_STATUS_LABELS } from '~/domain/leads/schema'
import { notify } from '~/domain/notifications/notifications.server'
import { type Result, refuse } from '~/domain/result'
import { getOrganisationSettings, getSlaSettings } from '~/domain/settings/settings.server'
import {
  addWorkingHours,
  clockAt,
  endOfLocalDay,
  instantOfLocal,
  workingMsBetween,
} from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import type { FollowUpAction } from '~db/enums'
import { cases, contactAttempts, followUps, leads, reasons, userRoles, users } from '~db/schema'
import type { ContactAttemptInput, RejectInput } from './schema'

type Actor = { id: number }

const WAITING = ['new', 'returned'] as const
/** Whether the lead waits for its rep to accept or reject it (new or returned). */
export const isWaiting = (lead: Pick<Lead, 'status'>) =>
  (WAITING as readonly string[]).includes(lead.status)

/** The lead if the actor is its rep; a refusal otherwise (routes answer 404 before this). */
function ownLead(db: Queryable, actor: Actor, leadId: number): Lead | null {
  const lead = db.select().from(leads).where(eq(leads.id, leadId)).get()
  return lead && lead.ownerId === actor.id ? lead : null
}

const NOT_YOURS = 'This lead is not assigned to you'

function notWaiting(lead: Lead, what: string) {
  return refuse(
    `This lead is ${LEAD_STATUS_LABELS[lead.status].toLowerCase()}; only new or returned leads can be ${what}`,
  )
}

// ——— Follow-up clocks ———

/** Ends the lead's running clock: when and how the rep first acted, and the working time it took. */
function endFollowUp(tx: Queryable, leadId: number, action: FollowUpAction, now: Date) {
  const open = tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.leadId, leadId), isNull(followUps.actedAt)))
    .get()
  if (!open) return
  const { timeZone } = getOrganisationSettings(tx)
  tx.update(followUps)
    .set({ actedAt: now, action, workingMs: workingMsBetween(open.startedAt, now, timeZone) })
    .where(eq(followUps.id, open.id))
    .run()
}

// ——— Accept ———

/** The rep starts work on a new or returned lead: it becomes `working` and its clock stops. */
export function acceptLead(db: Queryable, actor: Actor, leadId: number, now: Date): Result<object> {
  return db.transaction(
    (tx) => {
      const lead = ownLead(tx, actor, leadId)
      if (!lead) return refuse(NOT_YOURS)
      if (!isWaiting(lead)) return notWaiting(lead, 'accepted')
      tx.update(leads)
        .set({ status: 'working', acceptedAt: now, followUpDueAt: null, updatedAt: now })
        .where(eq(leads.id, lead.id))
        .run()
      endFollowUp(tx, lead.id, 'accepted', now)
      recordAudit(
        tx,
        {
          actorId: actor.id,
          action: 'lead.accepted',
          subjectType: 'lead',
          subjectId: lead.id,
          before: { status: lead.status },
          after: { status: 'working' },
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

// ——— Contact attempts ———

const FUTURE_TOLERANCE_MS = 5 * 60_000

/** The rep records a call, e-mail or meeting on one of their leads; it shows on the timeline. */
export function logContactAttempt(
  db: Queryable,
  actor: Actor,
  leadId: number,
  input: Omit<ContactAttemptInput, 'intent'>,
  now: Date,
): Result<{ attemptId: number }> {
  const { timeZone } = getOrganisationSettings(db)
  let at: Date
  try {
    at = instantOfLocal(input.at, timeZone)
  } catch {
    return refuse('Enter a real date and time', 'at')
  }
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    return refuse('A contact attempt cannot be in the future', 'at')
  return db.transaction(
    (tx) => {
      const lead = ownLead(tx, actor, leadId)
      if (!lead) return refuse(NOT_YOURS)
      if (at < lead.handedOverAt)
        return refuse('This is before the lead was handed to Sales; check the date', 'at')
      const { id } = tx
        .insert(contactAttempts)
        .values({
          leadId,
          userId: actor.id,
          channel: input.channel,
          at,
          note: input.note ?? null,
          createdAt: now,
        })
        .returning({ id: contactAttempts.id })
        .get()
      recordAudit(
        tx,
        {
          actorId: actor.id,
          action: 'lead.contact_logged',
          subjectType: 'lead',
          subjectId: leadId,
          after: { channel: input.channel, at: at.toISOString(), note: input.note ?? null },
        },
        now,
      )
      return { ok: true as const, attemptId: id }
    },
    { behavior: 'immediate' },
  )
}

export function contactAttemptsOf(db: Queryable, leadId: number) {
  return db
    .select({
      id: contactAttempts.id,
      channel: contactAttempts.channel,
      at: contactAttempts.at,
      note: contactAttempts.note,
      userName: users.name,
    })
    .from(contactAttempts)
    .innerJoin(users, eq(users.id, contactAttempts.userId))
    .where(eq(contactAttempts.leadId, leadId))
    .orderBy(asc(contactAttempts.at), asc(contactAttempts.id))
    .all()
}

// ——— Cases ———

/** The lead as it stands, kept with the case: its fields, custom attributes and status. */
function snapshotOf(lead: Lead): Record<string, unknown> {
  return {
    ...Object.fromEntries(LEAD_FIELD_KEYS.map((key) => [key, lead[key]])),
    custom: lead.custom,
    status: lead.status,
    ownerId: lead.ownerId,
  }
}

/** The marketers to tell about a case: the lead's marketer, else every active marketer. */
export function marketersToTell(db: Queryable, marketerId: number | null): number[] {
  if (marketerId) return [marketerId]
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'marketer')))
    .where(eq(users.active, true))
    .all()
    .map((u) => u.id)
}

/** The lead's latest case, if it has one. */
export function latestCaseOf(db: Queryable, leadId: number) {
  return db.select().from(cases).where(eq(cases.leadId, leadId)).orderBy(desc(cases.id)).get()
}

/** Reasons the committee already ruled against on this lead (rejections it found "meets"). */
export function ruledReasonIds(db: Queryable, leadId: number): number[] {
  return db
    .select({ reasonId: cases.reasonId })
    .from(cases)
    .where(and(eq(cases.leadId, leadId), eq(cases.kind, 'rejected'), eq(cases.verdict, 'meets')))
    .all()
    .map((c) => c.reasonId as number)
}

type Opening =
  | {
      kind: 'rejected'
      filedBy: number
      reason: { id: number; label: string }
      notes: string | null
      attempts: number
    }
  | { kind: 'ignored' }

/**
 * Opens a case on a waiting lead and puts the lead in review, inside the caller's transaction:
 * snapshot, definition version, review clock, a link to the earlier case, and word to the
 * marketer (and, for an ignored lead, to the rep).
 */
function openCase(tx: Queryable, lead: Lead, opening: Opening, now: Date): number {
  const { timeZone } = getOrganisationSettings(tx)
  const { reviewDays } = getSlaSettings(tx)
  const previous = latestCaseOf(tx, lead.id)
  const rejected = opening.kind === 'rejected' ? opening : null
  const { id } = tx
    .insert(cases)
    .values({
      leadId: lead.id,
      kind: opening.kind,
      reasonId: rejected?.reason.id ?? null,
      reasonLabel: rejected?.reason.label ?? null,
      notes: rejected?.notes ?? null,
      contactAttempts: rejected?.attempts ?? null,
      filedBy: rejected?.filedBy ?? null,
      repId: lead.ownerId,
      marketerId: lead.marketerId,
      definitionVersionId: lead.definitionVersionId,
      evaluation: lead.evaluation,
      leadSnapshot: snapshotOf(lead),
      previousCaseId: previous?.id ?? null,
      source: lead.source,
      campaign: lead.campaign,
      openedAt: now,
      reviewDueAt: addWorkingHours(now, reviewDays * 24, timeZone),
    })
    .returning({ id: cases.id })
    .get()
  tx.update(leads)
    .set({ status: 'in_review', followUpDueAt: null, updatedAt: now })
    .where(eq(leads.id, lead.id))
    .run()
  endFollowUp(tx, lead.id, opening.kind, now)
  recordAudit(
    tx,
    {
      actorId: rejected?.filedBy ?? null,
      action: opening.kind === 'rejected' ? 'lead.rejected' : 'lead.ignored',
      subjectType: 'lead',
      subjectId: lead.id,
      before: { status: lead.status },
      after: { status: 'in_review', caseId: id },
    },
    now,
  )
  recordAudit(
    tx,
    {
      actorId: rejected?.filedBy ?? null,
      action: 'case.opened',
      subjectType: 'case',
      subjectId: id,
      after: {
        kind: opening.kind,
        leadId: lead.id,
        reason: rejected?.reason.label ?? null,
        notes: rejected?.notes ?? null,
        contactAttempts: rejected?.attempts ?? null,
        definitionVersionId: lead.definitionVersionId,
        previousCaseId: previous?.id ?? null,
      },
    },
    now,
  )
  const told = marketersToTell(tx, lead.marketerId)
  if (opening.kind === 'ignored') told.push(lead.ownerId)
  notify(tx, told, { kind: 'case_opened', caseId: id, leadId: lead.id }, now)
  return id
}

/**
 * The rep rejects a new or returned lead with a reason from the catalog, notes (required by
 * some reasons, such as "Other") and the number of contact attempts made. A case opens at once.
 * A returned lead cannot be rejected again for the reason already ruled on.
 */
export function rejectLead(
  db: Queryable,
  actor: Actor,
  leadId: number,
  input: Omit<RejectInput, 'intent'>,
  now: Date,
): Result<{ caseId: number }> {
  return db.transaction(
    (tx) => {
      const lead = ownLead(tx, actor, leadId)
      if (!lead) return refuse(NOT_YOURS)
      if (!isWaiting(lead)) return notWaiting(lead, 'rejected')
      const reason = tx.select().from(reasons).where(eq(reasons.id, input.reasonId)).get()
      if (!reason) return refuse('Choose a reason from the list', 'reasonId')
      if (!reason.active)
        return refuse(`“${reason.label}” is no longer in use; choose another reason`, 'reasonId')
      const notes = input.notes?.trim() || null
      if (reason.notesRequired && !notes)
        return refuse(`Explain in the notes why: “${reason.label}” needs them`, 'notes')
      if (lead.status === 'returned') {
        if (ruledReasonIds(tx, lead.id).includes(reason.id))
          return refuse(
            `The committee already ruled on “${reason.label}” for this lead; reject it only for another reason`,
            'reasonId',
          )
      }
      const caseId = openCase(
        tx,
        lead,
        {
          kind: 'rejected',
          filedBy: actor.id,
          reason: { id: reason.id, label: reason.label },
          notes,
          attempts: input.contactAttempts,
        },
        now,
      )
      return { ok: true as const, caseId }
    },
    { behavior: 'immediate' },
  )
}

// ——— The sweep ———

const SWEEP_BATCH = 500

/** Waiting leads whose follow-up clock ran out by `now`, earliest first (from the partial index). */
export function dueLeadsQuery(db: Queryable, now: Date, limit: number) {
  return db
    .select()
    .from(leads)
    .where(and(isNotNull(leads.followUpDueAt), lte(leads.followUpDueAt, now)))
    .orderBy(asc(leads.followUpDueAt))
    .limit(limit)
}

/**
 * Opens an "ignored" case for every lead whose follow-up clock ran out without an accept or a
 * reject. Each batch re-reads the due leads inside its own immediate transaction, so running
 * twice, or two sweeps at once, opens one case per lead. Returns how many cases it opened.
 */
export function sweepIgnoredLeads(
  db: Queryable,
  now: Date,
  options: { maxBatches?: number; batchSize?: number } = {},
): number {
  const size = options.batchSize ?? SWEEP_BATCH
  let opened = 0
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    const count = db.transaction(
      (tx) => {
        const due = dueLeadsQuery(tx, now, size).all()
        for (const lead of due) openCase(tx, lead, { kind: 'ignored' }, now)
        return due.length
      },
      { behavior: 'immediate' },
    )
    opened += count
    if (count < size) break
  }
  return opened
}

// ——— Return ———

/**
 * A lead comes back to Sales (the committee ruled that it meets the definition): `returned`,
 * with the given rep and a fresh clock of the return SLA. Runs inside the caller's transaction.
 */
export function returnLeadToSales(tx: Queryable, leadId: number, repId: number, now: Date) {
  const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
  if (!lead) throw new Error(`No lead ${leadId}`)
  const { timeZone } = getOrganisationSettings(tx)
  const { returnHours } = getSlaSettings(tx)
  const dueAt = addWorkingHours(now, returnHours, timeZone)
  tx.update(leads)
    .set({
      status: 'returned',
      ownerId: repId,
      clockStartedAt: now,
      followUpDueAt: dueAt,
      updatedAt: now,
    })
    .where(eq(leads.id, leadId))
    .run()
  tx.insert(followUps).values({ leadId, repId, kind: 'return', startedAt: now, dueAt }).run()
  recordAudit(
    tx,
    {
      actorId: null,
      action: 'lead.returned',
      subjectType: 'lead',
      subjectId: leadId,
      before: { status: lead.status, ownerId: lead.ownerId },
      after: { status: 'returned', ownerId: repId },
    },
    now,
  )
}

// ——— The rep's queue ———

export const QUEUE_PAGE_SIZE = 50

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
  timeZone: string,
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
      clock: clockAt(now, row.followUpDueAt as Date, timeZone),
    })),
    nextCursor:
      rows.length > QUEUE_PAGE_SIZE && last
        ? `${(last.followUpDueAt as Date).getTime()}-${last.id}`
        : null,
  }
}
