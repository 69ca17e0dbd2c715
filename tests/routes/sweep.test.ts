import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { queueCounts, repQueue } from '~/domain/sales/rep-queue.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { updateSlaSettings } from '~/domain/settings/settings.server'
import { HOUR } from '~/domain/sla/clock'
import { getDb } from '~/platform/db.server'
import { cases, leads, notifications } from '~db/schema'
import { ALL_DAY_SLA, allDayWeekdays, storeAllDayWeekdays } from '../support/calendar'
import { seedTeam } from '../support/factories'
import { runJobs } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'

beforeAll(async () => {
  await seedTeam()
  storeAllDayWeekdays(getDb())
})

const handOver = (rep: string, at: Date) => handOverLead(rep, { company: 'Initech' }, { at })
const leadRow = (id: number) => getDb().select().from(leads).where(eq(leads.id, id)).get()
const casesOf = (leadId: number) =>
  getDb().select().from(cases).where(eq(cases.leadId, leadId)).all()

// Friday 20 November 2026, 17:00 in London (GMT). 48 working hours later: Tuesday 17:00.
const FRIDAY_5PM = new Date('2026-11-20T17:00:00Z')
const TUESDAY_5PM = new Date('2026-11-24T17:00:00Z')

describe('the sweep, with a fixed clock', () => {
  it('escalates a lead untouched when its clock runs out, once, and leaves acted-on leads alone', () => {
    const db = getDb()
    const ignored = handOver('dana', FRIDAY_5PM)
    const accepted = handOver('dana', FRIDAY_5PM)
    acceptLead(db, { id: userId('dana') }, accepted, new Date('2026-11-23T09:00:00Z'))
    expect(leadRow(ignored)?.followUpDueAt).toEqual(TUESDAY_5PM)

    // Monday, and a minute before the clock runs out: nothing.
    expect(sweepIgnoredLeads(db, new Date('2026-11-23T12:00:00Z'))).toBe(0)
    expect(sweepIgnoredLeads(db, new Date(TUESDAY_5PM.getTime() - 60_000))).toBe(0)
    expect(leadRow(ignored)?.status).toBe('new')

    expect(sweepIgnoredLeads(db, TUESDAY_5PM)).toBe(1)
    expect(sweepIgnoredLeads(db, new Date(TUESDAY_5PM.getTime() + HOUR))).toBe(0)

    expect(leadRow(ignored)).toMatchObject({ status: 'in_review', followUpDueAt: null })
    expect(leadRow(accepted)?.status).toBe('working')
    expect(casesOf(accepted)).toEqual([])
    const [opened, ...more] = casesOf(ignored)
    expect(more).toEqual([])
    expect(opened).toMatchObject({
      kind: 'ignored',
      status: 'in_review',
      reasonId: null,
      notes: null,
      contactAttempts: null,
      filedBy: null,
      repId: userId('dana'),
      marketerId: userId('maya'),
      openedAt: TUESDAY_5PM,
      // Five working days: the next Tuesday at 17:00.
      reviewDueAt: new Date('2026-12-01T17:00:00Z'),
    })
    runJobs(db, TUESDAY_5PM)
    // The marketer and the rep are both told.
    const told = db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.caseId, opened?.id ?? 0))
      .all()
      .map((n) => n.userId)
      .sort()
    expect(told).toEqual([userId('dana'), userId('maya')].sort())
  })

  it('a change of the SLA applies to leads handed over after it, not to running clocks', () => {
    const db = getDb()
    const before = handOver('omar', FRIDAY_5PM)
    updateSlaSettings(
      db,
      userId('sasha'),
      { ...ALL_DAY_SLA, followUpHours: 24 },
      new Date('2026-11-20T17:30:00Z'),
    )
    const after = handOver('omar', FRIDAY_5PM)
    expect(leadRow(before)?.followUpDueAt).toEqual(TUESDAY_5PM)
    expect(leadRow(after)?.followUpDueAt).toEqual(new Date('2026-11-23T17:00:00Z'))
    updateSlaSettings(db, userId('sasha'), ALL_DAY_SLA, new Date('2026-11-20T17:31:00Z'))
  })

  it('the rep’s queue: most urgent first, with open, due-today and overdue counts', () => {
    const db = getDb()
    const lucy = userId('lucy')
    const late = handOver('lucy', new Date('2026-11-30T09:00:00Z')) // due Wed 2 Dec 09:00
    const soon = handOver('lucy', new Date('2026-11-30T20:00:00Z')) // due Wed 2 Dec 20:00
    const later = handOver('lucy', new Date('2026-12-01T10:00:00Z')) // due Thu 3 Dec 10:00
    const now = new Date('2026-12-02T12:00:00Z')
    expect(queueCounts(db, lucy, now, 'Europe/London')).toEqual({
      open: 3,
      dueToday: 1,
      overdue: 1,
    })
    const queue = repQueue(db, lucy, now, allDayWeekdays('Europe/London'))
    expect(queue.rows.map((r) => r.id)).toEqual([late, soon, later])
    expect(queue.rows.map((r) => r.clock.label)).toEqual([
      'Overdue by 3 working hours',
      '8 working hours left',
      '22 working hours left',
    ])
    expect(queueCounts(db, userId('dana'), now, 'Europe/London').open).toBe(0)
  })
})

describe('two sweeps at once', () => {
  it('two processes sweeping the same database file open exactly one case per lead', async () => {
    const db = getDb()
    // 1,200 overdue leads: more than two batches of 500, so the processes interleave.
    const at = new Date('2026-01-05T09:00:00Z')
    const ids = db.transaction((tx) => {
      const handOverNow = currentHandOver(tx, userId('maya'))
      return Array.from({ length: 1200 }, (_, i) =>
        writtenLeadId(
          upsertLead(
            tx,
            userId('maya'),
            LeadFieldsSchema.parse({ externalId: `RACE-${i}` }),
            { ownerId: userId(i % 2 ? 'omar' : 'lucy'), handOver: handOverNow },
            at,
          ),
        ),
      )
    })
    // Every lead whose clock has run out by now: the 1,200 and any left by the tests above.
    const due = () =>
      (
        db.$client
          .prepare('SELECT count(*) AS n FROM leads WHERE follow_up_due_at <= ?')
          .get(Date.now()) as { n: number }
      ).n
    const dueBefore = due()
    expect(dueBefore).toBeGreaterThanOrEqual(1200)

    const run = promisify(execFile)
    const sweep = () =>
      run('node', ['--import', 'tsx', 'scripts/sweep.ts'], {
        env: { ...process.env, NODE_ENV: 'test' },
      })
    const outputs = await Promise.all([sweep(), sweep()])
    const opened = outputs.map((o) => Number(o.stdout.match(/opened (\d+)/)?.[1]))
    const overdue = db.$client
      .prepare(
        `SELECT count(*) AS n FROM cases WHERE lead_id IN (${ids.join(',')}) AND kind = 'ignored'`,
      )
      .get() as { n: number }
    expect(overdue.n).toBe(1200)
    // Between them the two processes opened one case per due lead. Whichever takes the write
    // lock first may sweep every batch; the other then finds nothing left to open.
    expect((opened[0] ?? 0) + (opened[1] ?? 0)).toBe(dueBefore)
    expect(
      db.$client
        .prepare(
          'SELECT count(*) AS n FROM (SELECT lead_id FROM cases GROUP BY lead_id HAVING count(*) > 1)',
        )
        .get(),
    ).toEqual({ n: 0 })
    expect(due()).toBe(0)
    // Two processes start and sweep 1,200 leads: ~10 s on a quiet machine, ~60 s beside two
    // busy cores (npm run test:loaded).
  }, 180_000)
})
