import { asc, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { notificationsConsumer } from '~/domain/notifications/consumer.server'
import type { StoredEvent } from '~/platform/events/catalog'
import {
  appendEvent,
  type Consumer,
  drainBatch,
  drainConsumers,
  markHandled,
  pendingEvents,
} from '~/platform/events/outbox.server'
import { drainOutbox } from '~/platform/jobs/runner.server'
import { cases, notifications, outbox, outboxConsumers } from '~db/schema'
import { type CaseWorld, caseWorld, OPENED } from '../support/case-world'

const NOW = new Date('2026-11-23T10:00:00Z')
let w: CaseWorld
beforeEach(() => {
  w = caseWorld()
})
afterEach(() => w.close())

const events = () => w.db.select().from(outbox).orderBy(asc(outbox.id)).all()
const notified = () =>
  w.db
    .select({
      userId: notifications.userId,
      kind: notifications.kind,
      caseId: notifications.caseId,
    })
    .from(notifications)
    .orderBy(asc(notifications.id))
    .all()

describe('appendEvent', () => {
  it('writes the event with the change: the rejection that opened the case left two events', () => {
    expect(events().map((e) => [e.type, e.payload, e.occurredAt, e.handledAt])).toEqual([
      [
        'lead.rejected',
        { leadId: w.leadId, caseId: w.caseId, repId: w.id.dana, reasonId: expect.any(Number) },
        OPENED,
        null,
      ],
      [
        'case.opened',
        {
          caseId: w.caseId,
          leadId: w.leadId,
          kind: 'rejected',
          repId: w.id.dana,
          marketerId: w.id.maya,
        },
        OPENED,
        null,
      ],
    ])
  })

  it('a transaction that rolls back leaves neither its change nor its event', () => {
    const before = events().length
    expect(() =>
      w.db.transaction(
        (tx) => {
          tx.update(cases).set({ notes: 'changed' }).where(eq(cases.id, w.caseId)).run()
          appendEvent(
            tx,
            'case.recused',
            { caseId: w.caseId, memberId: w.id.victor as number },
            NOW,
          )
          throw new Error('refused after the event')
        },
        { behavior: 'immediate' },
      ),
    ).toThrow('refused after the event')
    expect(events()).toHaveLength(before)
    expect(w.db.select().from(cases).where(eq(cases.id, w.caseId)).get()?.notes).toBe(
      'No money this year',
    )
  })
})

describe('draining the outbox', () => {
  it('the notifications consumer tells marketing once, however often the outbox is drained', () => {
    expect(drainOutbox(w.db, [notificationsConsumer], NOW)).toEqual({ notifications: 2 })
    expect(drainOutbox(w.db, [notificationsConsumer], NOW)).toEqual({ notifications: 0 })
    expect(notified()).toEqual([{ userId: w.id.maya, kind: 'case_opened', caseId: w.caseId }])
    expect(pendingEvents(w.db)).toBe(0)
    expect(events().map((e) => e.handledAt)).toEqual([NOW, NOW])
    expect(
      w.db
        .select()
        .from(outboxConsumers)
        .all()
        .map((c) => [c.consumer, c.lastEventId, c.failures]),
    ).toEqual([['notifications', events().at(-1)?.id, 0]])
  })

  it('a failing handler stops its consumer at that event, keeps what came before, and is retried', () => {
    const seen: string[] = []
    let failing = true
    const consumer: Consumer = {
      name: 'flaky',
      handle(tx, event: StoredEvent) {
        seen.push(event.type)
        // What the handler writes before it fails is rolled back with it.
        if (event.type === 'case.opened') notificationsConsumer.handle(tx, event, NOW)
        if (failing && event.type === 'case.opened') throw new Error('mail server down')
      },
    }
    const first = drainBatch(w.db, consumer, NOW)
    expect({ handled: first.handled, more: first.more, error: String(first.error) }).toEqual({
      handled: 1,
      more: false,
      error: 'Error: mail server down',
    })
    expect(notified()).toEqual([])
    const [state] = w.db.select().from(outboxConsumers).all()
    expect(state).toMatchObject({
      consumer: 'flaky',
      lastEventId: events()[0]?.id,
      failures: 1,
      lastError: 'Error: mail server down',
    })
    // Not every consumer has handled the events, so none is marked handled.
    expect(markHandled(w.db, ['flaky'], NOW)).toBe(1)
    expect(markHandled(w.db, ['flaky', 'notifications'], NOW)).toBe(0)
    failing = false
    expect(drainBatch(w.db, consumer, NOW)).toEqual({ handled: 1, more: false })
    expect(seen).toEqual(['lead.rejected', 'case.opened', 'case.opened'])
    expect(notified()).toHaveLength(1)
    expect(w.db.select().from(outboxConsumers).get()).toMatchObject({
      failures: 0,
      lastError: null,
    })
  })

  it('hands events over in batches, oldest first', () => {
    for (let i = 0; i < 5; i++)
      appendEvent(w.db, 'case.recused', { caseId: w.caseId, memberId: i }, NOW)
    const order: number[] = []
    const consumer: Consumer = { name: 'order', handle: (_tx, e) => void order.push(e.id) }
    expect(drainBatch(w.db, consumer, NOW, 3)).toEqual({ handled: 3, more: true })
    expect(drainBatch(w.db, consumer, NOW, 3)).toEqual({ handled: 3, more: true })
    expect(drainBatch(w.db, consumer, NOW, 3)).toEqual({ handled: 1, more: false })
    expect(order).toEqual(events().map((e) => e.id))
  })

  it('drains every consumer in one transaction: one failing consumer holds back only itself', () => {
    const seen: string[] = []
    const broken: Consumer = {
      name: 'broken',
      handle(_tx, event) {
        if (event.type === 'case.opened') throw new Error('mail server down')
      },
    }
    const counting: Consumer = { name: 'counting', handle: (_tx, e) => void seen.push(e.type) }
    const [first, second] = events().map((e) => e.id)
    const done = drainConsumers(w.db, [broken, notificationsConsumer, counting], NOW, 100)
    expect({ ...done, failures: done.failures.map((f) => [f.consumer, String(f.error)]) }).toEqual({
      handled: 5,
      more: false,
      failures: [['broken', 'Error: mail server down']],
    })
    expect(seen).toEqual(['lead.rejected', 'case.opened'])
    expect(notified()).toEqual([{ userId: w.id.maya, kind: 'case_opened', caseId: w.caseId }])
    expect(
      w.db
        .select()
        .from(outboxConsumers)
        .orderBy(asc(outboxConsumers.consumer))
        .all()
        .map((c) => [c.consumer, c.lastEventId, c.failures]),
    ).toEqual([
      ['broken', first, 1],
      ['counting', second, 0],
      ['notifications', second, 0],
    ])
    // Marked handled up to where the slowest consumer stands.
    expect(events().map((e) => e.handledAt)).toEqual([NOW, null])
    // Nothing new for the two that are through; the broken one is retried.
    const again = drainConsumers(w.db, [notificationsConsumer, counting], NOW, 100)
    expect(again).toEqual({ handled: 0, more: false, failures: [] })
  })

  it('leaves out a consumer that failed earlier in the drain, which still holds back the marking', () => {
    let calls = 0
    const broken: Consumer = {
      name: 'broken',
      handle() {
        calls++
        throw new Error('mail server down')
      },
    }
    const counting: Consumer = { name: 'counting', handle: () => {} }
    const first = drainConsumers(w.db, [broken, counting], NOW, 1)
    expect([first.handled, first.more, first.failures.map((f) => f.consumer)]).toEqual([
      1,
      true,
      ['broken'],
    ])
    const next = drainConsumers(w.db, [broken, counting], NOW, 1, new Set(['broken']))
    expect([next.handled, next.failures]).toEqual([1, []])
    expect(drainConsumers(w.db, [broken, counting], NOW, 1, new Set(['broken']))).toEqual({
      handled: 0,
      more: false,
      failures: [],
    })
    expect(calls).toBe(1)
    // The broken consumer handled nothing: no event is marked handled.
    expect(events().map((e) => e.handledAt)).toEqual([null, null])
  })

  it('says more waits when any consumer filled its batch', () => {
    for (let i = 0; i < 3; i++)
      appendEvent(w.db, 'case.recused', { caseId: w.caseId, memberId: i }, NOW)
    const quiet: Consumer = { name: 'quiet', handle: () => {} }
    expect(drainConsumers(w.db, [quiet], NOW, 4)).toEqual({ handled: 4, more: true, failures: [] })
    expect(drainConsumers(w.db, [quiet], NOW, 4)).toEqual({ handled: 1, more: false, failures: [] })
    expect(pendingEvents(w.db)).toBe(0)
  })
})
