// Webhook endpoints (issue 17, decision 29): registered by an admin or a `webhooks:manage` token
// with a URL, the events to send and a secret shown once; their events changed, disabled and
// enabled, their secret rotated with a grace period in which both secrets sign. Each change is
// audited, never with a secret.
import { randomBytes } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { getWebhookSettings } from '~/domain/settings/settings.server'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import type { WebhookEvent } from '~db/enums'
import { webhookDeliveries, webhookEndpoints } from '~db/schema'
import { checkTarget, type Lookup } from './address.server'
import type { RotateSecretInput, WebhookEndpointInput } from './schema'

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect
/** An endpoint as lists and the API show it: never its secrets. */
export type EndpointRow = Omit<WebhookEndpoint, 'secret' | 'previousSecret'>

/** Who acts: a signed-in admin, or an API token (`npm`-free automation). */
export type WebhookActor = { userId: number | null; tokenId?: number | null }

/** A new signing secret: `whsec_` and the base64 of 32 random bytes (Standard Webhooks). */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

const COLUMNS = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  previousSecretUntil: webhookEndpoints.previousSecretUntil,
  createdBy: webhookEndpoints.createdBy,
  createdByToken: webhookEndpoints.createdByToken,
  createdAt: webhookEndpoints.createdAt,
  failingSince: webhookEndpoints.failingSince,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
}

/** Every endpoint, newest first. */
export function listEndpoints(db: Queryable): EndpointRow[] {
  return db.select(COLUMNS).from(webhookEndpoints).orderBy(desc(webhookEndpoints.id)).all()
}

export function getEndpoint(db: Queryable, id: number): EndpointRow | undefined {
  return db.select(COLUMNS).from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get()
}

/** The endpoint with its secrets, for signing. */
export function endpointWithSecrets(db: Queryable, id: number): WebhookEndpoint | undefined {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get()
}

function audit(
  tx: Queryable,
  actor: WebhookActor,
  action: string,
  endpointId: number,
  after: unknown,
  now: Date,
  before?: unknown,
) {
  recordAudit(
    tx,
    {
      actorId: actor.userId,
      action,
      subjectType: 'webhook_endpoint',
      subjectId: endpointId,
      before,
      after: actor.tokenId ? { ...(after as object), viaToken: actor.tokenId } : after,
    },
    now,
  )
}

type Registered = { endpointId: number; secret: string }

/**
 * Where a new endpoint may point (decision 29): the URL's shape and, unless Settings allow
 * private targets, every address its host resolves to. Async (DNS), so it runs before the
 * transaction that registers the endpoint; the refusal names the `url` field.
 */
export async function checkEndpointUrl(
  db: Queryable,
  url: string,
  lookup?: Lookup,
): Promise<Result<{ url: string }>> {
  const { allowPrivateTargets } = getWebhookSettings(db)
  const target = await checkTarget(url, allowPrivateTargets, lookup)
  if (!target.ok) return refuse(target.message, 'url')
  return { ok: true, url: target.url.href }
}

/**
 * Registers an endpoint whose URL `checkEndpointUrl` passed, inside the caller's transaction
 * (the API's idempotent write), with its audit entry. Returns its id and its secret.
 */
export function insertEndpoint(
  tx: Queryable,
  actor: WebhookActor,
  input: WebhookEndpointInput & { url: string },
  now: Date,
): Registered {
  const events = [...new Set(input.events)] as WebhookEvent[]
  const secret = newSecret()
  const { id } = tx
    .insert(webhookEndpoints)
    .values({
      url: input.url,
      description: input.description ?? '',
      events,
      secret,
      createdBy: actor.userId,
      createdByToken: actor.tokenId ?? null,
      createdAt: now,
    })
    .returning({ id: webhookEndpoints.id })
    .get()
  const after = { url: input.url, events, description: input.description ?? '' }
  audit(tx, actor, 'webhook.registered', id, after, now)
  return { endpointId: id, secret }
}

/**
 * Registers an endpoint (the admin page); the answer carries its secret, never shown again. The
 * URL is checked first, outside the transaction, since resolving a name is network.
 */
export async function registerEndpoint(
  db: Queryable,
  actor: WebhookActor,
  input: WebhookEndpointInput,
  now: Date,
  lookup?: Lookup,
): Promise<Result<Registered>> {
  const target = await checkEndpointUrl(db, input.url, lookup)
  if (!target.ok) return target
  return db.transaction(
    (tx) => ({
      ok: true as const,
      ...insertEndpoint(tx, actor, { ...input, url: target.url }, now),
    }),
    { behavior: 'immediate' },
  )
}

/** Changes the events an endpoint receives (from the next event on). */
export function updateEndpointEvents(
  db: Queryable,
  actor: WebhookActor,
  endpointId: number,
  events: readonly WebhookEvent[],
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const endpoint = getEndpoint(tx, endpointId)
      if (!endpoint) return refuse('This endpoint does not exist')
      const next = [...new Set(events)]
      tx.update(webhookEndpoints)
        .set({ events: next })
        .where(eq(webhookEndpoints.id, endpointId))
        .run()
      audit(tx, actor, 'webhook.events_changed', endpointId, { events: next }, now, {
        events: endpoint.events,
      })
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/**
 * Stops an endpoint: nothing more is sent to it and its waiting deliveries are given up
 * (`reason` says why). Used by an admin, and by delivery after a 410 or three days of failures
 * (`automatic`: the event `webhook.disabled` is appended, and admins are told).
 */
export function disableEndpointIn(
  tx: Queryable,
  actor: WebhookActor,
  endpoint: Pick<EndpointRow, 'id' | 'url'>,
  reason: string,
  now: Date,
  automatic: boolean,
) {
  tx.update(webhookEndpoints)
    .set({ disabledAt: now, disabledReason: reason })
    .where(eq(webhookEndpoints.id, endpoint.id))
    .run()
  tx.update(webhookDeliveries)
    .set({ status: 'failed', nextAttemptAt: null, lastError: `Endpoint disabled: ${reason}` })
    .where(
      and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.status, 'pending')),
    )
    .run()
  audit(tx, actor, 'webhook.disabled', endpoint.id, { reason }, now)
  if (automatic)
    appendEvent(tx, 'webhook.disabled', { endpointId: endpoint.id, url: endpoint.url, reason }, now)
}

export function disableEndpoint(
  db: Queryable,
  actor: WebhookActor,
  endpointId: number,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const endpoint = getEndpoint(tx, endpointId)
      if (!endpoint) return refuse('This endpoint does not exist')
      if (endpoint.disabledAt) return refuse('This endpoint is already disabled')
      disableEndpointIn(tx, actor, endpoint, 'Disabled by an admin', now, false)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** Starts a disabled endpoint again, its failures forgotten; events from now on are sent. */
export function enableEndpoint(
  db: Queryable,
  actor: WebhookActor,
  endpointId: number,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const endpoint = getEndpoint(tx, endpointId)
      if (!endpoint) return refuse('This endpoint does not exist')
      if (!endpoint.disabledAt) return refuse('This endpoint is already enabled')
      tx.update(webhookEndpoints)
        .set({ disabledAt: null, disabledReason: null, failingSince: null })
        .where(eq(webhookEndpoints.id, endpointId))
        .run()
      audit(tx, actor, 'webhook.enabled', endpointId, {}, now, {
        disabledReason: endpoint.disabledReason,
      })
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/**
 * A new secret, shown once; the old one keeps signing beside it for `graceHours` (both
 * signatures in `webhook-signature`), so the receiver can switch without losing a delivery.
 */
export function rotateSecret(
  db: Queryable,
  actor: WebhookActor,
  endpointId: number,
  input: RotateSecretInput,
  now: Date,
): Result<{ secret: string; previousSecretUntil: Date | null }> {
  return db.transaction(
    (tx) => {
      const endpoint = endpointWithSecrets(tx, endpointId)
      if (!endpoint) return refuse('This endpoint does not exist')
      const secret = newSecret()
      const until =
        input.graceHours > 0 ? new Date(now.getTime() + input.graceHours * 3600_000) : null
      tx.update(webhookEndpoints)
        .set({
          secret,
          previousSecret: until ? endpoint.secret : null,
          previousSecretUntil: until,
        })
        .where(eq(webhookEndpoints.id, endpointId))
        .run()
      audit(
        tx,
        actor,
        'webhook.secret_rotated',
        endpointId,
        { graceHours: input.graceHours, previousSecretUntil: until?.toISOString() ?? null },
        now,
      )
      return { ok: true as const, secret, previousSecretUntil: until }
    },
    { behavior: 'immediate' },
  )
}

/** The secrets that sign at `now`: the current one, and the previous one during its grace. */
export function signingSecrets(endpoint: WebhookEndpoint, now: Date): string[] {
  const previous =
    endpoint.previousSecret &&
    endpoint.previousSecretUntil &&
    endpoint.previousSecretUntil.getTime() > now.getTime()
      ? [endpoint.previousSecret]
      : []
  return [endpoint.secret, ...previous]
}
