// The outbox across processes: a crash between the commit and the handling, or in the middle
// of the handling, loses nothing and doubles nothing; two runners at once hand each event to
// the consumer once.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { asc, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appendEvent } from '~/platform/events/outbox.server'
import { cases, notifications, outbox, outboxConsumers } from '~db/schema'
import { type CaseWorld, caseWorld } from '../support/case-world'
import { runJobs } from '../support/jobs'

const CHILD = 'tests/support/outbox-child.ts'
let w: CaseWorld
beforeEach(() => {
  w = caseWorld()
  // The case's opening is handled: marketing has heard of it.
  runJobs(w.db, new Date())
})
afterEach(() => w.close())

function child(...args: string[]): ChildProcess {
  return spawn('node', ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
}
/** Waits until the child prints `line`, then kills it without warning. */
async function killWhen(proc: ChildProcess, line: string) {
  let out = ''
  let err = ''
  proc.stderr?.on('data', (d) => {
    err += d
  })
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (d) => {
      out += d
      if (out.includes(line)) resolve()
    })
    proc.on('exit', () => reject(new Error(`The child exited first: ${out} ${err}`)))
  })
  const exited = new Promise((resolve) => proc.on('exit', (_code, signal) => resolve(signal)))
  proc.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
}
const conceded = () =>
  w.db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.kind, 'conceded'))
    .all()
const consumerAt = () =>
  w.db.select().from(outboxConsumers).where(eq(outboxConsumers.consumer, 'notifications')).get()
    ?.lastEventId

describe('a crash', () => {
  it('between the commit and the handling: the runner tells the rep afterwards, exactly once', async () => {
    await killWhen(child('concede', w.path, String(w.caseId), String(w.id.maya)), 'committed')
    expect(w.db.select().from(cases).where(eq(cases.id, w.caseId)).get()?.status).toBe('conceded')
    expect(conceded()).toEqual([])
    // The runner, by hand (npm run jobs), on the same file.
    const run = await promisify(execFile)('node', ['--import', 'tsx', 'scripts/jobs.ts'], {
      env: { ...process.env, DATABASE_PATH: w.path, NODE_ENV: 'test' },
    })
    expect(run.stdout).toContain('events handled: notifications 2')
    expect(conceded()).toEqual([{ userId: w.id.dana }])
    runJobs(w.db, new Date())
    expect(conceded()).toEqual([{ userId: w.id.dana }])
  }, 60_000)

  it('in the middle of the handling: nothing of it stays, and the rerun tells the rep exactly once', async () => {
    // The event alone (the test is about its handling, not the concession).
    appendEvent(
      w.db,
      'case.conceded',
      {
        caseId: w.caseId,
        leadId: w.leadId,
        repId: w.id.dana as number,
        by: w.id.maya as number,
        disposition: 'nurture',
      },
      new Date(),
    )
    const before = consumerAt()
    await killWhen(child('hang', w.path), 'handling')
    // The killed process had written Dana's notification in its open transaction: gone.
    expect(conceded()).toEqual([])
    expect(consumerAt()).toBe(before)
    expect(runJobs(w.db, new Date())).toEqual({ notifications: 1, mail: 1, webhooks: 1 })
    expect(runJobs(w.db, new Date())).toEqual({ notifications: 0, mail: 0, webhooks: 0 })
    expect(conceded()).toEqual([{ userId: w.id.dana }])
  }, 60_000)
})

describe('two runners at once', () => {
  it('hand each event to the consumer once between them', async () => {
    const N = 600
    w.db.transaction((tx) => {
      for (let i = 0; i < N; i++)
        appendEvent(
          tx,
          'case.opened',
          {
            caseId: w.caseId,
            leadId: w.leadId,
            kind: 'rejected',
            repId: w.id.dana as number,
            marketerId: w.id.maya as number,
          },
          new Date(),
        )
    })
    const before = w.db.select().from(notifications).all().length
    const drain = () =>
      promisify(execFile)('node', ['--import', 'tsx', CHILD, 'drain', w.path, '10'])
    const outputs = await Promise.all([drain(), drain()])
    const handled = outputs.map((o) => Number(o.stdout.match(/handled (\d+)/)?.[1]))
    expect((handled[0] ?? 0) + (handled[1] ?? 0)).toBe(N)
    expect(w.db.select().from(notifications).all().length - before).toBe(N)
    const last = w.db.select({ id: outbox.id }).from(outbox).orderBy(asc(outbox.id)).all().at(-1)
    expect(consumerAt()).toBe(last?.id)
  }, 60_000)
})
