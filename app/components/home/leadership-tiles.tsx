// Leadership's home: a tile per question, each figure from its report (leadershipTiles in the
// domain) with its link, and a link to how the figure is defined. Everything a colour says is
// also said in words.
import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { LeadershipTiles as Tiles } from '~/domain/people/leadership-home.server'
import { type MetricSectionId, metricHref } from '~/domain/reports/metric-links'
import { formatRate } from '~/domain/reports/query'
import { belowBenchmark, pointsChange, type RateFigure } from '~/domain/reports/rates'
import { FEW_CASES } from '~/domain/reports/wilson'
import { countOf, formatCount, formatDecimal } from '~/platform/numbers'
import { formatCalendarDate } from '~/platform/time'

type Data = SerializeFrom<Tiles>

/** A tile: its title (a link to its report), the figure, what it is of, and its definition. */
function Tile({
  id,
  title,
  href,
  metric,
  children,
}: {
  id: string
  title: string
  href: string
  metric: MetricSectionId
  children: ReactNode
}) {
  return (
    <section
      aria-labelledby={`tile-${id}`}
      className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h3 id={`tile-${id}`} className="text-sm font-medium text-slate-700">
        {title}
      </h3>
      <div className="mt-1 flex-1 space-y-1 text-sm text-slate-700">{children}</div>
      <p className="mt-3 flex flex-wrap gap-x-3 text-sm">
        <Link
          to={href}
          aria-label={`Open the report: ${title}`}
          className="text-brand-700 underline"
        >
          Open the report
        </Link>
        <Link
          to={metricHref(metric)}
          aria-label={`How it is defined: ${title}`}
          className="text-brand-700 underline"
        >
          How it is defined
        </Link>
      </p>
    </section>
  )
}

const Figure = ({ children }: { children: ReactNode }) => (
  <p className="text-3xl font-semibold text-slate-900">{children}</p>
)

/** What a rate is of, and how far it can be trusted: "of 4 decided; 95% interval 30.1–95.4%". */
function RateDetail({ figure, noun }: { figure: RateFigure; noun: string }) {
  const { interval } = figure
  return (
    <p>
      {figure.period}: of {formatCount(figure.n)} {noun}
      {interval ? `; 95% interval ${formatRate(interval[0])} to ${formatRate(interval[1])}` : ''}
      {figure.n > 0 && figure.n < FEW_CASES ? (
        <strong className="font-medium text-amber-900"> (few cases: read with care)</strong>
      ) : null}
    </p>
  )
}

/** This quarter's rate, what it is of, last quarter's, and the change between them in words. */
function QuarterRates({ quarters, noun }: { quarters: RateFigure[]; noun: string }) {
  const [current, previous] = quarters
  if (!current || !previous) return null
  const change = pointsChange(current, previous)
  const trend =
    change === null
      ? `No change to tell from ${previous.period}`
      : change === 0
        ? `Level with ${previous.period}`
        : `${change > 0 ? 'Up' : 'Down'} ${formatDecimal(Math.abs(change))} points on ${previous.period}`
  return (
    <>
      <Figure>{formatRate(current.rate)}</Figure>
      <RateDetail figure={current} noun={noun} />
      <p className="font-medium text-slate-900">
        <span aria-hidden="true">
          {change === null || change === 0 ? '→ ' : change > 0 ? '↑ ' : '↓ '}
        </span>
        {trend}
      </p>
      <p className="text-slate-600">
        {previous.period}: {formatRate(previous.rate)} of {formatCount(previous.n)} {noun}
      </p>
    </>
  )
}

/** The tiles of a rate this quarter against the last, each with what its n counts. */
const RATE_TILES = [
  {
    id: 'accuracy',
    key: 'accuracy',
    title: 'Rejection accuracy',
    metric: 'rejection-accuracy',
    noun: 'decided',
  },
  {
    id: 'follow-up',
    key: 'followUp',
    title: 'Follow-up SLA compliance',
    metric: 'sla-report',
    noun: 'clocks judged',
  },
  {
    id: 'review',
    key: 'review',
    title: 'Review SLA compliance',
    metric: 'sla-report',
    noun: 'cases judged',
  },
] as const satisfies readonly { key: keyof Data; metric: MetricSectionId; [k: string]: string }[]

/** Leadership's tiles: the figures at a glance, this quarter against the last. */
export function LeadershipTiles({ tiles }: { tiles: Data }) {
  const [acceptance] = tiles.acceptance.quarters
  const below = belowBenchmark(acceptance?.rate ?? null)
  const benchmark = formatRate(tiles.acceptance.benchmark).replace('.0%', '%')
  return (
    <section aria-labelledby="glance-heading" className="space-y-3">
      <h2 id="glance-heading" className="text-lg font-semibold text-slate-900">
        At a glance
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {RATE_TILES.map((t) => (
          <Tile key={t.id} id={t.id} title={t.title} href={tiles[t.key].href} metric={t.metric}>
            <QuarterRates quarters={tiles[t.key].quarters} noun={t.noun} />
          </Tile>
        ))}
        <Tile id="cases" title="Open and overdue cases" href={tiles.cases.href} metric="sla-report">
          <Figure>{formatCount(tiles.cases.open)}</Figure>
          <p>{countOf(tiles.cases.open, 'case', 'cases')} in review</p>
          <p className={tiles.cases.overdue > 0 ? 'font-medium text-red-800' : undefined}>
            {formatCount(tiles.cases.overdue)} past their review due time
          </p>
          <p className="text-slate-600">
            Of cases opened since {formatCalendarDate(tiles.cases.since)}
          </p>
        </Tile>
        <Tile
          id="hindsight"
          title="Hindsight accuracy"
          href={tiles.hindsight.href}
          metric="hindsight"
        >
          <Figure>{formatRate(tiles.hindsight.figure.rate)}</Figure>
          <p>Rejected leads later found not to be real buyers</p>
          <RateDetail figure={tiles.hindsight.figure} noun="with a known outcome" />
        </Tile>
        <Tile
          id="acceptance"
          title="Acceptance rate"
          href={tiles.acceptance.href}
          metric="rep-scorecard"
        >
          <QuarterRates quarters={tiles.acceptance.quarters} noun="leads received" />
          {below === null ? null : (
            <p className={below ? 'font-medium text-red-800' : 'text-emerald-800'}>
              {below ? `Below the ${benchmark} benchmark` : `Meets the ${benchmark} benchmark`}
            </p>
          )}
        </Tile>
        <Tile id="nurture" title="Nurture pool" href={tiles.nurture.href} metric="nurture-pool">
          <Figure>{formatCount(tiles.nurture.size)}</Figure>
          <p>{tiles.nurture.size === 1 ? 'lead' : 'leads'} in the Nurture pool now</p>
        </Tile>
      </div>
    </section>
  )
}
