import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/lib/db.server'
import { seedDemo } from '~/lib/demo-seed.server'
import { concedeCase } from '~/lib/judicial.server'
import { listReasons } from '~/lib/reasons.server'
import { rejectLead } from '~/lib/sales.server'
import { localDate } from '~/lib/sla'
import { loader as hindsightLoader } from '~/routes/hindsight'
import { action as leadAction } from '~/routes/leads.$leadId'
import { outcomes } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}
const DAY = 86_400_000

/** A lead rejected and conceded `daysAgo` days ago. */
function ruledLead(daysAgo: number, firstName: string) {
  const db = getDb()
  const at = new Date(Date.now() - daysAgo * DAY)
  const leadId = handOverLead('dana', { firstName }, { at: new Date(at.getTime() - DAY) })
  const reasonId = listReasons(db).find((r) => r.label === 'No budget')?.id ?? 0
  const rejected = rejectLead(
    db,
    { id: userId('dana') },
    leadId,
    { reasonId, notes: 'No budget', contactAttempts: 1 },
    new Date(at.getTime() - DAY / 2),
  )
  if (!rejected.ok) throw new Error('not rejected')
  concedeCase(db, userId('maya'), rejected.caseId, 'nurture', at)
  return leadId
}

let sevenMonths: number
let thirteenMonths: number
let lastMonth: number
let untouched: number

beforeAll(async () => {
  await seedDemo(getDb(), new Date(), { data: false })
  activateDefinition(getDb(), ICP_CRITERIA, new Date(Date.now() - 500 * DAY))
  thirteenMonths = ruledLead(400, 'Thirteen')
  sevenMonths = ruledLead(215, 'Seven')
  lastMonth = ruledLead(30, 'Recent')
  untouched = handOverLead('dana', { firstName: 'Untouched' })
  for (const name of ['maya', 'dana', 'felix'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

const record = (leadId: number, fields: Record<string, string>, who = 'maya') =>
  settle(() =>
    leadAction(
      postArgs(
        `/leads/${leadId}`,
        { intent: 'record-outcome', ...fields },
        { cookie: cookies[who] },
        { leadId: String(leadId) },
      ),
    ),
  )
type Reply = { result: { error?: Record<string, string[] | null> } | null }
const errorsOf = (r: unknown) => payloadOf<Reply>(r).result?.error ?? {}
type Due = { rows: { leadId: number; checkpoint: number }[] }
const due = async () =>
  payloadOf<Due>(await hindsightLoader(getArgs('/hindsight', { cookie: cookies.maya })))

describe('hindsight', () => {
  it('lists leads ruled 6 or 12 months ago with no outcome, oldest first, each with its check', async () => {
    const { rows } = await due()
    expect(rows.map((r) => [r.leadId, r.checkpoint])).toEqual([
      [thirteenMonths, 12],
      [sevenMonths, 6],
    ])
    expect(rows.map((r) => r.leadId)).not.toContain(lastMonth)
    expect(
      statusOf(
        await settle(() => hindsightLoader(getArgs('/hindsight', { cookie: cookies.dana }))),
      ),
    ).toBe(403)
  })

  it('a marketer records an outcome; the lead leaves the list', async () => {
    const today = localDate(new Date(), 'Europe/London')
    const ok = await record(sevenMonths, {
      outcome: 'bought_elsewhere',
      occurredOn: today,
      note: 'Signed with a competitor in March',
    })
    expect(statusOf(ok)).toBe(200)
    expect(
      getDb().select().from(outcomes).where(eq(outcomes.leadId, sevenMonths)).all(),
    ).toMatchObject([
      { outcome: 'bought_elsewhere', occurredOn: today, note: 'Signed with a competitor in March' },
    ])
    expect((await due()).rows.map((r) => r.leadId)).toEqual([thirteenMonths])
  })

  it('refuses a missing outcome, a future date, a date before hand-over, and a lead with no case', async () => {
    expect(errorsOf(await record(thirteenMonths, { occurredOn: '2026-01-01' })).outcome).toEqual([
      'Choose what became of the lead',
    ])
    expect(
      errorsOf(await record(thirteenMonths, { outcome: 'won', occurredOn: '2999-01-01' }))
        .occurredOn,
    ).toEqual(['The date cannot be in the future'])
    expect(
      errorsOf(await record(thirteenMonths, { outcome: 'won', occurredOn: '2001-01-01' }))
        .occurredOn,
    ).toEqual(['This is before the lead was handed to Sales; check the date'])
    expect(
      errorsOf(await record(thirteenMonths, { outcome: 'won', occurredOn: '2026-02-31' }))
        .occurredOn,
    ).toEqual(['Enter a real date'])
    const noCase = await record(untouched, { outcome: 'won', occurredOn: '2026-01-01' })
    expect(errorsOf(noCase)['']).toEqual([
      'Outcomes are recorded on leads Sales rejected or ignored; this one has no case',
    ])
    expect(
      getDb().select().from(outcomes).where(eq(outcomes.leadId, thirteenMonths)).all(),
    ).toEqual([])
  })

  it('only marketers record outcomes', async () => {
    const fields = { outcome: 'won', occurredOn: '2026-01-01' }
    expect(statusOf(await record(thirteenMonths, fields, 'dana'))).toBe(403)
    expect(statusOf(await record(thirteenMonths, fields, 'felix'))).toBe(403)
  })
})
