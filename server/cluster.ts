// The cluster's primary (decision 31): forks the HTTP workers, restarts one that dies (with a
// growing delay, so a worker that cannot start is not forked in a loop), hands their "I appended
// events" messages on, and stops them all at shutdown. It knows nothing of the app: server/main.ts
// prepares the database and runs the job runner in the primary around it.
import cluster, { type Worker } from 'node:cluster'
import { createServer } from 'node:net'

/** How a dead worker is replaced. */
export type RestartPolicy = {
  /** The delay before the first restart, and after a worker that lived `stableAfterMs`. */
  firstDelayMs: number
  /** Each quick death doubles the delay, up to this. */
  maxDelayMs: number
  /** A worker that lived this long died of something new: the delay starts over. */
  stableAfterMs: number
  /** This many workers in a row that die before they listen: the cluster gives up. */
  maxFailedStarts: number
}

export const RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxFailedStarts: 5,
}

/** What a worker's place remembers of the workers that died in it. */
export type RestartState = { delayMs: number; failedStarts: number }

export const NO_RESTARTS: RestartState = { delayMs: 0, failedStarts: 0 }

/** How a worker ended: whether it ever listened, and how long it lived. */
export type WorkerExit = { listened: boolean; livedMs: number }

/**
 * After a worker died: start another in `restartInMs`, or give up when `maxFailedStarts` workers
 * in a row died before listening (a port taken, a build missing: restarting cannot help).
 */
export function afterExit(
  state: RestartState,
  exit: WorkerExit,
  policy: RestartPolicy = RESTART_POLICY,
): { state: RestartState; restartInMs: number | null } {
  const failedStarts = exit.listened ? 0 : state.failedStarts + 1
  if (failedStarts >= policy.maxFailedStarts)
    return { state: { delayMs: state.delayMs, failedStarts }, restartInMs: null }
  const fresh = state.delayMs === 0 || (exit.listened && exit.livedMs >= policy.stableAfterMs)
  const delayMs = fresh ? policy.firstDelayMs : Math.min(policy.maxDelayMs, state.delayMs * 2)
  return { state: { delayMs, failedStarts }, restartInMs: delayMs }
}

/** The message a worker sends when it appended events to the outbox (the runner drains them). */
export const EVENTS_APPENDED = 'leadcourt:events-appended'

export function isEventsAppended(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === EVENTS_APPENDED
}

/** The message a worker sends when a person started an import (the primary runs it). */
export const IMPORT_STARTED = 'leadcourt:import-started'

export const importStarted = (jobId: number) => ({ type: IMPORT_STARTED, jobId })

/** The import a worker's message asks the primary to run, or null. */
export function importStartedOf(message: unknown): number | null {
  const { type, jobId } = (message ?? {}) as { type?: unknown; jobId?: unknown }
  return type === IMPORT_STARTED && Number.isSafeInteger(jobId) ? (jobId as number) : null
}

/**
 * In a worker: tells the primary, at most once per turn of the event loop, that this process
 * appended events. The listener is called inside the appending transaction; the message goes
 * after it, so the runner finds the events committed.
 */
export function eventsNotifier(send: (message: { type: string }) => void): () => void {
  let pending = false
  return () => {
    if (pending) return
    pending = true
    setImmediate(() => {
      pending = false
      send({ type: EVENTS_APPENDED })
    })
  }
}

/**
 * Why the primary could not listen on `port` and `host` (taken, not allowed), or null. Checked
 * before the workers fork: the primary listens on their behalf, and with the port taken Node
 * 20's primary died of an unhandled 'error' event before any worker's failure reached the
 * supervisor (seen: exit code 1, no word of which port or why).
 */
export function listenError(port: number, host: string): Promise<Error | null> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', (error) => resolve(error))
    probe.listen(port, host, () => probe.close(() => resolve(null)))
  })
}

export type Supervisor = {
  /** Settles once every worker has listened once. */
  ready: Promise<void>
  /** The pids of the workers alive now. */
  pids: () => number[]
  /**
   * Stops restarting, asks every worker to stop (SIGTERM: each finishes its requests, stops its
   * report threads, closes its connection) and resolves once all have exited; a worker still
   * running after `deadlineMs` is killed.
   */
  stop: (deadlineMs?: number) => Promise<void>
}

type Place = {
  state: RestartState
  worker?: Worker
  restart?: NodeJS.Timeout
}

/** Forks `count` workers running `exec` and keeps that many alive until `stop`. */
export function superviseWorkers(options: {
  count: number
  exec: string
  /** Added to this process's environment for the workers. */
  env?: Record<string, string>
  policy?: RestartPolicy
  log?: (message: string) => void
  onMessage?: (message: unknown) => void
  /** A worker died (not at `stop`): whatever it left unfinished is the caller's to take up. */
  onWorkerDied?: () => void
  /** Workers keep dying before they listen: the caller shuts down. */
  onGiveUp: () => void
  /** A monotonic clock in ms (injectable for tests). */
  elapsed?: () => number
}): Supervisor {
  const policy = options.policy ?? RESTART_POLICY
  const log = options.log ?? ((message: string) => console.log(message))
  const elapsed = options.elapsed ?? (() => performance.now())
  cluster.setupPrimary({ exec: options.exec })
  const places: Place[] = Array.from({ length: options.count }, () => ({ state: NO_RESTARTS }))
  let stopping = false
  let unready = options.count
  let becameReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    becameReady = resolve
  })
  if (unready === 0) becameReady()

  function start(place: Place, first: boolean) {
    const worker = cluster.fork(options.env)
    const startedAt = elapsed()
    let listened = false
    place.worker = worker
    worker.on('message', (message) => options.onMessage?.(message))
    worker.once('listening', () => {
      listened = true
      if (first && --unready === 0) becameReady()
    })
    worker.once('exit', (code, signal) => {
      place.worker = undefined
      if (stopping) return
      options.onWorkerDied?.()
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`
      const next = afterExit(place.state, { listened, livedMs: elapsed() - startedAt }, policy)
      place.state = next.state
      if (next.restartInMs === null) {
        log(
          `Worker ${worker.process.pid} ${how} before it served: ${next.state.failedStarts} workers in a row could not start; stopping.`,
        )
        options.onGiveUp()
        return
      }
      log(`Worker ${worker.process.pid} ${how}; a new one starts in ${next.restartInMs} ms.`)
      place.restart = setTimeout(() => {
        place.restart = undefined
        if (!stopping) start(place, first && !listened)
      }, next.restartInMs)
    })
  }

  for (const place of places) start(place, true)

  return {
    ready,
    pids: () => places.flatMap((p) => (p.worker?.process.pid ? [p.worker.process.pid] : [])),
    async stop(deadlineMs = 10_000) {
      stopping = true
      const alive: Worker[] = []
      for (const place of places) {
        clearTimeout(place.restart)
        if (place.worker && !place.worker.isDead()) alive.push(place.worker)
      }
      const exited = alive.map(
        (worker) => new Promise<void>((resolve) => worker.process.once('exit', () => resolve())),
      )
      for (const worker of alive) worker.process.kill('SIGTERM')
      const late = setTimeout(() => {
        for (const worker of alive) if (!worker.isDead()) worker.process.kill('SIGKILL')
      }, deadlineMs)
      await Promise.all(exited)
      clearTimeout(late)
    },
  }
}
