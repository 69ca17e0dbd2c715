import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { localDate } from '~/domain/sla/clock'
import { type ActionReply, formErrorOf } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { loader as hindsightLoader } from '~/routes/hindsight._index'
import { action as importAction } from '~/routes/hindsight.import'
import { action as leadAction } from '~/routes/leads.$leadId'
import { leads, outbox, outcomes } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, settle, statusOf, uploadArgs } from '../support/http'
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
  await seedTeam()
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
    // A cursor past every row ends the list; one that is not a cursor is the first page.
    const page = async (after: string) =>
      payloadOf<Due>(
        await hindsightLoader(getArgs(`/hindsight?after=${after}`, { cookie: cookies.maya })),
      ).rows
    expect(await page('9999999999999-1')).toEqual([])
    expect(await page('1%27%20OR%201%3D1')).toEqual(rows)
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
    const recorded = getDb().select().from(outcomes).where(eq(outcomes.leadId, sevenMonths)).get()
    expect(
      getDb()
        .select({ payload: outbox.payload })
        .from(outbox)
        .where(eq(outbox.type, 'outcome.recorded'))
        .all(),
    ).toEqual([
      {
        payload: {
          leadId: sevenMonths,
          outcomeId: recorded?.id,
          outcome: 'bought_elsewhere',
          occurredOn: today,
        },
      },
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

describe('outcomes by CSV', () => {
  const importFile = (content: string, who = 'maya') =>
    settle(() =>
      importAction(
        uploadArgs(
          '/hindsight/import',
          { name: 'outcomes.csv', content },
          { cookie: cookies[who] },
        ),
      ),
    )
  type Summary = ActionReply<{
    recorded: number
    unchanged: number
    failed: { line: number; identifier: string; reason: string }[]
    failedCsv: string
  }>

  it('records good rows, reports each bad row by line, and a second import changes nothing', async () => {
    const lead = (id: number) =>
      getDb()
        .select({ externalId: leads.externalId, email: leads.email })
        .from(leads)
        .where(eq(leads.id, id))
        .get()
    const thirteen = lead(thirteenMonths)
    const recent = lead(lastMonth)
    const file = [
      'External id,Email,Outcome,Date,Note',
      `${thirteen?.externalId},,Bought elsewhere,01/07/2026,Went with a competitor`,
      `,${recent?.email?.toUpperCase()},plans_to_buy,2026-11-01,`,
      'NOPE-1,,won,2026-07-01,',
      `${lead(untouched)?.externalId},,won,2026-07-01,`,
      `${thirteen?.externalId},,maybe,2026-07-01,`,
      `${thirteen?.externalId},,won,31/02/2026,`,
      `${thirteen?.externalId},,won,2999-01-01,`,
      ',,won,2026-07-01,',
      '',
    ].join('\n')
    const first = payloadOf<Summary>(await importFile(file))
    expect(first.payload).toMatchObject({ recorded: 2, unchanged: 0 })
    expect(first.payload?.failed).toEqual([
      { line: 4, identifier: 'NOPE-1', reason: 'No lead has the external id “NOPE-1”' },
      {
        line: 5,
        identifier: lead(untouched)?.externalId,
        reason: 'Outcomes are recorded on leads Sales rejected or ignored; this one has no case',
      },
      {
        line: 6,
        identifier: thirteen?.externalId,
        reason:
          '“maybe” is not an outcome; use one of: Won (bought from us), Bought elsewhere, In a buying process, Plans to buy, No plans, Not a fit',
      },
      {
        line: 7,
        identifier: thirteen?.externalId,
        reason: '“31/02/2026” is not a date; write it as 2026-07-01 or 01/07/2026',
      },
      { line: 8, identifier: thirteen?.externalId, reason: 'The date cannot be in the future' },
      { line: 9, identifier: '', reason: 'The row names no lead: give its external id or e-mail' },
    ])
    expect(first.payload?.failedCsv.split('\n')[0]).toBe('line,lead,reason')
    expect(
      getDb().select().from(outcomes).where(eq(outcomes.leadId, thirteenMonths)).all(),
    ).toMatchObject([
      { outcome: 'bought_elsewhere', occurredOn: '2026-07-01', note: 'Went with a competitor' },
    ])
    const again = payloadOf<Summary>(await importFile(file))
    expect(again.payload).toMatchObject({ recorded: 0, unchanged: 2 })
    expect(again.payload?.failed).toHaveLength(6)
  })

  it('refuses a file without the needed columns, an empty file, and anyone but a marketer', async () => {
    const noColumns = await importFile('Name,Company\nAna,Globex\n')
    expect(statusOf(noColumns)).toBe(400)
    expect(formErrorOf(payloadOf<Summary>(noColumns))).toBe(
      'The file needs a column for the lead (External id or Email), an Outcome column and a Date column.',
    )
    expect(formErrorOf(payloadOf<Summary>(await importFile('')))).toBe('The file is empty.')
    expect(statusOf(await importFile('External id,Outcome,Date\n', 'dana'))).toBe(403)
  })
})
