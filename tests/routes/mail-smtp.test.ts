// E-mail over a real SMTP server started in the test (smtp-server on a free 127.0.0.1 port):
// the court runs a case through its pages (a rejection, the case opened, the committee's
// verdict) and the server receives the messages for the right people, with the subjects, the
// links to the case and why each was sent; a failing server leaves messages pending with a
// retry time while requests go on; draining and sending twice sends once; preferences hold.
import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliverDueMail } from '~/domain/mail/deliver.server'
import { saveEmailPreferences } from '~/domain/mail/preferences.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { getDb } from '~/platform/db.server'
import { action as caseAction } from '~/routes/cases.$caseId'
import { action as leadAction } from '~/routes/leads.$leadId'
import { cases, emailMessages } from '~db/schema'
import { seedTeam } from '../support/factories'
import { postArgs, settle, statusOf } from '../support/http'
import { runJobs } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'
import { startSmtp, type TestSmtp } from '../support/mail-server'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}
let smtp: TestSmtp

// Monday 23 November 2026, in London (UTC in winter).
const HANDED = new Date('2026-11-23T08:00:00Z')
const at = (minutes: number) => new Date(HANDED.getTime() + minutes * 60_000)

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T09:00:00Z'))
  for (const name of ['dana', 'omar', 'maya', 'victor', 'clara', 'erin'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
  smtp = await startSmtp()
})
afterAll(async () => {
  await smtp?.close()
})

const noBudget = () => String(listReasons(getDb()).find((r) => r.label === 'No budget')?.id)

/** Dana (or another rep) rejects a new lead through the lead page at `now`. */
async function reject(rep: string, fields: Record<string, string>, now: Date) {
  const leadId = handOverLead(rep, fields, { at: HANDED })
  const reply = await settle(() =>
    leadAction(
      postArgs(
        `/leads/${leadId}`,
        {
          intent: 'reject',
          reasonId: noBudget(),
          notes: 'Their CFO says nothing to spend this year',
          contactAttempts: '2',
        },
        { cookie: cookies[rep], now },
        { leadId: String(leadId) },
      ),
    ),
  )
  expect(statusOf(reply)).toBe(303)
  const c = getDb().select().from(cases).where(eq(cases.leadId, leadId)).get()
  if (!c) throw new Error('No case opened')
  return { leadId, caseId: c.id }
}

async function vote(caseId: number, who: string, now: Date) {
  const reply = await settle(() =>
    caseAction(
      postArgs(
        `/cases/${caseId}`,
        { intent: 'vote', verdict: 'meets', rationale: 'They have budget next quarter.' },
        { cookie: cookies[who], now },
        { caseId: String(caseId) },
      ),
    ),
  )
  expect(statusOf(reply)).toBe(303)
}

const messagesOf = (caseId: number) =>
  getDb()
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.link, `http://localhost:3000/cases/${caseId}`))
    .orderBy(asc(emailMessages.id))
    .all()

async function send(now: Date) {
  const mailer = smtp.mailer()
  try {
    return await deliverDueMail(getDb(), now, mailer)
  } finally {
    mailer.close()
  }
}

describe('e-mail over SMTP', () => {
  it('a rejection, the case opened and the verdict reach the marketer and the rep', async () => {
    const before = smtp.received.length
    const { caseId } = await reject(
      'dana',
      { firstName: 'Ana', lastName: 'Silva', company: 'Globex' },
      at(60),
    )
    runJobs(getDb(), at(60))
    expect(await send(at(60))).toEqual({ sent: 1, failed: 0, kept: 0, unwanted: 0, more: false })
    const opened = smtp.received.slice(before)
    expect(opened.map((m) => [m.to, m.subject])).toEqual([
      [['maya@brightline.test'], 'Case opened: Dana Reyes rejected Ana Silva (Globex)'],
    ])
    expect(opened[0]?.from).toBe('leadcourt@brightline.test')
    expect(opened[0]?.text).toContain(`Open the case: http://localhost:3000/cases/${caseId}`)
    expect(opened[0]?.text).toContain(
      'You receive this because you handed over this lead; change what you receive at http://localhost:3000/account/email',
    )

    for (const [i, who] of ['victor', 'clara', 'erin'].entries())
      await vote(caseId, who, at(120 + i))
    expect(getDb().select().from(cases).where(eq(cases.id, caseId)).get()?.verdict).toBe('meets')
    runJobs(getDb(), at(125))
    await send(at(125))
    const verdicts = smtp.received.slice(before + 1)
    expect(verdicts.map((m) => [m.to, m.subject])).toEqual([
      [['dana@brightline.test'], 'Verdict: Ana Silva (Globex) meets the definition'],
      [['maya@brightline.test'], 'Verdict: Ana Silva (Globex) meets the definition'],
    ])
    expect(verdicts[0]?.text).toContain('You receive this because you rejected this lead;')
    expect(verdicts[0]?.text).toContain(`http://localhost:3000/cases/${caseId}`)
    expect(messagesOf(caseId).map((m) => [m.kind, m.status, m.sentAt])).toEqual([
      ['case_opened', 'sent', at(60)],
      ['verdict', 'sent', at(125)],
      ['verdict', 'sent', at(125)],
    ])

    // Draining and sending again sends nothing twice.
    runJobs(getDb(), at(130))
    expect(await send(at(130))).toEqual({ sent: 0, failed: 0, kept: 0, unwanted: 0, more: false })
    expect(smtp.received.length).toBe(before + 3)
  })

  it('a refusing or absent server leaves the message pending with a retry; requests go on', async () => {
    smtp.refuse({ code: 451, message: 'Try again later' })
    const { caseId } = await reject('omar', { firstName: 'Bo', lastName: 'Lind' }, at(200))
    runJobs(getDb(), at(200))
    expect(await send(at(200))).toMatchObject({ sent: 0, failed: 1 })
    const [first] = messagesOf(caseId)
    expect(first).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(201),
      sentAt: null,
    })
    expect(first?.lastError).toMatch(/^451 Try again later/)

    // A request meanwhile is untouched by the failing server: another rejection is written.
    smtp.refuse({ code: 550, message: 'No such user here' })
    const other = await reject('dana', { firstName: 'Cy', lastName: 'Moss' }, at(200.5))
    runJobs(getDb(), at(200.5))
    // Not due yet: only the new message is tried, and refused for good reasons but retried.
    expect(await send(at(200.5))).toMatchObject({ sent: 0, failed: 1 })
    expect(messagesOf(other.caseId)[0]?.lastError).toMatch(/^550 No such user here/)

    // Nothing listening: connection refused.
    const closedPort = await (async () => {
      const s = await startSmtp()
      await s.close()
      return s
    })()
    const gone = closedPort.mailer()
    expect(await deliverDueMail(getDb(), at(201), gone)).toMatchObject({ sent: 0, failed: 1 })
    gone.close()
    expect(messagesOf(caseId)[0]).toMatchObject({
      status: 'pending',
      attempts: 2,
      nextAttemptAt: at(206),
    })
    expect(messagesOf(caseId)[0]?.lastError).toMatch(/ECONNREFUSED/)

    // The server is back: both retries are sent, once, the longest waiting first.
    smtp.refuse(null)
    const before = smtp.received.length
    await send(at(206))
    await send(at(207))
    expect(messagesOf(caseId)[0]).toMatchObject({ status: 'sent', attempts: 3, sentAt: at(206) })
    expect(smtp.received.slice(before).map((m) => m.subject)).toEqual([
      'Case opened: Dana Reyes rejected Cy Moss (Globex)',
      'Case opened: Omar Haddad rejected Bo Lind (Globex)',
    ])
  })

  it('gives up after the last retry: 1 min, 5 min, 30 min, 2 h, 6 h, then failed', async () => {
    smtp.refuse({ code: 554, message: 'Rejected' })
    const { caseId } = await reject('dana', { firstName: 'Di', lastName: 'Ross' }, at(300))
    runJobs(getDb(), at(300))
    let now = at(300)
    const waits: number[] = []
    for (let i = 0; i < 6; i++) {
      await send(now)
      const m = messagesOf(caseId)[0]
      if (m?.nextAttemptAt) {
        waits.push((m.nextAttemptAt.getTime() - now.getTime()) / 60_000)
        now = m.nextAttemptAt
      }
    }
    expect(waits).toEqual([1, 5, 30, 120, 360])
    expect(messagesOf(caseId)[0]).toMatchObject({
      status: 'failed',
      attempts: 6,
      nextAttemptAt: null,
    })
    smtp.refuse(null)
  })

  it('respects each person’s preferences', async () => {
    const maya = { id: userId('maya'), roles: ['marketer' as const] }
    expect(saveEmailPreferences(getDb(), maya, ['verdict'], at(400))).toEqual({
      ok: true,
      changed: 2,
    })
    const { caseId } = await reject('dana', { firstName: 'Ed', lastName: 'Park' }, at(401))
    runJobs(getDb(), at(401))
    expect(messagesOf(caseId)).toEqual([])
    expect(
      getDb()
        .select()
        .from(emailMessages)
        .where(and(eq(emailMessages.userId, userId('maya')), eq(emailMessages.kind, 'case_opened')))
        .all()
        .filter((m) => m.createdAt >= at(400)),
    ).toEqual([])
    saveEmailPreferences(getDb(), maya, ['case_opened', 'verdict', 'awaiting_response'], at(402))
  })
})
