// Decision 41: the reject form shows what the definition found for the reason's criterion, and
// a reason disputing a criterion the definition finds met needs a note, on the page and the API.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listReasons, updateReason } from '~/domain/reasons/reasons.server'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as rejectApi } from '~/routes/api.v1.leads.$leadId.reject'
import { action as leadAction, loader as leadLoader } from '~/routes/leads.$leadId'
import { cases } from '~db/schema'
import { apiToken, callApi, jsonOf } from '../support/api'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const OUTSIDE = 'Outside ideal customer profile'
const NOTE_MESSAGE =
  'The definition finds “Ideal customer size” met for this lead (1,200 employees), and “Outside ideal customer profile” disputes it: say in the notes why the reason applies'
const cookies: Record<string, string> = {}
let token: string
const reason = (label: string) => {
  const found = listReasons(getDb()).find((r) => r.label === label)
  if (!found) throw new Error(`No reason ${label}`)
  return found
}

beforeAll(async () => {
  await seedTeam()
  activateDefinition(getDb(), ICP_CRITERIA)
  const outside = reason(OUTSIDE)
  const linked = updateReason(
    getDb(),
    userId('sasha'),
    outside.id,
    { ...outside, criterionKey: 'company_size' },
    new Date(),
  )
  if (!linked.ok) throw new Error(JSON.stringify(linked))
  for (const name of ['dana', 'omar']) cookies[name] = await signInAs(`${name}@brightline.test`)
  token = apiToken(['leads:write']).token
})

type Reasons = { label: string; check: { text: string; noteRequired: boolean } | null }[]
const reasonsOnPage = async (leadId: number, who = 'dana') => {
  const page = await settle(() =>
    leadLoader(getArgs(`/leads/${leadId}`, { cookie: cookies[who] }, { leadId: String(leadId) })),
  )
  return (payloadOf<{ rep: { reasons: Reasons } | null }>(page).rep?.reasons ?? []).reduce(
    (all, r) => Object.assign(all, { [r.label]: r.check }),
    {} as Record<string, Reasons[number]['check']>,
  )
}
const rejectOnPage = (leadId: number, fields: Record<string, string>, who = 'dana') =>
  settle(() =>
    leadAction(
      postArgs(
        `/leads/${leadId}`,
        { intent: 'reject', reasonId: String(reason(OUTSIDE).id), contactAttempts: '0', ...fields },
        { cookie: cookies[who] },
        { leadId: String(leadId) },
      ),
    ),
  )
const casesOf = (leadId: number) =>
  getDb().select().from(cases).where(eq(cases.leadId, leadId)).all()

describe('the reject form’s check of the reason', () => {
  it('gives each linked reason the definition’s result on this lead, and says when a note is needed', async () => {
    const big = handOverLead('dana', { employeeCount: '1200' })
    const checks = await reasonsOnPage(big)
    expect(checks[OUTSIDE]).toEqual({
      text: 'Ideal customer size: 1,200 employees — met',
      noteRequired: true,
    })
    expect(checks['No budget']).toBeNull()
    const small = handOverLead('dana', { employeeCount: '12' })
    expect((await reasonsOnPage(small))[OUTSIDE]).toEqual({
      text: 'Ideal customer size: 12 employees — not met',
      noteRequired: false,
    })
    const blank = handOverLead('dana', { employeeCount: '' })
    expect((await reasonsOnPage(blank))[OUTSIDE]).toEqual({
      text: 'Ideal customer size: employee count blank — unknown, the lead’s data leaves it open',
      noteRequired: false,
    })
  })
})

describe('rejecting on the page for a reason that disputes a criterion the definition finds met', () => {
  it('answers 400 with the error on notes, and opens no case', async () => {
    const id = handOverLead('dana', { employeeCount: '1200' })
    for (const notes of [undefined, '   ']) {
      const refused = await rejectOnPage(id, notes === undefined ? {} : { notes })
      expect(statusOf(refused)).toBe(400)
      expect(payloadOf<ActionReply>(refused).result?.error).toEqual({ notes: [NOTE_MESSAGE] })
    }
    expect(casesOf(id)).toHaveLength(0)
  })

  it('rejects with a note, once: a double submit opens one case', async () => {
    const id = handOverLead('dana', { employeeCount: '1200' })
    const fields = { notes: 'They are 1,200 on paper; 30 work in the buying unit.' }
    const done = await rejectOnPage(id, fields)
    expect(statusOf(done)).toBe(303)
    const again = await rejectOnPage(id, fields)
    expect(statusOf(again)).toBe(400)
    expect(casesOf(id)).toHaveLength(1)
    expect(casesOf(id)[0]?.notes).toBe(fields.notes)
  })

  it('needs no note when the definition finds the criterion not met, or cannot tell', async () => {
    for (const employeeCount of ['12', '']) {
      const id = handOverLead('dana', { employeeCount })
      expect(statusOf(await rejectOnPage(id, {}))).toBe(303)
      expect(casesOf(id)[0]?.notes).toBeNull()
    }
  })

  it('answers 404 to another rep (not theirs to see), before any check', async () => {
    const id = handOverLead('dana', { employeeCount: '1200' })
    expect(statusOf(await rejectOnPage(id, {}, 'omar'))).toBe(404)
  })
})

describe('POST /api/v1/leads/{id}/reject for a reason that disputes a met criterion', () => {
  const send = (leadId: number, body: Record<string, unknown>) =>
    callApi(rejectApi, 'POST', `/api/v1/leads/${leadId}/reject`, {
      token,
      body: {
        rep_email: 'dana@brightline.test',
        reason_id: reason(OUTSIDE).id,
        contact_attempts: 0,
        ...body,
      },
      params: { leadId: String(leadId) },
      now: new Date(),
    })

  it('answers 422 naming notes, as the page does, and opens no case', async () => {
    const id = handOverLead('dana', { employeeCount: '1200' })
    const answer = await send(id, {})
    expect(answer.status).toBe(422)
    expect(await jsonOf(answer)).toMatchObject({
      type: '/api/problems/validation',
      errors: [{ field: 'notes', message: NOTE_MESSAGE }],
    })
    expect(casesOf(id)).toHaveLength(0)
  })

  it('rejects with a note (201), and without one when the criterion is not met', async () => {
    const met = handOverLead('dana', { employeeCount: '1200' })
    expect(
      (await send(met, { notes: 'A holding company: 30 in the unit that buys.' })).status,
    ).toBe(201)
    const unmet = handOverLead('dana', { employeeCount: '12' })
    expect((await send(unmet, {})).status).toBe(201)
  })
})
