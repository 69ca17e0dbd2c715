import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { failedOutcome } from '~/platform/task-pool.server'
import { READY_TASK, TaskExpiredError, taskHandler } from '~/platform/task-worker.server'
import { openDatabase, openReadOnlyDatabase } from '~db/connection'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-task-worker-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a task pool’s worker handler', () => {
  it('opens its context once, on the first real task, and runs tasks by name', () => {
    let opened = 0
    const handle = taskHandler(
      () => {
        opened++
        return { base: 40 }
      },
      { add: (context, input: number) => context.base + input },
    )
    expect(handle({ task: READY_TASK })).toBe(true)
    expect(opened).toBe(0)
    expect(handle({ task: 'add', input: 2 })).toBe(42)
    expect(handle({ task: 'add', input: 3 })).toBe(43)
    expect(opened).toBe(1)
    expect(() => handle({ task: 'toString' })).toThrowError('No task called "toString"')
  })

  it('a task whose deadline has passed does not start; one that runs out stops at its next check', () => {
    let steps = 0
    const handle = taskHandler((clock) => clock, {
      // Two steps, between which the test moves the task's deadline into the past.
      slow: (clock, deadlineAfterFirstStep: number) => {
        clock.check()
        steps++
        while (Date.now() <= deadlineAfterFirstStep) {
          // A step of synchronous work that outlasts the deadline.
        }
        clock.check()
        steps++
      },
    })
    expect(() => handle({ task: 'slow', input: 0, deadline: Date.now() - 1 })).toThrowError(
      TaskExpiredError,
    )
    expect(steps).toBe(0)
    const deadline = Date.now() + 1
    expect(() => handle({ task: 'slow', input: deadline, deadline })).toThrowError(TaskExpiredError)
    expect(steps).toBe(1)
  })
})

describe('a read-only connection', () => {
  it('reads, refuses to write, and runs its hook before every statement drizzle prepares', () => {
    const path = join(dir, 'read-only.db')
    const writer = openDatabase(path)
    writer.$client.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)')
    let statements = 0
    const reader = openReadOnlyDatabase(path, {
      busyTimeoutMs: 100,
      beforeStatement: () => {
        statements++
      },
    })
    expect(reader.all(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 2 }])
    expect(reader.get(sql`SELECT max(x) AS x FROM t`)).toEqual({ x: 2 })
    expect(statements).toBe(2)
    expect(() => reader.$client.prepare('INSERT INTO t VALUES (3)').run()).toThrowError(
      'attempt to write a readonly database',
    )
    expect(reader.$client.pragma('busy_timeout', { simple: true })).toBe(100)
    reader.$client.close()
    writer.$client.close()
  })
})

describe('a task’s failure, as its caller is answered', () => {
  it('a full queue is busy, a task that stopped for its deadline is a timeout, anything else is thrown', () => {
    expect(failedOutcome(new Error('Task queue is at limit'))).toEqual({
      ok: false,
      reason: 'busy',
    })
    // What arrives from a thread whose own clock passed the deadline before this thread's timer
    // fired: an Error carrying TaskExpiredError's message (a late report was a 500 before).
    expect(failedOutcome(new Error(new TaskExpiredError().message))).toEqual({
      ok: false,
      reason: 'timeout',
    })
    expect(() => failedOutcome(new Error('no such table: leads'))).toThrowError(
      'no such table: leads',
    )
  })
})
