// Charts for the reports (Recharts). A chart is a figure: its caption names it, the drawing is
// one image with a summary in words (it takes no keyboard focus: Recharts' keyboard layer is
// off), and its figures are a table beside it (the report's own table, and the chart's table of
// each period's n and 95% Wilson interval, folded away under the drawing).
import { type ReactNode, useId } from 'react'
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatRate } from '~/domain/reports/query'
import { ACCEPTANCE_BENCHMARK, belowBenchmark } from '~/domain/reports/rates'
import { FEW_CASES, wilson } from '~/domain/reports/wilson'

/** A version of the definition that took effect in a period (versionMarkers, in the domain). */
export type ChartMarker = { period: string; label: string; on: string }

/** How a rate is read from a report's row: its value, and the successes and n behind it. */
type RateOf<R> = {
  label: string
  value: (row: R) => number | null
  successes: (row: R) => number
  n: (row: R) => number
  /** What n counts: "decided", "clocks judged". */
  nLabel: string
}

/** What every chart shares: no keyboard layer (the figure's table is the way in), its margins. */
const CHART = { accessibilityLayer: false, margin: { top: 20, right: 16, bottom: 8, left: 8 } }

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)

/** One period as the chart and its table read it. */
function pointOf<R extends { name: string }>(row: R, rate: RateOf<R>) {
  const n = rate.n(row)
  const interval = wilson(rate.successes(row), n)
  return {
    name: row.name,
    n,
    rate: rate.value(row),
    interval,
    line: percent(rate.value(row)),
    band: interval ? [percent(interval[0]), percent(interval[1])] : null,
  }
}

/** The figure: caption, the drawing as one image with its summary, its table folded beneath. */
function ChartFigure({
  title,
  summary,
  each,
  columns,
  rows,
  children,
}: {
  title: string
  summary: string
  /** What a row of its table is: "period", "rep". */
  each: string
  columns: string[]
  rows: { key: string; cells: ReactNode[] }[]
  children: ReactNode
}) {
  const id = useId()
  return (
    <figure aria-labelledby={id} className="mb-4 space-y-2">
      <figcaption id={id} className="text-sm font-medium text-slate-800">
        {title}
      </figcaption>
      <div role="img" aria-label={summary} className="h-80 w-full">
        {children}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 underline">
          The chart’s figures as a table
        </summary>
        <IntervalTable
          caption={`${title}: each ${each}’s n and 95% interval`}
          columns={columns}
          rows={rows}
        />
      </details>
    </figure>
  )
}

function IntervalTable({
  caption,
  columns,
  rows,
}: {
  caption: string
  columns: string[]
  rows: { key: string; cells: ReactNode[] }[]
}) {
  return (
    <table className="mt-2 min-w-full divide-y divide-slate-200 text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-50 text-left">
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" className="px-3 py-1 font-medium">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) => (
              <td key={`${r.key}-${columns[i]}`} className="px-3 py-1">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A legend entry's text, dark whatever the colour of its series (the swatch carries that). */
const legendText = (value: string) => <span className="text-slate-700">{value}</span>

const intervalText = (interval: [number, number] | null) =>
  interval ? `${formatRate(interval[0])} to ${formatRate(interval[1])}` : '—'

/** "few cases" beside a rate of fewer than FEW_CASES. */
const fewCases = (n: number) => (n > 0 && n < FEW_CASES ? 'few cases' : '')

/**
 * Counts as bars and a rate as a line, per period, with the rate's 95% interval shaded around
 * it (wide where a period has few cases), each period's n under its name, and a mark where a
 * version of the definition took effect.
 */
export function TrendChart<R extends { name: string }>({
  title,
  periodTitle,
  rows,
  bar,
  rate,
  markers = [],
}: {
  title: string
  /** The horizontal axis's title: "Month the case opened". */
  periodTitle: string
  rows: R[]
  bar: { label: string; value: (row: R) => number }
  rate: RateOf<R>
  markers?: ChartMarker[]
}) {
  const points = rows.map((row) => ({ ...pointOf(row, rate), count: bar.value(row) }))
  const nOf = new Map(points.map((p) => [p.name, p.n]))
  const rated = points.filter((p) => p.rate !== null)
  const latest = rated[rated.length - 1]
  const summary = [
    `${title}, ${points[0]?.name ?? ''} to ${points[points.length - 1]?.name ?? ''}.`,
    latest
      ? `Latest ${rate.label.toLowerCase()}: ${formatRate(latest.rate)} in ${latest.name}, of ${latest.n} ${rate.nLabel}.`
      : `No period has a ${rate.label.toLowerCase()}.`,
    ...markers.map((m) => `Definition ${m.label} took effect in ${m.period}.`),
    'The table of the chart’s figures follows.',
  ].join(' ')
  return (
    <ChartFigure
      title={title}
      summary={summary}
      each="period"
      columns={['Period', bar.label, rate.label, `n (${rate.nLabel})`, '95% interval', 'Note']}
      rows={points.map((p) => ({
        key: p.name,
        cells: [
          p.name,
          p.count,
          formatRate(p.rate),
          p.n,
          intervalText(p.interval),
          [
            fewCases(p.n),
            ...markers.filter((m) => m.period === p.name).map((m) => `${m.label} took effect`),
          ]
            .filter(Boolean)
            .join('; '),
        ],
      }))}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} {...CHART}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="name"
            height={64}
            tick={({ x, y, payload }) => (
              <g transform={`translate(${x},${y})`}>
                <text dy={12} textAnchor="middle" fontSize={12} fill="#334155">
                  {payload.value}
                </text>
                <text dy={27} textAnchor="middle" fontSize={11} fill="#475569">
                  n = {nOf.get(payload.value) ?? 0}
                </text>
              </g>
            )}
            label={{ value: periodTitle, position: 'insideBottom', fontSize: 12, fill: '#334155' }}
          />
          <YAxis
            yAxisId="count"
            allowDecimals={false}
            tick={{ fontSize: 12 }}
            label={{ value: bar.label, angle: -90, position: 'insideLeft', fontSize: 12 }}
          />
          <YAxis
            yAxisId="percent"
            orientation="right"
            domain={[0, 100]}
            unit="%"
            tick={{ fontSize: 12 }}
            label={{ value: `${rate.label} (%)`, angle: 90, position: 'insideRight', fontSize: 12 }}
          />
          <Tooltip />
          <Legend verticalAlign="top" height={28} formatter={legendText} />
          <Bar
            yAxisId="count"
            dataKey="count"
            name={bar.label}
            fill="#cbd5e1"
            fillOpacity={0.75}
            isAnimationActive={false}
          />
          <Area
            yAxisId="percent"
            dataKey="band"
            name="95% interval"
            stroke="none"
            fill="#bfdbfe"
            fillOpacity={0.7}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="percent"
            dataKey="line"
            name={rate.label}
            stroke="#1d4ed8"
            strokeWidth={2}
            connectNulls={false}
            dot
            isAnimationActive={false}
          />
          {markers.map((m) => (
            <ReferenceLine
              key={m.label}
              x={m.period}
              yAxisId="count"
              stroke="#7c3aed"
              strokeDasharray="4 3"
              label={{ value: m.label, position: 'insideTopLeft', fontSize: 11, fill: '#5b21b6' }}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  )
}

/** Each rep's acceptance rate as a bar with its 95% interval, against the 90% benchmark. */
export function AcceptanceChart({
  rows,
}: {
  rows: {
    repId: number
    name: string
    received: number
    accepted: number
    acceptanceRate: number | null
  }[]
}) {
  const points = rows.map((r) => {
    const point = pointOf(r, {
      label: 'Acceptance',
      value: (row) => row.acceptanceRate,
      successes: (row) => row.accepted,
      n: (row) => row.received,
      nLabel: 'received',
    })
    const below = belowBenchmark(point.rate)
    return {
      ...point,
      below,
      error:
        point.line !== null && point.band
          ? [point.line - (point.band[0] ?? 0), (point.band[1] ?? 0) - point.line]
          : null,
    }
  })
  const benchmark = `${ACCEPTANCE_BENCHMARK * 100}%`
  const below = points.filter((p) => p.below)
  const title = `Acceptance rate by rep, against the ${benchmark} benchmark`
  const summary = `${title}. ${
    below.length === 0
      ? 'No rep is below the benchmark.'
      : `${below.length} of ${points.length} reps below it: ${below
          .map((p) => `${p.name} ${formatRate(p.rate)}`)
          .join(', ')}.`
  } The table of the chart’s figures follows.`
  return (
    <ChartFigure
      title={title}
      summary={summary}
      each="rep"
      columns={['Rep', 'Acceptance', 'n (received)', '95% interval', 'Benchmark']}
      rows={points.map((p) => ({
        key: p.name,
        cells: [
          p.name,
          formatRate(p.rate),
          p.n,
          intervalText(p.interval),
          p.below === null ? '—' : p.below ? `Below ${benchmark}` : `Meets ${benchmark}`,
        ],
      }))}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} {...CHART}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="name"
            height={48}
            tick={{ fontSize: 12 }}
            label={{ value: 'Rep', position: 'insideBottom', fontSize: 12 }}
          />
          <YAxis
            domain={[0, 100]}
            unit="%"
            tick={{ fontSize: 12 }}
            label={{ value: 'Acceptance (%)', angle: -90, position: 'insideLeft', fontSize: 12 }}
          />
          <Tooltip />
          <Bar dataKey="line" name="Acceptance" maxBarSize={64} isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.name} fill={p.below ? '#f59e0b' : '#1d4ed8'} />
            ))}
            <ErrorBar
              dataKey="error"
              width={8}
              stroke="#334155"
              strokeWidth={1.5}
              isAnimationActive={false}
            />
          </Bar>
          <ReferenceLine
            y={ACCEPTANCE_BENCHMARK * 100}
            stroke="#b91c1c"
            strokeDasharray="4 3"
            label={{ value: `Benchmark ${benchmark}`, position: 'insideTopRight', fontSize: 11 }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  )
}
