// Webhook endpoints (decision 29): where they may point, the retry schedule, secret rotation
// with a grace period, Resend, a test ping, and the overdue-review detection behind
// `case.review_overdue`.
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { updateWebhookSettings } from '~/domain/settings/settings.server'
import { markOverdueReviews } from '~/domain/sla/review-overdue.server'
import { checkTarget, checkUrlShape, isPrivateAddress } from '~/domain/webhooks/address.server'
import { RETRY_SCHEDULE_MS, retryDelay } from '~/domain/webhooks/attempts.server'
import { resendDelivery, sendTestPing } from '~/domain/webhooks/deliveries.server'
import {
  disableEndpoint,
  enableEndpoint,
  registerEndpoint,
  rotateSecret,
} from '~/domain/webhooks/endpoints.server'
import { auditEvents, cases, outbox } from '~db/schema'
import { type HookWorld, hookWorld, NOW } from '../support/webhook-world'

let w: HookWorld | undefined
afterEach(async () => {
  await w?.end()
  w = undefined
})
const world = async (allowPrivate = true) => {
  w = await hookWorld(allowPrivate)
  return w
}
const plus = (ms: number) => new Date(NOW.getTime() + ms)

describe('where a webhook may point', () => {
  it('tells private, loopback, link-local and unique-local addresses from public ones', () => {
    for (const inside of [
      '127.0.0.1',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      '::',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
    ])
      expect(isPrivateAddress(inside), inside).toBe(true)
    for (const outside of ['93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700::1111'])
      expect(isPrivateAddress(outside), outside).toBe(false)
  })

  it('refuses the IPv6 ranges that reach IPv4 or nowhere, and IPv4 multicast and reserved ranges', () => {
    for (const inside of [
      // NAT64 (well-known and local-use), 6to4, IPv4-compatible, site-local, discard-only.
      '64:ff9b::7f00:1',
      '64:ff9b::808:808',
      '64:ff9b:1::a00:1',
      '64:ff9b:1:ffff::1',
      '2002:7f00:1::1',
      '2002:808:808::1',
      '::7f00:1',
      '::8.8.8.8',
      'fec0::1',
      'feff::1',
      '100::1',
      '100::ffff:ffff:ffff:ffff',
      // IPv4 multicast, reserved, broadcast, IETF protocol assignments, benchmarking.
      '224.0.0.1',
      '239.255.255.250',
      '240.0.0.1',
      '255.255.255.255',
      '192.0.0.8',
      '198.18.0.1',
      '198.19.255.255',
      '::ffff:224.0.0.1',
    ])
      expect(isPrivateAddress(inside), inside).toBe(true)
    for (const outside of [
      '64:ff9b:2::1',
      '2003::1',
      '100:0:0:1::1',
      'fb00::1',
      '223.255.255.255',
      '192.0.1.1',
      '198.20.0.1',
      '::ffff:8.8.8.8',
    ])
      expect(isPrivateAddress(outside), outside).toBe(false)
  })

  it('refuses other schemes, credentials and non-URLs', () => {
    expect(checkUrlShape('ftp://crm.example.com/')).toEqual({
      ok: false,
      message: 'Use an https:// (or http://) URL',
    })
    expect(checkUrlShape('https://user:pw@crm.example.com/')).toEqual({
      ok: false,
      message: 'Leave the user name and password out of the URL',
    })
    expect(checkUrlShape('crm.example.com')).toMatchObject({ ok: false })
    expect(checkUrlShape('https://crm.example.com/hooks')).toMatchObject({ ok: true })
  })

  it('resolves the host: a name that points inside is refused unless allowed', async () => {
    const to = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }]
    expect(await checkTarget('https://crm.example.test/h', false, to('10.0.0.5'))).toEqual({
      ok: false,
      message:
        'crm.example.test is a private or loopback address (10.0.0.5); Settings do not allow webhooks to such addresses',
    })
    expect(
      await checkTarget('https://crm.example.test/h', false, to('93.184.216.34')),
    ).toMatchObject({ ok: true })
    expect(await checkTarget('https://[::1]:8080/h', false, to('93.184.216.34'))).toMatchObject({
      ok: false,
    })
    expect(await checkTarget('https://crm.example.test/h', true, to('10.0.0.5'))).toMatchObject({
      ok: true,
    })
    const fails = async () => {
      throw new Error('ENOTFOUND')
    }
    expect(await checkTarget('https://nowhere.test/h', false, fails)).toEqual({
      ok: false,
      message: 'The host nowhere.test does not resolve',
    })
  })

  it('with the setting off, registration refuses the loopback receiver, naming the url field', async () => {
    const { db, adminId, receiver } = await world(false)
    const refused = await registerEndpoint(
      db,
      { userId: adminId },
      { url: receiver.url, events: ['case.decided'], description: '' },
      NOW,
    )
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        url: [
          '127.0.0.1 is a private or loopback address (127.0.0.1); Settings do not allow webhooks to such addresses',
        ],
      },
    })
  })

  it('checks again before each delivery: a setting turned off, or a name now pointing inside, is not sent to', async () => {
    const h = await world(true)
    await h.register(['lead.rejected'])
    h.drain()
    updateWebhookSettings(h.db, h.adminId, { allowPrivateTargets: false }, NOW)
    await h.deliver(NOW)
    expect(h.receiver.received).toHaveLength(0)
    expect(h.deliveries()[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
    })
    expect(h.deliveries()[0]?.lastError).toMatch(
      /^Not sent: 127\.0\.0\.1 is a private or loopback address/,
    )
    // DNS rebinding: public when registered, loopback when sent.
    const rebinding = await registerEndpoint(
      h.db,
      { userId: h.adminId },
      { url: 'https://rebind.example.test/h', events: ['case.opened'], description: '' },
      NOW,
      async () => [{ address: '93.184.216.34', family: 4 }],
    )
    if (!rebinding.ok) throw new Error('not registered')
    sendTestPing(h.db, { userId: h.adminId }, rebinding.endpointId, NOW)
    await h.deliver(plus(10_000), { lookup: async () => [{ address: '127.0.0.1', family: 4 }] })
    expect(h.receiver.received).toHaveLength(0)
    const ping = h.deliveries().find((d) => d.endpointId === rebinding.endpointId)
    expect(ping?.lastError).toMatch(
      /^Not sent: rebind\.example\.test is a private or loopback address \(127\.0\.0\.1\)/,
    )
    // Allowed again: delivered (the rebinding endpoint disabled first: it has no real host).
    disableEndpoint(h.db, { userId: h.adminId }, rebinding.endpointId, NOW)
    updateWebhookSettings(h.db, h.adminId, { allowPrivateTargets: true }, NOW)
    await h.deliver(plus(10_000 + 300_000))
    expect(h.receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['lead.rejected'])
  })
  it('checks the address the request connects to: a name public to the check and loopback to the connection is refused', async () => {
    const h = await world(false)
    const port = new URL(h.receiver.url).port
    const hostile = await registerEndpoint(
      h.db,
      { userId: h.adminId },
      { url: `http://rebind.example.test:${port}/hooks`, events: ['case.opened'], description: '' },
      NOW,
      async () => [{ address: '93.184.216.34', family: 4 }],
    )
    if (!hostile.ok) throw new Error('not registered')
    h.drain()
    // The first resolution (the check) answers a public address; every later one (the
    // connection) the loopback receiver.
    let asked = 0
    const lookup = async () => [{ address: asked++ ? '127.0.0.1' : '93.184.216.34', family: 4 }]
    await h.deliver(NOW, { lookup })
    expect(asked).toBe(2)
    expect(h.receiver.received).toHaveLength(0)
    expect(h.deliveries()[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
    })
    expect(h.deliveries()[0]?.lastError).toBe(
      'Could not connect: rebind.example.test resolved to 127.0.0.1, a private or loopback address; Settings do not allow webhooks to such addresses',
    )
  })

  it('connects through the same resolution: with private targets allowed, a name reaching the receiver is delivered', async () => {
    const h = await world(true)
    const port = new URL(h.receiver.url).port
    await h.register(['lead.rejected'], `http://crm.example.test:${port}/hooks`)
    h.drain()
    await h.deliver(NOW, { lookup: async () => [{ address: '127.0.0.1', family: 4 }] })
    expect(h.receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['lead.rejected'])
    expect(h.receiver.received[0]?.headers.host).toBe(`crm.example.test:${port}`)
  })
})

describe('the retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h seven times: 77 h 35 min 5 s in all', () => {
    expect(RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0)).toBe(((77 * 60 + 35) * 60 + 5) * 1000)
    expect([1, 2, 3, 4, 5, 6, 12].map((n) => retryDelay(n, () => 0.5))).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ])
    expect(retryDelay(1, () => 0)).toBe(2_500)
    expect(retryDelay(1, () => 0.999)).toBe(7_495)
  })
})

describe('rotating the secret', () => {
  it('both secrets sign during the grace; only the new one after it', async () => {
    const h = await world()
    const { id, secret: old } = await h.register(['case.decided'])
    const rotated = rotateSecret(h.db, { userId: h.adminId }, id, { graceHours: 24 }, NOW)
    if (!rotated.ok) throw new Error('not rotated')
    expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(rotated.previousSecretUntil).toEqual(plus(24 * 3600_000))
    sendTestPing(h.db, { userId: h.adminId }, id, plus(3600_000))
    await h.deliver(plus(3600_000))
    const during = h.receiver.received[0]
    if (!during) throw new Error('nothing received')
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2)
    expect(h.receiver.verify(during, rotated.secret)).toMatchObject({ type: 'webhook.test' })
    expect(h.receiver.verify(during, old)).toMatchObject({ type: 'webhook.test' })
    sendTestPing(h.db, { userId: h.adminId }, id, plus(24 * 3600_000))
    await h.deliver(plus(24 * 3600_000))
    const later = h.receiver.received[1]
    if (!later) throw new Error('nothing received')
    expect(String(later.headers['webhook-signature']).split(' ')).toHaveLength(1)
    expect(h.receiver.verify(later, rotated.secret)).toMatchObject({ type: 'webhook.test' })
    expect(() => h.receiver.verify(later, old)).toThrow('No matching signature found')
    const audit = h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'webhook.secret_rotated'))
      .all()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain(rotated.secret.slice(6))
  })
})

describe('Resend, disable and enable', () => {
  it('resends a delivered message with the same webhook-id; refuses while waiting or disabled', async () => {
    const h = await world()
    const { id } = await h.register(['lead.rejected'])
    h.drain()
    await h.deliver(NOW)
    const [d] = h.deliveries()
    if (!d) throw new Error('no delivery')
    expect(resendDelivery(h.db, { userId: h.adminId }, id, d.id, plus(60_000))).toEqual({
      ok: true,
    })
    expect(resendDelivery(h.db, { userId: h.adminId }, id, d.id, plus(60_000))).toEqual({
      ok: false,
      fieldErrors: { form: ['This delivery is waiting to be sent already'] },
    })
    await h.deliver(plus(60_000))
    const ids = h.receiver.received.map((r) => r.headers['webhook-id'])
    expect(ids).toEqual([d.messageId, d.messageId])
    expect(h.deliveries()[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      deliveredAt: plus(60_000),
    })
    expect(resendDelivery(h.db, { userId: h.adminId }, id + 1, d.id, NOW)).toMatchObject({
      ok: false,
    })
    expect(disableEndpoint(h.db, { userId: h.adminId }, id, NOW)).toEqual({ ok: true })
    expect(resendDelivery(h.db, { userId: h.adminId }, id, d.id, NOW)).toEqual({
      ok: false,
      fieldErrors: { form: ['Enable the endpoint before resending'] },
    })
    expect(sendTestPing(h.db, { userId: h.adminId }, id, NOW)).toMatchObject({ ok: false })
    expect(enableEndpoint(h.db, { userId: h.adminId }, id, NOW)).toEqual({ ok: true })
    expect(enableEndpoint(h.db, { userId: h.adminId }, id, NOW)).toMatchObject({ ok: false })
    const actions = h.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .all()
      .map((a) => a.action)
    expect(actions.filter((a) => a.startsWith('webhook.'))).toEqual([
      'webhook.registered',
      'webhook.delivery_resent',
      'webhook.disabled',
      'webhook.enabled',
    ])
    // A manual disable tells nobody: no webhook.disabled event.
    expect(h.db.select().from(outbox).where(eq(outbox.type, 'webhook.disabled')).all()).toEqual([])
  })
})

describe('overdue reviews', () => {
  it('marks an open case whose review clock ran out, once, with case.review_overdue', async () => {
    const h = await world()
    const c = h.db.select().from(cases).where(eq(cases.id, h.caseId)).get()
    if (!c) throw new Error('no case')
    const due = c.reviewDueAt
    expect(markOverdueReviews(h.db, new Date(due.getTime() - 1))).toBe(0)
    expect(markOverdueReviews(h.db, due)).toBe(1)
    expect(markOverdueReviews(h.db, new Date(due.getTime() + 3600_000))).toBe(0)
    expect(h.db.select().from(cases).where(eq(cases.id, h.caseId)).get()?.reviewOverdueAt).toEqual(
      due,
    )
    const events = h.db.select().from(outbox).where(eq(outbox.type, 'case.review_overdue')).all()
    expect(events.map((e) => [e.payload, e.occurredAt])).toEqual([
      [{ caseId: h.caseId, leadId: h.leadId, dueAt: due.getTime() }, due],
    ])
  })

  it('leaves decided cases alone', async () => {
    const h = await world()
    h.db.update(cases).set({ status: 'decided', verdict: 'meets', decidedAt: NOW }).run()
    expect(markOverdueReviews(h.db, new Date('2027-01-01T00:00:00Z'))).toBe(0)
  })
})
