import { asc, eq, gt } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findCase } from '~/domain/cases/case.server'
import { closeCase } from '~/domain/cases/close-case.server'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { auditEvents, cases, leads, notifications, outbox } from '~db/schema'
import { type CaseWorld, caseWorld } from '../support/case-world'
import { runJobs } from '../support/jobs'

// Two working hours after the case opened (Monday 09:00 UTC).
const CLOSED = new Date('2026-11-23T11:00:00Z')
const TWO_HOURS = 2 * 3600_000

let w: CaseWorld
let auditFrom: number
let eventsFrom: number
beforeEach(() => {
  w = caseWorld()
  auditFrom = w.db.select().from(auditEvents).all().length
  eventsFrom = w.db.select().from(outbox).all().length
})
afterEach(() => w.close())

const caseRow = () => w.db.select().from(cases).where(eq(cases.id, w.caseId)).get()
const leadRow = () => w.db.select().from(leads).where(eq(leads.id, w.leadId)).get()
const newAudit = () =>
  w.db
    .select({
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(gt(auditEvents.id, auditFrom))
    .orderBy(asc(auditEvents.id))
    .all()
const newEvents = () =>
  w.db
    .select({ type: outbox.type, payload: outbox.payload, occurredAt: outbox.occurredAt })
    .from(outbox)
    .where(gt(outbox.id, eventsFrom))
    .orderBy(asc(outbox.id))
    .all()
const told = () =>
  w.db
    .select({ userId: notifications.userId, kind: notifications.kind, at: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.caseId, w.caseId))
    .orderBy(asc(notifications.userId))
    .all()
    .filter((n) => n.kind !== 'case_opened')

function close(closing: Parameters<typeof closeCase>[2]) {
  w.db.transaction(
    (tx) =>
      closeCase(
        tx,
        findCase(tx, w.caseId) as NonNullable<ReturnType<typeof findCase>>,
        closing,
        CLOSED,
      ),
    { behavior: 'immediate' },
  )
}

describe('closeCase', () => {
  it('conceded: the verdict, the disposition, two audit entries and two events; the rep is told after the commit', () => {
    expect(concedeCase(w.db, w.id.maya as number, w.caseId, 'nurture', CLOSED)).toEqual({
      ok: true,
    })
    expect(caseRow()).toMatchObject({
      status: 'conceded',
      response: 'conceded',
      respondedBy: w.id.maya,
      respondedAt: CLOSED,
      verdict: 'does_not_meet',
      disposition: 'nurture',
      rationale: 'Conceded by marketing',
      decidedAt: CLOSED,
      unanimous: null,
      returnedTo: null,
      reviewWorkingMs: TWO_HOURS,
    })
    expect(leadRow()).toMatchObject({ status: 'nurture', followUpDueAt: null, updatedAt: CLOSED })
    expect(newAudit()).toEqual([
      {
        at: CLOSED,
        actorId: w.id.maya,
        action: 'case.conceded',
        subjectType: 'case',
        subjectId: String(w.caseId),
        before: { status: 'in_review' },
        after: { status: 'conceded', disposition: 'nurture' },
      },
      {
        at: CLOSED,
        actorId: w.id.maya,
        action: 'lead.disposed',
        subjectType: 'lead',
        subjectId: String(w.leadId),
        before: { status: 'in_review' },
        after: { status: 'nurture', caseId: w.caseId },
      },
    ])
    expect(newEvents()).toEqual([
      {
        type: 'case.conceded',
        payload: {
          caseId: w.caseId,
          leadId: w.leadId,
          repId: w.id.dana,
          by: w.id.maya,
          disposition: 'nurture',
        },
        occurredAt: CLOSED,
      },
      {
        type: 'lead.disposed',
        payload: { leadId: w.leadId, caseId: w.caseId, disposition: 'nurture' },
        occurredAt: CLOSED,
      },
    ])
    // Nobody is told inside the change; the consumer tells the rep once, at the event's time.
    expect(told()).toEqual([])
    runJobs(w.db, new Date('2026-11-23T12:00:00Z'))
    expect(told()).toEqual([{ userId: w.id.dana, kind: 'conceded', at: CLOSED }])
  })

  it('decided "meets": the record, the lead back to the named rep on a 24-hour return clock, the rep, the new rep and marketing told', () => {
    close({
      how: 'decided',
      verdict: 'meets',
      unanimous: true,
      byChair: false,
      rationale: 'Victor: It fits.',
      disposition: null,
      returnTo: w.id.omar as number,
      record: { completedEvaluation: 'meets', agreesWithDefinition: true, departures: [] },
    })
    expect(caseRow()).toMatchObject({
      status: 'decided',
      verdict: 'meets',
      disposition: null,
      rationale: 'Victor: It fits.',
      decidedAt: CLOSED,
      unanimous: true,
      decidedByChair: false,
      completedEvaluation: 'meets',
      agreesWithDefinition: true,
      departures: [],
      returnedTo: w.id.omar,
      reviewWorkingMs: TWO_HOURS,
      response: null,
    })
    expect(leadRow()).toMatchObject({
      status: 'returned',
      ownerId: w.id.omar,
      clockStartedAt: CLOSED,
      followUpDueAt: new Date('2026-11-24T11:00:00Z'),
    })
    expect(newAudit().map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      [
        'case.decided',
        null,
        { status: 'in_review' },
        {
          verdict: 'meets',
          disposition: null,
          unanimous: true,
          byChair: false,
          agreesWithDefinition: true,
          departures: [],
        },
      ],
      [
        'lead.returned',
        null,
        { status: 'in_review', ownerId: w.id.dana },
        { status: 'returned', ownerId: w.id.omar },
      ],
    ])
    expect(newEvents().map((e) => [e.type, e.payload])).toEqual([
      [
        'case.decided',
        {
          caseId: w.caseId,
          leadId: w.leadId,
          verdict: 'meets',
          disposition: null,
          repId: w.id.dana,
          marketerId: w.id.maya,
          returnedTo: w.id.omar,
        },
      ],
      ['lead.returned', { leadId: w.leadId, repId: w.id.omar, previousRepId: w.id.dana }],
    ])
    runJobs(w.db, CLOSED)
    expect(told()).toEqual(
      [w.id.dana, w.id.omar, w.id.maya]
        .sort((a, b) => (a as number) - (b as number))
        .map((userId) => ({ userId, kind: 'verdict', at: CLOSED })),
    )
  })

  it('decided "does not meet": the lead disposed of by the committee (no actor), the rep and marketing told', () => {
    close({
      how: 'decided',
      verdict: 'does_not_meet',
      unanimous: false,
      byChair: true,
      rationale: 'Erin: No budget.',
      disposition: 'disqualified',
      returnTo: null,
      record: { completedEvaluation: 'meets', agreesWithDefinition: false, departures: ['*'] },
    })
    expect(caseRow()).toMatchObject({
      status: 'decided',
      verdict: 'does_not_meet',
      disposition: 'disqualified',
      decidedByChair: true,
      unanimous: false,
      agreesWithDefinition: false,
      departures: ['*'],
      returnedTo: null,
    })
    expect(leadRow()).toMatchObject({
      status: 'disqualified',
      ownerId: w.id.dana,
      followUpDueAt: null,
    })
    expect(newAudit().map((e) => [e.action, e.actorId, e.subjectId, e.after])).toEqual([
      [
        'case.decided',
        null,
        String(w.caseId),
        {
          verdict: 'does_not_meet',
          disposition: 'disqualified',
          unanimous: false,
          byChair: true,
          agreesWithDefinition: false,
          departures: ['*'],
        },
      ],
      ['lead.disposed', null, String(w.leadId), { status: 'disqualified', caseId: w.caseId }],
    ])
    expect(newEvents().map((e) => e.type)).toEqual(['case.decided', 'lead.disposed'])
    runJobs(w.db, CLOSED)
    runJobs(w.db, CLOSED)
    expect(told().map((n) => [n.userId, n.kind])).toEqual(
      [w.id.dana, w.id.maya]
        .sort((a, b) => (a as number) - (b as number))
        .map((userId) => [userId, 'verdict']),
    )
  })
})
