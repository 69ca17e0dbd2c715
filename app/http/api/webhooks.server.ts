// The webhooks' endpoints of the REST API (decision 29): their shapes (zod: the routes answer
// with them and the OpenAPI document is generated from them), the operations for the document,
// and the handlers the routes call. Registering checks the URL first (DNS, outside any
// transaction: `apiWrite`'s `prepare`), then writes in the idempotent write's transaction.
import { z } from 'zod'
import type { Result } from '~/domain/result'
import { recentDeliveries } from '~/domain/webhooks/deliveries.server'
import {
  checkEndpointUrl,
  disableEndpoint,
  getEndpoint,
  insertEndpoint,
} from '~/domain/webhooks/endpoints.server'
import { endpointJson, WebhookEndpointApiSchema } from '~/domain/webhooks/schema'
import { getDb } from '~/platform/db.server'
import { DELIVERY_STATUSES } from '~db/enums'
import { type ApiAnswer, apiId, notFound } from '../api.server'
import { invalid, issuesOf, refused } from './answers'
import type { Operation } from './operations'
import { IdParam, Instant } from './wire'
import type { WriteContext } from './write.server'

export const WebhookSchema = z
  .object({
    id: z.int(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    status: z.enum(['active', 'disabled']),
    created_at: Instant,
    failing_since: Instant.nullable(),
    disabled_at: Instant.nullable(),
    disabled_reason: z.string().nullable(),
  })
  .meta({ id: 'Webhook' })

const WebhookRegisteredSchema = WebhookSchema.extend({
  secret: z.string().meta({ description: 'The signing secret (whsec_…), shown this once' }),
}).meta({ id: 'WebhookRegistered' })

const WebhookListSchema = z.object({ webhooks: z.array(WebhookSchema) }).meta({ id: 'Webhooks' })

const DeliverySchema = z
  .object({
    id: z.int(),
    event_type: z.string(),
    webhook_id: z.string().meta({ description: 'The webhook-id header: the same on every retry' }),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.int(),
    last_status_code: z.int().nullable(),
    last_duration_ms: z.int().nullable(),
    last_error: z.string().nullable(),
    last_attempt_at: Instant.nullable(),
    next_attempt_at: Instant.nullable(),
    created_at: Instant,
  })
  .meta({ id: 'WebhookDelivery' })

const WebhookDetailSchema = WebhookSchema.extend({ deliveries: z.array(DeliverySchema) }).meta({
  id: 'WebhookDetail',
})

const webhookId = z.object({ endpointId: IdParam })

export const WEBHOOK_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/webhooks',
    summary: 'Register a webhook endpoint',
    description:
      'A URL and the events to send to it. Private and loopback addresses are refused unless Settings allow them. The answer carries the signing secret, shown this once.',
    scope: 'webhooks:manage',
    body: WebhookEndpointApiSchema,
    responses: { 201: { description: 'Registered', schema: WebhookRegisteredSchema } },
    errors: [400, 413, 415, 422],
    example: {
      url: 'https://crm.example.com/leadcourt/webhooks',
      events: ['lead.rejected', 'case.opened', 'case.decided'],
      description: 'Salesforce',
    },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks',
    summary: 'The webhook endpoints',
    scope: 'webhooks:manage',
    responses: { 200: { description: 'Every endpoint', schema: WebhookListSchema } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/{endpointId}',
    summary: 'A webhook endpoint and its recent deliveries',
    scope: 'webhooks:manage',
    params: webhookId,
    responses: { 200: { description: 'The endpoint', schema: WebhookDetailSchema } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/{endpointId}/disable',
    summary: 'Disable a webhook endpoint',
    description: 'Nothing more is sent to it; 409 when it is disabled already.',
    scope: 'webhooks:manage',
    params: webhookId,
    responses: { 200: { description: 'Disabled', schema: WebhookSchema } },
    errors: [404, 409, 415],
  },
]

/** The URL check of a registration, before its transaction (null: the body is not one). */
export async function checkRegistration(body: unknown): Promise<Result<{ url: string }> | null> {
  const shaped = WebhookEndpointApiSchema.safeParse(body)
  return shaped.success ? checkEndpointUrl(getDb(), shaped.data.url) : null
}

/** POST /api/v1/webhooks: 201 with the endpoint and its secret. */
export function registerWebhook(
  body: unknown,
  { tx, caller, now, prepared }: WriteContext & { prepared: Result<{ url: string }> | null },
): ApiAnswer {
  const shaped = WebhookEndpointApiSchema.safeParse(body)
  if (!shaped.success || !prepared) return invalid(shaped.success ? [] : issuesOf(shaped.error))
  if (!prepared.ok) return refused(prepared.fieldErrors)
  const actor = { userId: null, tokenId: caller.tokenId }
  const done = insertEndpoint(tx, actor, { ...shaped.data, url: prepared.url }, now)
  const endpoint = getEndpoint(tx, done.endpointId)
  return { status: 201, body: { ...endpointJson(endpoint as never), secret: done.secret } }
}

/** POST /api/v1/webhooks/{id}/disable: 200 with the endpoint; 409 when already disabled. */
export function disableWebhook(endpointId: number) {
  return (_body: unknown, { tx, caller, now }: WriteContext): ApiAnswer => {
    if (!getEndpoint(tx, endpointId)) return notFound(`There is no webhook endpoint ${endpointId}.`)
    const done = disableEndpoint(tx, { userId: null, tokenId: caller.tokenId }, endpointId, now)
    if (!done.ok) return refused({ form: Object.values(done.fieldErrors).flat() })
    return { status: 200, body: endpointJson(getEndpoint(tx, endpointId) as never) }
  }
}

/** GET /api/v1/webhooks/{id}: the endpoint and its recent deliveries, or a 404. */
export function webhookDetail(params: Record<string, string | undefined>): ApiAnswer {
  const id = apiId(params, 'endpointId', 'webhook endpoint')
  const db = getDb()
  const endpoint = getEndpoint(db, id)
  if (!endpoint) return notFound(`There is no webhook endpoint ${id}.`)
  const deliveries = recentDeliveries(db, endpoint.id).map((d) => ({
    id: d.id,
    event_type: d.eventType,
    webhook_id: d.messageId,
    status: d.status,
    attempts: d.attempts,
    last_status_code: d.lastStatusCode,
    last_duration_ms: d.lastDurationMs,
    last_error: d.lastError,
    last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
    next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
  }))
  return { status: 200, body: { ...endpointJson(endpoint), deliveries } }
}
