// The one job runner: a single loop that runs the periodic jobs when they are due and hands
// the outbox's events to their consumers, a small batch at a time, yielding to requests
// between batches. The server runs one; `npm run jobs` runs the same jobs by hand.
import { setTimeout as sleep } from 'node:timers/promises'
import type { DB, Queryable } from '~db/connection'
import {
  type Consumer,
  DRAIN_BATCH,
  drainBatch,
  drainConsumers,
  markHandled,
  onEventAppended,
} from '../events/outbox.server'

/** What one run of a periodic job did, and whether more work waits. */
export type JobRun = { done: number; more: boolean }

/**
 * A job that runs every `everyMs` (never when 0). `run` does one short batch of work; a job that
 * talks to the network (webhooks, e-mail) returns a Promise, and does its database work in short
 * synchronous transactions before and after the network, never across it.
 */
export type PeriodicJob = {
  name: string
  everyMs: number
  /** `clock` reads the time again after waiting on the network (the runner's clock). */
  run: (db: DB, now: Date, clock: () => Date) => JobRun | Promise<JobRun>
  /** What to log when a run did something. */
  describe?: (done: number) => string
}

type Log = (message: string, error?: unknown) => void

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Hands every waiting event to every consumer, batch by batch, then marks what all of them
 * handled. Synchronous: for the CLI, the sweep script, the demo seed (inside its transaction)
 * and tests (`runJobs`). Returns how many events each consumer handled.
 */
export function drainOutbox(
  db: Queryable,
  consumers: readonly Consumer[],
  now: Date,
  size = DRAIN_BATCH,
): Record<string, number> {
  const handled: Record<string, number> = {}
  for (const consumer of consumers) {
    let count = 0
    for (;;) {
      const batch = drainBatch(db, consumer, now, size)
      count += batch.handled
      if (batch.error) throw batch.error
      if (!batch.more) break
    }
    handled[consumer.name] = count
  }
  markHandled(
    db,
    consumers.map((c) => c.name),
    now,
  )
  return handled
}

/** Runs each job until it has nothing left to do (the CLI's "run every job once"). */
export async function runJobsOnce(db: DB, jobs: readonly PeriodicJob[], clock: () => Date) {
  const done: Record<string, number> = {}
  for (const job of jobs) {
    let count = 0
    for (;;) {
      const run = await job.run(db, clock(), clock)
      count += run.done
      if (!run.more) break
      await sleep(5)
    }
    done[job.name] = count
  }
  return done
}

/** How long one job may keep repeating within a tick of the runner. */
export const JOB_SLICE_MS = 1000

type Runner = {
  /** Settles when the first tick is over (every job has run once, the outbox is drained). */
  firstTick: Promise<void>
  stop: () => Promise<void>
  /**
   * Drains the outbox now rather than at the next tick: for events appended by another process
   * that says so (the cluster's HTTP workers tell the primary, which runs the runner: decision 31).
   */
  wake: () => void
}

/**
 * Starts the loop: every `tickMs` it runs the jobs that are due (each first on the first tick)
 * and drains the outbox. A job or a consumer with more work goes on at once, one batch at a
 * time, with a yield between batches; a job for at most its time slice (`sliceMs`), then the
 * other jobs and the outbox have their turn and the next tick follows at once to carry it on.
 * A failure is logged and retried on a later tick.
 */
export function startRunner(options: {
  db: DB
  jobs: readonly PeriodicJob[]
  consumers: readonly Consumer[]
  clock?: () => Date
  tickMs?: number
  /** Keep the process alive while the runner waits (the CLI's --watch); the server need not. */
  keepAlive?: boolean
  log?: Log
  /**
   * How long one job may keep repeating in a tick (1 s): past it the loop moves on to the other
   * jobs and the outbox, and the job carries on next tick, so one slow network job cannot hold
   * the sweep, the reminders and the consumers for long.
   */
  sliceMs?: number
  /** A monotonic clock in milliseconds for the slice (performance.now; injectable for tests). */
  elapsed?: () => number
}): Runner {
  const { db, jobs, consumers } = options
  const clock = options.clock ?? (() => new Date())
  const tickMs = options.tickMs ?? 1000
  const log: Log =
    options.log ??
    ((message, error) => console[error ? 'error' : 'log'](message, ...(error ? [error] : [])))
  const sliceMs = options.sliceMs ?? JOB_SLICE_MS
  const elapsed = options.elapsed ?? (() => performance.now())
  const nextRun = new Map(jobs.map((job) => [job.name, 0]))
  let stopped = false
  /** A job was cut short in this tick: the next tick follows at once. */
  let behind = false
  let wake: AbortController | undefined

  /** Runs a job while it has more, within its time slice; what is left waits for the next tick. */
  async function runJob(job: PeriodicJob) {
    const started = elapsed()
    for (;;) {
      const run = await job.run(db, clock(), clock)
      if (run.done > 0 && job.describe) log(job.describe(run.done))
      if (!run.more || stopped) return
      if (elapsed() - started >= sliceMs) {
        // Due again at once: the next tick, which follows without waiting, carries on.
        nextRun.set(job.name, 0)
        behind = true
        return
      }
      await yieldToRequests()
    }
  }

  /** Every consumer's next batch in one transaction (one commit), until none has more. */
  async function drain() {
    // A consumer that failed waits for the next drain: it is not tried again, and logged again,
    // on every loop while the others still have events.
    const failed = new Set<string>()
    for (;;) {
      const batch = drainConsumers(db, consumers, clock(), DRAIN_BATCH, failed)
      for (const failure of batch.failures) {
        log(`Jobs: the ${failure.consumer} consumer failed; it will retry.`, failure.error)
        failed.add(failure.consumer)
      }
      if (!batch.more || stopped || failed.size === consumers.length) break
      await yieldToRequests()
    }
  }

  async function tick() {
    for (const job of jobs) {
      const due = nextRun.get(job.name) ?? 0
      if (job.everyMs <= 0 || clock().getTime() < due || stopped) continue
      nextRun.set(job.name, clock().getTime() + job.everyMs)
      try {
        await runJob(job)
      } catch (error) {
        log(`Jobs: ${job.name} failed; it will run again.`, error)
      }
      await yieldToRequests()
    }
    try {
      await drain()
    } catch (error) {
      log('Jobs: draining the outbox failed; it will run again.', error)
    }
  }

  let ticked: () => void = () => {}
  const firstTick = new Promise<void>((resolve) => {
    ticked = resolve
  })
  // An event appended in this process wakes the loop, so the consumers see it within
  // milliseconds rather than at the next tick; events from other processes wait for the tick.
  let appended = false
  const wakeUp = () => {
    appended = true
    wake?.abort()
  }
  const unsubscribe = onEventAppended(wakeUp)

  const loop = (async () => {
    while (!stopped) {
      appended = false
      behind = false
      await tick()
      ticked()
      if (appended || behind || stopped) continue
      wake = new AbortController()
      await sleep(tickMs, undefined, {
        signal: wake.signal,
        ref: options.keepAlive ?? false,
      }).catch(() => {})
    }
    unsubscribe()
  })()

  return {
    firstTick,
    async stop() {
      stopped = true
      wake?.abort()
      await loop
    },
    wake: wakeUp,
  }
}
