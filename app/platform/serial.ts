/**
 * A queue that runs the tasks given to it one at a time, in the order given: each starts when
 * the one before has settled (resolved or failed). For work whose cost is memory rather than
 * time, such as password hashing, where running many at once multiplies the peak.
 */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task)
    tail = run.catch(() => undefined)
    return run
  }
}
