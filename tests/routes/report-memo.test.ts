// A report page's figures are remembered for the minute while nothing is written (decision
// 48): leadership's home asks for five reports on every load. Shown without counting calls:
// while the test's connection holds SQLite's exclusive lock, a report thread that has not
// opened its connection cannot read (as in report-pool.test.ts), so a report answered then was
// remembered, and one that times out was computed.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { REPORT_TOO_SLOW, startReportPool } from '~/domain/reports/run-report.server'
import { getDb } from '~/platform/db.server'
import { stopTaskPools } from '~/platform/task-pool.server'
import { loader as accuracy } from '~/routes/reports.accuracy'
import { rejectedLead, seedTeam } from '../support/factories'
import { getArgs, payloadOf, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

const NOW = new Date('2026-11-27T12:00:10Z')
const REPORT = '/reports/accuracy?period=month&from=2026-01-01&to=2026-02-28'
let dana = ''

/** Dana's rejection (No budget) on `day`, an hour after the lead was handed to her. */
const reject = (day: string) =>
  rejectedLead('dana', {
    reason: 'No budget',
    notes: 'Fixture',
    at: new Date(`${day}T10:00:00Z`),
    handedOverAt: new Date(`${day}T09:00:00Z`),
  })

beforeAll(async () => {
  await seedTeam()
  reject('2026-01-12')
  dana = await signInAs('dana@brightline.test')
})

const report = (now: Date) => settle(() => accuracy(getArgs(REPORT, { cookie: dana, now })))
const opened = (result: unknown) =>
  payloadOf<{ report: { total: { opened: number } } }>(result).report.total.opened

const main = () => getDb().$client
/** Runs `body` while no report thread can read: fresh threads, the exclusive lock held. */
async function withReportThreadsLockedOut<T>(body: () => Promise<T>): Promise<T> {
  await stopTaskPools()
  await startReportPool({ size: 1, timeoutMs: 1000 }).ready()
  main().pragma('locking_mode = EXCLUSIVE')
  main().exec('BEGIN IMMEDIATE; COMMIT')
  try {
    return await body()
  } finally {
    main().pragma('locking_mode = NORMAL')
    main().prepare('SELECT 1 FROM users LIMIT 1').get()
  }
}

describe('remembered report figures', () => {
  beforeEach(async () => {
    await stopTaskPools()
    await startReportPool({ size: 1, timeoutMs: 5000 }).ready()
  })

  it('answers the same report in the same minute without a report thread; the next minute computes it', async () => {
    expect(opened(await report(NOW))).toBe(1)
    const [again, sameMinute, nextMinute] = await withReportThreadsLockedOut(async () => [
      await report(NOW),
      await report(new Date('2026-11-27T12:00:59Z')),
      (await report(new Date('2026-11-27T12:01:00Z'))) as Response,
    ])
    expect([statusOf(again), opened(again)]).toEqual([200, 1])
    expect([statusOf(sameMinute), opened(sameMinute)]).toEqual([200, 1])
    expect([nextMinute.status, await nextMinute.text()]).toEqual([503, REPORT_TOO_SLOW])
  })

  it('a write since is seen at once, in the same minute', async () => {
    const at = new Date('2026-11-27T12:05:00Z')
    expect(opened(await report(at))).toBe(1)
    reject('2026-01-20')
    expect(opened(await report(at))).toBe(2)
  })
})
