// `npm run bench:definition -- --database <copy of data/large-1000000.db> [--months 12]
//   [--runs 3] [--load 0]`
//
// How long the hindsight of the definition report and "Impact of this version" take at a
// million leads (docs/performance.md, "Definition quality"). WRITES to the database it is given
// (brings it up to date, and opens a proposed version v3 when none is open): give it a copy.
// Times each computation on this thread, then as a report thread runs it (the report pool, as
// the server does), `--runs` times each; with `--load N`, N busy loops run beside it (a loaded
// machine). Prints the times and writes bench/results/definition-quality-<leads>.json.
import { fork } from 'node:child_process'
import { parseArgs } from 'node:util'
import { eq, inArray } from 'drizzle-orm'
import { saveCriterion, startDraft } from '~/domain/definition/drafting.server'
import { computeVersionImpact } from '~/domain/definition/impact.server'
import { proposeVersion } from '~/domain/definition/proposal.server'
import { CriterionSchema } from '~/domain/definition/schema'
import { criteriaOf } from '~/domain/definition/versions.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { definitionReport } from '~/domain/reports/definition.server'
import { defaultRange } from '~/domain/reports/periods'
import { ReportQuerySchema } from '~/domain/reports/query'
import { runReportTask, startReportPool } from '~/domain/reports/run-report.server'
import { localDate } from '~/domain/sla/clock'
import { stopTaskPools } from '~/platform/task-pool.server'
import { openDatabase } from '~db/connection'
import { definitionVersions, userRoles } from '~db/schema'
import { machine, writeResult } from './lib'

const { values: args } = parseArgs({
  options: {
    database: { type: 'string' },
    months: { type: 'string', default: '12' },
    runs: { type: 'string', default: '3' },
    load: { type: 'string', default: '0' },
    spin: { type: 'boolean', default: false },
  },
})

// A busy loop, forked N times for `--load`.
if (args.spin) for (;;) Math.sqrt(Math.random())

if (!args.database) throw new Error('--database is required (a copy: this benchmark writes)')
process.env.DATABASE_PATH = args.database
process.env.REPORT_TIMEOUT_MS = '600000'
const db = openDatabase(args.database)
prepareDatabase(db)
const TIME_ZONE = 'Europe/London'
const latest = db.$client.prepare('SELECT max(handed_over_at) AS at FROM leads').get() as {
  at: number
}
const now = new Date(latest.at + 60_000)

/** The open version (draft or proposed), or v3 opened from the active one and proposed. */
function proposedVersion(): number {
  const open = db
    .select()
    .from(definitionVersions)
    .where(inArray(definitionVersions.status, ['draft', 'proposed']))
    .get()
  if (open) return open.id
  const admin = db.select().from(userRoles).where(eq(userRoles.role, 'admin')).get()
  if (!admin) throw new Error('No admin in the database')
  const draft = startDraft(db, admin.userId, 'active', now)
  if (!draft.ok) throw new Error(JSON.stringify(draft))
  const size = criteriaOf(db, draft.versionId).find((c) => c.key === 'company_size')
  const input = CriterionSchema.parse({
    criterionId: size?.id,
    key: 'company_size',
    label: 'At least 100 employees',
    field: 'employeeCount',
    operator: 'at_least',
    value: '100',
    required: true,
  })
  const saved = saveCriterion(db, admin.userId, draft.versionId, input, now)
  if (!saved.ok) throw new Error(JSON.stringify(saved))
  const proposed = proposeVersion(db, admin.userId, draft.versionId, now)
  if (!proposed.ok) throw new Error(JSON.stringify(proposed))
  return draft.versionId
}

const versionId = proposedVersion()
const leads = (db.$client.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n
const months = Number(args.months)
const query = ReportQuerySchema.parse({})
const range = defaultRange(localDate(now, TIME_ZONE))
const reportInput = { query, range, timeZone: TIME_ZONE, now }
const impactInput = { versionId, months, now, timeZone: TIME_ZONE }

const spinners = Array.from({ length: Number(args.load) }, () =>
  fork(process.argv[1] as string, ['--spin'], { execArgv: ['--import', 'tsx'] }),
)

async function timed<T>(name: string, run: () => T | Promise<T>) {
  const times: number[] = []
  let value: T | undefined
  for (let i = 0; i < Number(args.runs); i++) {
    const started = performance.now()
    value = await run()
    times.push(Math.round(performance.now() - started))
  }
  console.log(`${name}: ${times.join(', ')} ms`)
  return { name, times, value }
}

try {
  const report = await timed('report, this thread', () =>
    definitionReport(db, query, range, TIME_ZONE),
  )
  const impact = await timed('impact, this thread', () => computeVersionImpact(db, impactInput))
  const pool = startReportPool()
  await pool.ready()
  const poolReport = await timed('report, report thread', () =>
    runReportTask('definition', reportInput),
  )
  const poolImpact = await timed('impact, report thread', () =>
    runReportTask('definition.impact', impactInput),
  )
  console.log(JSON.stringify(report.value, null, 1).slice(0, 1500))
  console.log(JSON.stringify(impact.value, null, 1))
  const file = writeResult(`definition-quality-${leads}${spinners.length ? '-loaded' : ''}`, {
    machine: machine(),
    leads,
    months,
    load: spinners.length,
    runs: [report, impact, poolReport, poolImpact].map(({ name, times }) => ({ name, times })),
    impact: impact.value,
    report: report.value,
  })
  console.log(`Wrote ${file}`)
} finally {
  for (const spinner of spinners) spinner.kill()
  await stopTaskPools()
  db.$client.close()
}
