// An endpoint's deliveries (decision 29): the recent ones for its page, Resend (the same
// message, same `webhook-id`, sent again at once with a fresh run of retries) and a test ping.
// Each admin action is audited.
import { randomBytes } from 'node:crypto'
import { desc, eq, sql } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import { webhookDeliveries } from '~db/schema'
import { getEndpoint, type WebhookActor } from './endpoints.server'
import { pingBody } from './payload.server'

export type DeliveryRow = Omit<typeof webhookDeliveries.$inferSelect, 'body'>

const COLUMNS = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  eventId: webhookDeliveries.eventId,
  eventType: webhookDeliveries.eventType,
  messageId: webhookDeliveries.messageId,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastDurationMs: webhookDeliveries.lastDurationMs,
  lastError: webhookDeliveries.lastError,
  createdAt: webhookDeliveries.createdAt,
  deliveredAt: webhookDeliveries.deliveredAt,
}

/** An endpoint's most recent deliveries, newest first. */
export function recentDeliveries(db: Queryable, endpointId: number, limit = 50): DeliveryRow[] {
  return db
    .select(COLUMNS)
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit)
    .all()
}

/** When each endpoint was last sent to, and what it answered (for the list). */
export function lastAttempts(db: Queryable) {
  const rows = db
    .select({
      endpointId: webhookDeliveries.endpointId,
      at: sql<number>`max(${webhookDeliveries.lastAttemptAt})`,
    })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.endpointId)
    .all()
  return new Map(rows.filter((r) => r.at !== null).map((r) => [r.endpointId, new Date(r.at)]))
}

/**
 * Sends a delivery again, at once: the same body and `webhook-id` (a receiver that kept it drops
 * the repeat), with the attempts counted afresh. Not while it is waiting already, nor to a
 * disabled endpoint.
 */
export function resendDelivery(
  db: Queryable,
  actor: WebhookActor,
  endpointId: number,
  deliveryId: number,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const delivery = tx
        .select(COLUMNS)
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, deliveryId))
        .get()
      if (!delivery || delivery.endpointId !== endpointId)
        return refuse('This delivery does not exist', 'deliveryId')
      const endpoint = getEndpoint(tx, endpointId)
      if (!endpoint || endpoint.disabledAt) return refuse('Enable the endpoint before resending')
      if (delivery.status === 'pending')
        return refuse('This delivery is waiting to be sent already')
      tx.update(webhookDeliveries)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
        .where(eq(webhookDeliveries.id, deliveryId))
        .run()
      recordAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'webhook.delivery_resent',
          subjectType: 'webhook_endpoint',
          subjectId: endpointId,
          before: { deliveryId, status: delivery.status, attempts: delivery.attempts },
          after: { deliveryId, messageId: delivery.messageId },
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** Queues a test message (`webhook.test`) to an endpoint, sent by the job within a second. */
export function sendTestPing(
  db: Queryable,
  actor: WebhookActor,
  endpointId: number,
  now: Date,
): Result<{ deliveryId: number; messageId: string }> {
  return db.transaction(
    (tx) => {
      const endpoint = getEndpoint(tx, endpointId)
      if (!endpoint) return refuse('This endpoint does not exist')
      if (endpoint.disabledAt) return refuse('Enable the endpoint before sending a test')
      const messageId = `msg_test_${randomBytes(12).toString('hex')}`
      const { id } = tx
        .insert(webhookDeliveries)
        .values({
          endpointId,
          eventId: null,
          eventType: 'webhook.test',
          messageId,
          body: pingBody(endpointId, now),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
        })
        .returning({ id: webhookDeliveries.id })
        .get()
      recordAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'webhook.test_sent',
          subjectType: 'webhook_endpoint',
          subjectId: endpointId,
          after: { deliveryId: id, messageId },
        },
        now,
      )
      return { ok: true as const, deliveryId: id, messageId }
    },
    { behavior: 'immediate' },
  )
}
