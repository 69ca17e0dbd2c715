// SLA reminders and escalation (decision 26), with a pinned clock in London: the follow-up
// reminder at the exact instant its clock has a quarter of its working time left (weekends
// paused), once; the review reminder to the committee members still to vote; and a lead whose
// clock ran out going on to the next rep in turn when Settings say so.
import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { noticeText } from '~/components/home/sections'
import { caseFileView } from '~/domain/cases/case-file.server'
import { castVote } from '~/domain/cases/cast-vote.server'
import { recuse } from '~/domain/cases/recuse.server'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { periodicJobs } from '~/domain/jobs.server'
import { homePage } from '~/domain/people/home.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { rejectableReasons } from '~/domain/sales/rejectable-reasons.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { updateSlaSettings } from '~/domain/settings/settings.server'
import { reminderDue, sendReminders } from '~/domain/sla/reminders.server'
import { getDb } from '~/platform/db.server'
import { auditEvents, cases, followUps, leads, notifications, reasons } from '~db/schema'
import { ALL_DAY_SLA, allDayWeekdays, storeAllDayWeekdays } from '../support/calendar'
import { rejectedLead, seedTeam } from '../support/factories'
import { runJobs, runOnce } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T09:00:00Z'))
  storeAllDayWeekdays(getDb())
})

const MS = 1
const leadRow = (id: number) => getDb().select().from(leads).where(eq(leads.id, id)).get()
const casesOf = (leadId: number) =>
  getDb().select().from(cases).where(eq(cases.leadId, leadId)).orderBy(asc(cases.id)).all()
const noticesOf = (leadId: number) =>
  getDb()
    .select({
      userId: notifications.userId,
      kind: notifications.kind,
      caseId: notifications.caseId,
    })
    .from(notifications)
    .where(eq(notifications.leadId, leadId))
    .orderBy(asc(notifications.id))
    .all()
const viewer = (name: string, roles: ('rep' | 'committee')[] = ['rep']) => ({
  id: userId(name),
  name,
  roles,
  seat: null,
  isChair: false,
  signedInAt: new Date('2026-11-01T00:00:00Z'),
})

/** Runs the reminders job as the runner does, one batch a run, until its pass is over. */
function runRemindersJob(now: Date): number {
  const job = periodicJobs(0).find((j) => j.name === 'reminders')
  let done = 0
  for (;;) {
    const run = runOnce(job, getDb(), now)
    done += run.done
    if (!run.more) return done
  }
}

describe('follow-up reminders', () => {
  // Friday 20 November 2026, 17:00 in London: 48 working hours later is Tuesday 17:00; a
  // quarter of them (12 h) is left from Tuesday 05:00.
  const FRIDAY_5PM = new Date('2026-11-20T17:00:00Z')
  const TUESDAY_5AM = new Date('2026-11-24T05:00:00Z')

  it('the rule: at most the share of the working time left, weekends paused, never once run out', () => {
    const clock = { start: FRIDAY_5PM, due: new Date('2026-11-24T17:00:00Z') }
    expect(
      reminderDue(clock, new Date(TUESDAY_5AM.getTime() - MS), 25, allDayWeekdays('Europe/London')),
    ).toBe(false)
    expect(reminderDue(clock, TUESDAY_5AM, 25, allDayWeekdays('Europe/London'))).toBe(true)
    // The weekend is paused: on Sunday night 31 of 48 hours are still left.
    expect(
      reminderDue(clock, new Date('2026-11-22T23:00:00Z'), 25, allDayWeekdays('Europe/London')),
    ).toBe(false)
    // Half: from Monday 17:00 (24 working hours left).
    expect(
      reminderDue(clock, new Date('2026-11-23T17:00:00Z'), 50, allDayWeekdays('Europe/London')),
    ).toBe(true)
    expect(reminderDue(clock, clock.due, 25, allDayWeekdays('Europe/London'))).toBe(false)
  })

  it('reminds the rep at the exact instant, once, and not of a lead already acted on', () => {
    const db = getDb()
    const waiting = handOverLead(
      'dana',
      { firstName: 'Ana', lastName: 'Silva', company: 'Globex' },
      { at: FRIDAY_5PM },
    )
    const accepted = handOverLead('dana', {}, { at: FRIDAY_5PM })
    acceptLead(db, { id: userId('dana') }, accepted, new Date('2026-11-23T09:00:00Z'))

    expect(runRemindersJob(new Date(TUESDAY_5AM.getTime() - MS))).toBe(0)
    expect(runRemindersJob(TUESDAY_5AM)).toBe(1)
    expect(runRemindersJob(new Date(TUESDAY_5AM.getTime() + 60_000))).toBe(0)
    expect(sendReminders(db, new Date('2026-11-24T16:00:00Z'))).toEqual({
      followUps: 0,
      reviews: 0,
    })
    const clock = db.select().from(followUps).where(eq(followUps.leadId, waiting)).get()
    expect(clock).toMatchObject({ remindedAt: TUESDAY_5AM, actedAt: null })
    expect(
      db.select().from(followUps).where(eq(followUps.leadId, accepted)).get()?.remindedAt,
    ).toBeNull()

    runJobs(db, TUESDAY_5AM)
    expect(noticesOf(waiting)).toEqual([
      { userId: userId('dana'), kind: 'follow_up_reminder', caseId: null },
    ])
    expect(noticesOf(accepted)).toEqual([])
    // On Dana's home two hours later, in plain words.
    const home = homePage(db, viewer('dana'), {}, new Date('2026-11-24T07:00:00Z'))
    const notice = home.notifications.find((n) => n.leadId === waiting)
    expect(notice && noticeText(notice)).toBe(
      'The follow-up clock on Ana Silva (Globex) has 10 working hours left. Accept or reject it before it runs out.',
    )
  })

  it('follows the share in Settings, for clocks not yet reminded', () => {
    const db = getDb()
    const sasha = userId('sasha')
    // Monday 30 November 09:00: due Wednesday 09:00; with 50%, reminded from Tuesday 09:00.
    const lead = handOverLead('omar', {}, { at: new Date('2026-11-30T09:00:00Z') })
    updateSlaSettings(
      db,
      sasha,
      { ...ALL_DAY_SLA, reminderPercent: 50 },
      new Date('2026-11-30T10:00:00Z'),
    )
    expect(sendReminders(db, new Date('2026-12-01T08:59:00Z')).followUps).toBe(0)
    expect(sendReminders(db, new Date('2026-12-01T09:00:00Z')).followUps).toBe(1)
    updateSlaSettings(db, sasha, ALL_DAY_SLA, new Date('2026-12-01T10:00:00Z'))
    expect(db.select().from(followUps).where(eq(followUps.leadId, lead)).get()?.remindedAt).toEqual(
      new Date('2026-12-01T09:00:00Z'),
    )
  })
})

describe('review reminders', () => {
  it('go to the eligible members who have neither voted nor recused, once', () => {
    const db = getDb()
    // Opened Monday 7 December 09:00: review due Monday 14 December 09:00 (five working days);
    // 30 working hours are left from Friday 11 December 03:00.
    const OPENED = new Date('2026-12-07T09:00:00Z')
    const REMIND = new Date('2026-12-11T03:00:00Z')
    const { leadId, caseId } = rejectedLead('lucy', {
      handedOverAt: new Date('2026-12-07T08:00:00Z'),
      at: OPENED,
      fields: { firstName: 'Bo', lastName: 'Lind', company: 'Initech' },
    })
    const c = db.select().from(cases).where(eq(cases.id, caseId)).get()
    expect(c?.reviewDueAt).toEqual(new Date('2026-12-14T09:00:00Z'))
    const voted = castVote(
      db,
      userId('victor'),
      caseId,
      { verdict: 'meets', rationale: 'It fits', finding: {} },
      new Date('2026-12-08T09:00:00Z'),
    )
    expect(voted.ok).toBe(true)
    expect(
      recuse(db, userId('clara'), caseId, 'I know them', new Date('2026-12-08T10:00:00Z')).ok,
    ).toBe(true)

    expect(sendReminders(db, new Date(REMIND.getTime() - MS)).reviews).toBe(0)
    expect(sendReminders(db, REMIND).reviews).toBe(1)
    expect(sendReminders(db, new Date(REMIND.getTime() + 60_000)).reviews).toBe(0)
    expect(db.select().from(cases).where(eq(cases.id, caseId)).get()?.reviewRemindedAt).toEqual(
      REMIND,
    )
    runJobs(db, REMIND)
    expect(noticesOf(leadId).filter((n) => n.kind === 'review_reminder')).toEqual([
      { userId: userId('erin'), kind: 'review_reminder', caseId },
    ])
    const home = homePage(db, viewer('erin', ['committee']), {}, new Date('2026-12-11T09:00:00Z'))
    const notice = home.notifications.find((n) => n.notice === 'review_reminder')
    expect(notice && noticeText(notice)).toBe(
      `The review clock on case ${caseId} (Bo Lind (Initech)) has 24 working hours left, and your vote is not in yet.`,
    )
  })
})

describe('escalation: a clock that runs out', () => {
  // Friday 8 January 2027, 17:00: due Tuesday 12 January 17:00; the next clock from then is due
  // Thursday 14 January 17:00, and the one after Monday 18 January 17:00.
  const HANDED = new Date('2027-01-08T17:00:00Z')
  const FIRST_OUT = new Date('2027-01-12T17:00:00Z')
  const SECOND_OUT = new Date('2027-01-14T17:00:00Z')
  let leadId = 0

  it('with "stay" (the default) opens the ignored case and the lead stays with its rep', () => {
    const db = getDb()
    const stays = handOverLead('dana', {}, { at: new Date('2027-01-04T09:00:00Z') })
    // (With the clocks the tests above left running, which ran out before it.)
    expect(sweepIgnoredLeads(db, new Date('2027-01-06T09:00:00Z'))).toBe(3)
    expect(leadRow(stays)).toMatchObject({ status: 'in_review', ownerId: userId('dana') })
    expect(casesOf(stays).map((c) => [c.kind, c.leadMovedOn])).toEqual([['ignored', false]])
    runJobs(db, new Date('2027-01-06T09:00:00Z'))
    expect(noticesOf(stays).map((n) => n.kind)).not.toContain('escalated')
  })

  it('with "next_rep" the lead goes on to the next active rep as new, with a fresh clock', () => {
    const db = getDb()
    updateSlaSettings(
      db,
      userId('sasha'),
      { ...ALL_DAY_SLA, onClockOut: 'next_rep' },
      new Date('2027-01-08T09:00:00Z'),
    )
    leadId = handOverLead(
      'dana',
      { firstName: 'Cy', lastName: 'Moss', company: 'Hooli' },
      { at: HANDED },
    )
    expect(sweepIgnoredLeads(db, new Date(FIRST_OUT.getTime() - MS))).toBe(0)
    expect(sweepIgnoredLeads(db, FIRST_OUT)).toBe(1)
    expect(sweepIgnoredLeads(db, new Date(FIRST_OUT.getTime() + 60_000))).toBe(0)

    const [ignored, ...more] = casesOf(leadId)
    expect(more).toEqual([])
    expect(ignored).toMatchObject({
      kind: 'ignored',
      status: 'in_review',
      leadMovedOn: true,
      repId: userId('dana'),
      openedAt: FIRST_OUT,
    })
    // Omar is next in turn after Dana (the reps in order: Dana, Omar, Lucy).
    expect(leadRow(leadId)).toMatchObject({
      status: 'new',
      ownerId: userId('omar'),
      clockStartedAt: FIRST_OUT,
      followUpDueAt: SECOND_OUT,
    })
    const clocks = db
      .select()
      .from(followUps)
      .where(eq(followUps.leadId, leadId))
      .orderBy(asc(followUps.id))
      .all()
    expect(clocks.map((f) => [f.repId, f.kind, f.startedAt, f.dueAt, f.action])).toEqual([
      [userId('dana'), 'hand_over', HANDED, FIRST_OUT, 'ignored'],
      [userId('omar'), 'hand_over', FIRST_OUT, SECOND_OUT, null],
    ])
    const audit = db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'lead'), eq(auditEvents.subjectId, String(leadId))))
      .orderBy(asc(auditEvents.id))
      .all()
    expect(audit.map((a) => a.action)).toEqual(['lead.created', 'lead.ignored', 'lead.escalated'])
    expect(audit[2]?.after).toMatchObject({
      status: 'new',
      ownerId: userId('omar'),
      caseId: ignored?.id,
    })

    runJobs(db, FIRST_OUT)
    // Dana and Maya hear of the ignored case as before; Omar, that the lead came to him.
    expect(noticesOf(leadId)).toEqual([
      { userId: userId('maya'), kind: 'case_opened', caseId: ignored?.id },
      { userId: userId('dana'), kind: 'case_opened', caseId: ignored?.id },
      { userId: userId('omar'), kind: 'escalated', caseId: ignored?.id },
    ])
    const home = homePage(db, viewer('omar'), {}, new Date('2027-01-13T09:00:00Z'))
    const notice = home.notifications.find((n) => n.notice === 'escalated')
    expect(notice && noticeText(notice)).toBe(
      'Cy Moss (Hooli) came to you: Dana Reyes’s clock ran out. Your follow-up clock has 32 working hours left.',
    )
    expect(home.queue?.rows.map((r) => r.id)).toContain(leadId)
  })

  it('a verdict on the moved-on case is recorded but does not move the lead', () => {
    const db = getDb()
    const [c] = casesOf(leadId)
    for (const [i, member] of ['victor', 'clara', 'erin'].entries()) {
      const voted = castVote(
        db,
        userId(member),
        c?.id ?? 0,
        { verdict: 'meets', rationale: 'It fits', finding: {} },
        new Date(FIRST_OUT.getTime() + (i + 1) * 3_600_000),
      )
      expect(voted.ok).toBe(true)
    }
    const decided = casesOf(leadId)[0]
    expect(decided).toMatchObject({
      status: 'decided',
      verdict: 'meets',
      agreesWithDefinition: true,
      returnedTo: null,
      disposition: null,
    })
    expect(leadRow(leadId)).toMatchObject({
      status: 'new',
      ownerId: userId('omar'),
      followUpDueAt: SECOND_OUT,
    })
    const file = caseFileView(
      db,
      { id: userId('felix'), roles: ['leadership'] },
      decided as NonNullable<typeof decided>,
      SECOND_OUT,
    )
    expect(file.movedOnTo).toBe('Omar Haddad')
    expect(file.outcome?.returnedTo).toBeNull()
  })

  it('a second run-out opens a second moved-on case; the next rep can reject the lead normally', () => {
    const db = getDb()
    expect(sweepIgnoredLeads(db, SECOND_OUT)).toBe(1)
    const [, second] = casesOf(leadId)
    expect(second).toMatchObject({
      kind: 'ignored',
      status: 'in_review',
      leadMovedOn: true,
      repId: userId('omar'),
    })
    // Lucy is next after Omar.
    expect(leadRow(leadId)).toMatchObject({
      status: 'new',
      ownerId: userId('lucy'),
      followUpDueAt: new Date('2027-01-18T17:00:00Z'),
    })
    const reason = db.select().from(reasons).where(eq(reasons.label, 'No budget')).get()
    const rejected = rejectLead(
      db,
      { id: userId('lucy') },
      leadId,
      { reasonId: reason?.id ?? 0, notes: 'No budget this year', contactAttempts: 1 },
      new Date('2027-01-15T10:00:00Z'),
    )
    expect(rejected.ok).toBe(true)
    const third = casesOf(leadId)[2]
    expect(third).toMatchObject({
      kind: 'rejected',
      status: 'in_review',
      leadMovedOn: false,
      repId: userId('lucy'),
      previousCaseId: second?.id,
    })
    expect(leadRow(leadId)?.status).toBe('in_review')
    // Marketing concedes the moved-on case: recorded, and nothing done to the lead.
    expect(
      concedeCase(
        db,
        userId('maya'),
        second?.id ?? 0,
        'disqualified',
        new Date('2027-01-15T11:00:00Z'),
      ).ok,
    ).toBe(true)
    expect(casesOf(leadId)[1]).toMatchObject({
      status: 'conceded',
      verdict: 'does_not_meet',
      disposition: null,
    })
    expect(leadRow(leadId)).toMatchObject({ status: 'in_review', ownerId: userId('lucy') })
    updateSlaSettings(db, userId('sasha'), ALL_DAY_SLA, new Date('2027-01-15T12:00:00Z'))
  })

  it('a returned lead that runs out goes on as returned, with a return clock: ruled reasons stay closed', () => {
    const db = getDb()
    updateSlaSettings(
      db,
      userId('sasha'),
      { ...ALL_DAY_SLA, onClockOut: 'next_rep' },
      new Date('2027-02-01T09:00:00Z'),
    )
    const returned = handOverLead(
      'omar',
      { company: 'Initech' },
      { at: new Date('2027-02-01T09:00:00Z') },
    )
    const noBudget = db.select().from(reasons).where(eq(reasons.label, 'No budget')).get()
    const rejected = rejectLead(
      db,
      { id: userId('omar') },
      returned,
      { reasonId: noBudget?.id ?? 0, notes: 'No budget', contactAttempts: 0 },
      new Date('2027-02-01T10:00:00Z'),
    )
    if (!rejected.ok) throw new Error('not rejected')
    // The committee overturns it on Monday 8 February by 09:00 and returns it to Omar: 24
    // working hours, due Tuesday 9 February at 09:00.
    for (const [i, member] of ['victor', 'clara', 'erin'].entries())
      castVote(
        db,
        userId(member),
        rejected.caseId,
        { verdict: 'meets', rationale: 'They have budget', finding: {} },
        new Date(Date.UTC(2027, 1, 8, 7 + i)),
      )
    expect(leadRow(returned)).toMatchObject({ status: 'returned', ownerId: userId('omar') })
    const out = new Date('2027-02-09T09:00:00Z')
    expect(sweepIgnoredLeads(db, out)).toBe(1)
    // The next rep in turn (Dana: the turn passed Lucy in the test above) gets it back as a
    // returned lead, her return clock due 24 working hours on.
    expect(leadRow(returned)).toMatchObject({
      status: 'returned',
      ownerId: userId('dana'),
      followUpDueAt: new Date('2027-02-10T09:00:00Z'),
    })
    const lead = leadRow(returned)
    if (!lead) throw new Error('no lead')
    expect(rejectableReasons(db, lead).ruled.map((r) => r.label)).toEqual(['No budget'])
    const clocks = db
      .select({ kind: followUps.kind, repId: followUps.repId, action: followUps.action })
      .from(followUps)
      .where(eq(followUps.leadId, returned))
      .orderBy(asc(followUps.id))
      .all()
    expect(clocks).toEqual([
      { kind: 'hand_over', repId: userId('omar'), action: 'rejected' },
      { kind: 'return', repId: userId('omar'), action: 'ignored' },
      { kind: 'return', repId: userId('dana'), action: null },
    ])
    updateSlaSettings(db, userId('sasha'), ALL_DAY_SLA, new Date('2027-02-09T12:00:00Z'))
  })
})
