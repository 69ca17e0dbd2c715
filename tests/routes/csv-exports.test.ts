// Finding 3 of issue 14: text a user typed (a lead's source or campaign, a rep's name, an
// identifier in an imported file) reached the CSV downloads as it was, so a spreadsheet ran
// `=HYPERLINK(...)`. Every CSV route is read here with such text in its data; no cell of any of
// them may start with a character a spreadsheet takes for a formula.
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { getDb } from '~/platform/db.server'
import { action as importOutcomesAction } from '~/routes/hindsight.import'
import { action as jobAction, loader as jobLoader } from '~/routes/imports.$jobId'
import { loader as importErrorsCsv } from '~/routes/imports.$jobId.errors[.csv]'
import { action as uploadAction } from '~/routes/imports.new'
import { loader as accuracyCsv } from '~/routes/reports.accuracy[.csv]'
import { loader as hindsightCsv } from '~/routes/reports.hindsight[.csv]'
import { loader as scorecardCsv } from '~/routes/reports.scorecard[.csv]'
import { loader as slaCsv } from '~/routes/reports.sla[.csv]'
import { loader as sourcesCsv } from '~/routes/reports.sources[.csv]'
import { loader as verdictsCsv } from '~/routes/reports.verdicts[.csv]'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { createUser, rejectedLead, seedTeam } from '../support/factories'
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
import { signInAs } from '../support/users'

vi.setConfig({ testTimeout: 60_000 })

const HYPERLINK = '=HYPERLINK("http://evil.test","x")'
// OWASP's list: =, +, -, @, tab and carriage return at the start of a cell.
const PAYLOADS = [HYPERLINK, '+1', '-1+1', '@SUM(1)', '\t=1', '\r=1']
const FORMULA_START = /^[=+\-@\t\r]/

const cookies: Record<string, string> = {}

beforeAll(async () => {
  await seedTeam()
  activateDefinition(getDb(), ICP_CRITERIA, new Date(Date.now() - 30 * 86_400_000))
  await createUser({ name: HYPERLINK, email: 'formula@brightline.test', roles: ['rep'] })
  for (const [i, payload] of PAYLOADS.entries()) {
    // Rejected leads count in every report; the payload is both source and campaign.
    rejectedLead('dana', { fields: { source: payload, campaign: payload, firstName: `F${i}` } })
    handOverLead('formula@brightline.test', { source: payload, campaign: `${payload} ${i}` })
  }
  for (const name of ['felix', 'maya']) cookies[name] = await signInAs(`${name}@brightline.test`)
})

/** Every cell of a CSV, read as a spreadsheet would split it. */
function cellsOf(csv: string): string[] {
  return (parse(csv, { relax_column_count: true }) as string[][]).flat()
}

/** Asserts no cell starts like a formula, and returns the cells. */
function expectNoFormula(csv: string, where: string): string[] {
  const cells = cellsOf(csv)
  expect(cells.length, where).toBeGreaterThan(1)
  expect(
    cells.filter((cell) => FORMULA_START.test(cell)),
    where,
  ).toEqual([])
  return cells
}

async function csvOf(response: unknown, where: string): Promise<string> {
  expect(statusOf(response), where).toBe(200)
  const r = response as Response
  expect(r.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
  return r.text()
}

describe('every CSV the app writes keeps formulas out', () => {
  it('the six reports, with every breakdown', async () => {
    const seen: string[] = []
    const reports = [
      ['/reports/accuracy.csv?by=rep', accuracyCsv],
      ['/reports/accuracy.csv?by=reason', accuracyCsv],
      ['/reports/accuracy.csv?by=source', accuracyCsv],
      ['/reports/accuracy.csv?by=campaign', accuracyCsv],
      ['/reports/hindsight.csv', hindsightCsv],
      ['/reports/scorecard.csv', scorecardCsv],
      ['/reports/sla.csv', slaCsv],
      ['/reports/sources.csv', sourcesCsv],
      ['/reports/verdicts.csv', verdictsCsv],
    ] as const
    for (const [path, loader] of reports) {
      const response = await settle(() => loader(getArgs(path, { cookie: cookies.felix })))
      seen.push(...expectNoFormula(await csvOf(response, path), path))
    }
    // The text is there, as text: prefixed with a quote, otherwise unchanged.
    expect(seen).toContain(`'${HYPERLINK}`)
    for (const payload of ['+1', '-1+1', '@SUM(1)']) expect(seen).toContain(`'${payload}`)
    // Lead fields are trimmed when written; what was "\t=1" is stored, and exported, as "=1".
    expect(seen).toContain(`'=1`)
  })

  it("the lead import's failed rows", async () => {
    const file = stringify([
      ['Lead ID', 'Email'],
      ...PAYLOADS.map((payload) => [payload, 'not-mail']),
    ])
    const uploaded = await settle(() =>
      uploadAction(
        uploadArgs('/imports/new', { name: 'leads.csv', content: file }, { cookie: cookies.maya }),
      ),
    )
    const id = Number(locationOf(uploaded)?.split('/').pop())
    const params = { jobId: String(id) }
    const page = payloadOf<{ job: { mapping: Record<string, string> } }>(
      await jobLoader(getArgs(`/imports/${id}`, { cookie: cookies.maya }, params)),
    )
    const mapping = Object.fromEntries(
      Object.values(page.job.mapping).map((target, i) => [`column-${i}`, target]),
    )
    const post = (fields: Record<string, string>) =>
      settle(() => jobAction(postArgs(`/imports/${id}`, fields, { cookie: cookies.maya }, params)))
    expect(statusOf(await post({ intent: 'save-mapping', ...mapping }))).toBe(302)
    expect(statusOf(await post({ intent: 'start' }))).toBe(302)
    expect((await waitForImport(id)).failed).toBe(PAYLOADS.length)

    const response = await settle(() =>
      importErrorsCsv(getArgs(`/imports/${id}/errors.csv`, { cookie: cookies.maya }, params)),
    )
    const cells = expectNoFormula(await csvOf(response, 'import errors'), 'import errors')
    expect(cells).toContain(`'${HYPERLINK}`)
    expect(cells).toContain(`'@SUM(1)`)
  })

  it("the outcome import's failed rows", async () => {
    const file = stringify([
      ['External id', 'Outcome', 'Date'],
      ...PAYLOADS.map((payload) => [payload, 'won', '2026-07-01']),
      ['NOPE-1', '@SUM(1)', '2026-07-01'],
    ])
    const reply = payloadOf<{ payload: { failed: unknown[]; failedCsv: string } }>(
      await importOutcomesAction(
        uploadArgs(
          '/hindsight/import',
          { name: 'outcomes.csv', content: file },
          { cookie: cookies.maya },
        ),
      ),
    )
    expect(reply.payload.failed).toHaveLength(PAYLOADS.length + 1)
    const cells = expectNoFormula(reply.payload.failedCsv, 'outcome import')
    expect(cells).toContain(`'${HYPERLINK}`)
    expect(cells).toContain(`'@SUM(1)`)
  })
})
