// Decision 43: "… and next" opens the item after the current one in the person's queue.
import { describe, expect, it } from 'vitest'
import { nextAfter } from '~/domain/sales/next-in-queue.server'

describe('the next item in a queue', () => {
  it('is the one after the current item in queue order', () => {
    expect(nextAfter([4, 9, 2, 7], 9)).toBe(2)
    expect(nextAfter([4, 9, 2, 7], 4)).toBe(9)
  })
  it('wraps to the first other item after the last', () => {
    expect(nextAfter([4, 9, 2, 7], 7)).toBe(4)
  })
  it('is the first item when the current one is not in the queue (acted on, or opened elsewhere)', () => {
    expect(nextAfter([4, 9, 2], 11)).toBe(4)
  })
  it('is none when nothing else waits', () => {
    expect(nextAfter([5], 5)).toBeNull()
    expect(nextAfter([], 5)).toBeNull()
  })
})
