import { describe, expect, it } from 'vitest'
import { serial } from '~/platform/serial'

describe('serial', () => {
  it('runs tasks one at a time, in the order given, and a failure does not stop the queue', async () => {
    const enqueue = serial()
    const events: string[] = []
    let running = 0
    let most = 0
    const task =
      (name: string, fail = false) =>
      async () => {
        running++
        most = Math.max(most, running)
        events.push(`start ${name}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
        running--
        events.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }
    const results = await Promise.allSettled([
      enqueue(task('a')),
      enqueue(task('b', true)),
      enqueue(task('c')),
    ])
    expect(most).toBe(1)
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      'a',
      'Error: b',
      'c',
    ])
  })
})
