import { readdirSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { userUploadDirectory } from '~/domain/import/uploads.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { localDate } from '~/domain/sla/clock'
import { type ActionReply, formErrorOf } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { uploadDirectory } from '~/platform/uploads.server'
import { loader as hindsightLoader } from '~/routes/hindsight._index'
import { action as importAction } from '~/routes/hindsight.import'
import { action as leadAction } from '~/routes/leads.$leadId'
import { action as signInAction } from '~/routes/sign-in'
import { leads, outbox, outcomes } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import {
  cookieFrom,
  getArgs,
  payloadOf,
  postArgs,
  settle,
  statusOf,
  uploadArgs,
} from '../support/http'
import { handOverLead, userId } from '../support/leads'
import { PASSWORD, signInAs } from '../support/users'

const cookies: Record<string, string> = {}
const DAY = 86_400_000

/** A lead rejected and conceded `daysAgo` days ago. */
const ruledLead = (daysAgo: number, firstName: string) =>
  ruledLeadAt(new Date(Date.now() - daysAgo * DAY), firstName)

/** A lead rejected and conceded at `at`, handed over a day before. */
function ruledLeadAt(at: Date, firstName: string) {
  const db = getDb()
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
    dateOrder: string | null
    readings: { line: number; text: string; date: string; format: string }[]
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
    // 31/02/2026 can only be day first (though no such day exists), so 01/07/2026 is 1 July.
    expect(first.payload).toMatchObject({ recorded: 2, unchanged: 0, dateOrder: 'day-first' })
    expect(first.payload?.readings).toEqual([
      { line: 2, text: '01/07/2026', date: '2026-07-01', format: 'day-first numeric' },
      { line: 3, text: '2026-11-01', date: '2026-11-01', format: 'ISO 8601 date (2021-04-15)' },
      { line: 4, text: '2026-07-01', date: '2026-07-01', format: 'ISO 8601 date (2021-04-15)' },
      { line: 5, text: '2026-07-01', date: '2026-07-01', format: 'ISO 8601 date (2021-04-15)' },
      { line: 6, text: '2026-07-01', date: '2026-07-01', format: 'ISO 8601 date (2021-04-15)' },
    ])
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
        reason: '“31/02/2026” does not exist as a date (read day-first: day 31 of month 2)',
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
    expect(errorsOf(noColumns).file).toEqual([
      'The file needs a column for the lead (External id or Email), an Outcome column and a Date column.',
    ])
    expect(errorsOf(await importFile('')).file).toEqual(['The file is empty.'])
    expect(statusOf(await importFile('External id,Outcome,Date\n', 'dana'))).toBe(403)
  })

  it('refuses a field over 64 KB beside the file, and keeps nothing of the upload', async () => {
    const tooLong = await settle(() =>
      importAction(
        uploadArgs(
          '/hindsight/import',
          { name: 'outcomes.csv', content: 'External id,Outcome,Date\nX-1,won,2026-07-01\n' },
          { cookie: cookies.maya },
          { dateOrder: 'x'.repeat(65 * 1024) },
        ),
      ),
    )
    expect(statusOf(tooLong)).toBe(400)
    expect(formErrorOf(payloadOf<Summary>(tooLong))).toBe(
      'The upload could not be read; choose the file and try again.',
    )
    expect(readdirSync(userUploadDirectory(uploadDirectory(), userId('maya')))).toEqual([])
  })

  describe('dates', () => {
    // Leads ruled in March 2026, their outcomes imported on 15 January 2027 (the organisation
    // is in Europe/London).
    const NOW = new Date('2027-01-15T12:00:00Z')
    const ids: Record<string, number> = {}
    const externalId = (name: string) =>
      getDb()
        .select({ externalId: leads.externalId })
        .from(leads)
        .where(eq(leads.id, ids[name] ?? 0))
        .get()?.externalId
    const recordedFor = (name: string) =>
      getDb()
        .select({ outcome: outcomes.outcome, occurredOn: outcomes.occurredOn })
        .from(outcomes)
        .where(eq(outcomes.leadId, ids[name] ?? 0))
        .all()
    const csv = (rows: [string, string, string][]) =>
      [
        'External id,Outcome,Date',
        ...rows.map(([name, outcome, date]) => `${externalId(name)},${outcome},"${date}"`),
      ].join('\n')

    // Maya signs in at NOW, so that her session is live then.
    let cookie = ''
    const importAt = (content: string, fields: Record<string, string> = {}) =>
      settle(() =>
        importAction(
          uploadArgs(
            '/hindsight/import',
            { name: 'outcomes.csv', content },
            { cookie, now: NOW },
            fields,
          ),
        ),
      )

    beforeAll(async () => {
      for (const name of ['Ada', 'Bea', 'Cy', 'Dee', 'Eve', 'Fay', 'Gil'])
        ids[name] = ruledLeadAt(new Date('2026-03-02T10:00:00Z'), name)
      const signedIn = await settle(() =>
        signInAction(
          postArgs('/sign-in', { email: 'maya@brightline.test', password: PASSWORD }, { now: NOW }),
        ),
      )
      cookie = cookieFrom(signedIn as Response)
    })

    it('a file whose dates could be day or month first records nothing until the order is chosen', async () => {
      const file = csv([
        ['Ada', 'won', '12/01/2026'],
        ['Bea', 'no plans', '03/04/2026'],
      ])
      const unsure = await importAt(file)
      expect(statusOf(unsure)).toBe(400)
      expect(errorsOf(unsure)).toEqual({
        dateOrder: [
          'This file’s dates could be day-first or month-first (12/01/2026 on line 2 is 12 January 2026 or 1 December 2026): choose which.',
        ],
      })
      expect([recordedFor('Ada'), recordedFor('Bea')]).toEqual([[], []])

      const monthFirst = await importAt(file, { dateOrder: 'month-first' })
      expect(statusOf(monthFirst)).toBe(200)
      expect(payloadOf<Summary>(monthFirst).payload).toMatchObject({
        recorded: 2,
        failed: [],
        dateOrder: 'month-first',
        readings: [
          { line: 2, text: '12/01/2026', date: '2026-12-01', format: 'month-first numeric' },
          { line: 3, text: '03/04/2026', date: '2026-03-04', format: 'month-first numeric' },
        ],
      })
      expect(recordedFor('Ada')).toEqual([{ outcome: 'won', occurredOn: '2026-12-01' }])
      expect(recordedFor('Bea')).toEqual([{ outcome: 'no_plans', occurredOn: '2026-03-04' }])
    })

    it('refuses an unknown order, an order the file contradicts, and dates written both ways', async () => {
      const dayFirst = csv([['Cy', 'won', '13/01/2026']])
      const unknown = await importAt(dayFirst, { dateOrder: 'sideways' })
      expect(statusOf(unknown)).toBe(400)
      expect(errorsOf(unknown).dateOrder).toEqual([
        'Choose day first, month first, or leave it as not needed',
      ])
      const contradicted = await importAt(dayFirst, { dateOrder: 'month-first' })
      expect(statusOf(contradicted)).toBe(400)
      expect(errorsOf(contradicted)).toEqual({
        dateOrder: [
          'This file’s dates are day-first (line 2 has “13/01/2026”), not month-first: choose “Day first (03/04/2026 is 3 April 2026)” or “Not needed”.',
        ],
      })
      const bothWays = csv([
        ['Cy', 'won', '13/01/2026'],
        ['Dee', 'won', '01/01/2026'],
        ['Dee', 'won', '01/13/2026'],
      ])
      const conflict = await importAt(bothWays, { dateOrder: 'day-first' })
      expect(statusOf(conflict)).toBe(400)
      expect(errorsOf(conflict)).toEqual({
        file: [
          'This file’s dates are written both day first and month first (line 2 has “13/01/2026”, line 4 has “01/13/2026”): write them all one way and import it again.',
        ],
      })
      expect([recordedFor('Cy'), recordedFor('Dee')]).toEqual([[], []])
    })

    it('reads the dates CRMs export in the organisation’s time zone, and reports impossible ones by line', async () => {
      const file = csv([
        ['Cy', 'won', '15 Apr, 2026 00:03:00'],
        ['Dee', 'bought elsewhere', 'Apr 16, 2026 11:30 PM'],
        // 23:30 UTC is 00:30 the next day in London (summer time).
        ['Eve', 'plans to buy', '2026-04-17T23:30:00Z'],
        // The same whichever order: the file needs none.
        ['Gil', 'not a fit', '05/05/2026'],
        ['Fay', 'won', '2026-02-30'],
        ['Fay', 'won', '15/04/26'],
      ])
      const reply = payloadOf<Summary>(await importAt(file))
      expect(reply.payload).toMatchObject({
        recorded: 4,
        dateOrder: null,
        readings: [
          {
            line: 2,
            text: '15 Apr, 2026 00:03:00',
            date: '2026-04-15',
            format: 'Zoho (15 Apr, 2021 00:03:00)',
          },
          {
            line: 3,
            text: 'Apr 16, 2026 11:30 PM',
            date: '2026-04-16',
            format: 'US named month (Apr 15, 2021 12:03 AM)',
          },
          {
            line: 4,
            text: '2026-04-17T23:30:00Z',
            date: '2026-04-18',
            format: 'ISO 8601 with offset (2021-04-15T00:03:00Z, …+05:30)',
          },
          {
            line: 5,
            text: '05/05/2026',
            date: '2026-05-05',
            format: 'numeric (day and month alike)',
          },
        ],
      })
      expect(reply.payload?.failed).toEqual([
        { line: 6, identifier: externalId('Fay'), reason: '“2026-02-30” does not exist as a date' },
        {
          line: 7,
          identifier: externalId('Fay'),
          reason: '“15/04/26” has a two-digit year; write the year in full (four digits)',
        },
      ])
      expect(recordedFor('Cy')).toEqual([{ outcome: 'won', occurredOn: '2026-04-15' }])
      expect(recordedFor('Dee')).toEqual([
        { outcome: 'bought_elsewhere', occurredOn: '2026-04-16' },
      ])
      expect(recordedFor('Eve')).toEqual([{ outcome: 'plans_to_buy', occurredOn: '2026-04-18' }])
      expect(recordedFor('Gil')).toEqual([{ outcome: 'not_a_fit', occurredOn: '2026-05-05' }])
      expect(recordedFor('Fay')).toEqual([])
    })
  })
})
