// Every filter on every report (issue 15): one small world (tests/support/report-world.ts) where
// each filter value leaves something out, and for each report, each filter and each section of
// its CSV, the figures the route hands out equal the ones tests/support/report-model.ts works
// out from the world's facts (docs/metrics.md). Then, section by section, that each filter
// narrows what it applies to and leaves the rest as it was: which filters apply where is the
// APPLIES table below, the rule of docs/metrics.md. Before issue 15, the SLA report's return
// rows ignored the reason filter; imported history could not be hidden at all.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listReasons } from '~/domain/reasons/reasons.server'
import { getDb } from '~/platform/db.server'
import { loader as accuracyPage } from '~/routes/reports.accuracy'
import { loader as accuracy } from '~/routes/reports.accuracy[.csv]'
import { loader as hindsight } from '~/routes/reports.hindsight[.csv]'
import { loader as scorecard } from '~/routes/reports.scorecard[.csv]'
import { loader as sla } from '~/routes/reports.sla[.csv]'
import { loader as sources } from '~/routes/reports.sources[.csv]'
import { loader as verdicts } from '~/routes/reports.verdicts[.csv]'
import { followUps } from '~db/schema'
import { getArgs, payloadOf } from '../support/http'
import { userId } from '../support/leads'
import {
  accuracyCsv,
  type Filter,
  hindsightCsv,
  model,
  scorecardCsv,
  slaCsv,
  sourcesCsv,
  verdictsCsv,
} from '../support/report-model'
import { reportWorld, type World } from '../support/report-world'
import { signInAs } from '../support/users'

const NOW = new Date('2026-04-15T12:00:00Z')
const RANGE = { period: 'month', from: '2026-01-01', to: '2026-04-30' }
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04']

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type Rows = (string | number)[][]
type Report = {
  path: string
  loader: Loader
  by?: string
  expected: (m: ReturnType<typeof model>) => Rows
}
const REPORTS: [string, Report][] = [
  ...(['rep', 'reason', 'source', 'campaign'] as const).map((by): [string, Report] => [
    `accuracy by ${by}`,
    { path: '/reports/accuracy.csv', loader: accuracy, by, expected: (m) => accuracyCsv(m, by) },
  ]),
  ['sources', { path: '/reports/sources.csv', loader: sources, expected: sourcesCsv }],
  ['hindsight', { path: '/reports/hindsight.csv', loader: hindsight, expected: hindsightCsv }],
  ['verdicts', { path: '/reports/verdicts.csv', loader: verdicts, expected: verdictsCsv }],
  ['sla', { path: '/reports/sla.csv', loader: sla, expected: slaCsv }],
  ['scorecard', { path: '/reports/scorecard.csv', loader: scorecard, expected: scorecardCsv }],
]

// Each filter alone, each leaving something out of the world; then two together.
const FILTERS: [string, Filter][] = [
  ['rep', { rep: 'dana' }],
  ['reason', { reason: 'No budget' }],
  ['source', { source: 'Webinar' }],
  ['campaign', { campaign: 'Spring' }],
  ['history', { history: 'hidden' }],
]
const COMBINED: [string, Filter][] = [
  ['Omar without history', { rep: 'omar', history: 'hidden' }],
  ['No authority from webinars', { reason: 'No authority', source: 'Webinar' }],
]

// Which filters narrow which section of each CSV (docs/metrics.md). Follow-up clocks start at
// hand-over, before any reason; history leads start no clock, and imported cases have no
// verdict and no review clock: so the reason filter leaves the follow-up clocks (and the
// scorecard, whose accuracy is the rep's over every reason) alone, and hiding history changes
// neither the clocks nor the review rows nor the verdicts.
const EVERY = ['rep', 'reason', 'source', 'campaign', 'history']
const CASES = ['rep', 'reason', 'source', 'campaign']
const CLOCKS = ['rep', 'source', 'campaign']
const APPLIES: Record<string, Record<string, string[]>> = {
  accuracy: {
    Period: EVERY,
    Total: EVERY,
    Rep: EVERY,
    Reason: EVERY,
    Source: EVERY,
    Campaign: EVERY,
  },
  sources: { Period: EVERY, Source: EVERY, Campaign: EVERY },
  hindsight: { Period: EVERY, Total: EVERY, Outcome: EVERY },
  verdicts: { Period: CASES, Total: CASES, Departures: CASES, Participation: CASES },
  sla: { 'Follow-up': CLOCKS, Review: CASES, Return: CASES },
  scorecard: { Reps: CLOCKS },
}

let world: World
let cookie = ''
let reasons: Map<string, number>

beforeAll(async () => {
  world = await reportWorld()
  reasons = new Map(listReasons(getDb()).map((r) => [r.label, r.id]))
  cookie = await signInAs('felix@brightline.test')
})

/** The query string of a filter, as the filter form sends it. */
function queryOf(filter: Filter, by?: string): string {
  const params = new URLSearchParams(RANGE)
  if (by) params.set('by', by)
  if (filter.rep) params.set('repId', String(userId(filter.rep)))
  if (filter.reason) params.set('reasonId', String(reasons.get(filter.reason)))
  if (filter.source) params.set('source', filter.source)
  if (filter.campaign) params.set('campaign', filter.campaign)
  if (filter.history) params.set('history', filter.history)
  return params.toString()
}

async function csvOf(report: Report, filter: Filter) {
  const response = (await report.loader(
    getArgs(`${report.path}?${queryOf(filter, report.by)}`, { cookie, now: NOW }),
  )) as Response
  return {
    name: response.headers.get('Content-Disposition'),
    lines: (await response.text()).trim().split('\n'),
  }
}

const expectedLines = (report: Report, filter: Filter) =>
  report.expected(model(world, filter, MONTHS, NOW)).map((row) => row.join(','))

describe('every report under every filter', () => {
  it.each(REPORTS)('%s: every section as worked out from the world', async (_, report) => {
    for (const [name, filter] of [['no filter', {}] as [string, Filter], ...FILTERS, ...COMBINED])
      expect((await csvOf(report, filter)).lines, name).toEqual(expectedLines(report, filter))
  })

  it.each(REPORTS)(
    '%s: each filter narrows the sections it applies to, and leaves the others as they were',
    async (key, report) => {
      const applies = APPLIES[key.split(' ')[0] as string] as Record<string, string[]>
      const sections = (lines: string[]) => {
        const bySection = new Map<string, string[]>()
        for (const line of lines.slice(1)) {
          const section = key === 'scorecard' ? 'Reps' : (line.split(',')[0] as string)
          bySection.set(section, [...(bySection.get(section) ?? []), line])
        }
        return bySection
      }
      const everything = sections((await csvOf(report, {})).lines)
      for (const [filterName, filter] of FILTERS) {
        const filtered = sections((await csvOf(report, filter)).lines)
        for (const [section, filters] of Object.entries(applies)) {
          if (!everything.has(section)) continue
          const label = `${key}, ${section}, ${filterName}`
          if (filters.includes(filterName))
            expect(filtered.get(section), label).not.toEqual(everything.get(section))
          else expect(filtered.get(section), label).toEqual(everything.get(section))
        }
      }
    },
  )
})

describe('imported history', () => {
  it('counts in its real cohorts; hidden, it is out of the page, and the file name says so', async () => {
    const page = async (history?: string) =>
      payloadOf<{ report: { periods: { name: string; opened: number; imported: number }[] } }>(
        await accuracyPage(
          getArgs(`/reports/accuracy?${queryOf(history ? { history: 'hidden' } : {})}`, {
            cookie,
            now: NOW,
          }),
        ),
      ).report.periods.map((p) => [p.name, p.opened, p.imported])
    // Imported on 10 April, yet H1's rejection counts in January, H3's and W1's in March.
    expect(await page()).toEqual([
      ['2026-01', 4, 1],
      ['2026-02', 1, 0],
      ['2026-03', 4, 2],
      ['2026-04', 0, 0],
    ])
    expect(await page('hidden')).toEqual([
      ['2026-01', 3, 0],
      ['2026-02', 1, 0],
      ['2026-03', 2, 0],
      ['2026-04', 0, 0],
    ])
    expect((await csvOf(REPORTS[0]?.[1] as Report, { history: 'hidden' })).name).toBe(
      'attachment; filename="accuracy_month_2026-01-01_2026-04-30_history-hidden.csv"',
    )
  })

  it('history leads start no clock', () => {
    const history = world.leads.filter((l) => l.history).map((l) => l.id)
    expect(history).toHaveLength(3)
    expect(
      getDb().select().from(followUps).where(inArray(followUps.leadId, history)).all(),
    ).toEqual([])
  })
})
