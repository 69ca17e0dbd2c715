// The import's options as the preview keeps them (decision 25): a remembered date order gives
// way to the file's own, two date columns written in different orders are refused, the history
// choice follows the mapping unless someone changed it, a start on a later day than the preview
// is refused when the default cut-off has moved, status values named like Object's properties
// are plain values, and a row rolled back mid-way leaves the audit chain whole.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '~/demo/seed.server'
import type { CrmPreview } from '~/domain/import/crm-preview.server'
import { createImportJob, getImportJob } from '~/domain/import/jobs.server'
import { saveMapping } from '~/domain/import/preview.server'
import { beginImport, runImport } from '~/domain/import/run.server'
import { readOptions } from '~/domain/import/schema'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { leadUpserter } from '~/domain/leads/upsert-lead.server'
import { verifyAuditTrail } from '~/platform/audit.server'
import { getDb } from '~/platform/db.server'
import { preparedStatement } from '~db/connection'
import { leads } from '~db/schema'
import { userId } from '../support/leads'

// Friday 27 November 2026, noon (UTC, the demo organisation's zone unless set).
const NOW = new Date(Date.UTC(2026, 10, 27, 12))
const TWO_WEEKS_ON = new Date(Date.UTC(2026, 11, 11, 12))

beforeAll(async () => {
  await seedDemo(getDb(), NOW, { data: false })
})

let files = 0
async function upload(lines: string[]) {
  const path = join(process.env.DATABASE_PATH as string, '..', `options-${++files}.csv`)
  writeFileSync(path, `${lines.join('\n')}\n`)
  const job = await createImportJob(
    getDb(),
    userId('maya'),
    { name: 'crm.csv', path, size: 1 },
    NOW,
  )
  if (!job.ok) throw new Error(JSON.stringify(job.fieldErrors))
  return job.jobId
}
const crmOf = (jobId: number) =>
  (getImportJob(getDb(), jobId) as { preview: { crm: CrmPreview } }).preview.crm
const HEADERS = 'Lead ID,Email,Created Date,First Contact'
/** The mapping of a file with HEADERS: its two date columns mapped as given. */
const columns = (created: string, contact: string) => ({
  'Lead ID': 'externalId',
  Email: 'email',
  'Created Date': created,
  'First Contact': contact,
})

describe('the date order', () => {
  it('a remembered order gives way to the order the next file settles', async () => {
    const dayFirst = await upload([
      HEADERS,
      'DO-1,do1@x.example,25/04/2021,',
      'DO-2,do2@x.example,03/05/2021,',
    ])
    const mapping = columns('handedOverAt', 'firstContactAt')
    expect(await saveMapping(getDb(), dayFirst, mapping, {}, NOW)).toEqual({ ok: true })
    expect(crmOf(dayFirst).dateOrder).toBe('day-first')
    expect(beginImport(getDb(), userId('maya'), dayFirst, NOW)).toEqual({ ok: true })
    await runImport(getDb(), dayFirst, () => NOW)
    // The same headers, written month first: the file says so, the memory does not bind.
    const monthFirst = await upload([
      HEADERS,
      'DO-3,do3@x.example,04/25/2021,',
      'DO-4,do4@x.example,05/03/2021,',
    ])
    expect(getImportJob(getDb(), monthFirst)?.options).toMatchObject({ dateOrder: 'day-first' })
    expect(await saveMapping(getDb(), monthFirst, mapping, {}, NOW)).toEqual({ ok: true })
    expect(crmOf(monthFirst).dateOrder).toBe('month-first')
    // A file that does not settle it is read in the remembered order (the last import started).
    const ambiguous = await upload([HEADERS, 'DO-5,do5@x.example,05/03/2021,'])
    expect(await saveMapping(getDb(), ambiguous, mapping, {}, NOW)).toEqual({ ok: true })
    expect(crmOf(ambiguous)).toMatchObject({ dateOrder: 'day-first', needsDateOrder: false })
    // A choice made on this preview does bind, and the file can contradict it.
    expect(
      await saveMapping(getDb(), monthFirst, mapping, { dateOrder: 'day-first' }, NOW),
    ).toEqual({
      ok: false,
      fieldErrors: {
        'date-order': [
          '“Created Date” has a date only month-first can read (line 2); the file is written month-first',
        ],
      },
    })
  })

  it('two date columns written in different orders are refused', async () => {
    const job = await upload([HEADERS, 'DX-1,dx1@x.example,25/04/2021,04/26/2021'])
    const mapping = columns('handedOverAt', 'firstContactAt')
    expect(await saveMapping(getDb(), job, mapping, {}, NOW)).toEqual({
      ok: false,
      fieldErrors: {
        form: [
          '“Created Date” is written day-first (line 2) and “First Contact” month-first (line 2); correct the file',
        ],
      },
    })
  })
})

describe('the history choice and the cut-off', () => {
  const shown = (handOverMapped: boolean, cutoffDefault = '2026-11-25') =>
    ({ handOverMapped, cutoffDefault, statuses: [] }) as unknown as CrmPreview
  const read = (fields: Parameters<typeof readOptions>[0], preview: CrmPreview) =>
    readOptions(fields, () => [], preview, new Set(), '2026-11-27')

  it('the default shown means the default; a change is a choice', () => {
    expect(read({ history: 'work', cutoff: '2026-11-25' }, shown(false))).toEqual({
      ok: true,
      options: { history: null, cutoff: null, statuses: {} },
    })
    expect(read({ history: 'history', cutoff: '2026-06-01' }, shown(false))).toEqual({
      ok: true,
      options: { history: 'history', cutoff: '2026-06-01', statuses: {} },
    })
    expect(read({ cutoff: '2026-11-28' }, shown(true))).toEqual({
      ok: false,
      fieldErrors: { cutoff: ['The cut-off cannot be after today'] },
    })
  })

  it('follows the mapping: work now without hand-over times, history once they are mapped', async () => {
    const job = await upload([HEADERS, 'HC-1,hc1@x.example,2021-04-15,'])
    const without = columns('ignore', 'ignore')
    expect(await saveMapping(getDb(), job, without, {}, NOW)).toEqual({ ok: true })
    expect(crmOf(job).history).toBe('work')
    // The form posts the radio as shown: the default, so it is no choice.
    const chosen = read({ history: 'work' }, crmOf(job))
    if (!chosen.ok) throw new Error('refused')
    const withDates = { ...without, 'Created Date': 'handedOverAt' }
    expect(await saveMapping(getDb(), job, withDates, chosen.options, NOW)).toEqual({ ok: true })
    expect(crmOf(job)).toMatchObject({ history: 'history', becomes: { history: 1 } })
  })

  it('by default exactly the leads whose follow-up time has run out are history', async () => {
    const job = await upload([
      HEADERS,
      // 48 working hours: due Friday 27th 10:00, run out by noon; due 13:00, not yet.
      'EX-1,ex1@x.example,2026-11-25 10:00,',
      'EX-2,ex2@x.example,2026-11-25 13:00,',
      'EX-3,ex3@x.example,2026-11-10 09:00,',
    ])
    const mapping = columns('handedOverAt', 'ignore')
    expect(await saveMapping(getDb(), job, mapping, {}, NOW)).toEqual({ ok: true })
    expect(crmOf(job).becomes).toMatchObject({ history: 2, waitingWithClock: 1, overdue: 0 })
    // An earlier cut-off chosen: the lead of 10 November starts a clock that has run out.
    expect(await saveMapping(getDb(), job, mapping, { cutoff: '2026-11-01' }, NOW)).toEqual({
      ok: true,
    })
    expect(crmOf(job).becomes).toMatchObject({ history: 0, waitingWithClock: 3, overdue: 2 })
  })

  it('a start on a later day than the preview is refused when the default cut-off moved', async () => {
    const job = await upload([HEADERS, 'CO-1,co1@x.example,2026-11-26 09:00,'])
    const mapping = columns('handedOverAt', 'ignore')
    expect(await saveMapping(getDb(), job, mapping, {}, NOW)).toEqual({ ok: true })
    expect(crmOf(job)).toMatchObject({ cutoff: '2026-11-25', becomes: { waitingWithClock: 1 } })
    expect(beginImport(getDb(), userId('maya'), job, TWO_WEEKS_ON)).toEqual({
      ok: false,
      fieldErrors: {
        cutoff: [
          'The default cut-off has moved to 2026-12-09 since the preview (2026-11-25); check the preview again',
        ],
      },
    })
    // Checked again on that day, the lead of 26 November is history: no clock that ran out.
    expect(await saveMapping(getDb(), job, mapping, {}, TWO_WEEKS_ON)).toEqual({ ok: true })
    expect(crmOf(job)).toMatchObject({
      cutoff: '2026-12-09',
      becomes: { history: 1, waitingWithClock: 0 },
    })
    expect(beginImport(getDb(), userId('maya'), job, TWO_WEEKS_ON)).toEqual({ ok: true })
    await runImport(getDb(), job, () => TWO_WEEKS_ON)
    expect(getDb().select().from(leads).where(eq(leads.externalId, 'CO-1')).get()).toMatchObject({
      history: true,
      followUpDueAt: null,
    })
  })
})

describe('status values are plain values', () => {
  it('the values listed are the 60 most frequent; rarer ones are counted, not listed', async () => {
    const rare = Array.from({ length: 60 }, (_, i) => `RV-${i},rv${i}@x.example,Tag ${i}`)
    const lost = Array.from({ length: 50 }, (_, i) => `LV-${i},lv${i}@x.example,Lost Lead`)
    const job = await upload(['Lead ID,Email,Tags', ...rare, ...lost])
    const mapping = { 'Lead ID': 'externalId', Email: 'email', Tags: 'status' }
    expect(await saveMapping(getDb(), job, mapping, {}, NOW)).toEqual({ ok: true })
    const [tags] = crmOf(job).statuses
    expect(tags?.values).toHaveLength(60)
    expect(tags?.values[0]).toMatchObject({ value: 'Lost Lead', count: 50 })
    expect(tags?.more).toBe(1)
  })

  it('“constructor”, “toString” and a column called “__proto__” are read, not looked up', async () => {
    const job = await upload([
      'Lead ID,Email,__proto__,Lead Status',
      'PV-1,pv1@x.example,constructor,toString',
      'PV-2,pv2@x.example,Junk Lead,hasOwnProperty',
    ])
    const mapping = {
      'Lead ID': 'externalId',
      Email: 'email',
      __proto__: 'status',
      'Lead Status': 'status',
    }
    const clean = Object.fromEntries(Object.entries(mapping))
    Object.defineProperty(clean, '__proto__', { value: 'status', enumerable: true })
    expect(await saveMapping(getDb(), job, clean, {}, NOW)).toEqual({ ok: true })
    const crm = crmOf(job)
    expect(crm.statuses.map((s) => [s.column, s.values.map((v) => [v.value, v.choice])])).toEqual([
      [
        '__proto__',
        [
          ['constructor', 'leave'],
          ['Junk Lead', expect.stringMatching(/^rejected:\d+$/)],
        ],
      ],
      [
        'Lead Status',
        [
          ['hasOwnProperty', 'leave'],
          ['toString', 'leave'],
        ],
      ],
    ])
    expect(
      Object.hasOwn(getImportJob(getDb(), job)?.options?.statuses as object, '__proto__'),
    ).toBe(true)
  })
})

it('a row rolled back to its savepoint leaves the audit chain whole', () => {
  const db = getDb()
  const fields = (id: string) =>
    LeadFieldsSchema.parse({ externalId: id, email: `${id.toLowerCase()}@x.example` })
  db.transaction(
    (tx) => {
      const upserter = leadUpserter(tx, userId('maya'))
      preparedStatement(tx, 'SAVEPOINT row').run()
      // A reason that does not exist: the lead is inserted, then its imported case is refused.
      expect(() =>
        upserter.upsert(
          fields('RB-1'),
          {
            arrival: {
              handedOverAt: NOW,
              clock: false,
              history: true,
              status: 'rejected',
              acceptedAt: null,
            },
            past: { rejected: { reason: { id: 999_999, label: 'Gone' }, at: NOW }, won: null },
          },
          NOW,
        ),
      ).toThrow(/FOREIGN KEY/)
      preparedStatement(tx, 'ROLLBACK TO row').run()
      preparedStatement(tx, 'RELEASE row').run()
      expect(upserter.upsert(fields('RB-2'), {}, NOW)).toMatchObject({
        ok: true,
        outcome: 'created',
      })
      upserter.finish()
    },
    { behavior: 'immediate' },
  )
  expect(verifyAuditTrail(db)).toMatchObject({ ok: true })
})
