// The worker side of a task pool (task-pool.server.ts): a worker file's default export. It opens
// what its tasks need (a read-only connection, say) once per thread, on the first task, and
// runs each task by name.

type Task<C> = (context: C, input: never) => unknown

/** The handler a pool's worker file exports: `open` once per thread, then `tasks[name]`. */
export function taskHandler<C>(open: () => C, tasks: Record<string, Task<C>>) {
  let context: C | undefined
  return ({ task, input }: { task: string; input: unknown }): unknown => {
    const run = Object.hasOwn(tasks, task) ? tasks[task] : undefined
    if (!run) throw new Error(`No task called ${JSON.stringify(task)}`)
    context ??= open()
    return run(context, input as never)
  }
}
