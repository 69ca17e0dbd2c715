// Taking up imported cases (issue 15), on a real SQLite file with a pinned clock: the case goes
// into review from the take-up, its review time is measured from there, and nothing else moves.
import { asc, eq, gt } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findCase, NOT_TAKEN_UP, reviewTime } from '~/domain/cases/case.server'
import { castVote } from '~/domain/cases/cast-vote.server'
import { openCase } from '~/domain/cases/open-case.server'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { MAX_TAKE_UP } from '~/domain/cases/schema'
import { takeUpCases, takeUpNotice } from '~/domain/cases/take-up.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { auditEvents, cases, leads, notifications, outbox, reasons } from '~db/schema'
import { storeAllDayWeekdays } from '../support/calendar'
import { type CaseWorld, caseWorld } from '../support/case-world'
import { runJobs } from '../support/jobs'

// Handed over and rejected in the CRM in March 2019; taken up on Tuesday 24 November 2026.
const HANDED_OVER = new Date('2019-03-04T09:00:00Z')
const REJECTED = new Date('2019-03-05T15:30:00Z')
const IMPORTED = new Date('2026-11-23T12:00:00Z')
const TAKEN_UP = new Date('2026-11-24T10:00:00Z')
// Five review days (the default) of working time: the Tuesday after, same hour (UTC).
const DUE = new Date('2026-12-01T10:00:00Z')
const HOUR = 3_600_000

let w: CaseWorld
beforeEach(() => {
  w = caseWorld()
  storeAllDayWeekdays(w.db)
})
afterEach(() => w.close())

let serial = 0
/** A lead rejected in the CRM, imported as history with its case (as the import writes it). */
function imported(): { leadId: number; caseId: number } {
  const reason = w.db.select().from(reasons).where(eq(reasons.label, 'No budget')).get()
  if (!reason) throw new Error('No "No budget" reason')
  serial++
  const leadId = writtenLeadId(
    upsertLead(
      w.db,
      w.id.maya as number,
      LeadFieldsSchema.parse({ externalId: `CRM-${serial}`, company: 'Initech' }),
      {
        ownerId: w.id.dana as number,
        arrival: {
          handedOverAt: HANDED_OVER,
          clock: false,
          history: true,
          status: 'rejected',
          acceptedAt: null,
        },
        past: {
          rejected: { reason: { id: reason.id, label: reason.label }, at: REJECTED },
          won: null,
        },
      },
      IMPORTED,
    ),
  )
  const c = w.db.select().from(cases).where(eq(cases.leadId, leadId)).get()
  if (!c) throw new Error('No imported case')
  return { leadId, caseId: c.id }
}

/** The stored case, which must be there. */
function stored(caseId: number) {
  const c = findCase(w.db, caseId)
  if (!c) throw new Error(`No case ${caseId}`)
  return c
}
const caseRow = (id: number) => w.db.select().from(cases).where(eq(cases.id, id)).get()
const leadRow = (id: number) => w.db.select().from(leads).where(eq(leads.id, id)).get()
const lastAudit = () =>
  w.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)
    ?.id ?? 0
const lastEvent = () =>
  w.db.select({ id: outbox.id }).from(outbox).orderBy(asc(outbox.id)).all().at(-1)?.id ?? 0

describe('takeUpCases', () => {
  it('puts an imported case and its lead into review, due by the review SLA from the take-up, audited, with word to marketing', () => {
    const { leadId, caseId } = imported()
    expect(caseRow(caseId)).toMatchObject({
      status: 'imported',
      openedAt: REJECTED,
      reviewDueAt: REJECTED,
      takenUpAt: null,
    })
    const auditFrom = lastAudit()
    const eventsFrom = lastEvent()
    const victor = w.id.victor as number
    expect(takeUpCases(w.db, victor, [caseId], TAKEN_UP)).toEqual({
      ok: true,
      takenUp: [caseId],
      skipped: [],
    })
    expect(caseRow(caseId)).toMatchObject({
      status: 'in_review',
      openedAt: REJECTED,
      takenUpAt: TAKEN_UP,
      reviewDueAt: DUE,
      verdict: null,
    })
    expect(leadRow(leadId)).toMatchObject({
      status: 'in_review',
      followUpDueAt: null,
      history: true,
      updatedAt: TAKEN_UP,
    })
    const audit = w.db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, auditFrom))
      .orderBy(asc(auditEvents.id))
      .all()
    expect(audit.map((e) => [e.at, e.actorId, e.action, e.subjectId, e.before, e.after])).toEqual([
      [
        TAKEN_UP,
        victor,
        'case.taken_up',
        String(caseId),
        { status: 'imported' },
        { status: 'in_review', reviewDueAt: DUE.toISOString() },
      ],
      [
        TAKEN_UP,
        victor,
        'lead.taken_up',
        String(leadId),
        { status: 'rejected' },
        { status: 'in_review', caseId },
      ],
    ])
    const events = w.db.select().from(outbox).where(gt(outbox.id, eventsFrom)).all()
    expect(events.map((e) => [e.type, e.payload, e.occurredAt])).toEqual([
      [
        'case.opened',
        { caseId, leadId, kind: 'rejected', repId: w.id.dana, marketerId: w.id.maya },
        TAKEN_UP,
      ],
    ])
    // Maya, the marketer answerable, is told once, however often the jobs run.
    runJobs(w.db, TAKEN_UP)
    runJobs(w.db, new Date(TAKEN_UP.getTime() + HOUR))
    const told = w.db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.caseId, caseId))
      .all()
    expect(told).toEqual([{ userId: w.id.maya, kind: 'case_opened' }])
  })

  it('a second take-up changes nothing and says why; a case in review or closed is skipped, not refused', () => {
    const { caseId } = imported()
    const victor = w.id.victor as number
    takeUpCases(w.db, victor, [caseId], TAKEN_UP)
    const before = { audit: lastAudit(), events: lastEvent(), row: caseRow(caseId) }
    const later = new Date(TAKEN_UP.getTime() + HOUR)
    const again = takeUpCases(w.db, w.id.clara as number, [caseId, w.caseId, caseId], later)
    expect(again).toEqual({
      ok: true,
      takenUp: [],
      skipped: [
        { caseId, why: 'it was already taken up' },
        { caseId: w.caseId, why: 'it is not an imported case (it is in review)' },
      ],
    })
    expect({ audit: lastAudit(), events: lastEvent(), row: caseRow(caseId) }).toEqual(before)
    if (!again.ok) throw new Error('refused')
    expect(takeUpNotice(again)).toBe(
      `No case was taken up. 2 cases left as they were (case ${caseId}: it was already taken up; case ${w.caseId}: it is not an imported case (it is in review)).`,
    )
  })

  it('never opens a second case in review on a lead: that case is skipped, the others taken up', () => {
    const first = imported()
    const second = imported()
    // The lead of the first somehow has a case in review already (the unique index allows one).
    const lead = leadRow(first.leadId)
    if (!lead) throw new Error('No lead')
    const open = w.db.transaction((tx) => openCase(tx, lead, { kind: 'ignored' }, IMPORTED), {
      behavior: 'immediate',
    })
    const result = takeUpCases(w.db, w.id.erin as number, [first.caseId, second.caseId], TAKEN_UP)
    expect(result).toEqual({
      ok: true,
      takenUp: [second.caseId],
      skipped: [{ caseId: first.caseId, why: `its lead already has case ${open} in review` }],
    })
    expect(caseRow(first.caseId)?.status).toBe('imported')
    expect(caseRow(second.caseId)?.status).toBe('in_review')
  })

  it('refuses, naming caseId and changing nothing: no ids, too many, or an id that names no case', () => {
    const { caseId } = imported()
    const auditFrom = lastAudit()
    const refusal = (message: string) => ({ ok: false, fieldErrors: { caseId: [message] } })
    const victor = w.id.victor as number
    expect(takeUpCases(w.db, victor, [], TAKEN_UP)).toEqual(refusal('Choose the cases to take up'))
    const many = Array.from({ length: MAX_TAKE_UP + 1 }, (_, i) => i + 1)
    expect(takeUpCases(w.db, victor, many, TAKEN_UP)).toEqual(
      refusal('Take up at most 500 cases at once'),
    )
    expect(takeUpCases(w.db, victor, [caseId, 999_999], TAKEN_UP)).toEqual(
      refusal('There is no case 999999'),
    )
    expect(caseRow(caseId)?.status).toBe('imported')
    expect(lastAudit()).toBe(auditFrom)
  })

  it('an imported case takes no votes or answers until it is taken up', () => {
    const { caseId } = imported()
    const vote = {
      verdict: 'meets' as const,
      rationale: 'Four hundred people.',
      finding: {},
    }
    expect(castVote(w.db, w.id.victor as number, caseId, vote, TAKEN_UP)).toEqual({
      ok: false,
      fieldErrors: { form: [NOT_TAKEN_UP] },
    })
    expect(concedeCase(w.db, w.id.maya as number, caseId, 'nurture', TAKEN_UP)).toEqual({
      ok: false,
      fieldErrors: { form: [NOT_TAKEN_UP] },
    })
  })
})

describe('the review time of a taken-up case', () => {
  it('runs from the take-up, not from the CRM’s rejection years before', () => {
    const { caseId, leadId } = imported()
    // Taken up Friday 27 November 16:00; the weekend does not count; decided Monday 10:00.
    const friday = new Date('2026-11-27T16:00:00Z')
    const monday = new Date('2026-11-30T10:00:00Z')
    takeUpCases(w.db, w.id.erin as number, [caseId], friday)
    expect(reviewTime(w.db, stored(caseId), monday)).toBe(18 * HOUR)
    const vote = { verdict: 'meets' as const, rationale: 'A real buyer.', finding: {} }
    for (const member of ['victor', 'clara', 'erin'])
      expect(castVote(w.db, w.id[member] as number, caseId, vote, monday)).toMatchObject({
        ok: true,
      })
    expect(caseRow(caseId)).toMatchObject({
      status: 'decided',
      verdict: 'meets',
      decidedAt: monday,
      reviewWorkingMs: 18 * HOUR,
      returnedTo: w.id.dana,
    })
    expect(leadRow(leadId)?.status).toBe('returned')
  })

  it('an ordinary case still runs from its opening', () => {
    // Dana rejected the world's lead on Monday 23 November 09:00.
    const c = stored(w.caseId)
    expect(c.takenUpAt).toBeNull()
    expect(reviewTime(w.db, c, new Date('2026-11-23T11:30:00Z'))).toBe(2.5 * HOUR)
  })
})

describe('the sweep and history', () => {
  it('never opens an ignored case on a lead recorded as history: it has no follow-up clock', () => {
    const { leadId, caseId } = imported()
    expect(leadRow(leadId)).toMatchObject({ status: 'rejected', followUpDueAt: null })
    // A year on, every clock of the world's leads has long run out.
    expect(sweepIgnoredLeads(w.db, new Date('2027-11-23T12:00:00Z'))).toBe(0)
    expect(w.db.select().from(cases).where(eq(cases.leadId, leadId)).all()).toMatchObject([
      { id: caseId, status: 'imported' },
    ])
  })
})
