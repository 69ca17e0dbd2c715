// What became of rejected and ignored leads: outcomes recorded later, and the leads due for a
// hindsight check (6 and 12 months after their verdict) that have none yet.

import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { OutcomeInput } from '~/domain/cases/schema'
import { decodeCursor } from '~/domain/cursor'
import { LEAD_NAME_COLUMNS } from '~/domain/leads/lead.server'
import type { AuditSink } from '~/domain/leads/writer.server'
import { type Result, refuse } from '~/domain/result'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { localDate, monthsBefore } from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { cases, leads, outcomes, users } from '~db/schema'

/** Records an outcome on a lead that Sales rejected or ignored. */
export function recordOutcome(
  db: Queryable,
  actorId: number | null,
  leadId: number,
  input: Omit<OutcomeInput, 'intent'>,
  now: Date,
): Result<{ outcomeId: number }> {
  const { timeZone } = getOrganisationSettings(db)
  return db.transaction(
    (tx) => {
      const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
      if (!lead) return refuse('This lead does not exist')
      const hasCase = tx.select({ id: cases.id }).from(cases).where(eq(cases.leadId, leadId)).get()
      if (!hasCase)
        return refuse(
          'Outcomes are recorded on leads Sales rejected or ignored; this one has no case',
        )
      if (input.occurredOn > localDate(now, timeZone))
        return refuse('The date cannot be in the future', 'occurredOn')
      if (input.occurredOn < localDate(lead.handedOverAt, timeZone))
        return refuse('This is before the lead was handed to Sales; check the date', 'occurredOn')
      const { id } = tx
        .insert(outcomes)
        .values({
          leadId,
          outcome: input.outcome,
          occurredOn: input.occurredOn,
          note: input.note ?? null,
          recordedBy: actorId,
          recordedAt: now,
        })
        .returning({ id: outcomes.id })
        .get()
      recordAudit(
        tx,
        {
          actorId,
          action: 'lead.outcome_recorded',
          subjectType: 'lead',
          subjectId: leadId,
          after: { outcome: input.outcome, occurredOn: input.occurredOn, note: input.note ?? null },
        },
        now,
      )
      appendEvent(
        tx,
        'outcome.recorded',
        { leadId, outcomeId: id, outcome: input.outcome, occurredOn: input.occurredOn },
        now,
      )
      return { ok: true as const, outcomeId: id }
    },
    { behavior: 'immediate' },
  )
}

/**
 * Records that a lead rejected in a CRM's history converted all the same (decision 25): outcome
 * `won` on the day the file gives, in the import's transaction and audit chain.
 */
export function recordImportedWin(
  tx: Queryable,
  audit: AuditSink,
  actorId: number | null,
  leadId: number,
  occurredOn: string,
  now: Date,
) {
  const note = 'Converted, according to the imported CRM file'
  tx.insert(outcomes)
    .values({ leadId, outcome: 'won', occurredOn, note, recordedBy: actorId, recordedAt: now })
    .run()
  audit.append(
    {
      actorId,
      action: 'lead.outcome_recorded',
      subjectType: 'lead',
      subjectId: leadId,
      after: { outcome: 'won', occurredOn, note },
    },
    now,
  )
}

export function outcomesOf(db: Queryable, leadId: number) {
  return db
    .select({
      id: outcomes.id,
      outcome: outcomes.outcome,
      occurredOn: outcomes.occurredOn,
      note: outcomes.note,
      recordedBy: users.name,
    })
    .from(outcomes)
    .leftJoin(users, eq(users.id, outcomes.recordedBy))
    .where(eq(outcomes.leadId, leadId))
    .orderBy(desc(outcomes.occurredOn), desc(outcomes.id))
    .all()
}

const HINDSIGHT_PAGE_SIZE = 50

/** The query behind a page of hindsight due (the plan test reads it too). */
export function hindsightDueQuery(db: Queryable, sixMonths: number, after?: string) {
  const cursor = decodeCursor(after)
  return db
    .select({
      caseId: cases.id,
      kind: cases.kind,
      verdict: cases.verdict,
      reasonLabel: cases.reasonLabel,
      decidedAt: cases.decidedAt,
      source: cases.source,
      campaign: cases.campaign,
      leadId: leads.id,
      ...LEAD_NAME_COLUMNS,
      repName: users.name,
    })
    .from(cases)
    .innerJoin(leads, eq(leads.id, cases.leadId))
    .innerJoin(users, eq(users.id, cases.repId))
    .where(
      and(
        // Only ruled cases have a decided_at (decided or conceded), so no status test: with
        // one, SQLite reads every ruled case by status and sorts them (1.6 s at a million
        // leads); without, it walks (decided_at, id) from the oldest and stops at a page.
        sql`${cases.decidedAt} <= ${sixMonths}`,
        sql`NOT EXISTS (SELECT 1 FROM ${outcomes} WHERE ${outcomes.leadId} = ${cases.leadId})`,
        sql`${cases.id} = (SELECT max(c2.id) FROM ${cases} c2 WHERE c2.lead_id = ${cases.leadId})`,
        cursor ? sql`(${cases.decidedAt}, ${cases.id}) > (${cursor.at}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(asc(cases.decidedAt), asc(cases.id))
    .limit(HINDSIGHT_PAGE_SIZE + 1)
}

/**
 * Leads whose latest case was ruled (decided or conceded) 6 or more months ago and that have
 * no outcome yet, oldest verdict first; each marked as due for its 6- or 12-month check.
 */
export function hindsightDue(db: Queryable, now: Date, after?: string) {
  const { timeZone } = getOrganisationSettings(db)
  const sixMonths = monthsBefore(now, 6, timeZone).getTime()
  const twelveMonths = monthsBefore(now, 12, timeZone).getTime()
  const rows = hindsightDueQuery(db, sixMonths, after).all()
  const page = rows.slice(0, HINDSIGHT_PAGE_SIZE)
  const last = page.at(-1)
  return {
    rows: page.map((r) => ({
      ...r,
      checkpoint: (r.decidedAt as Date).getTime() <= twelveMonths ? 12 : 6,
    })),
    nextCursor:
      rows.length > HINDSIGHT_PAGE_SIZE && last
        ? `${(last.decidedAt as Date).getTime()}-${last.caseId}`
        : null,
  }
}

/** Whether the lead already has this outcome on this day: recording it again changes nothing. */
export function hasOutcomeOn(
  db: Queryable,
  leadId: number,
  input: Pick<OutcomeInput, 'outcome' | 'occurredOn'>,
): boolean {
  return Boolean(
    db
      .select({ id: outcomes.id })
      .from(outcomes)
      .where(
        and(
          eq(outcomes.leadId, leadId),
          eq(outcomes.outcome, input.outcome),
          eq(outcomes.occurredOn, input.occurredOn),
        ),
      )
      .get(),
  )
}
