// The demo's webhook endpoint (decision 29): one example, registered by Sasha and disabled, so
// the Webhooks page shows what an endpoint looks like without the demo ever reaching the
// network (a disabled endpoint gets no deliveries).
import { newSecret } from '~/domain/webhooks/endpoints.server'
import { recordAudit } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import { webhookEndpoints } from '~db/schema'

export const DEMO_WEBHOOK_URL = 'https://crm.example.com/leadcourt/webhooks'

export function seedDemoWebhooks(db: Queryable, adminId: number, now: Date) {
  const events = ['lead.rejected', 'case.opened', 'case.decided']
  const { id } = db
    .insert(webhookEndpoints)
    .values({
      url: DEMO_WEBHOOK_URL,
      description: 'Example: Salesforce (disabled in the demo; nothing is sent)',
      events,
      secret: newSecret(),
      createdBy: adminId,
      createdAt: now,
      disabledAt: now,
      disabledReason: 'A demo example: register your own endpoint to receive events',
    })
    .returning({ id: webhookEndpoints.id })
    .get()
  recordAudit(
    db,
    {
      actorId: adminId,
      action: 'webhook.registered',
      subjectType: 'webhook_endpoint',
      subjectId: id,
      after: { url: DEMO_WEBHOOK_URL, events, description: 'Example: Salesforce' },
    },
    now,
  )
}
