import { expect, it } from 'vitest'
import { afterExit, NO_RESTARTS, type RestartPolicy } from '../../server/cluster'

const POLICY: RestartPolicy = {
  firstDelayMs: 500,
  maxDelayMs: 4_000,
  stableAfterMs: 60_000,
  maxFailedStarts: 3,
}

it('a worker that served and died quickly again and again waits twice as long each time, up to the cap', () => {
  let state = NO_RESTARTS
  const delays: number[] = []
  for (let i = 0; i < 6; i++) {
    const next = afterExit(state, { listened: true, livedMs: 1_000 }, POLICY)
    delays.push(next.restartInMs as number)
    state = next.state
  }
  expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000])
  expect(state).toEqual({ delayMs: 4_000, failedStarts: 0 })
})

it('a worker that lived past stableAfterMs starts the delay over', () => {
  const slow = { delayMs: 4_000, failedStarts: 0 }
  expect(afterExit(slow, { listened: true, livedMs: 60_000 }, POLICY)).toEqual({
    state: { delayMs: 500, failedStarts: 0 },
    restartInMs: 500,
  })
  expect(afterExit(slow, { listened: true, livedMs: 59_999 }, POLICY).restartInMs).toBe(4_000)
})

it('workers that die before they listen are retried, and maxFailedStarts in a row give up', () => {
  const first = afterExit(NO_RESTARTS, { listened: false, livedMs: 100 }, POLICY)
  expect(first).toEqual({ state: { delayMs: 500, failedStarts: 1 }, restartInMs: 500 })
  const second = afterExit(first.state, { listened: false, livedMs: 100 }, POLICY)
  expect(second).toEqual({ state: { delayMs: 1_000, failedStarts: 2 }, restartInMs: 1_000 })
  // Long-lived or not, a worker that never listened counts: no fork loop.
  expect(afterExit(second.state, { listened: false, livedMs: 120_000 }, POLICY)).toEqual({
    state: { delayMs: 1_000, failedStarts: 3 },
    restartInMs: null,
  })
  // One that served in between clears the count.
  const served = afterExit(second.state, { listened: true, livedMs: 100 }, POLICY)
  expect(served).toEqual({ state: { delayMs: 2_000, failedStarts: 0 }, restartInMs: 2_000 })
})
