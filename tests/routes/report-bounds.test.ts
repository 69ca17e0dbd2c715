// Report dates are checked at the edge: a day that does not exist, an inverted range, more than
// five years or more than 260 periods get a 400 naming the field, on every report page and CSV
// (issue 14, findings 1 and 6). Before, an impossible date was dropped, an inverted range swapped,
// and a range of centuries held the server for a minute and ended in a 500. The imported-history
// filter (issue 15) is checked alike: shown or hidden, else a 400 naming it.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as accuracy } from '~/routes/reports.accuracy'
import { loader as accuracyCsv } from '~/routes/reports.accuracy[.csv]'
import { loader as hindsight } from '~/routes/reports.hindsight'
import { loader as hindsightCsv } from '~/routes/reports.hindsight[.csv]'
import { loader as scorecard } from '~/routes/reports.scorecard'
import { loader as scorecardCsv } from '~/routes/reports.scorecard[.csv]'
import { loader as sla } from '~/routes/reports.sla'
import { loader as slaCsv } from '~/routes/reports.sla[.csv]'
import { loader as sources } from '~/routes/reports.sources'
import { loader as sourcesCsv } from '~/routes/reports.sources[.csv]'
import { loader as verdicts } from '~/routes/reports.verdicts'
import { loader as verdictsCsv } from '~/routes/reports.verdicts[.csv]'
import { seedTeam } from '../support/factories'
import { getArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

const LOADERS: [string, (args: LoaderFunctionArgs) => Promise<unknown>][] = [
  ['/reports/accuracy', accuracy],
  ['/reports/accuracy.csv', accuracyCsv],
  ['/reports/hindsight', hindsight],
  ['/reports/hindsight.csv', hindsightCsv],
  ['/reports/scorecard', scorecard],
  ['/reports/scorecard.csv', scorecardCsv],
  ['/reports/sla', sla],
  ['/reports/sla.csv', slaCsv],
  ['/reports/sources', sources],
  ['/reports/sources.csv', sourcesCsv],
  ['/reports/verdicts', verdicts],
  ['/reports/verdicts.csv', verdictsCsv],
]

// Each query and the exact message of its 400.
const REFUSED: [string, string][] = [
  ['from=2026-02-31&to=2026-04-30', 'from: 2026-02-31 is not a date in the calendar'],
  ['from=2026-01-01&to=0000-00-00', 'to: 0000-00-00 is not a date in the calendar'],
  ['from=last-monday', 'from: must be a date as YYYY-MM-DD'],
  ['from=2026-05-01&to=2026-04-30', 'to: must be on or after from (2026-05-01)'],
  ['from=2027-01-01', 'from: must be on or before to (2026-11-27)'],
  [
    'from=0001-01-01&to=9999-12-31&period=week',
    'to: must be at most 5 years after from, on or before 0006-01-01',
  ],
  [
    'from=1900-01-01&to=2100-12-31&period=week',
    'to: must be at most 5 years after from, on or before 1905-01-01',
  ],
  [
    'from=2021-01-04&to=2025-12-29&period=week',
    'period: a weekly report shows at most 260 weeks, and 2021-01-04 to 2025-12-29 spans 261: choose a longer period or a shorter range',
  ],
  ['period=year', 'period: must be week, month or quarter'],
  // Imported history is shown or hidden (issue 15), nothing else.
  ['history=all', 'history: must be shown or hidden'],
  ['history=__proto__', 'history: must be shown or hidden'],
  // The stage and the hand-over (issue 16): one of their values, or none.
  ['stage=rejected', 'stage: must be before_contact, after_contact or ignored'],
  ['stage=Ignored', 'stage: must be before_contact, after_contact or ignored'],
  ['handOver=all', 'handOver: must be net_new or re_engaged'],
  ['handOver=net-new', 'handOver: must be net_new or re_engaged'],
]

const NOW = new Date('2026-11-27T12:00:00Z')
let cookie = ''

beforeAll(async () => {
  await seedTeam()
  cookie = await signInAs('felix@brightline.test')
})

const call = (path: string, loader: (args: LoaderFunctionArgs) => Promise<unknown>) =>
  settle(() => loader(getArgs(path, { cookie, now: NOW })))

describe('report date ranges', () => {
  it.each(LOADERS)(
    '%s refuses impossible, inverted and too wide ranges with a 400 naming the field',
    async (path, loader) => {
      for (const [query, message] of REFUSED) {
        const response = await call(`${path}?${query}`, loader)
        expect(response, `${path}?${query}`).toBeInstanceOf(Response)
        const refused = response as Response
        expect([refused.status, await refused.text()], `${path}?${query}`).toEqual([400, message])
        expect(refused.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
      }
    },
  )

  it.each(LOADERS)(
    '%s answers the default range for empty dates, and five years by month',
    async (path, loader) => {
      for (const query of [
        'from=&to=',
        'from=2021-01-01&to=2026-01-01',
        'from=2021-01-04&to=2025-12-28&period=week',
        'history=shown',
        'history=hidden&from=',
        'stage=&handOver=',
        'stage=after_contact&handOver=re_engaged',
        'stage=ignored&handOver=net_new',
      ]) {
        expect(statusOf(await call(`${path}?${query}`, loader)), `${path}?${query}`).toBe(200)
      }
    },
  )
})
