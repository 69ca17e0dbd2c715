// The `cases` summary family on a big database (decision 34): `rebuild <db>` migrates the file
// and counts every case and vote into the summaries (timed); `reports <db>` times each report of
// the family from the summaries and from the raw rows (median of 5), back to back; `writes
// <db>` times inserting and deciding cases with and without the triggers.
// Usage: npx tsx bench/summaries-cases.ts rebuild|reports|writes /work/bigdata/<copy>.db
import { prepareDatabase } from '~/domain/prepare.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { rebuildStep } from '~/domain/summaries/state.server'
import { openDatabase } from '~db/connection'

const [mode, path] = process.argv.slice(2)
if (!path) throw new Error('usage: summaries-cases.ts rebuild|reports|writes <db>')
const db = openDatabase(path)

if (mode === 'rebuild') {
  let started = performance.now()
  const prepared = prepareDatabase(db)
  console.log(
    `prepared (migrated ${prepared.migrated}) in ${Math.round(performance.now() - started)} ms`,
  )
  started = performance.now()
  let rows = 0
  let steps = 0
  let slowest = 0
  for (;;) {
    const at = performance.now()
    const { done, more } = rebuildStep(db, SUMMARY_FAMILIES, 5000)
    slowest = Math.max(slowest, performance.now() - at)
    rows += done
    steps++
    if (!more) break
  }
  console.log(
    `rebuilt ${rows} rows in ${steps} steps, ${Math.round(performance.now() - started)} ms; slowest step ${Math.round(slowest)} ms`,
  )
  for (const table of SUMMARY_FAMILIES.flatMap((f) => f.tables))
    console.log(table, db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get())
}

type Query = import('~/domain/reports/query').ReportQuery

async function reports() {
  const { ReportQuerySchema } = await import('~/domain/reports/query')
  const { defaultRange } = await import('~/domain/reports/periods')
  const { accuracyReport } = await import('~/domain/reports/accuracy.server')
  const { verdictReport } = await import('~/domain/reports/verdicts.server')
  const { reviewReport, slaReport } = await import('~/domain/reports/sla.server')
  const { repScorecard } = await import('~/domain/reports/scorecard.server')
  const { getOrganisationSettings } = await import('~/domain/settings/settings.server')
  const { SUMMARY_COMPLETE } = await import('~/domain/summaries/state.server')
  const timeZone = getOrganisationSettings(db).timeZone
  const last = db.$client.prepare('SELECT max(opened_at) AS at FROM cases').get() as { at: number }
  const now = new Date(last.at + 3_600_000)
  const range = defaultRange(now.toISOString().slice(0, 10))
  const rep = (db.$client.prepare('SELECT rep_id AS id FROM cases LIMIT 1').get() as { id: number })
    .id
  const { source, campaign } = db.$client
    .prepare('SELECT source, campaign FROM cases WHERE campaign IS NOT NULL LIMIT 1')
    .get() as { source: string; campaign: string }
  const views: [string, Record<string, unknown>][] = [
    ['12 months by month', { period: 'month' }],
    ['by week, one rep, by rep', { period: 'week', repId: rep, by: 'rep' }],
    ['by week, one rep (by reason: raw)', { period: 'week', repId: rep }],
    ['by week, one source, by source', { period: 'week', source, by: 'source' }],
    ['by week, one campaign, by campaign', { period: 'week', campaign, by: 'campaign' }],
    ['by week, by campaign', { period: 'week', by: 'campaign' }],
    ['by week, after contact', { period: 'week', stage: 'after_contact' }],
    ['by week, re-engaged', { period: 'week', handOver: 're_engaged' }],
    ['by week, rep + source (raw)', { period: 'week', repId: rep, source }],
  ]
  const tasks: [string, (q: Query) => unknown][] = [
    ['accuracy', (q) => accuracyReport(db, q, range, timeZone)],
    ['verdicts', (q) => verdictReport(db, q, range, timeZone)],
    ['review', (q) => reviewReport(db, q, range, timeZone, now)],
    ['sla (whole)', (q) => slaReport(db, q, range, timeZone, now)],
    ['scorecard', (q) => repScorecard(db, q, range, timeZone, now)],
  ]
  const setProgress = (upto: number) =>
    db.$client.prepare("UPDATE summary_progress SET upto = ? WHERE family = 'cases'").run(upto)
  const median = (run: () => unknown) => {
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const at = performance.now()
      run()
      times.push(performance.now() - at)
    }
    return times.sort((a, b) => a - b)[2] as number
  }
  console.log(`range ${range.from}..${range.to}, ${timeZone}`)
  for (const [view, asked] of views) {
    const query = ReportQuerySchema.parse(asked)
    for (const [name, run] of tasks) {
      if (name === 'sla (whole)' && view !== '12 months by month') continue
      setProgress(SUMMARY_COMPLETE)
      const summaries = median(() => run(query))
      const a = JSON.stringify(run(query))
      setProgress(0)
      const raw = median(() => run(query))
      const b = JSON.stringify(run(query))
      setProgress(SUMMARY_COMPLETE)
      console.log(
        `${view.padEnd(38)} ${name.padEnd(12)} summaries ${summaries.toFixed(1).padStart(7)} ms  raw ${raw.toFixed(1).padStart(7)} ms  ${a === b ? 'same' : 'DIFFERENT'}`,
      )
    }
  }
}

if (mode === 'reports') await reports()

/** Counts the family again from zero (resetFamily, then the rebuild's steps), timed. */
async function rerun() {
  const { CASES_FAMILY } = await import('~/domain/summaries/cases.server')
  const { resetFamily } = await import('~/domain/summaries/state.server')
  db.transaction((tx) => resetFamily(tx, CASES_FAMILY), { behavior: 'immediate' })
  const started = performance.now()
  let steps = 0
  let slowest = 0
  for (;;) {
    const at = performance.now()
    const { more } = rebuildStep(db, SUMMARY_FAMILIES, 5000)
    slowest = Math.max(slowest, performance.now() - at)
    steps++
    if (!more) break
  }
  console.log(
    `rebuilt in ${steps} steps, ${Math.round(performance.now() - started)} ms; slowest step ${Math.round(slowest)} ms`,
  )
}

/**
 * What the triggers add to a write: 300 cases opened, voted on by three members and decided,
 * each in its own transaction (not committed: one outer transaction rolled back at the end),
 * with the family complete and with its progress at 0 (the triggers' WHEN false).
 */
function writes() {
  const c = db.$client
  const rep = c
    .prepare(
      "SELECT rep_id AS id, reason_id AS reason, filed_by AS filed, lead_id AS lead FROM cases c WHERE kind = 'rejected' AND status = 'decided' AND NOT EXISTS (SELECT 1 FROM cases o WHERE o.lead_id = c.lead_id AND o.status = 'in_review') LIMIT 1",
    )
    .get() as { id: number; reason: number; filed: number; lead: number }
  const members = (
    c.prepare("SELECT user_id AS id FROM user_roles WHERE role = 'committee' LIMIT 3").all() as {
      id: number
    }[]
  ).map((m) => m.id)
  const insert = c.prepare(`INSERT INTO cases (lead_id, kind, status, reason_id, filed_by, rep_id,
      source, campaign, opened_at, review_due_at, lead_snapshot)
    VALUES (?, 'rejected', 'in_review', ?, ?, ?, 'ads', 'bench', ?, ?, '{}')`)
  const vote = c.prepare(`INSERT INTO votes (case_id, member_id, seat, is_chair, verdict, findings,
      rationale, departures, cast_at, updated_at)
    VALUES (?, ?, 'sales', 0, 'does_not_meet', '{}', 'r', '["budget"]', ?, ?)`)
  const decide = c.prepare(`UPDATE cases SET status = 'decided', verdict = 'does_not_meet',
      disposition = 'disqualified', agrees_with_definition = 1, unanimous = 1,
      decided_by_chair = 0, decided_at = ?, review_working_ms = 3600000,
      departures = '["budget"]' WHERE id = ?`)
  const round = (upto: number) => {
    c.exec('BEGIN')
    c.prepare("UPDATE summary_progress SET upto = ? WHERE family = 'cases'").run(upto)
    const at = performance.now()
    for (let i = 0; i < 300; i++) {
      c.exec('SAVEPOINT one')
      const now = Date.now()
      // A lead's one open case: a lead far beyond the others' ids would do, but the lead must
      // exist (foreign keys); the open case is decided before the next opens.
      const id = Number(
        insert.run(rep.lead, rep.reason, rep.filed, rep.id, now, now + 1e8).lastInsertRowid,
      )
      for (const m of members) vote.run(id, m, now, now)
      decide.run(now + 1, id)
      c.exec('RELEASE one')
    }
    const ms = performance.now() - at
    c.exec('ROLLBACK')
    return ms / 300
  }
  for (let i = 0; i < 3; i++) {
    const on = round(Number.MAX_SAFE_INTEGER)
    const off = round(0)
    console.log(
      `per case (open, 3 votes, decide): triggers ${on.toFixed(3)} ms, without ${off.toFixed(3)} ms`,
    )
  }
}

if (mode === 'rerun') await rerun()
if (mode === 'writes') writes()
