// Leadership's home (issue 19, decision 39): the tiles' figures on the report world
// (tests/support/report-world.ts) read at a pinned instant, worked out by hand from its facts;
// the home loader shows them to Felix (leadership) and not to Dana (a rep), and each equals
// the figure its linked report shows under the link's query.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { leadershipTiles, type ReportRunner } from '~/domain/people/leadership-home.server'
import { REPORT_TASKS } from '~/domain/reports/tasks.server'
import { getDb } from '~/platform/db.server'
import { loader as homeLoader } from '~/routes/_index'
import { loader as accuracyLoader } from '~/routes/reports.accuracy'
import { loader as hindsightLoader } from '~/routes/reports.hindsight'
import { loader as scorecardLoader } from '~/routes/reports.scorecard'
import { loader as slaLoader } from '~/routes/reports.sla'
import { getArgs, payloadOf } from '../support/http'
import { reportWorld } from '../support/report-world'
import { signInAs } from '../support/users'

// Wednesday 15 April 2026, 13:00 in London: this quarter is 2026 Q2, the last 2026 Q1.
const NOW = new Date('2026-04-15T12:00:00Z')
const cookies: Record<string, string> = {}

/** The report tasks run in this thread, as the report pool's threads run them. */
const direct: ReportRunner = async (task, input) =>
  (REPORT_TASKS[task] as (db: unknown, i: unknown) => never)(getDb(), input)

beforeAll(async () => {
  await reportWorld()
  for (const name of ['felix', 'dana']) cookies[name] = await signInAs(`${name}@brightline.test`)
})

const rounded = (interval: [number, number] | null) => interval?.map((v) => v.toFixed(4)) ?? null

describe('the tiles', () => {
  it('gives each figure of this quarter and the last, from the reports, with its interval', async () => {
    const tiles = await leadershipTiles(getDb(), direct, NOW)
    // Q1: 7 rejections decided, 5 upheld (L1, L2 conceded, L4, L7, L4 again); L3 and L10
    // overturned. Q2: none decided.
    expect(tiles.accuracy.href).toBe(
      '/reports/accuracy?period=quarter&from=2025-04-01&to=2026-04-15',
    )
    const [q2, q1] = tiles.accuracy.quarters
    expect(q2).toMatchObject({ period: '2026 Q2', rate: null, successes: 0, n: 0, interval: null })
    expect(q1).toMatchObject({ period: '2026 Q1', rate: 5 / 7, successes: 5, n: 7 })
    expect(rounded(q1?.interval ?? null)).toEqual(['0.3589', '0.9178'])
    // Follow-up: of Q1's 11 hand-over clocks, 8 acted on in time; L5 (late), L6 (ignored) and
    // L8 (never acted on) breached. Q2's one clock (L9) still runs.
    expect(tiles.followUp.quarters.map((f) => [f.period, f.rate, f.n])).toEqual([
      ['2026 Q2', null, 0],
      ['2026 Q1', 8 / 11, 11],
    ])
    // Review: of Q1's 9 cases (the imported ones have no review clock), 7 decided in time; L5's
    // and L6's are open and overdue.
    expect(tiles.review.quarters.map((f) => [f.period, f.rate, f.n])).toEqual([
      ['2026 Q2', null, 0],
      ['2026 Q1', 7 / 9, 9],
    ])
    expect(tiles.cases).toMatchObject({ since: '2025-04-01', open: 2, overdue: 2 })
    // Hindsight over the five quarters: 9 of the 11 rejections have a known outcome (L5 and H3
    // none); L1 and L10 were not buyers.
    expect(tiles.hindsight.figure).toMatchObject({ rate: 2 / 9, successes: 2, n: 9 })
    // Acceptance: this quarter Dana received L9 and has not accepted it; last quarter 2 of 11
    // (L11, L4). Both far below the benchmark.
    expect(tiles.acceptance.href).toBe(
      '/reports/scorecard?period=quarter&from=2026-04-01&to=2026-04-15',
    )
    expect(tiles.acceptance.quarters.map((f) => [f.period, f.rate, f.n])).toEqual([
      ['2026 Q2', 0, 1],
      ['2026 Q1', 2 / 11, 11],
    ])
    expect(tiles.acceptance.benchmark).toBe(0.9)
    // In the pool: L1 and L2 (sent to nurture in January) and L4 (back in it in March).
    expect(tiles.nurture).toEqual({ href: '/nurture', size: 3 })
  })
})

type Tiles = Awaited<ReturnType<typeof leadershipTiles>>
type Home = { leadership: Tiles | 'unavailable' | null }

describe('the home loader', () => {
  it('shows Felix, who is leadership, the tiles', async () => {
    const home = payloadOf<Home>(
      await homeLoader(getArgs('/', { cookie: cookies.felix, now: NOW })),
    )
    const tiles = home.leadership as Tiles
    expect(tiles.accuracy.quarters[1]?.rate).toBe(5 / 7)
    expect(tiles.nurture.size).toBe(3)
  })

  it('shows a rep no tiles', async () => {
    const home = payloadOf<Home>(await homeLoader(getArgs('/', { cookie: cookies.dana, now: NOW })))
    expect(home.leadership).toBeNull()
  })

  it('gives the figures the linked reports show', async () => {
    const home = payloadOf<Home>(
      await homeLoader(getArgs('/', { cookie: cookies.felix, now: NOW })),
    )
    const tiles = home.leadership as Tiles
    const read = async <T>(loader: (args: LoaderFunctionArgs) => Promise<unknown>, href: string) =>
      payloadOf<T>(await loader(getArgs(href, { cookie: cookies.felix, now: NOW })))
    type Rows<R> = { periods: R[]; total: R }
    const accuracy = await read<{ report: Rows<{ name: string; accuracy: number | null }> }>(
      accuracyLoader,
      tiles.accuracy.href,
    )
    expect(
      accuracy.report.periods
        .slice(-2)
        .reverse()
        .map((r) => [r.name, r.accuracy]),
    ).toEqual(tiles.accuracy.quarters.map((f) => [f.period, f.rate]))
    type Sla = {
      report: {
        followUp: { name: string; compliance: number | null }[]
        review: { name: string; compliance: number | null; openOverdue: number }[]
      }
    }
    const sla = await read<Sla>(slaLoader, tiles.followUp.href)
    expect(
      sla.report.followUp
        .slice(-2)
        .reverse()
        .map((r) => r.compliance),
    ).toEqual(tiles.followUp.quarters.map((f) => f.rate))
    expect(
      sla.report.review
        .slice(-2)
        .reverse()
        .map((r) => r.compliance),
    ).toEqual(tiles.review.quarters.map((f) => f.rate))
    expect(sla.report.review.reduce((sum, r) => sum + r.openOverdue, 0)).toBe(tiles.cases.overdue)
    const hindsight = await read<{ report: Rows<{ rejectionAccuracy: number | null }> }>(
      hindsightLoader,
      tiles.hindsight.href,
    )
    expect(hindsight.report.total.rejectionAccuracy).toBe(tiles.hindsight.figure.rate)
    const scorecard = await read<{ rows: { received: number; accepted: number }[] }>(
      scorecardLoader,
      tiles.acceptance.href,
    )
    const received = scorecard.rows.reduce((sum, r) => sum + r.received, 0)
    const accepted = scorecard.rows.reduce((sum, r) => sum + r.accepted, 0)
    expect([accepted, received]).toEqual([
      tiles.acceptance.quarters[0]?.successes,
      tiles.acceptance.quarters[0]?.n,
    ])
  })
})
