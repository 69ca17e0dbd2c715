// Issue 17, webhooks: the admin pages (/admin/webhooks and an endpoint's page), the setting on
// /admin/settings, and /api/v1/webhooks with a `webhooks:manage` token.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '~/domain/api/tokens.server'
import { notify } from '~/domain/notifications/notifications.server'
import { getWebhookSettings } from '~/domain/settings/settings.server'
import { deliverDue } from '~/domain/webhooks/deliver.server'
import { getEndpoint, listEndpoints } from '~/domain/webhooks/endpoints.server'
import type { ActionReply } from '~/http/reply'
import { formErrorOf } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { loader as homeLoader } from '~/routes/_index'
import { action as settingsAction } from '~/routes/admin.settings'
import { action as listAction, loader as listLoader } from '~/routes/admin.webhooks._index'
import {
  action as endpointAction,
  loader as endpointLoader,
} from '~/routes/admin.webhooks.$endpointId'
import { action as apiAction, loader as apiLoader } from '~/routes/api.v1.webhooks'
import { loader as apiShow } from '~/routes/api.v1.webhooks.$endpointId'
import { action as apiDisable } from '~/routes/api.v1.webhooks.$endpointId.disable'
import { auditEvents, users } from '~db/schema'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, requestArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'
import { type Receiver, startReceiver } from '../support/webhook-receiver'

const cookies: Record<string, string> = {}
const NOW = new Date('2026-11-27T10:00:00Z')
let receiver: Receiver

beforeAll(async () => {
  await seedTeam()
  for (const name of ['sasha', 'maya', 'dana'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
  receiver = await startReceiver()
})
afterAll(() => receiver.close())

type Reply = ActionReply<{ secret: string; endpointId?: number } | null> & {
  result: { error?: Record<string, string[] | null> } | null
}
const replyOf = (r: unknown) => payloadOf<Reply>(r)
const errorsOf = (r: unknown) => replyOf(r).result?.error ?? {}
const post = (fields: Record<string, string | string[]>, who = 'sasha') =>
  settle(() => listAction(postArgs('/admin/webhooks', fields, { cookie: cookies[who], now: NOW })))
const postTo = (id: number, fields: Record<string, string | string[]>, who = 'sasha') =>
  settle(() =>
    endpointAction(
      postArgs(
        `/admin/webhooks/${id}`,
        fields,
        { cookie: cookies[who], now: NOW },
        { endpointId: String(id) },
      ),
    ),
  )
const allowPrivate = (allow: boolean) =>
  settle(() =>
    settingsAction(
      postArgs(
        '/admin/settings',
        { intent: 'webhooks', ...(allow ? { allowPrivateTargets: 'on' } : {}) },
        { cookie: cookies.sasha, now: NOW },
      ),
    ),
  )

describe('the webhooks pages', () => {
  it('the setting is off by default; with it off, the loopback receiver is refused on url', async () => {
    expect(getWebhookSettings(getDb()).allowPrivateTargets).toBe(false)
    const refused = await post({ intent: 'register', url: receiver.url, events: ['case.decided'] })
    expect(statusOf(refused)).toBe(400)
    expect(errorsOf(refused).url?.[0]).toMatch(/private or loopback address/)
    expect(statusOf(await allowPrivate(true))).toBe(200)
    expect(getWebhookSettings(getDb()).allowPrivateTargets).toBe(true)
  })

  it('registers an endpoint, shows its secret once, lists it', async () => {
    await allowPrivate(true)
    const done = await post({
      intent: 'register',
      url: receiver.url,
      events: ['case.decided', 'lead.rejected'],
      description: 'Salesforce',
    })
    expect(statusOf(done)).toBe(200)
    const secret = replyOf(done).payload?.secret ?? ''
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const page = await listLoader(getArgs('/admin/webhooks', { cookie: cookies.sasha }))
    expect(JSON.stringify(page)).not.toContain(secret.slice(6))
    expect(page.endpoints[0]).toMatchObject({
      url: receiver.url,
      events: ['case.decided', 'lead.rejected'],
      description: 'Salesforce',
      status: 'Active',
      lastDelivery: null,
    })
  })

  it('refuses with a 400 naming the field: no URL, a bad scheme, credentials, no or unknown events', async () => {
    const before = listEndpoints(getDb()).length
    const cases: [Record<string, string | string[]>, string][] = [
      [{ url: '', events: ['case.decided'] }, 'url'],
      [{ url: 'ftp://crm.example.com/', events: ['case.decided'] }, 'url'],
      [{ url: 'https://u:p@crm.example.com/', events: ['case.decided'] }, 'url'],
      [{ url: receiver.url }, 'events'],
      [{ url: receiver.url, events: ['case.eaten'] }, 'events'],
    ]
    for (const [fields, field] of cases) {
      const reply = await post({ intent: 'register', ...fields })
      expect(statusOf(reply), JSON.stringify(fields)).toBe(400)
      expect(
        Object.keys(errorsOf(reply)).some((k) => k.startsWith(field)),
        JSON.stringify(fields),
      ).toBe(true)
    }
    expect(listEndpoints(getDb()).length).toBe(before)
  })

  it('the endpoint page: events, test, deliveries with Resend, rotation, disable and enable', async () => {
    await allowPrivate(true)
    const done = await post({ intent: 'register', url: receiver.url, events: ['case.decided'] })
    const id = replyOf(done).payload?.endpointId ?? 0
    expect(statusOf(await postTo(id, { intent: 'events', events: [] }))).toBe(400)
    expect(
      replyOf(await postTo(id, { intent: 'events', events: ['case.opened', 'case.decided'] }))
        .notice,
    ).toMatch(/saved/)
    expect(getEndpoint(getDb(), id)?.events).toEqual(['case.opened', 'case.decided'])
    expect(replyOf(await postTo(id, { intent: 'test' })).notice).toMatch(/Test queued/)
    await deliverDue(getDb(), NOW, { random: () => 0.5, clock: () => NOW })
    const page = await endpointLoader(
      getArgs(`/admin/webhooks/${id}`, { cookie: cookies.sasha }, { endpointId: String(id) }),
    )
    const [ping] = page.deliveries
    expect(ping).toMatchObject({
      eventType: 'webhook.test',
      status: 'delivered',
      statusCode: 200,
      attempts: 1,
      nextAttemptAt: null,
    })
    expect(
      replyOf(await postTo(id, { intent: 'resend', deliveryId: String(ping?.id) })).notice,
    ).toMatch(/again/)
    const twice = await postTo(id, { intent: 'resend', deliveryId: String(ping?.id) })
    expect(statusOf(twice)).toBe(400)
    expect(formErrorOf(replyOf(twice))).toBe('This delivery is waiting to be sent already')
    expect(statusOf(await postTo(id, { intent: 'resend', deliveryId: 'x' }))).toBe(400)
    expect(statusOf(await postTo(id, { intent: 'rotate', graceHours: '-1' }))).toBe(400)
    expect(
      Object.keys(errorsOf(await postTo(id, { intent: 'rotate', graceHours: '500' }))),
    ).toEqual(['graceHours'])
    const rotated = await postTo(id, { intent: 'rotate', graceHours: '12' })
    expect(replyOf(rotated).payload?.secret).toMatch(/^whsec_/)
    expect(getEndpoint(getDb(), id)?.previousSecretUntil).toEqual(
      new Date(NOW.getTime() + 12 * 3600_000),
    )
    expect(replyOf(await postTo(id, { intent: 'disable' })).notice).toMatch(/disabled/)
    expect(statusOf(await postTo(id, { intent: 'disable' }))).toBe(400)
    expect(replyOf(await postTo(id, { intent: 'enable' })).notice).toMatch(/enabled/)
    expect(statusOf(await postTo(id, { intent: 'nonsense' }))).toBe(400)
    const audited = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectType, 'webhook_endpoint'))
      .all()
    expect(audited.filter((a) => a.subjectId === String(id)).map((a) => a.action)).toEqual([
      'webhook.registered',
      'webhook.events_changed',
      'webhook.test_sent',
      'webhook.delivery_resent',
      'webhook.secret_rotated',
      'webhook.disabled',
      'webhook.enabled',
    ])
  })

  it('is for admins only (403), and an unknown endpoint is a 404', async () => {
    for (const who of ['maya', 'dana']) {
      expect(
        statusOf(
          await settle(() => listLoader(getArgs('/admin/webhooks', { cookie: cookies[who] }))),
        ),
      ).toBe(403)
      expect(
        statusOf(
          await post({ intent: 'register', url: receiver.url, events: ['case.decided'] }, who),
        ),
      ).toBe(403)
    }
    const missing = await settle(() =>
      endpointLoader(
        getArgs('/admin/webhooks/99999', { cookie: cookies.sasha }, { endpointId: '99999' }),
      ),
    )
    expect(statusOf(missing)).toBe(404)
  })
})

describe('/api/v1/webhooks', () => {
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })
  const tokenWith = (scopes: ('webhooks:manage' | 'leads:read')[]) => {
    const admin = getDb().select().from(users).where(eq(users.email, 'sasha@brightline.test')).get()
    const made = createApiToken(getDb(), admin?.id ?? null, { name: 'CRM', scopes, rate: 600 }, NOW)
    if (!made.ok) throw new Error('no token')
    return made.token
  }
  const json = (token: string, body: unknown) =>
    requestArgs(
      '/api/v1/webhooks',
      {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
      },
      { now: NOW },
    )

  it('registers (201 with the secret), lists, shows and disables with a webhooks:manage token', async () => {
    await allowPrivate(true)
    const token = tokenWith(['webhooks:manage'])
    const created = (await apiAction(
      json(token, { url: receiver.url, events: ['case.decided'] }),
    )) as Response
    expect(created.status).toBe(201)
    const body = (await created.json()) as {
      id: number
      secret: string
      status: string
      events: string[]
    }
    expect(body).toMatchObject({ status: 'active', events: ['case.decided'] })
    expect(body.secret).toMatch(/^whsec_/)
    const list = (await apiLoader(
      requestArgs('/api/v1/webhooks', { method: 'GET', headers: bearer(token) }, { now: NOW }),
    )) as Response
    const listed = (await list.json()) as { webhooks: { id: number; secret?: string }[] }
    expect(listed.webhooks.find((w) => w.id === body.id)).toBeTruthy()
    expect(JSON.stringify(listed)).not.toContain('whsec_')
    const params = { endpointId: String(body.id) }
    const shown = (await apiShow(
      requestArgs(
        `/api/v1/webhooks/${body.id}`,
        { method: 'GET', headers: bearer(token) },
        { now: NOW },
        params,
      ),
    )) as Response
    expect(await shown.json()).toMatchObject({ id: body.id, deliveries: [] })
    const disable = () =>
      settle(async () =>
        apiDisable(
          requestArgs(
            `/api/v1/webhooks/${body.id}/disable`,
            { method: 'POST', headers: bearer(token) },
            { now: NOW },
            params,
          ),
        ),
      )
    const disabled = (await disable()) as Response
    expect(disabled.status).toBe(200)
    expect(await disabled.json()).toMatchObject({
      status: 'disabled',
      disabled_reason: 'Disabled by an admin',
    })
    expect(statusOf(await disable())).toBe(409)
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'webhook.registered'))
      .all()
    expect(audit.at(-1)?.actorId).toBeNull()
  })

  it('refuses: 401 without a token, 403 without the scope, 415, 400 bad JSON, 422 naming the field, 404', async () => {
    const token = tokenWith(['webhooks:manage'])
    expect(
      statusOf(
        await settle(async () =>
          apiAction(requestArgs('/api/v1/webhooks', { method: 'POST', body: '{}' }, { now: NOW })),
        ),
      ),
    ).toBe(401)
    expect(
      statusOf(
        await settle(async () =>
          apiAction(
            json(tokenWith(['leads:read']), { url: receiver.url, events: ['case.decided'] }),
          ),
        ),
      ),
    ).toBe(403)
    const form = requestArgs(
      '/api/v1/webhooks',
      {
        method: 'POST',
        body: 'a=b',
        headers: { ...bearer(token), 'Content-Type': 'application/x-www-form-urlencoded' },
      },
      { now: NOW },
    )
    expect(statusOf(await settle(async () => apiAction(form)))).toBe(415)
    const bad = requestArgs(
      '/api/v1/webhooks',
      {
        method: 'POST',
        body: '{',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
      },
      { now: NOW },
    )
    expect(statusOf(await settle(async () => apiAction(bad)))).toBe(400)
    const invalid = (await apiAction(
      json(token, { url: 'ftp://x.example', events: ['nope'] }),
    )) as Response
    expect(invalid.status).toBe(422)
    const problem = (await invalid.json()) as { errors: { field: string; message: string }[] }
    expect(problem.errors).toEqual(
      expect.arrayContaining([{ field: 'events[0]', message: 'Choose events from the list' }]),
    )
    // A key the API does not know is refused by name, not dropped.
    const unknown = (await apiAction(
      json(token, { url: receiver.url, events: ['case.decided'], bogus: 1 }),
    )) as Response
    expect(unknown.status).toBe(422)
    expect(((await unknown.json()) as { errors: unknown[] }).errors).toEqual([
      { field: 'bogus', message: 'This field is not one the API knows' },
    ])
    await allowPrivate(false)
    const inside = (await apiAction(
      json(token, { url: receiver.url, events: ['case.decided'] }),
    )) as Response
    expect(inside.status).toBe(422)
    const refused = (await inside.json()) as { errors: { field: string; message: string }[] }
    expect(refused.errors).toEqual([
      { field: 'url', message: expect.stringMatching(/private or loopback/) },
    ])
    const missing = await settle(async () =>
      apiShow(
        requestArgs(
          '/api/v1/webhooks/0',
          { method: 'GET', headers: bearer(token) },
          { now: NOW },
          { endpointId: '0' },
        ),
      ),
    )
    expect(statusOf(missing)).toBe(404)
  })
})

describe('the admins’ notice of a disabled endpoint', () => {
  it('lists on the home page without a lead', async () => {
    const admin = getDb().select().from(users).where(eq(users.email, 'sasha@brightline.test')).get()
    notify(getDb(), [admin?.id ?? 0], { kind: 'webhook_disabled', caseId: null, leadId: null }, NOW)
    const home = payloadOf<{
      notifications: { notice: string; leadId: number | null; name: string | null }[]
    }>(await homeLoader(getArgs('/', { cookie: cookies.sasha, now: NOW })))
    expect(home.notifications.find((n) => n.notice === 'webhook_disabled')).toMatchObject({
      leadId: null,
      name: null,
    })
  })
})
