import { asc } from 'drizzle-orm'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { notificationsConsumer } from '~/domain/notifications/consumer.server'
import { appendEvent } from '~/platform/events/outbox.server'
import { type PeriodicJob, runJobsOnce, startRunner } from '~/platform/jobs/runner.server'
import { notifications, outbox } from '~db/schema'
import { type CaseWorld, caseWorld } from '../support/case-world'

const NOW = new Date('2026-11-23T10:00:00Z')
let w: CaseWorld
beforeEach(() => {
  w = caseWorld()
})
afterEach(() => w.close())

it('one tick runs every due job (again while it has more) and drains the outbox; a failing job does not stop the rest', async () => {
  const runs: string[] = []
  let backlog = 3
  const jobs: PeriodicJob[] = [
    {
      name: 'backlog',
      everyMs: 60_000,
      run: () => {
        runs.push(`backlog ${backlog}`)
        backlog--
        return { done: 1, more: backlog > 0 }
      },
      describe: (n) => `backlog: ${n}`,
    },
    {
      name: 'broken',
      everyMs: 60_000,
      run: () => {
        throw new Error('broken job')
      },
    },
    {
      name: 'off',
      everyMs: 0,
      run: () => {
        runs.push('off')
        return { done: 0, more: false }
      },
    },
  ]
  const logged: string[] = []
  const runner = startRunner({
    db: w.db,
    jobs,
    consumers: [notificationsConsumer],
    clock: () => NOW,
    tickMs: 60_000,
    log: (message) => logged.push(message),
  })
  await runner.firstTick
  await runner.stop()
  expect(runs).toEqual(['backlog 3', 'backlog 2', 'backlog 1'])
  expect(logged).toEqual([
    'backlog: 1',
    'backlog: 1',
    'backlog: 1',
    'Jobs: broken failed; it will run again.',
  ])
  // The case Dana's rejection opened: Maya is told, and both events are marked handled.
  expect(w.db.select({ userId: notifications.userId }).from(notifications).all()).toEqual([
    { userId: w.id.maya },
  ])
  expect(
    w.db.select({ handledAt: outbox.handledAt }).from(outbox).orderBy(asc(outbox.id)).all(),
  ).toEqual([{ handledAt: NOW }, { handledAt: NOW }])
})

it('an event appended in the process wakes the runner: its consumer sees it without waiting for the next tick', async () => {
  const seen: string[] = []
  let told: () => void = () => {}
  const handled = new Promise<void>((resolve) => {
    told = resolve
  })
  const runner = startRunner({
    db: w.db,
    jobs: [],
    consumers: [
      {
        name: 'watcher',
        handle: (_tx, event) => {
          seen.push(event.type)
          if (event.type === 'lead.accepted') told()
        },
      },
    ],
    clock: () => NOW,
    // A tick an hour away: only the wake can hand the new event over before the test times out.
    tickMs: 3_600_000,
    log: () => {},
  })
  await runner.firstTick
  w.db.transaction(
    (tx) => appendEvent(tx, 'lead.accepted', { leadId: 1, repId: w.id.dana as number }, NOW),
    { behavior: 'immediate' },
  )
  await handled
  await runner.stop()
  expect(seen.at(-1)).toBe('lead.accepted')
})

it('an event another process appended waits for the tick, unless that process says so: wake drains it at once', async () => {
  const seen: string[] = []
  let told: () => void = () => {}
  const handled = new Promise<void>((resolve) => {
    told = resolve
  })
  const runner = startRunner({
    db: w.db,
    jobs: [],
    consumers: [
      {
        name: 'watcher',
        handle: (_tx, event) => {
          seen.push(event.type)
          if (event.type === 'lead.accepted') told()
        },
      },
    ],
    clock: () => NOW,
    // A tick an hour away: only the wake can hand the new event over before the test times out.
    tickMs: 3_600_000,
    log: () => {},
  })
  await runner.firstTick
  // Written as another process's appendEvent writes it: this process's listeners hear nothing.
  w.db
    .insert(outbox)
    .values({ type: 'lead.accepted', payload: { leadId: 1, repId: w.id.dana }, occurredAt: NOW })
    .run()
  // The cluster's worker tells the primary, which wakes its runner (server/cluster.ts).
  runner.wake()
  await handled
  await runner.stop()
  expect(seen.at(-1)).toBe('lead.accepted')
})

it('a job may be async: the runner and runJobsOnce wait for each run before the next', async () => {
  const runs: string[] = []
  let left = 2
  const job: PeriodicJob = {
    name: 'network',
    everyMs: 60_000,
    run: async () => {
      runs.push(`start ${left}`)
      await new Promise((resolve) => setImmediate(resolve))
      runs.push(`end ${left}`)
      left--
      return { done: 1, more: left > 0 }
    },
    describe: (n) => `network: ${n}`,
  }
  const logged: string[] = []
  const runner = startRunner({
    db: w.db,
    jobs: [job],
    consumers: [],
    clock: () => NOW,
    tickMs: 60_000,
    log: (message) => logged.push(message),
  })
  await runner.firstTick
  await runner.stop()
  expect(runs).toEqual(['start 2', 'end 2', 'start 1', 'end 1'])
  expect(logged).toEqual(['network: 1', 'network: 1'])
  left = 3
  expect(await runJobsOnce(w.db, [job], () => NOW)).toEqual({ network: 3 })
})

it('a job with more work yields to the other jobs and the outbox after its time slice, and carries on at once', async () => {
  const runs: string[] = []
  // A monotonic clock the job moves on: each run takes 400 ms; the slice is 1 s.
  let ms = 0
  let left = 5
  let finished: () => void = () => {}
  const allDone = new Promise<void>((resolve) => {
    finished = resolve
  })
  const jobs: PeriodicJob[] = [
    {
      name: 'network',
      everyMs: 60_000,
      run: async () => {
        runs.push(`network ${left}`)
        ms += 400
        left--
        if (left === 0) finished()
        return { done: 1, more: left > 0 }
      },
    },
    {
      name: 'sweep',
      everyMs: 60_000,
      run: () => {
        runs.push('sweep')
        return { done: 0, more: false }
      },
    },
  ]
  const runner = startRunner({
    db: w.db,
    jobs,
    consumers: [
      {
        name: 'watcher',
        handle: (_tx, event) => {
          runs.push(`event ${event.type}`)
        },
      },
    ],
    clock: () => NOW,
    // A tick an hour away: only a job cut short makes the next tick follow at once.
    tickMs: 3_600_000,
    sliceMs: 1000,
    elapsed: () => ms,
    log: () => {},
  })
  await allDone
  await runner.stop()
  expect(runs).toEqual([
    'network 5',
    'network 4',
    'network 3',
    'sweep',
    'event lead.rejected',
    'event case.opened',
    'network 2',
    'network 1',
  ])
})
