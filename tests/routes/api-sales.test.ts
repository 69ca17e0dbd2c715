// Issue 17: a rep accepts and rejects leads through the API, by the lead page's rules: only the
// owner (an active rep), only a lead that waits (409 otherwise), the reason's own demands (422).
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listReasons } from '~/domain/reasons/reasons.server'
import { getDb } from '~/platform/db.server'
import { action as acceptAction } from '~/routes/api.v1.leads.$leadId.accept'
import { action as rejectAction } from '~/routes/api.v1.leads.$leadId.reject'
import { cases, leads } from '~db/schema'
import { apiToken, callApi, jsonOf } from '../support/api'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { handOverLead } from '../support/leads'

const NOW = new Date('2026-11-28T10:00:00Z')
let token: string
const reasonId = (label: string) => listReasons(getDb()).find((r) => r.label === label)?.id ?? 0

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T00:00:00Z'))
  activateDefinition(getDb(), ICP_CRITERIA)
  token = apiToken(['leads:write']).token
})

type Problem = { type: string; status: number; errors?: { field: string }[] }
const send = (verb: 'accept' | 'reject', leadId: number | string, body: unknown, who = token) =>
  callApi(
    verb === 'accept' ? acceptAction : rejectAction,
    'POST',
    `/api/v1/leads/${leadId}/${verb}`,
    {
      token: who,
      body,
      params: { leadId: String(leadId) },
      now: NOW,
    },
  )
const statusOfLead = (id: number) =>
  getDb().select().from(leads).where(eq(leads.id, id)).get()?.status
const fieldsOf = async (r: Response) =>
  ((await jsonOf<Problem>(r)).errors ?? []).map((e) => e.field)

describe('POST /api/v1/leads/{id}/accept', () => {
  it('lets the owner accept a new lead once; a second accept is a 409', async () => {
    const id = handOverLead('dana')
    const accepted = await send('accept', id, { rep_email: 'Dana@brightline.test' })
    expect(accepted.status).toBe(200)
    expect(await jsonOf(accepted)).toMatchObject({
      lead: { id, status: 'working', accepted_at: NOW.toISOString() },
    })
    const again = await send('accept', id, { rep_email: 'dana@brightline.test' })
    expect(again.status).toBe(409)
    expect((await jsonOf<Problem>(again)).type).toBe('/api/problems/conflict')
  })

  it('refuses a rep who does not own the lead (403), someone who is no active user (422), a lead that is not there (404)', async () => {
    const id = handOverLead('dana')
    const other = await send('accept', id, { rep_email: 'omar@brightline.test' })
    expect(other.status).toBe(403)
    expect((await jsonOf<Problem>(other)).type).toBe('/api/problems/not-the-owner')
    const nobody = await send('accept', id, { rep_email: 'ghost@brightline.test' })
    expect(nobody.status).toBe(422)
    expect(await fieldsOf(nobody)).toEqual(['rep_email'])
    expect(await fieldsOf(await send('accept', id, {}))).toEqual(['rep_email'])
    expect((await send('accept', 999999, { rep_email: 'dana@brightline.test' })).status).toBe(404)
    expect((await send('accept', `0${id}`, { rep_email: 'dana@brightline.test' })).status).toBe(404)
    expect(statusOfLead(id)).toBe('new')
  })
})

describe('POST /api/v1/leads/{id}/reject', () => {
  it('opens a case (201 with the case and its Location); rejecting the lead again is a 409', async () => {
    const id = handOverLead('dana')
    const rejected = await send('reject', id, {
      rep_email: 'dana@brightline.test',
      reason_id: reasonId('No budget'),
      notes: 'Budget frozen until April',
      contact_attempts: 2,
    })
    expect(rejected.status).toBe(201)
    const body = await jsonOf<{
      lead: { status: string; open_case_id: number }
      case: { id: number }
    }>(rejected)
    expect(rejected.headers.get('Location')).toBe(`/api/v1/cases/${body.case.id}`)
    expect(body.lead).toMatchObject({ status: 'in_review', open_case_id: body.case.id })
    expect(body.case).toMatchObject({
      lead_id: id,
      kind: 'rejected',
      stage: 'before_contact',
      status: 'in_review',
      reason: { id: reasonId('No budget'), label: 'No budget' },
      notes: 'Budget frozen until April',
      contact_attempts: 2,
      rep: { email: 'dana@brightline.test' },
      definition_version: 1,
      opened_at: NOW.toISOString(),
      verdict: null,
      deciding_audit_hash: null,
    })
    const again = await send('reject', id, {
      rep_email: 'dana@brightline.test',
      reason_id: reasonId('No budget'),
      contact_attempts: 2,
    })
    expect(again.status).toBe(409)
    expect(getDb().select().from(cases).where(eq(cases.leadId, id)).all()).toHaveLength(1)
  })

  it('answers 422 naming the field the page would: notes a reason needs, an unknown reason, fewer attempts, bad types', async () => {
    const id = handOverLead('dana')
    const base = { rep_email: 'dana@brightline.test', contact_attempts: 1 }
    const cases_: [unknown, string[]][] = [
      [{ ...base, reason_id: reasonId('Other') }, ['notes']],
      [{ ...base, reason_id: 99999 }, ['reason_id']],
      [{ ...base, reason_id: '3' }, ['reason_id']],
      [{ ...base, reason_id: reasonId('No budget'), contact_attempts: -1 }, ['contact_attempts']],
      [{ ...base, reason_id: reasonId('No budget'), contact_attempts: 51 }, ['contact_attempts']],
      [
        { rep_email: 'dana@brightline.test', reason_id: reasonId('No budget') },
        ['contact_attempts'],
      ],
    ]
    for (const [body, fields] of cases_) {
      const answer = await send('reject', id, body)
      expect(answer.status, JSON.stringify(body)).toBe(422)
      expect(await fieldsOf(answer), JSON.stringify(body)).toEqual(fields)
    }
    expect(statusOfLead(id)).toBe('new')
  })

  it('refuses a rep who does not own the lead with 403', async () => {
    const id = handOverLead('dana')
    const answer = await send('reject', id, {
      rep_email: 'lucy@brightline.test',
      reason_id: reasonId('No budget'),
      contact_attempts: 0,
    })
    expect(answer.status).toBe(403)
    expect(statusOfLead(id)).toBe('new')
  })
})
