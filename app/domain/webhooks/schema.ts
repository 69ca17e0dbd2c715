// The inputs of webhooks (decision 29): the admin page's forms and `POST /api/v1/webhooks` parse
// with these schemas (the API and its OpenAPI document use WebhookEndpointApiSchema, the same
// fields, strict).
import { z } from 'zod'
import { WEBHOOK_EVENTS } from '~db/enums'

const events = z
  .array(z.enum(WEBHOOK_EVENTS, { error: 'Choose events from the list' }), {
    error: 'Choose at least one event',
  })
  .min(1, 'Choose at least one event')

/** A new endpoint: where to send, which events, and a note on what it is. */
export const WebhookEndpointSchema = z.object({
  url: z
    .string({ error: 'Enter the URL to send the events to' })
    .trim()
    .min(1, 'Enter the URL to send the events to')
    .max(2000, 'Keep the URL under 2,000 characters'),
  events,
  description: z
    .string()
    .trim()
    .max(200, 'Keep the description under 200 characters')
    .optional()
    .default(''),
})
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointSchema>

/**
 * The same for `POST /api/v1/webhooks` (and its OpenAPI document): strict like every API body,
 * so a key the API does not know is refused by name rather than dropped (the admin form keeps
 * the loose one: a form posts more than its fields).
 */
export const WebhookEndpointApiSchema = z.strictObject(WebhookEndpointSchema.shape)

/** The events an endpoint receives, changed on its page. */
export const WebhookEventsSchema = z.object({ events })

/** How long the old secret keeps signing after a rotation, in hours (0: it stops at once). */
export const RotateSecretSchema = z.object({
  graceHours: z.coerce
    .number<string>({ error: 'Enter the grace period in whole hours' })
    .int('Enter the grace period in whole hours')
    .min(0, 'The grace period cannot be negative')
    .max(168, 'The grace period can be at most 168 hours (a week)')
    .default(24),
})
export type RotateSecretInput = z.infer<typeof RotateSecretSchema>

/** One delivery, for Resend. */
export const DeliveryIdSchema = z.object({
  deliveryId: z.coerce.number({ error: 'Choose a delivery' }).int().positive('Choose a delivery'),
})

/** An endpoint as the API gives it (never its secret; `secret` only in the answer to a POST). */
export function endpointJson(e: {
  id: number
  url: string
  description: string
  events: string[]
  createdAt: Date
  failingSince: Date | null
  disabledAt: Date | null
  disabledReason: string | null
}) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    status: e.disabledAt ? 'disabled' : 'active',
    created_at: e.createdAt.toISOString(),
    failing_since: e.failingSince?.toISOString() ?? null,
    disabled_at: e.disabledAt?.toISOString() ?? null,
    disabled_reason: e.disabledReason,
  }
}
