// `npm run bench:pages -- [--database data/large-1000000.db] [--seconds 5] [--only 'Report|POST']`
//
// Runs the production build on a copy of a large database (made by `npm run seed:large`) and
// measures, with autocannon, every page people use: latency p50/p95/p99 at one connection and
// requests per second at ten, beside a bare node:http server sending a static page of the same
// size (the ceiling). Then filing a rejection and casting a vote (POST, signed in), and the
// server's peak memory. Prints a table and writes bench/results/pages-<leads>.json.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { caseEvaluation } from '~/domain/cases/case.server'
import { DEFAULT_WEB_CONCURRENCY } from '~/platform/env.server'
import * as schema from '~db/schema'
import { freePort, startApp } from '../tests/e2e/app-server'
import { type CommitRate, measureCommitRate } from './commit-rate'
import {
  machine,
  memoryMb,
  peakMemoryMb,
  peakMemoryPerProcessMb,
  processTree,
  signInOverHttp,
  writeResult,
} from './lib'

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'data/large-1000000.db' },
    seconds: { type: 'string', default: '5' },
    only: { type: 'string' },
    posts: { type: 'string', default: '1500' },
    /** A directory for the server's CPU profile (node --cpu-prof), written when it stops. */
    profile: { type: 'string' },
  },
})
const SECONDS = Number(args.seconds)
if (!existsSync(args.database))
  throw new Error(`No database at ${args.database}: run npm run seed:large first`)

// ——— A copy of the database, so the POSTs leave the original as it was ———

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-bench-'))
const copy = join(dir, 'bench.db')
copyFileSync(args.database, copy)
if (existsSync(`${args.database}-wal`)) copyFileSync(`${args.database}-wal`, `${copy}-wal`)

const sqlite = new Database(copy, { readonly: true })
const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as T
const many = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[]
const leadCount = one<{ n: number }>('SELECT count(*) AS n FROM leads').n
const userId = (email: string) =>
  one<{ id: number }>('SELECT id FROM users WHERE email = ?', email).id
const dana = userId('dana@brightline.test')
const leadOfDana = one<{ id: number }>(
  'SELECT lead_id AS id FROM cases WHERE rep_id = ? ORDER BY id DESC LIMIT 1',
  dana,
).id
const decidedCase = one<{ id: number }>(
  "SELECT id FROM cases WHERE status = 'decided' ORDER BY id DESC LIMIT 1",
).id
const cursorAt = (where: string, offset: number) =>
  one<{ cursor: string }>(
    `SELECT handed_over_at || '-' || id AS cursor FROM leads ${where} ORDER BY handed_over_at DESC, id DESC LIMIT 1 OFFSET ${offset}`,
  ).cursor
const deep = cursorAt('', Math.floor(leadCount / 2))
const deepWebinar = cursorAt("WHERE source = 'Webinar'", Math.floor(leadCount / 40))
const externalId = one<{ externalId: string }>(
  'SELECT external_id AS externalId FROM leads ORDER BY id DESC LIMIT 1 OFFSET 1000',
).externalId
const reasonId = one<{ id: number }>(
  'SELECT id FROM reasons WHERE active = 1 AND notes_required = 0 ORDER BY id LIMIT 1',
).id
const POSTS = Number(args.posts)
const waiting = many<{ id: number; ownerId: number }>(
  // New leads still on their clock: the sweep makes the others ignored cases when the server
  // starts, and a returned lead may not be rejected again for the reason already ruled on.
  "SELECT id, owner_id AS ownerId FROM leads WHERE status = 'new' AND follow_up_due_at > ? ORDER BY id LIMIT ?",
  Date.now() + 60 * 60_000,
  POSTS + 300,
)
// Cases before the committee: ignored ones, and rejections marketing contested.
const openCases = many<{ id: number; evaluation: string }>(
  "SELECT id, evaluation FROM cases WHERE status = 'in_review' AND (kind = 'ignored' OR response = 'contested') AND evaluation IN ('meets', 'does_not_meet') AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.case_id = cases.id) ORDER BY id LIMIT ?",
  Math.ceil((POSTS + 300) / 3),
)
const repEmails = new Map(
  many<{ id: number; email: string }>(
    "SELECT u.id, u.email FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'rep'",
  ).map((u) => [u.id, u.email]),
)
// A vote must give a finding on every criterion the lead's data leaves unknown.
const db = drizzle(sqlite, { schema })
const unknownsOf = (caseId: number) => {
  const c = db.select().from(schema.cases).where(eq(schema.cases.id, caseId)).get()
  if (!c) throw new Error(`No case ${caseId}`)
  return caseEvaluation(db, c)
    .automatic.filter((criterion) => criterion.result === 'unknown')
    .map((criterion) => criterion.key)
}
const ballots = openCases.map((c) => ({ ...c, unknown: unknownsOf(c.id) }))
sqlite.close()

// ——— The app and the ceiling ———

const WEB_CONCURRENCY = process.env.WEB_CONCURRENCY ?? String(DEFAULT_WEB_CONCURRENCY)

const app = await startApp({
  DATABASE_PATH: copy,
  DEMO_MODE: 'false',
  // The server's own default (one worker per core) unless WEB_CONCURRENCY says otherwise.
  WEB_CONCURRENCY: WEB_CONCURRENCY,
  // SERVER_NODE_OPTIONS reaches the server's processes (e.g. --max-old-space-size=256).
  NODE_OPTIONS: [
    args.profile ? `--import ${pathToFileURL(resolve('bench/cpu-profile.mjs')).href}` : '',
    process.env.SERVER_NODE_OPTIONS ?? '',
  ]
    .filter(Boolean)
    .join(' '),
  ...(args.profile ? { LEADCOURT_CPU_PROFILE_DIR: resolve(args.profile) } : {}),
})
const ceilingPort = await freePort()
const ceiling = spawn(process.execPath, ['--import', 'tsx', 'bench/ceiling.ts'], {
  env: { ...process.env, PORT: String(ceilingPort) },
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise((resolve) => ceiling.stdout?.once('data', resolve))
// However the run ends (done, failed, interrupted), the servers and the copy go with it.
process.on('exit', (code) => {
  // A run that failed shows what the server said last (a crash, a refusal).
  if (code !== 0)
    console.error(`Server output (last 3000 characters):\n${app.output().slice(-3000)}`)
  ceiling.kill()
  try {
    process.kill(app.pid)
  } catch {
    // Already gone.
  }
  rmSync(dir, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))
const startMemory = memoryMb(app.pid)

const cookies = new Map<string, string>()
async function cookieOf(email: string) {
  let cookie = cookies.get(email)
  if (!cookie) {
    cookie = await signInOverHttp(app.url, email)
    cookies.set(email, cookie)
  }
  return cookie
}
const as = (name: string) => cookieOf(`${name}@brightline.test`)

// ——— Measuring ———

type Request = {
  method?: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
}
type Run = { latencies: number[]; statuses: Map<number, number>; rps: number; bytes: number }

/** Runs autocannon and keeps every response's status and time (its histogram has no p95). */
function load(
  url: string,
  options: { connections: number; duration?: number; amount?: number; next?: () => Request },
  headers: Record<string, string> = {},
): Promise<Run> {
  const run: Run = { latencies: [], statuses: new Map(), rps: 0, bytes: 0 }
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
        headers,
        requests: options.next
          ? [{ setupRequest: (request) => ({ ...request, ...(options.next as () => Request)() }) }]
          : undefined,
      },
      (error, result) => {
        if (error) return reject(error)
        run.rps = result.requests.average
        resolve(run)
      },
    )
    instance.on('response', (...event: unknown[]) => {
      const [, status, bytes, time] = event as [unknown, number, number, number]
      run.latencies.push(time)
      run.bytes = bytes
      run.statuses.set(status, (run.statuses.get(status) ?? 0) + 1)
    })
  })
}

/**
 * The CPU time the server's processes (a cluster's primary and workers) have used so far, in ms
 * (user + system, from /proc).
 */
function serverCpuMs(): number {
  let ms = 0
  for (const pid of processTree(app.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime and stime are the 12th and 13th fields after the command, in ticks (100 a second).
      ms += (Number(fields[11]) + Number(fields[12])) * 10
    } catch {
      // Gone between the listing and the read.
    }
  }
  return ms
}

/** Waits until the server's processes use under a tenth of a core over a second (at most 5 min). */
async function untilServerIdle() {
  const deadline = Date.now() + 5 * 60_000
  for (;;) {
    const before = serverCpuMs()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const used = serverCpuMs() - before
    if (used < 100 || Date.now() > deadline) {
      console.log(`Server idle (${used} ms of CPU in the last second).`)
      return
    }
  }
}

/**
 * Runs `measure` and says how much of the server's CPU each response took, in ms: what a page
 * costs whatever else the machine is doing (its req/s on a busy machine says more about the
 * neighbours than about the page).
 */
async function withCpu(measure: () => Promise<Run>): Promise<Run & { cpuMsPerRequest: number }> {
  const before = serverCpuMs()
  const run = await measure()
  const cpu = serverCpuMs() - before
  return { ...run, cpuMsPerRequest: round(cpu / Math.max(1, run.latencies.length)) }
}

/** Nearest-rank percentile of the times, in ms. */
function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
/** The responses of the runs that failed (4xx, 5xx), by status: `{ "409": 3 }`. */
function failures(...runs: Run[]): Record<string, number> {
  const failed: Record<string, number> = {}
  for (const run of runs)
    for (const [status, count] of run.statuses)
      if (status >= 400) failed[status] = (failed[status] ?? 0) + count
  return failed
}

type Measured = {
  page: string
  path: string
  as: string
  kind: 'page' | 'report' | 'csv' | 'post'
  bytes: number
  p50: number
  p95: number
  p99: number
  rps: number
  /** The server's CPU time per response at ten connections, in ms. */
  cpuMsPerRequest: number
  ceilingRps: number | null
  ratio: number | null
  failed: Record<string, number>
  meetsTarget: boolean
  /** The server's peak memory so far (VmHWM): the page that raises it is the one to look at. */
  serverPeakMb: number
}
const results: Measured[] = []
const round = (n: number) => Math.round(n * 10) / 10

function record(m: Omit<Measured, 'meetsTarget' | 'serverPeakMb'>) {
  const p95Target = m.kind === 'report' || m.kind === 'csv' ? 100 : 30
  const rpsTarget = m.kind === 'post' ? 300 : 200
  const measured = {
    ...m,
    meetsTarget: Object.keys(m.failed).length === 0 && m.p95 <= p95Target && m.rps >= rpsTarget,
    serverPeakMb: peakMemoryMb(app.pid),
  }
  results.push(measured)
  save()
  console.log(
    `${measured.meetsTarget ? 'ok  ' : 'MISS'} ${m.page.padEnd(44)} p50 ${m.p50} p95 ${m.p95} p99 ${m.p99} ms · ${Math.round(m.rps)} req/s · CPU ${m.cpuMsPerRequest} ms/req${m.ratio === null ? '' : ` (${(m.ratio * 100).toFixed(1)}% of ${Math.round(m.ceilingRps ?? 0)})`}${Object.keys(m.failed).length ? ` · FAILED ${JSON.stringify(m.failed)}` : ''}`,
  )
}

/**
 * Waits until the server has answered everything still queued from a run (autocannon stops at
 * its deadline, the server does not), so one page's backlog never lands on the next page.
 */
async function drain() {
  await fetch(`${app.url}/sign-in`)
}

async function measurePage(page: string, path: string, user: string, kind: Measured['kind']) {
  if (args.only && !new RegExp(args.only, 'i').test(page)) return
  const headers = { Cookie: await as(user) }
  const first = await fetch(`${app.url}${path}`, { headers, redirect: 'manual' })
  const bytes = (await first.arrayBuffer()).byteLength
  if (first.status !== 200) throw new Error(`${page}: ${path} answered ${first.status}`)
  // A page slower than the run's seconds still gets ten timed requests.
  let one = await load(`${app.url}${path}`, { connections: 1, duration: SECONDS }, headers)
  await drain()
  if (one.latencies.length < 10)
    one = await load(`${app.url}${path}`, { connections: 1, amount: 10 }, headers)
  const ten = await withCpu(() =>
    load(`${app.url}${path}`, { connections: 10, duration: SECONDS }, headers),
  )
  await drain()
  const top = await load(`http://127.0.0.1:${ceilingPort}/?bytes=${bytes}`, {
    connections: 10,
    duration: Math.min(SECONDS, 3),
  })
  record({
    page,
    path,
    as: user,
    kind,
    bytes,
    p50: round(percentile(one.latencies, 50)),
    p95: round(percentile(one.latencies, 95)),
    p99: round(percentile(one.latencies, 99)),
    rps: round(ten.rps),
    cpuMsPerRequest: ten.cpuMsPerRequest,
    ceilingRps: round(top.rps),
    ratio: ten.rps / top.rps,
    failed: failures(one, ten),
  })
}

const REPORTS = [
  ['Rejection accuracy', 'accuracy'],
  ['Rep scorecard', 'scorecard'],
  ['Source and campaign quality', 'sources'],
  ['Service levels', 'sla'],
  ['Verdicts', 'verdicts'],
  ['Hindsight', 'hindsight'],
] as const

const started = Date.now()
/** The raw commit rate of the run (measured before the POSTs). */
let rawCommitRate: CommitRate | null = null
/** Writes what is measured so far (after every measurement, so a failed run keeps it). */
function save() {
  return writeResult(`pages-${leadCount}${args.only ? '-only' : ''}`, {
    machine: machine(),
    database: { path: args.database, leads: leadCount },
    only: args.only ?? null,
    secondsPerRun: SECONDS,
    serverMemoryMb: { atStart: startMemory, peak: peakMemoryMb(app.pid) },
    // Each of the server's processes (the primary and its workers, with a cluster).
    webConcurrency: Number(WEB_CONCURRENCY),
    serverProcessesPeakMb: peakMemoryPerProcessMb(app.pid),
    rawCommitRate,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    minutes: round((Date.now() - started) / 60_000),
    results,
  })
}
// The primary's runner starts with the copy's backlog (at 1M: thousands of reminders, overdue
// reviews and e-mails, a minute of CPU). Measured pages wait until the server's processes are
// idle, or they count that work as theirs (28 Nov: the rep's queue, first, at 107 ms of CPU).
await untilServerIdle()
await measurePage('Rep home (the queue)', '/', 'dana', 'page')
await measurePage('Lead list, first page', '/leads', 'maya', 'page')
await measurePage('Lead list, filtered', '/leads?source=Webinar&status=working', 'maya', 'page')
await measurePage('Lead list, search by name', '/leads?q=fischer', 'maya', 'page')
await measurePage('Lead list, search by a common first name', '/leads?q=sofia', 'maya', 'page')
await measurePage('Lead list, search by a name and an initial', '/leads?q=sofia+b', 'maya', 'page')
await measurePage('Lead list, search by external id', `/leads?q=${externalId}`, 'maya', 'page')
await measurePage('Lead list, deep page', `/leads?after=${deep}`, 'maya', 'page')
await measurePage(
  'Lead list, deep page filtered',
  `/leads?source=Webinar&after=${deepWebinar}`,
  'maya',
  'page',
)
await measurePage('Lead page', `/leads/${leadOfDana}`, 'dana', 'page')
await measurePage('Marketer home', '/', 'maya', 'page')
await measurePage('Cases', '/cases', 'maya', 'page')
await measurePage('Hindsight due', '/hindsight', 'maya', 'page')
await measurePage('Committee home', '/', 'victor', 'page')
await measurePage('Review queue', '/review', 'victor', 'page')
await measurePage('Case file', `/cases/${decidedCase}`, 'victor', 'page')
await measurePage('Leadership home', '/', 'felix', 'page')
for (const [name, slug] of REPORTS) {
  await measurePage(`Report: ${name}`, `/reports/${slug}`, 'felix', 'report')
  await measurePage(`Report: ${name} (CSV)`, `/reports/${slug}.csv`, 'felix', 'csv')
}

// ——— Filing rejections and casting votes ———

async function measurePost(page: string, requests: (() => Promise<Request>)[]) {
  if (args.only && !new RegExp(args.only, 'i').test(page)) return
  // One at a time: the first request of each user signs them in, and a thousand sign-ins at
  // once would time out.
  const prepared: Request[] = []
  for (const request of requests) prepared.push(await request())
  let i = 0
  const next = () => prepared[i++] as Request
  const latencyRuns = Math.min(300, Math.floor(prepared.length / 6))
  const one = await load(app.url, { connections: 1, amount: latencyRuns, next })
  await drain()
  const ten = await withCpu(() =>
    load(app.url, { connections: 10, amount: prepared.length - latencyRuns, next }),
  )
  await drain()
  record({
    page,
    path: prepared[0]?.path ?? '',
    as: 'several',
    kind: 'post',
    bytes: one.bytes,
    p50: round(percentile(one.latencies, 50)),
    p95: round(percentile(one.latencies, 95)),
    p99: round(percentile(one.latencies, 99)),
    rps: round(ten.rps),
    cpuMsPerRequest: ten.cpuMsPerRequest,
    ceilingRps: null,
    ratio: null,
    failed: failures(one, ten),
  })
}

// The disk's ceiling for these writes, on the same copy in the same run: one prepared INSERT per
// synchronous=FULL transaction (bench/commit-rate.ts), while the server is idle.
if (!args.only || /POST/i.test(args.only)) {
  rawCommitRate = measureCommitRate(copy, { seconds: 3, inPlace: true })
  console.log(
    `Raw commit rate (synchronous=FULL, one prepared INSERT per transaction): ${rawCommitRate.commitsPerSecond}/s, p50 ${rawCommitRate.p50Ms} ms`,
  )
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const postHeaders = (cookie: string) => ({
  Cookie: cookie,
  Origin: app.url,
  'Content-Type': 'application/x-www-form-urlencoded',
})
await measurePost(
  'File a rejection (POST)',
  waiting.slice(0, POSTS).map((lead) => async () => ({
    method: 'POST',
    path: `/leads/${lead.id}`,
    headers: postHeaders(await cookieOf(repEmails.get(lead.ownerId) as string)),
    body: form({ intent: 'reject', reasonId: String(reasonId), contactAttempts: '2' }),
  })),
)
const members = ['victor', 'clara', 'erin']
await measurePost(
  'Cast a vote (POST; every third decides)',
  ballots
    .flatMap((c) =>
      members.map((member) => async () => ({
        method: 'POST' as const,
        path: `/cases/${c.id}`,
        headers: postHeaders(await as(member)),
        body: form({
          intent: 'vote',
          verdict: c.evaluation,
          ...(c.evaluation === 'does_not_meet' ? { disposition: 'nurture' } : {}),
          // Only a lead that does not meet can leave a criterion unknown.
          ...Object.fromEntries(c.unknown.map((key) => [`finding.${key}`, 'unmet'])),
          rationale: 'Read against the definition in force.',
        }),
      })),
    )
    .slice(0, POSTS),
)

const peak = peakMemoryMb(app.pid)
console.table(
  results.map((r) => ({
    page: r.page,
    'p50 ms': r.p50,
    'p95 ms': r.p95,
    'p99 ms': r.p99,
    'req/s (10 conn)': Math.round(r.rps),
    'CPU ms/req': r.cpuMsPerRequest,
    'of ceiling': r.ratio === null ? '' : `${(r.ratio * 100).toFixed(1)}%`,
    target: r.meetsTarget ? 'met' : 'MISSED',
  })),
)
console.log(`Server memory: ${startMemory} MB at start, ${peak} MB at peak`)
console.log(
  `Load average: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')}`,
)
console.log(`Written to ${save()}`)
process.exit(0)
