// Issue 17's second "done when": a CRM's receiver is down while it works through the API; the
// events it makes wait in the outbox and in their deliveries, are retried by the job runner's
// webhooks job, and once the receiver is back each arrives exactly once (by webhook-id), signed.
// Everything goes through the API's routes and the runner's own jobs, at pinned instants.
import type { ActionFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { periodicJobs } from '~/domain/jobs.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { updateWebhookSettings } from '~/domain/settings/settings.server'
import { getDb } from '~/platform/db.server'
import { runJobsOnce } from '~/platform/jobs/runner.server'
import * as leadsRoute from '~/routes/api.v1.leads._index'
import * as acceptRoute from '~/routes/api.v1.leads.$leadId.accept'
import * as rejectRoute from '~/routes/api.v1.leads.$leadId.reject'
import * as webhooksRoute from '~/routes/api.v1.webhooks'
import { webhookDeliveries } from '~db/schema'
import { apiToken, callApi, jsonOf } from '../support/api'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { runJobs } from '../support/jobs'
import { userId } from '../support/leads'
import { type Receiver, startReceiver } from '../support/webhook-receiver'

const NOW = new Date('2026-11-27T10:00:00Z')
let receiver: Receiver
let token: string

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T09:00:00Z'))
  activateDefinition(getDb(), ICP_CRITERIA)
  updateWebhookSettings(getDb(), userId('sasha'), { allowPrivateTargets: true }, NOW)
  token = apiToken().token
  receiver = await startReceiver()
})
afterAll(async () => {
  await receiver.close()
})

type Json = Record<string, unknown>
type Route = { action: (args: ActionFunctionArgs) => unknown }
const post = async (module: Route, path: string, body: unknown, at: Date) => {
  const params = Object.fromEntries(
    [...path.matchAll(/\/leads\/(\d+)\//g)].map((m) => ['leadId', m[1] as string]),
  )
  const response = await callApi(module.action, 'POST', path, { token, body, params, now: at })
  return { status: response.status, json: await jsonOf<Json>(response) }
}

/** The webhooks job of the runner, run at `at` until it has nothing more to do now. */
const deliverAt = (at: Date) =>
  runJobsOnce(
    getDb(),
    periodicJobs(0).filter((j) => j.name === 'webhooks'),
    () => at,
  )

const deliveries = () => getDb().select().from(webhookDeliveries).all()
const nextAttempt = () =>
  new Date(Math.min(...deliveries().map((d) => d.nextAttemptAt?.getTime() ?? Infinity)))

it('keeps what happened while the receiver was down, retries, and delivers each event once', async () => {
  const registered = await post(
    webhooksRoute,
    '/api/v1/webhooks',
    {
      url: receiver.url,
      events: ['lead.accepted', 'lead.rejected', 'case.opened'],
      description: 'CRM',
    },
    NOW,
  )
  expect(registered.status).toBe(201)
  const secret = registered.json.secret as string

  // The receiver goes down; the CRM goes on pushing leads and acting on them.
  const port = Number(new URL(receiver.url).port)
  await receiver.close()
  const reason = listReasons(getDb()).find((r) => r.label === 'No budget')
  const expected: string[] = []
  for (const [i, act] of (['reject', 'accept', 'reject'] as const).entries()) {
    const pushed = await post(
      leadsRoute,
      '/api/v1/leads',
      { external_id: `DOWN-${i}`, email: `down${i}@example.com`, company: 'Initech' },
      NOW,
    )
    expect(pushed.status).toBe(201)
    const lead = pushed.json.lead as { id: number; owner: { email: string } }
    const path = `/api/v1/leads/${lead.id}/${act}`
    const body =
      act === 'accept'
        ? { rep_email: lead.owner.email }
        : {
            rep_email: lead.owner.email,
            reason_id: reason?.id,
            notes: 'Budget frozen until next year',
            contact_attempts: 1,
          }
    const done = await post(act === 'accept' ? acceptRoute : rejectRoute, path, body, NOW)
    expect(done.status).toBe(act === 'accept' ? 200 : 201)
    expected.push(...(act === 'accept' ? ['lead.accepted'] : ['lead.rejected', 'case.opened']))
  }

  // The runner hands the events to the webhooks and tries them: every attempt fails.
  runJobs(getDb(), NOW)
  expect(deliveries()).toHaveLength(5)
  await deliverAt(NOW)
  let at = nextAttempt()
  await deliverAt(at)
  // The oldest is tried; the later ones wait behind it (each endpoint's events go in order).
  expect(deliveries().map((d) => [d.status, d.attempts])).toEqual([
    ['pending', 2],
    ...Array(4).fill(['pending', 0]),
  ])
  expect(new Set(deliveries().map((d) => d.nextAttemptAt?.getTime())).size).toBe(1)
  expect(deliveries()[0]?.lastError).toMatch(/connect/i)
  expect(receiver.received).toEqual([])

  // Back up on the same address: the retries deliver everything, once each.
  receiver = await startReceiver('/hooks', port)
  for (let round = 0; round < 10 && deliveries().some((d) => d.status === 'pending'); round++) {
    at = nextAttempt()
    await deliverAt(at)
  }
  expect(deliveries().map((d) => d.status)).toEqual(Array(5).fill('delivered'))
  const ids = receiver.received.map((r) => r.headers['webhook-id'])
  expect(ids).toEqual(deliveries().map((d) => d.messageId))
  expect(new Set(ids).size).toBe(5)
  const types = receiver.received.map((r) => (receiver.verify(r, secret) as { type: string }).type)
  expect(types).toEqual(expected)
  // Nothing is left to send: another run sends nothing again.
  await deliverAt(new Date(at.getTime() + 86_400_000))
  expect(receiver.received).toHaveLength(5)
})
