// `npm run bench:import [-- --rows 200000] [-- --database path.db] [-- --file path.csv]`:
// imports a CSV through the same route actions as the "Import leads" page (upload, mapping,
// preview, start) into a copy of a starting database (a fresh one with the demo seed, or a copy
// of --database, e.g. the one `npm run seed:large` makes). Beside it, raw better-sqlite3 inserts
// the same leads into another copy of that database with one prepared statement in one
// transaction: the floor the import is measured against. Then the same raw inserts committed
// as often as the import committed (its rows per transaction), into the import's database with
// other keys: what committing every batch costs on its own. Prints a table and writes
// bench/results/import-<rows>.json. A benchmark, not a test.
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  openAsBlob,
  rmSync,
  statSync,
} from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { machine, writeResult } from './lib'

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    database: { type: 'string' },
    file: { type: 'string' },
    // Hold back the rows that do not meet the definition (decision 45): each new row judged.
    'hold-back': { type: 'boolean', default: false },
  },
})
const dir = mkdtempSync(join(tmpdir(), 'leadcourt-bench-'))
const startPath = join(dir, 'start.db')
const importPath = join(dir, 'import.db')
const rawPath = join(dir, 'raw.db')
process.env.DATABASE_PATH = importPath
process.env.NODE_ENV = 'production'

const { openDatabase } = await import('~db/connection')
const { getDb } = await import('~/platform/db.server')
const { prepareDatabase } = await import('~/domain/prepare.server')
const { seedDemo } = await import('~/demo/seed.server')
const { getImportJob } = await import('~/domain/import/jobs.server')
const { chainHash, membersOf } = await import('~/platform/audit.server')
const { hashPassword } = await import('~/platform/password.server')
const signIn = await import('~/routes/sign-in')
const upload = await import('~/routes/imports.new')
const job = await import('~/routes/imports.$jobId')

const HEADER =
  'Lead ID,First Name,Last Name,Email,Title,Company,Website,Industry,No. of Employees,Country,Lead Source,Campaign,Lead Score,Description'

/** Lead `i` of a Salesforce-style export: every tenth has an invalid e-mail (a row to report). */
function leadRow(i: number) {
  const c = i % 5000
  return {
    externalId: `BENCH${i}`,
    firstName: `First${i}`,
    lastName: `Last${i}`,
    email: i % 10 === 9 ? null : `person${i}@company${c}.example`,
    title: 'VP Sales',
    company: `Company ${c}, Inc`,
    companyDomain: `company${c}.example`,
    industry: 'Software',
    employeeCount: 50 + (i % 900),
    country: 'Germany',
    source: 'Webinar',
    campaign: `Campaign ${i % 200}`,
    engagementScore: i % 101,
    notes: `Imported lead number ${i}`,
  }
}

/** The export as a file, written as a stream so the benchmark itself holds none of it. */
async function generate(rows: number): Promise<string> {
  const path = join(dir, `leads-${rows}.csv`)
  const out = createWriteStream(path)
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()))
  let chunk = `${HEADER}\n`
  for (let i = 0; i < rows; i++) {
    const r = leadRow(i)
    chunk += `${r.externalId},${r.firstName},${r.lastName},${r.email ?? 'not-an-email'},${r.title},"${r.company}",${r.companyDomain},${r.industry},${r.employeeCount},${r.country},${r.source},${r.campaign},${r.engagementScore},"${r.notes}"\n`
    if (chunk.length > 1 << 20) {
      await write(chunk)
      chunk = ''
    }
  }
  await write(chunk)
  await new Promise<void>((resolve, reject) => out.on('error', reject).end(resolve))
  return path
}

/** The starting database, brought up to date as the server would (migrations, chain sealed). */
async function startingDatabase() {
  if (args.database) {
    copyFileSync(args.database, startPath)
    if (existsSync(`${args.database}-wal`)) copyFileSync(`${args.database}-wal`, `${startPath}-wal`)
  }
  const start = openDatabase(startPath)
  prepareDatabase(start)
  if (!args.database) await seedDemo(start, new Date())
  // A generated database may keep other passwords: the benchmark's marketer signs in with the demo's.
  else
    start.$client
      .prepare("UPDATE users SET password_hash = ? WHERE email = 'maya@brightline.test'")
      .run(await hashPassword('leadcourt-demo'))
  const leads = (start.$client.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n
  start.$client.close() // checkpoints the WAL into the file, so the file alone is the database
  copyFileSync(startPath, importPath)
  copyFileSync(startPath, rawPath)
  return { leads }
}

/** CPU time in ms: beside wall time, it shows what other processes on the machine took away. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000

const ORIGIN = 'http://localhost'
const context = { clientAddress: '127.0.0.1', now: () => new Date() }
const post = (path: string, body: FormData | URLSearchParams, cookie: string) =>
  new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: { Origin: ORIGIN, Cookie: cookie },
  })

const rowsWanted = Number(args.rows)
const path = args.file ?? (await generate(rowsWanted))
const size = statSync(path).size
const { leads: leadsBefore } = await startingDatabase()
const db = getDb()
const signedIn = (await signIn.action({
  request: new Request(`${ORIGIN}/sign-in`, {
    method: 'POST',
    headers: { Origin: ORIGIN },
    body: new URLSearchParams({ email: 'maya@brightline.test', password: 'leadcourt-demo' }),
  }),
  params: {},
  context,
})) as Response
const cookie = (signedIn.headers?.get('Set-Cookie') ?? '').split(';')[0] as string
if (!cookie) throw new Error(`Signing in refused: ${JSON.stringify(signedIn)}`)

const started = performance.now()
const form = new FormData()
form.append('file', await openAsBlob(path), basename(path)) // streamed from disk, not read into memory
const uploaded = (await upload.action({
  request: post('/imports/new', form, cookie),
  params: {},
  context,
})) as Response
const jobId = Number(uploaded.headers.get('Location')?.split('/').pop())
if (!jobId) throw new Error(`Upload refused: ${JSON.stringify(uploaded)}`)
const uploadedAt = performance.now()

const mapping = getImportJob(db, jobId)?.mapping ?? {}
const fields = new URLSearchParams({ intent: 'save-mapping' })
for (const [i, target] of Object.values(mapping).entries()) fields.set(`column-${i}`, target)
if (args['hold-back']) fields.set('hold-back', 'yes')
// Resident memory every 50 ms while the preview reads the whole file.
const previewRss: number[] = [process.memoryUsage.rss()]
const previewSampler = setInterval(() => previewRss.push(process.memoryUsage.rss()), 50)
await job.action({
  request: post(`/imports/${jobId}`, fields, cookie),
  params: { jobId: String(jobId) },
  context,
})
const previewedAt = performance.now()
clearInterval(previewSampler)
previewRss.push(process.memoryUsage.rss())

// Resident memory every 50 ms while the import runs, and how long the event loop was held.
const rss: number[] = [process.memoryUsage.rss()]
const sampler = setInterval(() => rss.push(process.memoryUsage.rss()), 50)
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
const lastEntryBefore =
  (db.$client.prepare('SELECT max(id) AS id FROM audit_events').get() as { id: number | null })
    .id ?? 0
const importStartedAt = performance.now()
const importCpu = process.cpuUsage()
await job.action({
  request: post(`/imports/${jobId}`, new URLSearchParams({ intent: 'start' }), cookie),
  params: { jobId: String(jobId) },
  context,
})
let finished = getImportJob(db, jobId)
while (finished?.status === 'running') {
  await new Promise((r) => setTimeout(r, 50))
  finished = getImportJob(db, jobId)
}
const doneAt = performance.now()
const importCpuMs = cpuMs(process.cpuUsage(importCpu))
clearInterval(sampler)
loopDelay.disable()
rss.push(process.memoryUsage.rss())
if (finished?.status !== 'done') throw new Error(`Import ${finished?.status}: ${finished?.error}`)

/**
 * The audit entries the import wrote, and whether each chains to the one before: the leads
 * created (each in its own entry, or listed in a batched one) and the entries written.
 */
function importAudit() {
  const rows = db.$client
    .prepare(
      'SELECT id, at, actor_id AS actorId, action, subject_type AS subjectType, subject_id AS subjectId, before, after, hash FROM audit_events WHERE id >= ? ORDER BY id',
    )
    .iterate(lastEntryBefore) as IterableIterator<
    Parameters<typeof chainHash>[1] & { hash: string }
  >
  let previous: string | null = null
  let created = 0
  let entries = 0
  let chained = true
  for (const row of rows) {
    if (previous !== null) {
      chained &&= chainHash(previous, row) === row.hash
      entries++
      if (row.action === 'lead.created')
        created += row.subjectType === 'lead' ? 1 : membersOf(row).length
    }
    previous = row.hash
  }
  return { created, entries, chained }
}
const audit = importAudit()
db.$client.close()

/**
 * The floor: the leads the import created, inserted by raw better-sqlite3 into `leads` (the
 * same columns the import fills) with one prepared statement in one transaction, then indexed
 * for search with one statement, as the app does (migration 0014).
 */
function rawInsert(path: string, options: { perCommit?: number; tag?: string } = {}) {
  const { perCommit = Number.POSITIVE_INFINITY, tag = '' } = options
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  const one = <T>(query: string) => sqlite.prepare(query).get() as T
  const marketer = one<{ id: number }>(
    "SELECT id FROM users WHERE email = 'maya@brightline.test'",
  ).id
  const reps = (
    sqlite
      .prepare(
        "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'rep' WHERE u.active = 1 ORDER BY u.id",
      )
      .all() as { id: number }[]
  ).map((r) => r.id)
  const version = one<{ id: number } | undefined>(
    "SELECT id FROM definition_versions WHERE status = 'active'",
  )?.id
  const insert = sqlite.prepare(
    `INSERT INTO leads (external_id, email, first_name, last_name, title, company, company_domain,
       industry, employee_count, country, source, campaign, engagement_score, notes, custom,
       owner_id, status, handed_over_at, clock_started_at, follow_up_due_at, definition_version_id,
       evaluation, created_by, created_at, updated_at, import_job_id, import_line, marketer_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const now = Date.now()
  const due = now + 24 * 3600 * 1000
  const t0 = performance.now()
  const cpu = process.cpuUsage()
  let rows = 0
  const indexSearch = () =>
    sqlite.exec(`INSERT INTO leads_search (rowid, first_name, last_name, email, company, external_id)
      SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.external_id
      FROM leads_search_pending p JOIN leads l ON l.id = p.id;
      DELETE FROM leads_search_pending;`)
  const begin = sqlite.prepare('BEGIN IMMEDIATE')
  const commit = sqlite.prepare('COMMIT')
  begin.run()
  for (let i = 0; i < rowsWanted; i++) {
    const r = leadRow(i)
    if (r.email === null) continue
    insert.run(
      `${r.externalId}${tag}`,
      `${tag}${r.email}`,
      r.firstName,
      r.lastName,
      r.title,
      r.company,
      r.companyDomain,
      r.industry,
      r.employeeCount,
      r.country,
      r.source,
      r.campaign,
      r.engagementScore,
      r.notes,
      reps[rows % reps.length],
      now,
      now,
      due,
      version ?? null,
      version ? 'undetermined' : null,
      marketer,
      now,
      now,
      1_000_000,
      i + 2,
      marketer,
    )
    rows++
    if (rows % perCommit === 0) {
      indexSearch()
      commit.run()
      begin.run()
    }
  }
  indexSearch()
  commit.run()
  const ms = performance.now() - t0
  const msCpu = cpuMs(process.cpuUsage(cpu))
  sqlite.close()
  return { rows, ms, cpuMs: msCpu }
}
const raw = args.file ? null : rawInsert(rawPath)
// The same raw inserts committed as often as the import committed (its rows per transaction),
// into the import's database after it (other keys): what committing every batch costs alone.
const perCommit = Math.max(1, Math.round(finished.created / Math.max(1, audit.entries - 1)))
const rawBatched = args.file ? null : rawInsert(importPath, { perCommit, tag: 'B' })

const rows = finished.created + finished.updated + finished.unchanged + finished.failed
const importMs = doneAt - importStartedAt
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
const result = {
  machine: machine(),
  file: basename(path),
  fileMb: Number((size / 1024 / 1024).toFixed(1)),
  database: args.database ?? 'fresh, demo seed',
  leadsBefore,
  rows,
  created: finished.created,
  updated: finished.updated,
  failed: finished.failed,
  leadCreatedAuditEntries: audit.created,
  auditEntriesWritten: audit.entries,
  auditChainVerified: audit.chained,
  uploadSeconds: Number(((uploadedAt - started) / 1000).toFixed(2)),
  previewSeconds: Number(((previewedAt - uploadedAt) / 1000).toFixed(2)),
  importSeconds: Number((importMs / 1000).toFixed(2)),
  importCpuSeconds: Number((importCpuMs / 1000).toFixed(2)),
  importRowsPerSecond: Math.round(rows / (importMs / 1000)),
  importCreatedPerSecond: Math.round(finished.created / (importMs / 1000)),
  rawRows: raw?.rows ?? null,
  rawSeconds: raw ? Number((raw.ms / 1000).toFixed(2)) : null,
  rawCpuSeconds: raw ? Number((raw.cpuMs / 1000).toFixed(2)) : null,
  rawRowsPerSecond: raw ? Math.round(raw.rows / (raw.ms / 1000)) : null,
  importToRawTimeRatio: raw ? Number((importMs / raw.ms).toFixed(2)) : null,
  importToRawCpuRatio: raw ? Number((importCpuMs / raw.cpuMs).toFixed(2)) : null,
  rawBatchedRowsPerCommit: perCommit,
  rawBatchedSeconds: rawBatched ? Number((rawBatched.ms / 1000).toFixed(2)) : null,
  rawBatchedCpuSeconds: rawBatched ? Number((rawBatched.cpuMs / 1000).toFixed(2)) : null,
  rawBatchedRowsPerSecond: rawBatched ? Math.round(rawBatched.rows / (rawBatched.ms / 1000)) : null,
  rssAtPreviewStartMb: mb(previewRss[0] ?? 0),
  rssPeakDuringPreviewMb: mb(Math.max(...previewRss)),
  rssAtImportStartMb: mb(rss[0] ?? 0),
  rssPeakDuringImportMb: mb(Math.max(...rss)),
  rssAtImportEndMb: mb(rss.at(-1) ?? 0),
  // The resident memory at each tenth of the import, so that "flat" can be seen.
  rssByTenthMb: Array.from({ length: 11 }, (_, k) =>
    mb(rss[Math.min(rss.length - 1, Math.round((k * (rss.length - 1)) / 10))] ?? 0),
  ).join(' '),
  longestEventLoopStallMs: Math.round(loopDelay.max / 1e6),
  // Other work on the machine during the run (1-minute load average; cores in machine).
  loadAverageAtEnd: Number(loadavg()[0]?.toFixed(2)),
  eventLoopStallP99Ms: Math.round(loopDelay.percentile(99) / 1e6),
}
console.table({
  file: { value: `${result.file} (${result.fileMb} MB)` },
  database: { value: `${result.database} (${leadsBefore} leads before)` },
  rows: { value: rows },
  'created / updated / failed': {
    value: `${finished.created} / ${finished.updated} / ${finished.failed}`,
  },
  'leads created in the audit trail, in entries; chain verified': {
    value: `${audit.created} in ${audit.entries}; ${audit.chained}`,
  },
  'upload + checks (s)': { value: result.uploadSeconds },
  'preview of every row (s)': { value: result.previewSeconds },
  'import (s), CPU (s)': { value: `${result.importSeconds}, ${result.importCpuSeconds}` },
  'import rows per second': { value: result.importRowsPerSecond },
  'raw better-sqlite3 (s), CPU (s)': { value: `${result.rawSeconds}, ${result.rawCpuSeconds}` },
  'raw better-sqlite3 rows per second': { value: result.rawRowsPerSecond },
  'import time / raw time; CPU / CPU': {
    value: `${result.importToRawTimeRatio}; ${result.importToRawCpuRatio}`,
  },
  'raw, committed every N rows as the import did (N; s, CPU s; rows/s)': {
    value: `${perCommit}; ${result.rawBatchedSeconds}, ${result.rawBatchedCpuSeconds}; ${result.rawBatchedRowsPerSecond}`,
  },
  'RSS at preview start / peak (MB)': {
    value: `${result.rssAtPreviewStartMb} / ${result.rssPeakDuringPreviewMb}`,
  },
  'RSS at import start / peak / end (MB)': {
    value: `${result.rssAtImportStartMb} / ${result.rssPeakDuringImportMb} / ${result.rssAtImportEndMb}`,
  },
  'RSS by tenth of the import (MB)': { value: result.rssByTenthMb },
  'longest event-loop stall (ms)': { value: result.longestEventLoopStallMs },
  'load average at the end': { value: result.loadAverageAtEnd },
})
console.log(
  `Written to ${writeResult(`import-${rows}${args['hold-back'] ? '-hold-back' : ''}`, result)}`,
)
rmSync(dir, { recursive: true, force: true })
