// A small pool of worker threads for synchronous work that must not hold the event loop (long
// SQLite reads), on piscina (decision 20). It knows nothing of what the tasks are: a worker file
// exports the handler (task-worker.server.ts), and `run` sends it a task's name and input.
//
// Every task has a time limit, waiting for a thread included. Past it the caller is answered at
// once, and the task stops itself at its next step (TaskClock): a thread is never terminated
// from outside, because terminating one inside better-sqlite3 aborts the whole process
// (WiseLibs/better-sqlite3#842, and tests/routes/report-pool.test.ts's first version).
import { resolve } from 'node:path'
import { Piscina } from 'piscina'
import { READY_TASK, TASK_EXPIRED, type TaskMessage } from './task-worker.server'

export type TaskPoolOptions = {
  /** The worker's entry from the project root: its TypeScript source and its esbuild bundle. */
  worker: { source: string; bundle: string }
  /** How many threads run tasks at once. */
  size: number
  /** How long a task may take, waiting for a thread included, before its caller is answered. */
  timeoutMs: number
  /** Handed to each thread (`workerData`): what its handler needs to open its resources. */
  workerData?: unknown
}

/** A task's value, or why there is none: it ran out of time, or too many tasks were waiting. */
export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'busy' }

/** Tasks that may wait for a thread, per thread; more are refused as busy at once. */
const QUEUE_PER_THREAD = 16

// From source (tsx, Vite's dev server, Vitest) this module is a .ts file, and the worker runs
// from source through tsx, which also resolves the ~/ and ~db/ paths; from the production
// bundle, the worker runs from its own bundle (package.json's build script).
const FROM_SOURCE = import.meta.url.endsWith('.ts')

/**
 * A task's failure as its caller's answer: too many waiting is `busy`; a task that stopped itself
 * for its deadline is a `timeout` (its thread's clock can pass the deadline before this thread's
 * timer fires, when this thread is busy); anything else is a bug and is thrown.
 */
export function failedOutcome<T>(error: unknown): TaskOutcome<T> {
  if (error instanceof Error && error.message === 'Task queue is at limit')
    return { ok: false, reason: 'busy' }
  if (error instanceof Error && error.message === TASK_EXPIRED)
    return { ok: false, reason: 'timeout' }
  throw error
}

export class TaskPool {
  readonly #piscina: Piscina

  constructor(readonly options: TaskPoolOptions) {
    this.#piscina = new Piscina({
      filename: resolve(FROM_SOURCE ? options.worker.source : options.worker.bundle),
      execArgv: FROM_SOURCE ? ['--import', 'tsx'] : [],
      minThreads: options.size,
      maxThreads: options.size,
      maxQueue: options.size * QUEUE_PER_THREAD,
      workerData: options.workerData,
    })
  }

  /** Runs `task` on a thread. Idle threads do not keep the process alive. */
  async run<T>(task: string, input: unknown): Promise<TaskOutcome<T>> {
    const message: TaskMessage = { task, input, deadline: Date.now() + this.options.timeoutMs }
    const done = this.#piscina.run(message).then(
      (value) => ({ ok: true, value: value as T }) as const,
      (error: unknown) => failedOutcome<T>(error),
    )
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<TaskOutcome<T>>((settle) => {
      timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }), this.options.timeoutMs)
    })
    try {
      return await Promise.race([done, late])
    } finally {
      clearTimeout(timer)
      // A task answered late ends on its own (TaskExpiredError), and nobody waits for it.
      done.catch(() => {})
    }
  }

  /** Resolves once a thread has loaded its worker file and answers (it opens nothing). */
  async ready(): Promise<void> {
    await this.#piscina.run({ task: READY_TASK } satisfies TaskMessage)
  }

  /** The ids of the pool's threads. */
  get threadIds(): number[] {
    return this.#piscina.threads.map((thread) => thread.threadId)
  }

  /** Stops every thread once its running task ends; tasks still waiting are given up. */
  close(): Promise<void> {
    return this.#piscina.close({ force: true })
  }
}

// Kept on globalThis, by name: the production server bundles this module twice (build/server.js,
// which starts and stops the pools, and the Remix build, whose routes run tasks on them).
const POOLS = Symbol.for('leadcourt.taskPools')
const registry = globalThis as { [POOLS]?: Map<string, TaskPool> }
registry[POOLS] ??= new Map()
const pools = registry[POOLS]

/** Starts the pool called `name`, closing one that ran under that name before. */
export function startTaskPool(name: string, options: TaskPoolOptions): TaskPool {
  void pools.get(name)?.close()
  const pool = new TaskPool(options)
  pools.set(name, pool)
  return pool
}

/** The pool called `name`, started with `options()` if it is not running. */
export function taskPool(name: string, options: () => TaskPoolOptions): TaskPool {
  return pools.get(name) ?? startTaskPool(name, options())
}

/** Stops every pool (at shutdown). */
export async function stopTaskPools(): Promise<void> {
  const running = [...pools.values()]
  pools.clear()
  await Promise.all(running.map((pool) => pool.close()))
}
