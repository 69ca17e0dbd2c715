// The delivery job against real servers started in the test (smtp-server, and a TCP server that
// never greets) with pinned clocks: each result is recorded at the clock's time when the server
// answered, so its retry counts from then; a server that cannot be reached stops the batch and
// leaves the other messages as they were; a message whose recipient stopped its kind, or left,
// is not sent (nor kept) but failed with the reason; the hourly purge deletes messages older
// than 90 days that are done with.

import type { AddressInfo } from 'node:net'
import { createServer, type Server, type Socket } from 'node:net'
import { asc, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { periodicJobs } from '~/domain/jobs.server'
import { deliverDueMail } from '~/domain/mail/deliver.server'
import { mailRecipients, writeMail } from '~/domain/mail/messages.server'
import { saveEmailPreferences } from '~/domain/mail/preferences.server'
import { getDb } from '~/platform/db.server'
import { runJobsOnce } from '~/platform/jobs/runner.server'
import { createMailer } from '~/platform/mailer.server'
import type { EmailKind } from '~db/enums'
import { emailMessages, users } from '~db/schema'
import { seedTeam } from '../support/factories'
import { userId } from '../support/leads'
import { startSmtp, type TestSmtp } from '../support/mail-server'

let smtp: TestSmtp
const T = new Date('2026-11-23T10:00:00Z')
const min = (m: number) => new Date(T.getTime() + m * 60_000)

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T09:00:00Z'))
  smtp = await startSmtp()
})
afterAll(async () => {
  await smtp?.close()
})
beforeEach(() => {
  getDb().delete(emailMessages).run()
  smtp.refuse(null)
})

/** One pending message to `who` of `kind`, due at `at`. */
function queue(who: string, kind: EmailKind, n: number, at = T): number {
  const db = getDb()
  const to = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId(who)))
    .get()
  if (!to) throw new Error(who)
  const link = `http://localhost:3000/cases/${n}`
  writeMail(db, to, kind, `test:${n}`, { subject: `Message ${n}`, text: 't', html: 'h', link }, at)
  return db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.source, `test:${n}`))
    .get()?.id as number
}

const rows = () => getDb().select().from(emailMessages).orderBy(asc(emailMessages.id)).all()

/** A clock that moves one minute on at each reading, from `start`. */
function ticking(start: Date) {
  let tick = 0
  return () => new Date(start.getTime() + tick++ * 60_000)
}

describe('sending with the clock of each attempt', () => {
  it('counts each retry from the end of its attempt, and a refusal does not stop the batch', async () => {
    smtp.refuse({ code: 451, message: 'Try again later' })
    queue('maya', 'case_opened', 1)
    queue('dana', 'verdict', 2)
    const mailer = smtp.mailer()
    // Readings: claim 1 at T, its result at T+1; claim 2 at T+2, its result at T+3.
    const result = await deliverDueMail(getDb(), T, mailer, { clock: ticking(T) })
    mailer.close()
    expect(result).toEqual({ sent: 0, failed: 2, kept: 0, unwanted: 0, more: false })
    expect(rows().map((m) => [m.status, m.attempts, m.nextAttemptAt])).toEqual([
      ['pending', 1, min(2)],
      ['pending', 1, min(4)],
    ])
    smtp.refuse(null)
    const again = smtp.mailer()
    expect(await deliverDueMail(getDb(), min(4), again, { clock: () => min(5) })).toMatchObject({
      sent: 2,
    })
    again.close()
    expect(rows().map((m) => [m.status, m.sentAt])).toEqual([
      ['sent', min(5)],
      ['sent', min(5)],
    ])
  })
})

describe('a server that cannot be reached', () => {
  let silent: Server
  const sockets: Socket[] = []
  beforeAll(async () => {
    // Accepts the connection and never says a word (no greeting).
    silent = createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => silent.close(() => resolve()))
  })

  const mailerOn = (port: number) =>
    createMailer({
      host: '127.0.0.1',
      port,
      secure: false,
      starttls: 'off',
      auth: null,
      from: 'leadcourt@brightline.test',
      timeoutMs: 200,
    })

  it('stops the batch at a greeting timeout; the other messages are left unchanged', async () => {
    for (const n of [1, 2, 3]) queue('maya', 'case_opened', n)
    const mailer = mailerOn((silent.address() as AddressInfo).port)
    // The wait ends 15 minutes on by the clock: the retry is a minute after that.
    const result = await deliverDueMail(getDb(), T, mailer, { clock: () => min(15) })
    mailer.close()
    expect(result).toEqual({ sent: 0, failed: 1, kept: 0, unwanted: 0, more: false })
    const [first, ...rest] = rows()
    expect(first).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: min(16) })
    expect(first?.lastError).toMatch(/^ETIMEDOUT/)
    expect(rest.map((m) => [m.status, m.attempts, m.nextAttemptAt, m.lastError])).toEqual([
      ['pending', 0, T, null],
      ['pending', 0, T, null],
    ])
  })

  it('stops the batch when the connection is refused', async () => {
    queue('maya', 'case_opened', 4)
    queue('maya', 'case_opened', 5)
    const closed = await startSmtp()
    await closed.close()
    const mailer = closed.mailer()
    const result = await deliverDueMail(getDb(), T, mailer)
    mailer.close()
    expect(result).toEqual({ sent: 0, failed: 1, kept: 0, unwanted: 0, more: false })
    expect(rows().map((m) => [m.attempts, m.nextAttemptAt])).toEqual([
      [1, min(1)],
      [0, T],
    ])
    expect(rows()[0]?.lastError).toMatch(/ECONNREFUSED/)
  })
})

describe('a recipient who no longer wants the message', () => {
  const maya = { id: 0, roles: ['marketer' as const] }
  beforeAll(() => {
    maya.id = userId('maya')
  })
  afterAll(() => {
    saveEmailPreferences(getDb(), maya, ['case_opened', 'verdict', 'awaiting_response'], T)
    getDb()
      .update(users)
      .set({ active: true })
      .where(eq(users.id, userId('omar')))
      .run()
  })

  it('is not sent: failed with the reason, no attempt counted', async () => {
    queue('maya', 'case_opened', 1)
    queue('maya', 'verdict', 2)
    queue('omar', 'verdict', 3)
    // Queued during an outage; then Maya turns "case opened" off and Omar leaves.
    saveEmailPreferences(getDb(), maya, ['verdict', 'awaiting_response'], min(1))
    getDb()
      .update(users)
      .set({ active: false })
      .where(eq(users.id, userId('omar')))
      .run()
    expect(mailRecipients(getDb(), [userId('omar')], 'verdict')).toEqual([])
    const before = smtp.received.length
    const mailer = smtp.mailer()
    const result = await deliverDueMail(getDb(), min(2), mailer)
    mailer.close()
    expect(result).toEqual({ sent: 1, failed: 0, kept: 0, unwanted: 2, more: false })
    expect(smtp.received.slice(before).map((m) => [m.to, m.subject])).toEqual([
      [['maya@brightline.test'], 'Message 2'],
    ])
    expect(rows().map((m) => [m.kind, m.status, m.attempts, m.lastError, m.sentAt])).toEqual([
      ['case_opened', 'failed', 0, 'The recipient stopped this kind of e-mail', null],
      ['verdict', 'sent', 1, null, min(2)],
      ['verdict', 'failed', 0, 'The recipient is no longer active', null],
    ])
  })

  it('is not kept either when there is no SMTP', async () => {
    queue('maya', 'case_opened', 1)
    queue('maya', 'verdict', 2)
    expect(await deliverDueMail(getDb(), min(2), null)).toEqual({
      sent: 0,
      failed: 0,
      kept: 1,
      unwanted: 1,
      more: false,
    })
    expect(rows().map((m) => [m.kind, m.status, m.lastError])).toEqual([
      ['case_opened', 'failed', 'The recipient stopped this kind of e-mail'],
      ['verdict', 'kept', null],
    ])
  })
})

describe('the hourly purge', () => {
  it('deletes the messages older than 90 days that are sent, kept or failed', async () => {
    const DAY = 24 * 3_600_000
    const NOW = new Date(T.getTime() + 200 * DAY)
    const OLD = new Date(NOW.getTime() - 90 * DAY - 1)
    const statuses = ['sent', 'kept', 'failed', 'pending'] as const
    for (const [i, status] of statuses.entries()) {
      const old = queue('maya', 'verdict', 10 + i, OLD)
      const recent = queue('maya', 'verdict', 20 + i, new Date(NOW.getTime() - 90 * DAY))
      getDb()
        .update(emailMessages)
        .set({ status })
        .where(inArray(emailMessages.id, [old, recent]))
        .run()
    }
    const purge = periodicJobs(0, { mailer: () => null }).filter((j) => j.name === 'purge')
    expect(await runJobsOnce(getDb(), purge, () => NOW)).toEqual({ purge: 3 })
    expect(rows().map((m) => [m.source, m.status])).toEqual([
      ['test:20', 'sent'],
      ['test:21', 'kept'],
      ['test:22', 'failed'],
      ['test:13', 'pending'],
      ['test:23', 'pending'],
    ])
  })
})
