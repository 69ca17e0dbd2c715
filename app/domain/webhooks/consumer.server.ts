// The webhooks consumer (decision 29): for each outbox event delivered as a webhook, one
// delivery per active endpoint subscribed to it, with its body built once. It only records the
// intent (no network inside the consumer's transaction); the delivery job sends it. Unique
// (endpoint, event): handling an event twice writes nothing more.
import { isNull } from 'drizzle-orm'
import type { StoredEvent } from '~/platform/events/catalog'
import type { Consumer } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { webhookDeliveries, webhookEndpoints } from '~db/schema'
import { webhookBody, webhookEventOf } from './payload.server'

/** The `webhook-id` of an event's delivery to an endpoint: stable across attempts and resends. */
export const messageIdOf = (eventId: number, endpointId: number) => `msg_${eventId}_${endpointId}`

function handle(tx: Queryable, event: StoredEvent, now: Date) {
  const type = webhookEventOf(event.type)
  if (!type) return
  const endpoints = tx
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(isNull(webhookEndpoints.disabledAt))
    .all()
    .filter((e) => e.events.includes(type))
  if (endpoints.length === 0) return
  const body = webhookBody(tx, event, type)
  tx.insert(webhookDeliveries)
    .values(
      endpoints.map((e) => ({
        endpointId: e.id,
        eventId: event.id,
        eventType: type,
        messageId: messageIdOf(event.id, e.id),
        body,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .run()
}

export const webhooksConsumer: Consumer = { name: 'webhooks', handle }
