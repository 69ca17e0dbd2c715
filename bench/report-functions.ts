// `npx tsx bench/report-functions.ts --database <copy> [--runs 20] [--only scorecard,sources]
//   [--today 2026-11-28] [--statements]`
//
// Times the report functions themselves, as a report thread runs them: the database prepared
// once (migrations, the calendar: it writes, so give it a copy), then a read-only connection
// without the statement cache (openReadOnlyDatabase). Each report and its CSV, the default view
// (leadership: the last 12 months by month), a warm-up run, then wall and CPU time of `--runs`
// runs: median and p95. `--statements` adds each statement's share of the time (the wall time
// (CPU) of preparing and running it, and what is left outside SQLite to find where a report's time goes.
// Run with `node --cpu-prof` through tsx for a profile (docs/performance.md, "Issue 18, third
// session: the scorecard").
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type Database from 'better-sqlite3'
import { prepareDatabase } from '~/domain/prepare.server'
import { defaultRange } from '~/domain/reports/periods'
import { ReportQuerySchema } from '~/domain/reports/query'
import { REPORT_TASKS } from '~/domain/reports/tasks.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { summariesComplete } from '~/domain/summaries/state.server'
import { openDatabase, openReadOnlyDatabase } from '~db/connection'

const { values: args } = parseArgs({
  options: {
    database: { type: 'string' },
    runs: { type: 'string', default: '20' },
    only: { type: 'string', default: 'scorecard,sources,sla' },
    today: { type: 'string', default: '2026-11-28' },
    statements: { type: 'boolean', default: false },
  },
})
if (!args.database) throw new Error('--database <a copy of the database>')
const RUNS = Number(args.runs)

const writer = openDatabase(args.database)
prepareDatabase(writer)
const { timeZone } = getOrganisationSettings(writer)
for (const family of SUMMARY_FAMILIES)
  if (!summariesComplete(writer, family, timeZone))
    throw new Error(`The ${family.name} summaries are not complete: rebuild them first`)
writer.$client.close()

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
/** Per statement (by its SQL), the CPU time spent preparing and running it, in ms. */
const spent = new Map<string, { prepare: number; run: number; calls: number }>()
const db = openReadOnlyDatabase(args.database, { busyTimeoutMs: 30_000 })
if (args.statements) instrument(db.$client)

const today = args.today as string
const input = {
  // The page's query with nothing asked: by month, every filter at its default.
  query: ReportQuerySchema.parse({}),
  range: defaultRange(today),
  timeZone,
  now: new Date(`${today}T12:00:00Z`),
}
const at = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN
const f = (ms: number) => ms.toFixed(1)

console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${timeZone}; ${input.range.from} to ${input.range.to} by month; ${RUNS} runs`,
)
console.log('| task | wall p50 | wall p95 | CPU p50 | CPU p95 | rows |')
console.log('| --- | --- | --- | --- | --- | --- |')
for (const report of (args.only as string).split(',')) {
  for (const task of [report, `${report}.csv`] as (keyof typeof REPORT_TASKS)[]) {
    const run = REPORT_TASKS[task] as (db: unknown, i: typeof input) => unknown[]
    const rows = run(db, input).length
    spent.clear()
    const walls: number[] = []
    const cpus: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const [wall, cpu] = [performance.now(), cpuMs()]
      run(db, input)
      walls.push(performance.now() - wall)
      cpus.push(cpuMs() - cpu)
    }
    walls.sort((a, b) => a - b)
    cpus.sort((a, b) => a - b)
    console.log(
      `| ${task} | ${f(at(walls, 0.5))} | ${f(at(walls, 0.95))} | ${f(at(cpus, 0.5))} | ${f(at(cpus, 0.95))} | ${rows} |`,
    )
    if (args.statements) {
      const total = cpus.reduce((s, c) => s + c, 0)
      const statements = [...spent].sort(
        (a, b) => b[1].prepare + b[1].run - a[1].prepare - a[1].run,
      )
      for (const [source, { prepare, run, calls }] of statements)
        console.log(
          `    ${((100 * (prepare + run)) / total).toFixed(1)}% of CPU: prepare ${f(prepare / RUNS)}, run ${f(run / RUNS)} ms a report, ${calls / RUNS} calls: ${source.replace(/\s+/g, ' ').trim().slice(0, 150)}`,
        )
      const inSql = [...spent.values()].reduce((s, e) => s + e.prepare + e.run, 0)
      console.log(`    outside SQLite (JS): ${f((total - inSql) / RUNS)} ms a report`)
    }
  }
}

/** Wraps `prepare` so each statement's preparing and running is timed under its SQL. */
function instrument(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite)
  const add = (source: string, step: 'prepare' | 'run', ms: number) => {
    const entry = spent.get(source) ?? { prepare: 0, run: 0, calls: 0 }
    entry[step] += ms
    if (step === 'run') entry.calls++
    spent.set(source, entry)
  }
  sqlite.prepare = ((source: string) => {
    const start = cpuMs()
    const statement = prepare(source)
    add(source, 'prepare', cpuMs() - start)
    for (const method of ['all', 'get', 'run', 'iterate', 'values'] as const) {
      const original = (statement as unknown as Record<string, unknown>)[method]
      if (typeof original !== 'function') continue
      ;(statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        const t = cpuMs()
        const result = (original as (...p: unknown[]) => unknown).apply(statement, params)
        add(source, 'run', cpuMs() - t)
        return result
      }
    }
    return statement
  }) as typeof sqlite.prepare
}
