// `npx tsx bench/summaries-sources.ts --database <copy of the 1M database> [--rebuild]
//   [--runs 5] [--writes 2000]`
//
// The sources and hindsight summary families (decision 34) at a million leads. WRITES to the
// database it is given (migrates it, rebuilds the summaries): give it a copy. `--rebuild`
// starts both families from zero and times `rebuildStep` until done; then each report view
// (leadership's default and the filtered ones) is timed from the summaries and raw, `--runs`
// times each (median and max), and the cost the triggers add to a write is timed on a loop of
// lead, case and outcome inserts rolled back (with the families counted, and without).
import { parseArgs } from 'node:util'
import { prepareDatabase } from '~/domain/prepare.server'
import { hindsightRaw, hindsightReport } from '~/domain/reports/hindsight.server'
import { defaultRange } from '~/domain/reports/periods'
import { type ReportQuery, ReportQuerySchema } from '~/domain/reports/query'
import { sourceQualityRaw, sourceQualityReport } from '~/domain/reports/source-quality.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { localDate } from '~/domain/sla/clock'
import { hindsightFamily } from '~/domain/summaries/hindsight.server'
import { sourcesFamily } from '~/domain/summaries/sources.server'
import { rebuildStep, resetFamily, summariesComplete } from '~/domain/summaries/state.server'
import { openDatabase } from '~db/connection'

const { values: args } = parseArgs({
  options: {
    database: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    writes: { type: 'string', default: '2000' },
    only: { type: 'string' },
    'no-raw': { type: 'boolean', default: false },
  },
})
if (!args.database) throw new Error('--database is required (a copy: this benchmark writes)')
const db = openDatabase(args.database)
let t = performance.now()
prepareDatabase(db)
console.log(`prepared (migrations) in ${((performance.now() - t) / 1000).toFixed(1)} s`)
const families = [sourcesFamily, hindsightFamily]
if (args.rebuild) {
  db.transaction((tx) => {
    for (const family of families) resetFamily(tx, family)
  })
  t = performance.now()
  let rows = 0
  for (;;) {
    const step = rebuildStep(db, families, 5000)
    rows += step.done
    if (!step.more) break
  }
  console.log(`rebuild: ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`)
}
const { timeZone } = getOrganisationSettings(db)
for (const family of families)
  console.log(family.name, 'complete:', summariesComplete(db, family, timeZone))

const latest = db.$client.prepare('SELECT max(handed_over_at) AS at FROM leads').get() as {
  at: number
}
const today = localDate(new Date(latest.at), timeZone)
const rep = (db.$client.prepare('SELECT owner_id AS id FROM leads LIMIT 1').get() as { id: number })
  .id
const pair = db.$client
  .prepare(
    'SELECT source, campaign FROM leads WHERE source IS NOT NULL AND campaign IS NOT NULL LIMIT 1',
  )
  .get() as { source: string; campaign: string }
const reason = (
  db.$client.prepare("SELECT reason_id AS id FROM cases WHERE kind = 'rejected' LIMIT 1").get() as {
    id: number
  }
).id

const views: [string, Record<string, string | number>][] = [
  ['default (12 months by month)', {}],
  ['by week', { period: 'week' }],
  ['rep, by week', { period: 'week', repId: rep }],
  ['source, by week', { period: 'week', source: pair.source }],
  ['campaign, by week', { period: 'week', campaign: pair.campaign }],
  ['reason', { reasonId: reason }],
  ['stage after contact, by week', { period: 'week', stage: 'after_contact' }],
  ['net-new, by week', { period: 'week', handOver: 'net_new' }],
  ['re-engaged', { handOver: 're_engaged' }],
  ['history hidden', { history: 'hidden' }],
  ['rep + reason (raw)', { repId: rep, reasonId: reason }],
  ['rep + source (hindsight raw)', { repId: rep, source: pair.source }],
]
const range = defaultRange(today)
const runs = Number(args.runs)
/** Wall time (median and max of `runs`) and CPU time (median): the CPU is what a busy machine does not inflate. */
function time(fn: () => unknown) {
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const used = process.cpuUsage()
    fn()
    const { user, system } = process.cpuUsage(used)
    times.push(performance.now() - start)
    cpu.push((user + system) / 1000)
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const mid = Math.floor((runs - 1) / 2)
  return { median: times[mid] as number, max: times.at(-1) as number, cpu: cpu[mid] as number }
}
const ms = (x: { median: number; max: number; cpu: number }) =>
  `${x.median.toFixed(1)} / ${x.max.toFixed(1)} (CPU ${x.cpu.toFixed(1)})`
if (args.only !== 'writes') {
  console.log(
    '| view | sources: summaries | sources: raw | hindsight: summaries | hindsight: raw |',
  )
  console.log('| --- | --- | --- | --- | --- |')
  for (const [name, asked] of views) {
    const query: ReportQuery = ReportQuerySchema.parse(asked)
    const s = time(() => sourceQualityReport(db, query, range, timeZone))
    const none = { median: Number.NaN, max: Number.NaN, cpu: Number.NaN }
    const raw = !args['no-raw']
    const sr = raw ? time(() => sourceQualityRaw(db, query, range, timeZone)) : none
    const h = time(() => hindsightReport(db, query, range, timeZone))
    const hr = raw ? time(() => hindsightRaw(db, query, range, timeZone)) : none
    console.log(`| ${name} | ${ms(s)} | ${ms(sr)} | ${ms(h)} | ${ms(hr)} |`)
  }
}

// The triggers' cost: inserts of a lead, a rejected case of it and an outcome, in one
// transaction each, rolled back; with the families counted, then with their progress at 0.
const writes = Number(args.writes)
const sqlite = db.$client
const insertLead = sqlite.prepare(`INSERT INTO leads (email, owner_id, status, handed_over_at,
  created_at, updated_at, source, campaign) VALUES (?, ?, 'new', ?, ?, ?, ?, ?)`)
const insertCase = sqlite.prepare(`INSERT INTO cases (lead_id, kind, status, reason_id, filed_by,
  rep_id, lead_snapshot, opened_at, review_due_at, source, campaign)
  VALUES (?, 'rejected', 'in_review', ?, ?, ?, '{}', ?, ?, ?, ?)`)
const insertOutcome = sqlite.prepare(`INSERT INTO outcomes (lead_id, outcome, occurred_on,
  recorded_at) VALUES (?, 'won', ?, ?)`)
function writeLoop(label: string) {
  const start = performance.now()
  for (let i = 0; i < writes; i++) {
    const at = latest.at + i * 1000
    sqlite.exec('SAVEPOINT w')
    const lead = insertLead.run(
      `bench-${i}@summaries.test`,
      rep,
      at,
      at,
      at,
      pair.source,
      pair.campaign,
    )
    insertCase.run(lead.lastInsertRowid, reason, rep, rep, at, at, pair.source, pair.campaign)
    insertOutcome.run(lead.lastInsertRowid, today, at)
    sqlite.exec('ROLLBACK TO w')
    sqlite.exec('RELEASE w')
  }
  const each = (performance.now() - start) / writes
  console.log(`${label}: ${(each * 1000).toFixed(0)} µs per lead + case + outcome`)
  return each
}
sqlite.exec('BEGIN')
const withTriggers = writeLoop('triggers on')
sqlite.exec("UPDATE summary_progress SET upto = 0 WHERE family IN ('sources', 'hindsight')")
const without = writeLoop('triggers guarded off')
sqlite.exec('ROLLBACK')
console.log(
  `the triggers add ${((withTriggers - without) * 1000).toFixed(0)} µs (×${(withTriggers / without).toFixed(2)})`,
)
