// The clocks family's summaries on a big database (decision 34, docs/performance.md "Report
// summaries: clocks"): `npx tsx bench/summaries-clocks.ts --database <copy> [--rebuild]`.
// Prepares the database (migrations, the calendar), rebuilds the family 5,000 follow-ups a step
// when asked, then times the SLA report and the scorecard (median of 5) from the summaries and
// from the raw rows (progress set to 0, then back), and the cost the triggers add to writing a
// follow-up. Writes to the database: run it on a copy.
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { prepareDatabase } from '~/domain/prepare.server'
import { periodTable } from '~/domain/reports/periods'
import type { ReportQuery } from '~/domain/reports/query'
import { clocksPerRep, repScorecard } from '~/domain/reports/scorecard.server'
import { clockReport, slaReport } from '~/domain/reports/sla.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { rebuildStep, SUMMARY_COMPLETE } from '~/domain/summaries/state.server'
import { openDatabase } from '~db/connection'

const { values: args } = parseArgs({
  options: {
    database: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    today: { type: 'string', default: '2026-11-28' },
    runs: { type: 'string', default: '5' },
  },
})
if (!args.database) throw new Error('--database <a copy of the database>')
const RUNS = Number(args.runs)
const db = openDatabase(args.database)
const timed = <T>(f: () => T): [T, number] => {
  const start = performance.now()
  const result = f()
  return [result, performance.now() - start]
}
const [, prepareMs] = timed(() => prepareDatabase(db))
console.log(`prepareDatabase (migrations): ${(prepareMs / 1000).toFixed(1)} s`)
const { timeZone } = getOrganisationSettings(db)

if (args.rebuild) {
  let rows = 0
  const [, ms] = timed(() => {
    for (;;) {
      const step = rebuildStep(db, SUMMARY_FAMILIES, 5000)
      rows += step.done
      if (!step.more) break
    }
  })
  console.log(`rebuild: ${rows} follow-ups in ${(ms / 1000).toFixed(1)} s`)
}
const sizes = db.all<{ name: string; n: number }>(sql`
  SELECT 'summary_clock_counts' AS name, count(*) AS n FROM summary_clock_counts
  UNION ALL SELECT 'summary_clock_hours', count(*) FROM summary_clock_hours
  UNION ALL SELECT 'summary_clock_minutes', count(*) FROM summary_clock_minutes
  UNION ALL SELECT 'summary_clock_details', count(*) FROM summary_clock_details`)
console.log(sizes.map((s) => `${s.name} ${s.n} rows`).join(', '))

const today = args.today as string
const range = {
  from: `${Number(today.slice(0, 4)) - 1}-${String(Number(today.slice(5, 7)) + 1).padStart(2, '0')}-01`,
  to: today,
}
const now = new Date(`${today}T12:00:00Z`)
const first = <T>(q: string) => db.$client.prepare(q).pluck().get() as T
const rep = first<number>('SELECT rep_id FROM follow_ups ORDER BY id LIMIT 1')
const source = first<string>(
  'SELECT source FROM leads WHERE source IS NOT NULL ORDER BY id LIMIT 1',
)
const campaign = first<string>(
  'SELECT campaign FROM leads WHERE campaign IS NOT NULL ORDER BY id LIMIT 1',
)
const reason = first<number>(
  'SELECT reason_id FROM cases WHERE reason_id IS NOT NULL ORDER BY id LIMIT 1',
)
const base: ReportQuery = { period: 'month', by: 'reason', history: 'shown' }
const week = { ...base, period: 'week' as const }
const views: [string, ReportQuery][] = [
  ['12 months by month (leadership)', base],
  ['by week, one rep', { ...week, repId: rep }],
  ['by week, one source', { ...week, source }],
  ['by week, one campaign', { ...week, campaign }],
  ['by week, stage after contact', { ...week, stage: 'after_contact' }],
  ['by week, net-new hand-overs', { ...week, handOver: 'net_new' }],
  ['by week, one reason', { ...week, reasonId: reason }],
  ['by month, source and rep', { ...base, source, repId: rep }],
]
/**
 * Median wall time and median CPU time (user + system) of a call: on a busy machine the wall
 * time is mostly waiting for a core, the CPU time what the call itself costs.
 */
const median = (f: () => unknown): [number, number] => {
  f()
  const walls: number[] = []
  const cpus: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage()
    walls.push(timed(f)[1])
    const used = process.cpuUsage(cpu)
    cpus.push((used.user + used.system) / 1000)
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number
  return [mid(walls), mid(cpus)]
}
const setProgress = (upto: number) =>
  db.run(sql`UPDATE summary_progress SET upto = ${upto} WHERE family = 'clocks'`)
const uptime = () => (loadavg()[0] ?? 0).toFixed(1)

console.log(
  `\nload ${uptime()}; ${timeZone}; range ${range.from} to ${range.to}; median of ${RUNS}: wall ms (CPU ms)`,
)
console.log(
  '| view | SLA: clock sections, summaries / raw | SLA report, summaries / raw | scorecard: clocks, summaries / raw | scorecard, summaries / raw |',
)
console.log('| --- | --- | --- | --- | --- |')
for (const [name, query] of views) {
  const sla = () => slaReport(db, query, range, timeZone, now)
  const card = () => repScorecard(db, query, range, timeZone, now)
  const clocks = () => {
    clockReport(db, 'hand_over', query, range, timeZone, now)
    clockReport(db, 'return', query, range, timeZone, now)
  }
  const { start, end } = periodTable(query.period, range, timeZone)
  const cardClocks = () => clocksPerRep(db, query, { start, end }, timeZone, now)
  const measured = () => [median(clocks), median(sla), median(cardClocks), median(card)]
  const summaries = measured()
  setProgress(0)
  const raw = measured()
  setProgress(SUMMARY_COMPLETE)
  const f = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0)
  const cell = ([wall, cpu]: [number, number]) => `${f(wall)} (${f(cpu)})`
  console.log(
    `| ${name} | ${summaries.map((ms, i) => `${cell(ms)} / ${cell(raw[i] ?? [0, 0])}`).join(' | ')} |`,
  )
}
console.log(`load ${uptime()}`)

// The triggers' cost: 2,000 follow-ups inserted open then ended, with the family counting them
// and with its progress below their ids (the triggers' WHEN guard skips them), alternately.
const insert =
  db.$client.prepare(`INSERT INTO follow_ups (lead_id, rep_id, kind, started_at, due_at)
  VALUES (?, ?, 'hand_over', ?, ?)`)
const end = db.$client.prepare(
  `UPDATE follow_ups SET acted_at = ?, action = 'accepted', working_ms = ? WHERE id = ?`,
)
const leads = db.$client
  .prepare(
    'SELECT id FROM leads WHERE id NOT IN (SELECT lead_id FROM follow_ups WHERE acted_at IS NULL) LIMIT 2000',
  )
  .pluck()
  .all() as number[]
const measure = () => {
  const cpu = process.cpuUsage()
  try {
    db.$client.transaction(() => {
      for (const lead of leads) {
        const at = now.getTime() - 3_600_000
        const id = Number(insert.run(lead, rep, at, at + 86_400_000).lastInsertRowid)
        end.run(now.getTime(), 1_234_567, id)
      }
      throw new Error('roll back')
    })()
  } catch {}
  const used = process.cpuUsage(cpu)
  return (used.user + used.system) / 1000
}
const withTriggers: number[] = []
const without: number[] = []
for (let i = 0; i < 5; i++) {
  withTriggers.push(measure())
  setProgress(0)
  without.push(measure())
  setProgress(SUMMARY_COMPLETE)
}
const med = (xs: number[]) => xs.sort((a, b) => a - b)[2] as number
const per = (ms: number) => ((ms / leads.length) * 1000).toFixed(0)
console.log(
  `\nwriting a follow-up and ending it (${leads.length} in a transaction, rolled back; median of 5, CPU time): ` +
    `${per(med(withTriggers))} µs with the triggers counting, ${per(med(without))} µs without (load ${uptime()})`,
)
