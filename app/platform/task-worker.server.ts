// The worker side of a task pool (task-pool.server.ts): a worker file's default export. It opens
// what its tasks need (a read-only connection, say) once per thread, on the first task, and runs
// each task by name, with the time it has left.

type Task<C> = (context: C, input: never) => unknown

/** The task every handler answers without opening anything: the pool's `ready()`. */
export const READY_TASK = 'ready'

/** The message of TaskExpiredError: an error crosses back from a thread as its message. */
export const TASK_EXPIRED = 'The task ran out of time'

/** Thrown inside a task that has run out of time; its caller was already answered. */
export class TaskExpiredError extends Error {
  constructor() {
    super(TASK_EXPIRED)
  }
}

/** What a worker's resources read to keep to the running task's time limit. */
export type TaskClock = {
  /** Throws TaskExpiredError once the running task's time is up: call it between steps. */
  check(): void
}

export type TaskMessage = { task: string; input?: unknown; deadline?: number }

/**
 * The handler a pool's worker file exports: `open(clock)` once per thread, then
 * `tasks[name](context, input)`. A thread is never terminated inside a native call (that
 * aborts the process with better-sqlite3), so a task stops itself: `clock.check()` throws once
 * its deadline has passed, and a task that starts too late does not start.
 */
export function taskHandler<C>(open: (clock: TaskClock) => C, tasks: Record<string, Task<C>>) {
  let deadline = Number.POSITIVE_INFINITY
  const clock: TaskClock = {
    check() {
      if (Date.now() > deadline) throw new TaskExpiredError()
    },
  }
  let context: C | undefined
  return ({ task, input, deadline: until }: TaskMessage): unknown => {
    if (task === READY_TASK) return true
    const run = Object.hasOwn(tasks, task) ? tasks[task] : undefined
    if (!run) throw new Error(`No task called ${JSON.stringify(task)}`)
    deadline = until ?? Number.POSITIVE_INFINITY
    clock.check()
    context ??= open(clock)
    return run(context, input as never)
  }
}
