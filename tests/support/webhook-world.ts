// The case world (Dana rejected a lead at OPENED) with an admin, the setting that allows
// loopback targets, a receiver on 127.0.0.1 and helpers to register an endpoint and run the
// consumers and the delivery job at a pinned time.
import { asc, eq } from 'drizzle-orm'
import { drainEvents } from '~/domain/jobs.server'
import { updateWebhookSettings } from '~/domain/settings/settings.server'
import { type DeliverOptions, deliverDue } from '~/domain/webhooks/deliver.server'
import { registerEndpoint } from '~/domain/webhooks/endpoints.server'
import { WEBHOOK_EVENTS, type WebhookEvent } from '~db/enums'
import { userRoles, users, webhookDeliveries } from '~db/schema'
import { type CaseWorld, caseWorld } from './case-world'
import { type Receiver, startReceiver } from './webhook-receiver'

export const NOW = new Date('2026-11-23T10:00:00Z')

export type HookWorld = CaseWorld & {
  adminId: number
  receiver: Receiver
  register: (
    events?: readonly WebhookEvent[],
    url?: string,
  ) => Promise<{ id: number; secret: string }>
  drain: (at?: Date) => void
  deliver: (at: Date, options?: DeliverOptions) => Promise<{ done: number; more: boolean }>
  deliveries: () => (typeof webhookDeliveries.$inferSelect)[]
  end: () => Promise<void>
}

export async function hookWorld(allowPrivate = true): Promise<HookWorld> {
  const w = caseWorld()
  const admin = w.db
    .insert(users)
    .values({ email: 'sasha@example.test', name: 'Sasha', passwordHash: 'x', createdAt: NOW })
    .returning({ id: users.id })
    .get()
  w.db.insert(userRoles).values({ userId: admin.id, role: 'admin' }).run()
  updateWebhookSettings(w.db, admin.id, { allowPrivateTargets: allowPrivate }, NOW)
  const receiver = await startReceiver()
  return {
    ...w,
    adminId: admin.id,
    receiver,
    async register(events = WEBHOOK_EVENTS, url = receiver.url) {
      const done = await registerEndpoint(
        w.db,
        { userId: admin.id },
        { url, events: [...events], description: 'CRM' },
        NOW,
      )
      if (!done.ok) throw new Error(JSON.stringify(done.fieldErrors))
      return { id: done.endpointId, secret: done.secret }
    },
    drain: (at = NOW) => void drainEvents(w.db, at),
    deliver: (at, options = {}) =>
      deliverDue(w.db, at, { random: () => 0.5, clock: () => at, ...options }),
    deliveries: () =>
      w.db.select().from(webhookDeliveries).orderBy(asc(webhookDeliveries.id)).all(),
    async end() {
      await receiver.close()
      w.close()
    },
  }
}

export const deliveryById = (w: HookWorld, id: number) =>
  w.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get()
