// The cluster's supervision (server/cluster.ts, decision 31) with real worker processes: a
// stand-in worker (tests/support/cluster-worker.mjs) that listens, or exits at once.
import { existsSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'
import { listenError, type RestartPolicy, superviseWorkers } from '../../server/cluster'

const exec = resolve('tests/support/cluster-worker.mjs')
const POLICY: RestartPolicy = {
  firstDelayMs: 1,
  maxDelayMs: 4,
  stableAfterMs: 60_000,
  maxFailedStarts: 3,
}

/** Polls `check` until it returns a value, for at most 20 s. */
async function eventually<T>(check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('Gave up waiting')
    await new Promise((done) => setTimeout(done, 20))
  }
}

it('workers that cannot start are retried with a growing delay, then the supervisor gives up', async () => {
  const logged: string[] = []
  let gaveUp: () => void = () => {}
  const givenUp = new Promise<void>((done) => {
    gaveUp = done
  })
  const workers = superviseWorkers({
    count: 1,
    exec,
    env: { FIXTURE_MODE: 'fail' },
    policy: POLICY,
    log: (message) => logged.push(message.replace(/Worker \d+/, 'Worker N')),
    onGiveUp: gaveUp,
  })
  await givenUp
  expect(logged).toEqual([
    'Worker N exited with code 3; a new one starts in 1 ms.',
    'Worker N exited with code 3; a new one starts in 2 ms.',
    'Worker N exited with code 3 before it served: 3 workers in a row could not start; stopping.',
  ])
  expect(workers.pids()).toEqual([])
  await workers.stop()
})

it('keeps its workers alive: a killed one is replaced, and stop ends them all', async () => {
  const logged: string[] = []
  let died = 0
  const workers = superviseWorkers({
    count: 2,
    exec,
    policy: POLICY,
    log: (message) => logged.push(message),
    onWorkerDied: () => died++,
    onGiveUp: () => {
      throw new Error('gave up')
    },
  })
  await workers.ready
  const [victim, survivor] = workers.pids() as [number, number]
  expect(new Set([victim, survivor]).size).toBe(2)
  process.kill(victim, 'SIGKILL')
  const replaced = await eventually(() => {
    const pids = workers.pids()
    return pids.length === 2 && !pids.includes(victim) ? pids : undefined
  })
  expect(replaced).toContain(survivor)
  expect(logged).toEqual([`Worker ${victim} was killed (SIGKILL); a new one starts in 1 ms.`])
  // The caller hears of the death (the server resumes the imports it left), once.
  expect(died).toBe(1)
  await workers.stop()
  expect(workers.pids()).toEqual([])
  for (const pid of replaced) expect(existsSync(`/proc/${pid}`)).toBe(false)
  // Stopped workers are not replaced, nor reported dead.
  expect(logged).toHaveLength(1)
  expect(died).toBe(1)
})

it('says why the port cannot be listened on before any worker forks, and leaves a free one free', async () => {
  const taken = createServer()
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done))
  const { port } = taken.address() as AddressInfo
  expect(await listenError(port, '127.0.0.1')).toMatchObject({ code: 'EADDRINUSE' })
  await new Promise<void>((done) => taken.close(() => done()))
  expect(await listenError(port, '127.0.0.1')).toBeNull()
  // Checking did not keep it.
  expect(await listenError(port, '127.0.0.1')).toBeNull()
})
