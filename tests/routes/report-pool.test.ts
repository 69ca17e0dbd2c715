// No request holds the server (issue 14, finding 1): reports run on the report pool's threads,
// each with its own read-only connection, so a report held up in SQLite leaves the event loop
// free, and one past its time limit gets a 503 and its thread is replaced.
//
// "Held up" deterministically, without sleeps or a stub report: the test's own connection (the
// app's main one) switches to exclusive locking mode and writes, which in WAL mode keeps every
// other connection from opening a read until it switches back; a report thread's connection,
// opened on its first report after the lock was taken, waits in SQLite's busy handler for as
// long as the test holds the lock. (An exclusive lock cannot be taken while another connection
// is open, so each test starts from threads that have not opened theirs.)
import { beforeAll, describe, expect, it } from 'vitest'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { REPORT_TOO_SLOW, REPORTS_BUSY, startReportPool } from '~/domain/reports/run-report.server'
import { getDb } from '~/platform/db.server'
import { stopTaskPools } from '~/platform/task-pool.server'
import { loader as leadLoader } from '~/routes/leads.$leadId'
import { loader as accuracy } from '~/routes/reports.accuracy'
import { loader as accuracyCsv } from '~/routes/reports.accuracy[.csv]'
import { rejectedLead, seedTeam } from '../support/factories'
import { getArgs, payloadOf, settle, statusOf } from '../support/http'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const NOW = new Date('2026-11-27T12:00:00Z')
const REPORT = '/reports/accuracy?period=month&from=2026-01-01&to=2026-02-28'
let dana = ''
let leadId = 0

beforeAll(async () => {
  const db = getDb()
  await seedTeam()
  // Dana rejects two leads in January; Maya concedes one (upheld), the other is still open.
  for (const [i, day] of ['2026-01-12', '2026-01-13'].entries()) {
    const at = new Date(`${day}T10:00:00Z`)
    const { caseId } = rejectedLead('dana', {
      reason: 'No budget',
      notes: 'Fixture',
      at,
      handedOverAt: new Date(`${day}T09:00:00Z`),
    })
    if (i === 0) concedeCase(db, userId('maya'), caseId, 'nurture', at)
  }
  leadId = handOverLead('dana', {}, { at: new Date('2026-11-27T09:00:00Z') })
  dana = await signInAs('dana@brightline.test')
})

const main = () => getDb().$client
function holdLock() {
  main().pragma('locking_mode = EXCLUSIVE')
  main().exec('BEGIN IMMEDIATE; COMMIT')
}
function releaseLock() {
  main().pragma('locking_mode = NORMAL')
  main().prepare('SELECT 1 FROM users LIMIT 1').get()
}

// Each test asks at its own minute: a page's figures are remembered for the minute while
// nothing is written (decision 40), and these tests need the report to run.
const report = (now = NOW) => settle(() => accuracy(getArgs(REPORT, { cookie: dana, now })))
const minuteLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)
const totalOf = (result: unknown) =>
  payloadOf<{ report: { total: Record<string, unknown> } }>(result).report.total
// Dana's figures over January and February, as the page shows them.
const DANA = {
  name: 'All',
  opened: 2,
  beforeContact: 2,
  afterContact: 0,
  ignored: 0,
  decided: 1,
  upheld: 1,
  overturned: 0,
  open: 1,
  imported: 0,
  accuracy: 1,
}

describe('the report pool', () => {
  it('a report held up in SQLite does not hold the server: a lead page is answered meanwhile', async () => {
    await startReportPool().ready()
    holdLock()
    let settled = false
    let pending: ReturnType<typeof report>
    try {
      pending = report()
      void pending.finally(() => {
        settled = true
      })
      const started = performance.now()
      const page = await leadLoader(
        getArgs(`/leads/${leadId}`, { cookie: dana, now: NOW }, { leadId: String(leadId) }),
      )
      const ms = performance.now() - started
      console.log(`The lead page was answered in ${ms.toFixed(1)} ms while a report was held up.`)
      expect(payloadOf<{ rep: { canDecide: boolean } }>(page).rep.canDecide).toBe(true)
      expect(settled).toBe(false)
    } finally {
      releaseLock()
    }
    const answered = await pending
    expect(statusOf(answered)).toBe(200)
    expect(totalOf(answered)).toEqual(DANA)
  })

  it('a report past its time limit gets a 503, page or CSV; it stops itself, and its thread answers the next report', async () => {
    // Closing the pool closes its threads' connections, so the lock can be taken again.
    await stopTaskPools()
    const pool = startReportPool({ size: 1, timeoutMs: 1000 })
    await pool.ready()
    const threads = pool.threadIds
    holdLock()
    try {
      const page = (await report(minuteLater(1))) as Response
      expect([page.status, await page.text()]).toEqual([503, REPORT_TOO_SLOW])
      const csv = (await settle(() =>
        accuracyCsv(
          getArgs(REPORT.replace('accuracy', 'accuracy.csv'), { cookie: dana, now: NOW }),
        ),
      )) as Response
      expect([csv.status, csv.headers.get('Content-Type'), await csv.text()]).toEqual([
        503,
        'text/plain; charset=utf-8',
        REPORT_TOO_SLOW,
      ])
    } finally {
      releaseLock()
    }
    const answered = await report(minuteLater(1))
    expect(statusOf(answered)).toBe(200)
    expect(totalOf(answered)).toEqual(DANA)
    // The same thread: a report that ran out of time stopped itself, nothing was terminated.
    expect(pool.threadIds).toEqual(threads)
  })

  it('past the queue (16 reports waiting per thread) a report is refused at once with a 503', async () => {
    await stopTaskPools()
    const pool = startReportPool({ size: 1, timeoutMs: 1000 })
    await pool.ready()
    holdLock()
    let answers: string[]
    try {
      // One runs (held up), sixteen wait, the eighteenth finds the queue full.
      const responses = await Promise.all(Array.from({ length: 18 }, () => report(minuteLater(2))))
      answers = await Promise.all(
        responses.map(async (r) => `${statusOf(r)} ${await (r as Response).text()}`),
      )
    } finally {
      releaseLock()
    }
    expect(answers.filter((a) => a === `503 ${REPORTS_BUSY}`)).toHaveLength(1)
    expect(answers.filter((a) => a === `503 ${REPORT_TOO_SLOW}`)).toHaveLength(17)
  })
})
