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

export function AccuracyChart({
  rows,
}: {
  rows: { name: string; decided: number; accuracy: number | null }[]
}) {
  const data = rows.map((r) => ({
    name: r.name,
    decided: r.decided,
    accuracy: r.accuracy === null ? null : Math.round(r.accuracy * 1000) / 10,
  }))
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
          <Bar yAxisId="count" dataKey="decided" name="Decided" fill="#cbd5e1" />
          <Line
            yAxisId="percent"
            dataKey="accuracy"
            name="Accuracy"
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
