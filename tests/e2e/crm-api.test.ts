// Issue 17's "done when": a CRM played end to end over HTTP against the production build. The
// admin makes a token and allows loopback webhooks in the pages; the CRM registers its own
// receiver, pushes a lead and rejects it as its rep through the API, and hears `lead.rejected`
// and `case.opened`, signed; the marketer contests and the committee votes in the pages; the CRM
// hears `case.decided` and reads the verdict back with GET /api/v1/cases/{id}.
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Received, type Receiver, startReceiver } from '../support/webhook-receiver'
import { signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()
let receiver: Receiver

beforeAll(async () => {
  receiver = await startReceiver()
})
afterAll(async () => {
  await receiver?.close()
})

/** The messages received once `count` have come (the job runner delivers them after the commit). */
async function heard(count: number): Promise<Received[]> {
  await expect
    .poll(() => receiver.received.length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(count)
  return receiver.received
}

/** The n-th message received (there, since `heard` waited for it). */
const nth = (messages: Received[], n: number): Received => messages[n] as Received

type Json = Record<string, unknown>

describe('a CRM over the REST API and webhooks', () => {
  it('pushes a lead, rejects it as the rep, hears the case open and the verdict, and reads it back', async () => {
    const base = e2e.app.url

    // Sasha (admin) makes the CRM's token and lets webhooks reach a loopback address.
    const sasha = await signedIn(e2e.browser, base, 'sasha@brightline.test')
    await sasha.goto(`${base}/admin/api-tokens`)
    await sasha.getByLabel('Name', { exact: true }).fill('Salesforce')
    for (const scope of ['leads:write', 'leads:read', 'cases:read', 'webhooks:manage'])
      await sasha.getByLabel(new RegExp(`^${scope}:`)).check()
    await sasha.getByRole('button', { name: 'Create token' }).click()
    const token = ((await sasha.getByTestId('new-token').textContent()) ?? '').trim()
    expect(token).toMatch(/^lc_[0-9a-f]{8}_/)
    await sasha.goto(`${base}/admin/settings`)
    await sasha.getByLabel('Allow webhooks to private and loopback addresses').check()
    await sasha.getByRole('button', { name: 'Save webhook settings' }).click()
    await sasha.getByText('Settings saved.').waitFor()

    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, json: (await response.json()) as Json }
    }

    // The CRM registers its own receiver for the court's events.
    const registered = await api('POST', '/api/v1/webhooks', {
      url: receiver.url,
      events: ['lead.rejected', 'case.opened', 'case.decided'],
      description: 'Salesforce',
    })
    expect(registered.status).toBe(201)
    const secret = registered.json.secret as string
    expect(secret).toMatch(/^whsec_/)

    // It pushes a lead: a VP at a 400-person firm who asked for pricing.
    const pushed = await api('POST', '/api/v1/leads', {
      external_id: '00Q5g00000CrmE2E',
      email: 'ana.lima@northwind-e2e.example',
      first_name: 'Ana',
      last_name: 'Lima',
      company: 'Northwind Freight',
      title: 'VP Operations',
      employee_count: 400,
      industry: 'Logistics',
      country: 'Ireland',
      engagement_score: 82,
      purchase_timeline_months: 6,
      source: 'Webinar',
    })
    expect(pushed.status).toBe(201)
    const lead = pushed.json.lead as Json
    const rep = lead.owner as Json
    expect(lead.status).toBe('new')
    // It meets every criterion of the definition in force, so "meets" is the committee's call.
    expect(lead.evaluation).toMatchObject({ result: 'meets' })
    expect(rep.email).toMatch(/@brightline\.test$/)
    const found = await api('GET', '/api/v1/leads?external_id=00Q5g00000CrmE2E')
    expect(found.status).toBe(200)

    // The rep rejects it from the CRM.
    const reasons = (await api('GET', '/api/v1/reasons')).json.reasons as Json[]
    const unresponsive = reasons.find((r) => r.label === 'Unresponsive after repeated attempts')
    const rejected = await api('POST', `/api/v1/leads/${lead.id}/reject`, {
      rep_email: rep.email,
      reason_id: unresponsive?.id,
      notes: 'Three calls, two e-mails, no answer',
      contact_attempts: 5,
    })
    expect(rejected.status).toBe(201)
    const caseId = (rejected.json.case as Json).id as number

    // The receiver hears both, signed with the endpoint's secret.
    const webhook = new Webhook(secret)
    const verified = (await heard(2)).map(
      (m) => webhook.verify(m.body, m.headers as Record<string, string>) as Json,
    )
    expect(verified.map((v) => v.type).sort()).toEqual(['case.opened', 'lead.rejected'])
    for (const v of verified) expect(((v.data as Json).case as Json).id).toBe(caseId)

    // Maya contests; Victor, Clara and Erin vote "meets" in the pages.
    const maya = await signedIn(e2e.browser, base, 'maya@brightline.test')
    await maya.goto(`${base}/cases/${caseId}`)
    await maya.getByLabel('Brief').fill('A VP at a 400-person firm who asked for pricing twice.')
    await maya.getByRole('button', { name: 'Contest' }).click()
    await maya.getByText('Contested. Your brief is with the committee.').waitFor()
    for (const name of ['victor', 'clara', 'erin']) {
      const member = await signedIn(e2e.browser, base, `${name}@brightline.test`)
      await member.goto(`${base}/cases/${caseId}`)
      await member.getByLabel('Meets the definition').check()
      await member.getByLabel('Rationale').fill(`${name}: every criterion is met.`)
      await member.getByRole('button', { name: 'Cast vote', exact: true }).click()
      await member.getByText(/Your vote (is in|decided the case)\./).waitFor()
      await member.context().close()
    }

    // The verdict reaches the CRM, signed, and the case reads the same through the API.
    const all = await heard(3)
    const third = nth(all, 2)
    const decided = webhook.verify(third.body, third.headers as Record<string, string>) as Json
    expect(decided.type).toBe('case.decided')
    expect(((decided.data as Json).case as Json).verdict).toBe('meets')
    const read = await api('GET', `/api/v1/cases/${caseId}`)
    expect(read.status).toBe(200)
    expect(read.json).toMatchObject({
      id: caseId,
      status: 'decided',
      response: 'contested',
      verdict: 'meets',
      agreement: expect.any(Boolean),
      deciding_audit_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    // Each message came once.
    expect(new Set(all.map((m) => m.headers['webhook-id'])).size).toBe(all.length)

    // Sasha sees the three deliveries on the endpoint's page and resends the verdict: the same
    // webhook-id comes again (a receiver drops it as a repeat).
    await sasha.goto(`${base}/admin/webhooks`)
    await sasha.getByRole('link', { name: receiver.url }).click()
    const deliveries = sasha.getByRole('table', { name: 'Recent deliveries' })
    await expect.poll(() => deliveries.getByRole('row').count(), { timeout: 10_000 }).toBe(4)
    expect(await deliveries.getByText('delivered').count()).toBe(3)
    const decidedRow = deliveries.getByRole('row').filter({ hasText: 'case.decided' })
    await decidedRow.getByRole('button', { name: /^Resend/ }).click()
    const resent = nth(await heard(4), 3)
    expect(resent.headers['webhook-id']).toBe(third.headers['webhook-id'])
    expect(webhook.verify(resent.body, resent.headers as Record<string, string>)).toEqual(decided)
  })

  it('documents the API on a page that needs no outside network', async () => {
    const page = await (await e2e.browser.newContext()).newPage()
    const outside: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(e2e.app.url)) outside.push(r.url())
    })
    await page.goto(`${e2e.app.url}/api/docs`)
    await page.getByRole('heading', { name: 'Leadcourt REST API' }).waitFor()
    await page.getByRole('heading', { name: /POST \/api\/v1\/leads\/\{leadId\}\/reject/ }).waitFor()
    expect(outside).toEqual([])
    await page.context().close()
  })
})
