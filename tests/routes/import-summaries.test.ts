// An import's batches are counted into the report summaries set-based (decision 36), not by the
// per-row triggers. A CRM export of a few hundred rows (sources, campaigns, owners, statuses that
// become waiting, accepted, converted and rejected leads, history and live, converted flags that
// become wins, times either side of New York's local midnight), some rows updating leads already
// here, imported through the routes in the organisation's zone America/New_York: every summary
// table then equals what a rebuild from zero counts (decision 34's oracle tests hold the rebuild
// equal to the triggers). A second import while two families are being rebuilt leaves their
// progress alone, and the rebuild then counts each row once.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { updateOrganisationSettings } from '~/domain/settings/settings.server'
import { CASES_FAMILY } from '~/domain/summaries/cases.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { sourcesFamily } from '~/domain/summaries/sources.server'
import {
  rebuildStep,
  resetFamily,
  SUMMARY_COMPLETE,
  summariesComplete,
} from '~/domain/summaries/state.server'
import { getDb } from '~/platform/db.server'
import { action as jobAction, loader as jobLoader } from '~/routes/imports.$jobId'
import { action as uploadAction } from '~/routes/imports.new'
import { seedTeam } from '../support/factories'
import {
  getArgs,
  locationOf,
  payloadOf,
  postArgs,
  settle,
  statusOf,
  uploadArgs,
} from '../support/http'
import { waitForImport } from '../support/imports'
import { handOverLead } from '../support/leads'
import { everySummary, prng, rebuiltFromZero } from '../support/summaries-world'
import { signInAs } from '../support/users'

vi.setConfig({ testTimeout: 120_000 })

const ZONE = 'America/New_York'
const NOW = new Date('2026-11-27T17:00:00Z')
const HEADERS = [
  'Lead ID',
  'First Name',
  'Last Name',
  'Company',
  'Email',
  'Lead Source',
  'Campaign',
  'Lead Owner',
  'Lead Status',
  'Create Date',
  'Converted',
]
const SOURCES = ['Web', 'Trade Show', 'Partner Referral', '']
const CAMPAIGNS = ['Spring launch', 'Q4 push', '']
const OWNERS = ['dana@brightline.test', 'Omar Haddad', 'lucy@brightline.test', '']
const STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
]
/** Local midnights in New York (UTC), a winter one and one either side of each clock change. */
const MIDNIGHTS = [
  Date.UTC(2026, 0, 1, 5),
  Date.UTC(2026, 2, 8, 5),
  Date.UTC(2026, 10, 1, 4),
  Date.UTC(2025, 11, 29, 5),
]

/** "M/d/yyyy h:mm AM" in New York, as Salesforce writes a time. */
function written(at: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.month}/${parts.day}/${parts.year} ${parts.hour}:${parts.minute} ${parts.dayPeriod}`
}

/** `count` rows from `seed`; the first `updates` name the leads already here by e-mail. */
function exportOf(seed: number, count: number, existing: string[]) {
  const r = prng(seed)
  const lines = [HEADERS.join(',')]
  for (let i = 0; i < count; i++) {
    const recent = r.chance(0.15)
    const at = recent
      ? NOW.getTime() - r.int(20) * 3_600_000
      : r.chance(0.5)
        ? (r.pick(MIDNIGHTS) as number) + (r.int(121) - 60) * 60_000
        : Date.UTC(2025, 10, 1) + r.int(360) * 86_400_000 + r.int(86_400_000)
    const status = recent ? r.pick(STATUSES.slice(0, 2)) : r.pick(STATUSES)
    const email = existing[i] ?? `lead-${seed}-${i}@export.example`
    lines.push(
      [
        `00Q${seed}${String(i).padStart(6, '0')}`,
        `First${i}`,
        `Last${i}`,
        `Company ${i % 17}`,
        email,
        r.pick(SOURCES),
        r.pick(CAMPAIGNS),
        r.pick(OWNERS),
        status,
        written(at),
        status === 'Closed - Converted' || (status === 'Closed - Not Converted' && r.chance(0.2))
          ? 'true'
          : 'false',
      ].join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

let cookie = ''

async function importFile(name: string, csv: string) {
  const uploaded = await settle(() =>
    uploadAction(uploadArgs('/imports/new', { name, content: csv }, { cookie })),
  )
  const id = Number(locationOf(uploaded)?.split('/').pop())
  const params = { jobId: String(id) }
  const page = payloadOf<{ job: { headers: string[]; mapping: Record<string, string> } }>(
    await jobLoader(getArgs(`/imports/${id}`, { cookie }, params)),
  )
  const mapping = Object.fromEntries(
    page.job.headers.map((h, i) => [`column-${i}`, page.job.mapping[h] as string]),
  )
  const post = (fields: Record<string, string>) =>
    settle(() => jobAction(postArgs(`/imports/${id}`, fields, { cookie, now: NOW }, params)))
  expect(statusOf(await post({ intent: 'save-mapping', ...mapping }))).toBe(302)
  expect(locationOf(await post({ intent: 'start' }))).toBe(`/imports/${id}`)
  return waitForImport(id)
}

const rebuildAll = () => {
  while (rebuildStep(getDb(), SUMMARY_FAMILIES, 97).more);
}
const progress = () =>
  getDb()
    .$client.prepare('SELECT family, source, upto FROM summary_progress ORDER BY 1, 2')
    .all() as { family: string; source: string; upto: number }[]

beforeAll(async () => {
  const db = getDb()
  await seedTeam(NOW)
  updateOrganisationSettings(
    db,
    null,
    { organisationName: 'Brightline Systems', timeZone: ZONE },
    NOW,
  )
  rebuildAll()
  cookie = await signInAs('maya@brightline.test')
})

describe('an import counted into the summaries by batch', () => {
  it('leaves every summary table as a rebuild from zero counts it', async () => {
    // Leads already here, counted by the triggers; the file updates some of them.
    const existing = ['dana', 'omar', 'lucy', 'dana', 'omar'].map((rep, i) => {
      const externalId = `00Q1${String(i).padStart(6, '0')}`
      handOverLead(rep, { externalId, email: `here-${i}@export.example`, source: 'Webinar' })
      return `here-${i}@export.example`
    })
    const job = await importFile('leads.csv', exportOf(1, 300, existing))
    expect(job).toMatchObject({ status: 'done', failed: 0, created: 295, updated: 5 })
    const db = getDb()
    for (const family of SUMMARY_FAMILIES) expect(summariesComplete(db, family, ZONE)).toBe(true)
    const imported = everySummary(db)
    // The import reached every family: leads, their clocks, imported cases, wins.
    expect(
      db.$client.prepare('SELECT count(*) AS n FROM cases').get(),
      'imported cases',
    ).not.toEqual({ n: 0 })
    expect(db.$client.prepare('SELECT count(*) AS n FROM outcomes').get()).not.toEqual({ n: 0 })
    expect(imported.summary_source_cells?.length).toBeGreaterThan(50)
    expect(imported.summary_hindsight_cells?.length).toBeGreaterThan(10)
    expect(imported.summary_case_counts?.length).toBeGreaterThan(10)
    expect(rebuiltFromZero(getDb())).toEqual(imported)
  })

  it('counts a batch written row by row, after the database refused a row, as a rebuild does', async () => {
    // The database refuses one row: its batch is rolled back and written again a row at a time,
    // each row in a savepoint of its own (the refused one undone with its clock and case), and
    // still counted set-based. A row the checks refuse (an e-mail that is no address) fails
    // before any write.
    const db = getDb()
    db.$client.exec(`CREATE TRIGGER test_refuse_one BEFORE INSERT ON leads
      WHEN NEW.external_id = '00Q4000040' BEGIN SELECT RAISE(ABORT, 'refused by the database'); END`)
    const rows = exportOf(4, 150, []).split('\r\n')
    rows[12] = rows[12]?.replace('lead-4-11@export.example', 'not-an-address') ?? ''
    try {
      const job = await importFile('two-refused.csv', rows.join('\r\n'))
      expect(job).toMatchObject({ status: 'done', failed: 2, created: 148 })
    } finally {
      db.$client.exec('DROP TRIGGER test_refuse_one')
    }
    const counted = everySummary(db)
    expect(counted.summary_source_cells?.length).toBeGreaterThan(50)
    expect(rebuiltFromZero(getDb())).toEqual(counted)
  })

  it('leaves a family being rebuilt to its rebuild, which counts each row once', async () => {
    const db = getDb()
    resetFamily(db, sourcesFamily)
    resetFamily(db, CASES_FAMILY)
    rebuildStep(db, [sourcesFamily], 120)
    const before = progress()
    expect(before.filter((p) => p.upto !== SUMMARY_COMPLETE)).toEqual([
      { family: 'cases', source: 'cases', upto: 0 },
      { family: 'sources', source: 'leads', upto: 120 },
    ])
    const job = await importFile('more-leads.csv', exportOf(2, 200, []))
    expect(job).toMatchObject({ status: 'done', failed: 0, created: 200 })
    expect(progress()).toEqual(before)
    rebuildAll()
    const counted = everySummary(db)
    expect(rebuiltFromZero(getDb())).toEqual(counted)
  })
})
