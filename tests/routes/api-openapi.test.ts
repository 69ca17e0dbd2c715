// Issue 17: the OpenAPI document says what the API does. Every endpoint is called with real
// requests (its successes and its main errors) and each real answer is checked against the
// document: the status is documented for that path and method, the content type is the
// documented one, and the body validates against the document's JSON schema (turned back into
// a validator with z.fromJSONSchema). Every documented path and method is exercised.
import type { ActionFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { periodicJobs } from '~/domain/jobs.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { getDb } from '~/platform/db.server'
import { loader as docsLoader } from '~/routes/api.docs'
import { loader as openapiLoader } from '~/routes/api.openapi[.json]'
import * as casesRoute from '~/routes/api.v1.cases._index'
import * as caseRoute from '~/routes/api.v1.cases.$caseId'
import * as definitionRoute from '~/routes/api.v1.definition'
import * as jobRoute from '~/routes/api.v1.jobs.$jobId'
import * as leadsRoute from '~/routes/api.v1.leads._index'
import * as leadRoute from '~/routes/api.v1.leads.$leadId._index'
import * as acceptRoute from '~/routes/api.v1.leads.$leadId.accept'
import * as rejectRoute from '~/routes/api.v1.leads.$leadId.reject'
import * as batchRoute from '~/routes/api.v1.leads.batch'
import * as outcomesRoute from '~/routes/api.v1.outcomes'
import * as reasonsRoute from '~/routes/api.v1.reasons'
import * as webhooksRoute from '~/routes/api.v1.webhooks'
import * as webhookRoute from '~/routes/api.v1.webhooks.$endpointId'
import * as disableRoute from '~/routes/api.v1.webhooks.$endpointId.disable'
import { apiToken, type Call, callApi } from '../support/api'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { runJobs, runOnce } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'

const NOW = new Date('2026-11-28T10:00:00Z')
// biome-ignore lint/suspicious/noExplicitAny: the document is JSON, walked by its documented paths
type Json = Record<string, any>
let doc: Json
let token: string
const exercised = new Set<string>()
type JsonSchema = Parameters<typeof z.fromJSONSchema>[0]

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T00:00:00Z'))
  activateDefinition(getDb(), ICP_CRITERIA)
  token = apiToken().token
  doc = (await (openapiLoader() as Response).json()) as Json
})

/** A schema of the document with its $refs replaced by the components they name. */
function deref(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(deref)
  if (!schema || typeof schema !== 'object') return schema
  const s = schema as Json
  if (typeof s.$ref === 'string')
    return deref(doc.components.schemas[s.$ref.split('/').pop() as string])
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, deref(v)]))
}

type Handler = (args: ActionFunctionArgs) => unknown
type Module = { loader?: Handler; action?: Handler }

/** Calls an endpoint and checks its answer against the document; returns the body. */
async function call(
  module: Module,
  method: 'get' | 'post',
  template: string,
  options: Partial<Call> & { path?: string } = {},
): Promise<{ status: number; body: Json }> {
  const handler = (method === 'get' ? module.loader : module.action) as NonNullable<
    Module['loader']
  >
  const path =
    options.path ?? template.replace(/\{(\w+)\}/g, (_, name) => options.params?.[name] ?? '')
  const response = await callApi(handler, method.toUpperCase(), path, {
    token,
    now: NOW,
    ...options,
  })
  const where = `${method.toUpperCase()} ${template} → ${response.status}`
  const documented = doc.paths[template]?.[method]?.responses?.[String(response.status)]
  expect(documented, `${where} is not documented`).toBeDefined()
  const [type, media] = Object.entries(documented.content as Json)[0] as [string, Json]
  expect(response.headers.get('Content-Type'), where).toBe(type)
  const body = (await response.json()) as Json
  const validator = z.fromJSONSchema(deref(media.schema) as JsonSchema)
  const checked = validator.safeParse(body)
  expect(checked.success, `${where}: ${JSON.stringify(checked.error?.issues)}`).toBe(true)
  for (const header of Object.keys(documented.headers ?? {}))
    expect(response.headers.get(header), `${where} header ${header}`).not.toBeNull()
  exercised.add(`${method} ${template} ${response.status}`)
  return { status: response.status, body }
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with bearer security, and every operation names its scope', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    for (const [path, item] of Object.entries(doc.paths as Json))
      for (const [method, op] of Object.entries(item as Json)) {
        expect('x-scope' in (op as Json), `${method} ${path}`).toBe(true)
        expect(Object.keys((op as Json).responses), `${method} ${path}`).toContain('401')
      }
  })

  it('turns its schemas into validators that refuse what the API never sends', () => {
    const lead = z.fromJSONSchema(deref(doc.components.schemas.Lead) as JsonSchema)
    expect(lead.safeParse({ id: 1 }).success).toBe(false)
    const problem = z.fromJSONSchema(deref(doc.components.schemas.Problem) as JsonSchema)
    expect(problem.safeParse({ type: 'x', title: 'y', status: 422, detail: 'z' }).success).toBe(
      true,
    )
    expect(problem.safeParse({ type: 'x', title: 'y', status: '422', detail: 'z' }).success).toBe(
      false,
    )
  })

  it('matches every endpoint’s real answers, successes and errors', async () => {
    const reader = apiToken(['leads:read']).token
    // Leads.
    const created = await call(leadsRoute, 'post', '/api/v1/leads', {
      body: {
        external_id: 'OA-1',
        email: 'oa1@example.com',
        owner: 'dana@brightline.test',
        custom: { Tier: 'A' },
      },
    })
    expect(created.status).toBe(201)
    const leadId = String(created.body.lead.id)
    expect(
      (
        await call(leadsRoute, 'post', '/api/v1/leads', {
          body: { external_id: 'OA-1', title: 'CFO' },
        })
      ).status,
    ).toBe(200)
    await call(leadsRoute, 'post', '/api/v1/leads', { body: { external_id: 'OA-2', email: 'x' } })
    await call(leadsRoute, 'post', '/api/v1/leads', { raw: '{', body: undefined })
    await call(leadsRoute, 'post', '/api/v1/leads', {
      raw: 'a=1',
      headers: { 'Content-Type': 'text/plain' },
    })
    await call(leadsRoute, 'post', '/api/v1/leads', { token: null, body: {} })
    await call(leadsRoute, 'post', '/api/v1/leads', { token: reader, body: {} })
    await call(leadsRoute, 'post', '/api/v1/leads', {
      body: { external_id: 'OA-2' },
      headers: { 'Idempotency-Key': 'k' },
    })
    await call(leadsRoute, 'post', '/api/v1/leads', {
      body: { external_id: 'OA-3' },
      headers: { 'Idempotency-Key': 'k' },
    })
    await call(leadsRoute, 'post', '/api/v1/leads', {
      body: { external_id: 'OA-1', email: 'oa2@example.com' },
    })
    await call(leadsRoute, 'get', '/api/v1/leads', { path: '/api/v1/leads?external_id=OA-1' })
    await call(leadsRoute, 'get', '/api/v1/leads', { path: '/api/v1/leads' })
    await call(leadRoute, 'get', '/api/v1/leads/{leadId}', { params: { leadId } })
    await call(leadRoute, 'get', '/api/v1/leads/{leadId}', { params: { leadId: '0999' } })
    // Batch and job.
    const queued = await call(batchRoute, 'post', '/api/v1/leads/batch', {
      body: { leads: [{ external_id: 'OA-B1' }, { email: 'bad' }] },
    })
    await call(batchRoute, 'post', '/api/v1/leads/batch', { body: { leads: [] } })
    const batches = periodicJobs(0).find((j) => j.name === 'api-batches')
    while (runOnce(batches, getDb(), NOW).more) {}
    const jobId = String(queued.body.id)
    const job = await call(jobRoute, 'get', '/api/v1/jobs/{jobId}', { params: { jobId } })
    expect(job.body).toMatchObject({ status: 'done', created: 1, failed: 1 })
    await call(jobRoute, 'get', '/api/v1/jobs/{jobId}', { params: { jobId: '999999' } })
    await call(jobRoute, 'get', '/api/v1/jobs/{jobId}', {
      params: { jobId },
      path: `/api/v1/jobs/${jobId}?errors_limit=x`,
    })
    // Accept and reject.
    const waiting = String(handOverLead('dana'))
    await call(acceptRoute, 'post', '/api/v1/leads/{leadId}/accept', {
      params: { leadId: waiting },
      body: { rep_email: 'omar@brightline.test' },
    })
    await call(acceptRoute, 'post', '/api/v1/leads/{leadId}/accept', {
      params: { leadId: waiting },
      body: { rep_email: 'dana@brightline.test' },
    })
    await call(acceptRoute, 'post', '/api/v1/leads/{leadId}/accept', {
      params: { leadId: waiting },
      body: { rep_email: 'dana@brightline.test' },
    })
    await call(acceptRoute, 'post', '/api/v1/leads/{leadId}/accept', {
      params: { leadId: '999999' },
      body: { rep_email: 'dana@brightline.test' },
    })
    const reasonId = listReasons(getDb()).find((r) => r.label === 'No budget')?.id
    const reject = {
      rep_email: 'dana@brightline.test',
      reason_id: reasonId,
      notes: 'Frozen',
      contact_attempts: 1,
    }
    await call(rejectRoute, 'post', '/api/v1/leads/{leadId}/reject', {
      params: { leadId: waiting },
      body: { ...reject, reason_id: 0 },
    })
    const rejected = await call(rejectRoute, 'post', '/api/v1/leads/{leadId}/reject', {
      params: { leadId: waiting },
      body: reject,
    })
    expect(rejected.status).toBe(201)
    await call(rejectRoute, 'post', '/api/v1/leads/{leadId}/reject', {
      params: { leadId: waiting },
      body: reject,
    })
    // Cases: one conceded, so a deciding hash is there.
    const caseId = String(rejected.body.case.id)
    expect(concedeCase(getDb(), userId('maya'), Number(caseId), 'nurture', NOW).ok).toBe(true)
    runJobs(getDb(), NOW)
    const decided = await call(caseRoute, 'get', '/api/v1/cases/{caseId}', { params: { caseId } })
    expect(decided.body.deciding_audit_hash).toMatch(/^[0-9a-f]{64}$/)
    await call(caseRoute, 'get', '/api/v1/cases/{caseId}', { params: { caseId: 'abc' } })
    await call(casesRoute, 'get', '/api/v1/cases', { path: '/api/v1/cases?limit=1' })
    await call(casesRoute, 'get', '/api/v1/cases', { path: '/api/v1/cases?limit=1000' })
    await call(casesRoute, 'get', '/api/v1/cases', { path: '/api/v1/cases', token: reader })
    // Outcomes.
    await call(outcomesRoute, 'post', '/api/v1/outcomes', {
      body: [{ external_id: 'OA-1', outcome: 'won', occurred_on: '2026-11-28' }],
    })
    await call(outcomesRoute, 'post', '/api/v1/outcomes', { body: { outcome: 'won' } })
    // The vocabulary.
    await call(reasonsRoute, 'get', '/api/v1/reasons')
    await call(definitionRoute, 'get', '/api/v1/definition')
    // Webhooks: registered at a public address (an IP literal: no DNS), shown, disabled.
    const hook = await call(webhooksRoute, 'post', '/api/v1/webhooks', {
      body: { url: 'https://203.0.113.10/hooks', events: ['case.decided'] },
    })
    expect(hook.body.secret).toMatch(/^whsec_/)
    await call(webhooksRoute, 'post', '/api/v1/webhooks', {
      body: { url: 'https://203.0.113.10/hooks', events: ['case.nonsense'] },
    })
    await call(webhooksRoute, 'get', '/api/v1/webhooks')
    const endpointId = String(hook.body.id)
    await call(webhookRoute, 'get', '/api/v1/webhooks/{endpointId}', { params: { endpointId } })
    await call(webhookRoute, 'get', '/api/v1/webhooks/{endpointId}', {
      params: { endpointId: '999999' },
    })
    const disable = '/api/v1/webhooks/{endpointId}/disable'
    await call(disableRoute, 'post', disable, { params: { endpointId }, body: {} })
    await call(disableRoute, 'post', disable, { params: { endpointId }, body: {} })
    await call(disableRoute, 'post', disable, { params: { endpointId: '999999' }, body: {} })
    // The rate limit, on any endpoint.
    const slow = apiToken(['leads:read'], { rate: 1 }).token
    await call(reasonsRoute, 'get', '/api/v1/reasons', { token: slow })
    await call(reasonsRoute, 'get', '/api/v1/reasons', { token: slow })

    for (const [path, item] of Object.entries(doc.paths as Json))
      for (const [method, op] of Object.entries(item as Json)) {
        const statuses = Object.keys((op as Json).responses)
        const seen = statuses.filter((s) => exercised.has(`${method} ${path} ${s}`))
        const successes = statuses.filter((s) => s.startsWith('2'))
        for (const s of successes) expect(seen, `${method} ${path}`).toContain(s)
        if (method === 'post' || path.includes('{'))
          expect(seen.filter((s) => s.startsWith('4')).length, `${method} ${path}`).toBeGreaterThan(
            0,
          )
      }
    expect(exercised.size).toBeGreaterThan(30)
  })
})

describe('GET /api/docs', () => {
  it('renders every operation of the document, with its scope and a curl example', () => {
    const view = docsLoader()
    const documented = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.keys(item as Json).map((method) => `${method} ${path}`),
    )
    expect(view.operations.map((op) => `${op.method} ${op.path}`)).toEqual(documented)
    const reject = view.operations.find((op) => op.path === '/api/v1/leads/{leadId}/reject')
    expect(reject).toMatchObject({ scope: 'leads:write', body: { schema: 'RejectLead' } })
    expect(reject?.curl).toContain("-H 'Idempotency-Key:")
    expect(reject?.responses.map((r) => r.status)).toEqual(
      expect.arrayContaining(['201', '409', '422', '429']),
    )
    expect(view.schemas.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Lead', 'Case', 'Problem', 'Job']),
    )
  })
})
