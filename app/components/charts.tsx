// Charts for the reports (Recharts). Each chart is beside a table of the same numbers, which
// screen readers use and people read for exact values; the chart itself is hidden from them.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

/** Counts as bars and a rate (0 to 1) as a line, per period. */
export function TrendChart({
  rows,
  bar,
  line,
}: {
  rows: Record<string, string | number | null>[]
  bar: { key: string; label: string }
  line: { key: string; label: string }
}) {
  const data = rows.map((r) => {
    const rate = r[line.key]
    return {
      name: r.name,
      bar: r[bar.key],
      line: typeof rate === 'number' ? Math.round(rate * 1000) / 10 : null,
    }
  })
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis
            yAxisId="percent"
            orientation="right"
            domain={[0, 100]}
            unit="%"
            tick={{ fontSize: 12 }}
          />
          <Tooltip />
          <Legend />
          <Bar yAxisId="count" dataKey="bar" name={bar.label} fill="#cbd5e1" />
          <Line
            yAxisId="percent"
            dataKey="line"
            name={line.label}
            stroke="#1d4ed8"
            strokeWidth={2}
            connectNulls={false}
            dot
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
