// The case file's reading of the case (decision 40): each criterion with its rule, the lead's
// value then and now and the result; the criterion the rep's reason disputes; changed fields first.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/platform/db.server'
import { loader as caseLoader } from '~/routes/cases.$caseId'
import { leads, reasons } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { rejectedLead, seedTeam } from '../support/factories'
import { getArgs, payloadOf, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}

beforeAll(async () => {
  const db = getDb()
  await seedTeam()
  activateDefinition(db, ICP_CRITERIA)
  // A reason that disputes the size criterion (the reasons catalog links them).
  db.insert(reasons)
    .values({
      label: 'Company too small',
      criterionKey: 'company_size',
      position: 99,
      createdAt: new Date('2026-11-01T09:00:00Z'),
    })
    .run()
  for (const name of ['dana', 'omar', 'victor'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

const view = (caseId: number, who: string) =>
  settle(() =>
    caseLoader(getArgs(`/cases/${caseId}`, { cookie: cookies[who] }, { caseId: String(caseId) })),
  )

type File = {
  fields: { label: string; opened: string | null; current: string | null; changed: boolean }[]
  criteria: Record<string, unknown>[]
  reasonCriterion: Record<string, unknown> | null
}

describe('the case file’s reading', () => {
  it('reads each criterion then and now, and flags a reason whose criterion the definition found met', async () => {
    const { caseId, leadId } = rejectedLead('dana', {
      reason: 'Company too small',
      fields: { employeeCount: '400', engagementScore: '' },
    })
    const before = payloadOf<File>(await view(caseId, 'victor'))
    expect(before.criteria[0]).toEqual({
      key: 'company_size',
      label: 'Ideal customer size',
      required: true,
      rule: 'Employee count is at least 50',
      field: 'Employee count',
      valueThen: '400',
      valueNow: '400',
      changed: false,
      result: 'met',
      resultNow: 'met',
    })
    expect(before.criteria[2]).toMatchObject({
      key: 'engagement',
      required: false,
      valueThen: null,
      result: 'unknown',
    })
    expect(before.reasonCriterion).toEqual({
      label: 'Ideal customer size',
      rule: 'Employee count is at least 50',
      field: 'Employee count',
      value: '400',
      result: 'met',
      contradicted: true,
    })
    expect(before.fields.some((f) => f.changed)).toBe(false)

    // The lead shrinks after the case opened: the reading says so, changed fields first.
    getDb().update(leads).set({ employeeCount: 20, title: 'CFO' }).where(eq(leads.id, leadId)).run()
    const after = payloadOf<File>(await view(caseId, 'dana'))
    expect(after.criteria[0]).toMatchObject({
      valueThen: '400',
      valueNow: '20',
      changed: true,
      result: 'met',
      resultNow: 'unmet',
    })
    // The reason's criterion is read as it was when the lead was rejected.
    expect(after.reasonCriterion).toMatchObject({ value: '400', contradicted: true })
    expect(after.fields.slice(0, 2).map((f) => [f.label, f.changed])).toEqual([
      ['Title', true],
      ['Employee count', true],
    ])
    expect(after.fields.slice(2).every((f) => !f.changed)).toBe(true)
    // Another rep does not read it.
    expect(statusOf(await view(caseId, 'omar'))).toBe(404)
  })

  it('a reason linked to no criterion shows none', async () => {
    const { caseId } = rejectedLead('dana', { reason: 'No budget' })
    expect(payloadOf<File>(await view(caseId, 'victor')).reasonCriterion).toBeNull()
  })
})
