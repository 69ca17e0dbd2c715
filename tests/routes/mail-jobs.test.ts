// The e-mail jobs with a pinned clock in London: with no SMTP the messages are kept in the
// mailbox; a case Marketing has not answered by half its review clock is written about once;
// the daily digest goes once per local day, from 07:00, to those who chose it; the clock
// reminders reach the rep and the members yet to vote.
import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { periodicJobs } from '~/domain/jobs.server'
import { halfClockGone, remindAwaitingResponse } from '~/domain/mail/awaiting.server'
import { writeDigests } from '~/domain/mail/digest.server'
import { saveEmailPreferences } from '~/domain/mail/preferences.server'
import { sendReminders } from '~/domain/sla/reminders.server'
import { disableEndpointIn, insertEndpoint } from '~/domain/webhooks/endpoints.server'
import { getDb } from '~/platform/db.server'
import { runJobsOnce } from '~/platform/jobs/runner.server'
import type { EmailKind } from '~db/enums'
import { cases, emailMessages } from '~db/schema'
import { allDayWeekdays, storeAllDayWeekdays } from '../support/calendar'
import { rejectedLead, seedTeam } from '../support/factories'
import { runJobs } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T09:00:00Z'))
  storeAllDayWeekdays(getDb())
})

const mail = (kind: EmailKind) =>
  getDb()
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.kind, kind))
    .orderBy(asc(emailMessages.id))
    .all()

const awaitingMailedAt = (caseId: number) =>
  getDb().select().from(cases).where(eq(cases.id, caseId)).get()?.awaitingMailedAt ?? null

/** Every job once, as `npm run jobs` does, with no SMTP server. */
const runAll = (now: Date) =>
  runJobsOnce(getDb(), periodicJobs(0, { mailer: () => null }), () => now)

describe('the e-mail jobs', () => {
  it('with no SMTP, keeps the messages in the mailbox', async () => {
    const OPENED = new Date('2026-11-23T09:00:00Z')
    const { caseId } = rejectedLead('dana', {
      at: OPENED,
      handedOverAt: new Date('2026-11-23T08:00:00Z'),
    })
    runJobs(getDb(), OPENED)
    expect(mail('case_opened').map((m) => [m.toAddress, m.status, m.source])).toEqual([
      ['maya@brightline.test', 'pending', expect.stringMatching(/^event:\d+$/)],
    ])
    const done = await runAll(OPENED)
    expect(done.mail).toBe(1)
    expect(mail('case_opened')).toMatchObject([
      { status: 'kept', link: `http://localhost:3000/cases/${caseId}`, attempts: 0, sentAt: null },
    ])
  })

  it('does not mail an event older than a day when read (a backlog)', () => {
    const before = mail('case_opened').length
    rejectedLead('omar', {
      at: new Date('2026-11-24T09:00:00Z'),
      handedOverAt: new Date('2026-11-24T08:00:00Z'),
    })
    runJobs(getDb(), new Date('2026-11-25T09:00:01Z'))
    expect(mail('case_opened').length).toBe(before)
  })

  it('writes about a case waiting for Marketing once, from half its review clock', async () => {
    // Opened Monday 30 November 09:00; five working days: due Monday 7 December 09:00; half
    // (60 working hours) gone Wednesday 2 December 21:00.
    const { caseId } = rejectedLead('lucy', {
      at: new Date('2026-11-30T09:00:00Z'),
      handedOverAt: new Date('2026-11-30T08:00:00Z'),
      marketer: 'ben',
      fields: { firstName: 'Jo', lastName: 'Wren' },
    })
    const HALF = new Date('2026-12-02T21:00:00Z')
    expect(
      halfClockGone(
        new Date('2026-11-30T09:00:00Z'),
        new Date('2026-12-07T09:00:00Z'),
        HALF,
        allDayWeekdays('Europe/London'),
      ),
    ).toBe(true)
    await runAll(new Date(HALF.getTime() - 1))
    expect(mail('awaiting_response')).toEqual([])
    await runAll(HALF)
    await runAll(new Date(HALF.getTime() + 3_600_000))
    const written = mail('awaiting_response').filter((m) => m.source === `awaiting:${caseId}`)
    expect(written.map((m) => [m.toAddress, m.subject, m.status])).toEqual([
      ['ben@brightline.test', 'Waiting for your response: the case on Jo Wren (Globex)', 'kept'],
    ])
    expect(written[0]?.text).toContain('You receive this because you handed over this lead;')
    expect(awaitingMailedAt(caseId)).toEqual(HALF)
  })

  it('marks a case whose marketers all opted out, so it is not read again', async () => {
    const db = getDb()
    const ben = { id: userId('ben'), roles: ['marketer' as const] }
    saveEmailPreferences(db, ben, ['case_opened', 'verdict'], new Date('2026-12-14T08:00:00Z'))
    // Opened Monday 14 December 09:00, due Monday 21st 09:00: half gone Wednesday 16th 21:00.
    const { caseId } = rejectedLead('lucy', {
      at: new Date('2026-12-14T09:00:00Z'),
      handedOverAt: new Date('2026-12-14T08:00:00Z'),
      marketer: 'ben',
    })
    const HALF = new Date('2026-12-16T21:00:00Z')
    await runAll(new Date(HALF.getTime() - 1))
    expect(awaitingMailedAt(caseId)).toBeNull()
    await runAll(HALF)
    expect(awaitingMailedAt(caseId)).toEqual(HALF)
    // Ben wants them again: the case was looked at once, and is not written about later.
    saveEmailPreferences(
      db,
      ben,
      ['case_opened', 'verdict', 'awaiting_response'],
      new Date('2026-12-16T22:00:00Z'),
    )
    await runAll(new Date('2026-12-17T09:00:00Z'))
    expect(mail('awaiting_response').filter((m) => m.source === `awaiting:${caseId}`)).toEqual([])
    expect(awaitingMailedAt(caseId)).toEqual(HALF)
  })

  it('writes the cases due in batches, one transaction each, soonest due first', () => {
    const db = getDb()
    const ids = ['2026-12-21T09:00:00Z', '2026-12-21T10:00:00Z', '2026-12-21T11:00:00Z'].map(
      (opened) =>
        rejectedLead('lucy', {
          at: new Date(opened),
          handedOverAt: new Date('2026-12-21T08:00:00Z'),
          marketer: 'ben',
        }).caseId,
    )
    // Half of the latest one's clock has gone by Thursday 24 December 09:00.
    const NOW = new Date('2026-12-24T09:00:00Z')
    expect(remindAwaitingResponse(db, NOW, 2)).toEqual({ written: 2, cases: 2, more: true })
    expect(ids.map(awaitingMailedAt)).toEqual([NOW, NOW, null])
    expect(remindAwaitingResponse(db, NOW, 2)).toEqual({ written: 1, cases: 1, more: false })
    expect(remindAwaitingResponse(db, NOW, 2)).toEqual({ written: 0, cases: 0, more: false })
    expect(
      mail('awaiting_response')
        .filter((m) => ids.some((id) => m.source === `awaiting:${id}`))
        .map((m) => [m.source, m.toAddress]),
    ).toEqual(ids.map((id) => [`awaiting:${id}`, 'ben@brightline.test']))
  })

  it('sends the digest once per local day, from 07:00, to those who chose it', () => {
    const db = getDb()
    saveEmailPreferences(
      db,
      { id: userId('felix'), roles: ['leadership'] },
      ['daily_digest'],
      new Date('2026-12-01T00:00:00Z'),
    )
    saveEmailPreferences(
      db,
      { id: userId('victor'), roles: ['committee'] },
      ['clock_reminder', 'daily_digest'],
      new Date('2026-12-01T00:00:00Z'),
    )
    // Tuesday 1 December: 06:59 in London is too early; 07:00 writes two; later, nothing more.
    expect(writeDigests(db, new Date('2026-12-01T06:59:00Z'))).toBe(0)
    expect(writeDigests(db, new Date('2026-12-01T07:00:00Z'))).toBe(2)
    expect(writeDigests(db, new Date('2026-12-01T18:00:00Z'))).toBe(0)
    expect(writeDigests(db, new Date('2026-12-02T07:30:00Z'))).toBe(2)
    const digests = mail('daily_digest')
    expect(digests.map((m) => [m.toAddress, m.source, m.subject])).toEqual([
      ['victor@brightline.test', 'digest:2026-12-01', 'Your Leadcourt digest for 1 Dec 2026'],
      ['felix@brightline.test', 'digest:2026-12-01', 'Your Leadcourt digest for 1 Dec 2026'],
      ['victor@brightline.test', 'digest:2026-12-02', 'Your Leadcourt digest for 2 Dec 2026'],
      ['felix@brightline.test', 'digest:2026-12-02', 'Your Leadcourt digest for 2 Dec 2026'],
    ])
    expect(digests[0]?.text).toContain('wait for your vote:')
    expect(digests[1]?.text).toMatch(
      /Yesterday: \d+ cases? opened, \d+ decided by the committee, \d+ conceded by Marketing; \d+ open now\./,
    )
  })

  it('reminds the rep of a follow-up clock and the members yet to vote of a review clock', () => {
    const db = getDb()
    // Handed over Monday 7 December 09:00: 48 working hours, due Wednesday 09:00; a quarter
    // left from Tuesday 21:00.
    const leadId = handOverLead(
      'omar',
      { firstName: 'Vi', lastName: 'Hart' },
      { at: new Date('2026-12-07T09:00:00Z') },
    )
    const REMIND = new Date('2026-12-08T21:00:00Z')
    sendReminders(db, REMIND)
    runJobs(db, REMIND)
    const reminders = mail('clock_reminder')
    const rep = reminders.filter((m) => m.link === `http://localhost:3000/leads/${leadId}`)
    expect(rep.map((m) => [m.toAddress, m.subject])).toEqual([
      [
        'omar@brightline.test',
        'Reminder: 12 working hours left to accept or reject Vi Hart (Globex)',
      ],
    ])
    // A case opened Monday 7 December 09:00 is due Monday 14th: 30 working hours left from
    // Friday 11 December 03:00.
    const { caseId } = rejectedLead('dana', {
      at: new Date('2026-12-07T09:00:00Z'),
      handedOverAt: new Date('2026-12-07T08:00:00Z'),
      fields: { firstName: 'Al', lastName: 'Vance' },
    })
    const REVIEW = new Date('2026-12-11T03:00:00Z')
    expect(sendReminders(db, REVIEW).reviews).toBe(1)
    runJobs(db, REVIEW)
    const members = mail('clock_reminder').filter((m) => m.link.endsWith(`/cases/${caseId}`))
    expect(members[0]?.subject).toBe(
      'Reminder: 30 working hours left to vote on the case on Al Vance (Globex)',
    )
    expect(new Set(members.map((m) => m.toAddress))).toEqual(
      new Set(['victor@brightline.test', 'clara@brightline.test', 'erin@brightline.test']),
    )
    expect(
      db
        .select()
        .from(emailMessages)
        .where(
          and(eq(emailMessages.kind, 'clock_reminder'), eq(emailMessages.userId, userId('omar'))),
        )
        .all().length,
    ).toBe(1)
  })
})

describe('a webhook endpoint disabled by its failures', () => {
  it('e-mails every active admin, once, with a link to the endpoint', () => {
    const db = getDb()
    const AT = new Date('2026-12-14T10:00:00Z')
    const endpoint = insertEndpoint(
      db,
      { userId: userId('sasha') },
      { url: 'https://crm.example.com/hooks', events: ['case.decided'], description: '' },
      AT,
    )
    disableEndpointIn(
      db,
      { userId: null },
      { id: endpoint.endpointId, url: 'https://crm.example.com/hooks' },
      'It answered 410 Gone',
      AT,
      true,
    )
    runJobs(db, AT)
    runJobs(db, AT)
    expect(mail('webhook_disabled').map((m) => [m.toAddress, m.link, m.subject])).toEqual([
      [
        'sasha@brightline.test',
        `http://localhost:3000/admin/webhooks/${endpoint.endpointId}`,
        'Webhook endpoint disabled: https://crm.example.com/hooks',
      ],
    ])
    expect(mail('webhook_disabled')[0]?.text).toContain(
      'The webhook endpoint https://crm.example.com/hooks was disabled: It answered 410 Gone.',
    )
  })
})
