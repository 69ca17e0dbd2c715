// `npm run bench:report-load -- [--database data/large-1000000.db] [--seconds 20] [--loops 5]
//   [--app-dir .] [--work-dir /tmp] [--label pool]`
//
// Does a report hold everyone else up? Runs a production build (`build/server.js` under
// `--app-dir`, so another checkout's build can be measured the same way) on a copy of a large
// database, and measures a rep's lead page at one connection with autocannon: alone, then while
// `--loops` report requests run in a loop beside it (each loop asks for the next of the six
// report pages and six CSVs, as leadership, one after the other). Prints both and writes
// bench/results/report-load-<leads>[-<label>].json. Decision 20; docs/performance.md.
// `measureReportLoad` is the same run as a function (`npm run bench` calls it at each size).
import { type ChildProcess, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { freePort } from '../tests/e2e/app-server'
import { machine, peakMemoryMb, signInOverHttp, writeResult } from './lib'

type Latency = { requests: number; p50: number; p95: number; p99: number; max: number }
export type ReportLoad = {
  machine: ReturnType<typeof machine>
  database: { path: string; leads: number }
  app: { dir: string; label: string | null }
  reportWorkers: string
  webConcurrency: string
  secondsPerRun: number
  loops: number
  leadPage: {
    path: string
    alone: Latency & { failed: number }
    besideReports: Latency & { failed: number }
  }
  reports: {
    alone: Record<string, number>
    beside: Latency & { statuses: Record<string, number> }
  }
  serverPeakMb: number | null
}

const round = (n: number) => Math.round(n * 10) / 10
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
function summary(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b)
  return {
    requests: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  }
}

/**
 * A rep's lead page at one connection for `seconds`, alone, then beside `loops` loops of report
 * requests, against the production build of `appDir` on a copy of `database` (in `workDir`).
 * The server and the copy are gone when it returns or throws.
 */
export async function measureReportLoad(options: {
  database: string
  seconds: number
  loops: number
  appDir?: string
  workDir?: string
  label?: string
}): Promise<ReportLoad> {
  const SECONDS = options.seconds
  const LOOPS = options.loops
  const appDir = resolve(options.appDir ?? '.')
  if (!existsSync(options.database))
    throw new Error(`No database at ${options.database}: run npm run seed:large first`)
  if (!existsSync(join(appDir, 'build/server.js')))
    throw new Error(`No build in ${appDir}: run npm run build there first`)

  // ——— A copy of the database: the server migrates, sweeps and signs in on it ———

  const dir = mkdtempSync(join(options.workDir ?? tmpdir(), 'leadcourt-report-load-'))
  let server: ChildProcess | null = null
  const stop = () => {
    server?.kill()
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', stop)
  try {
    const copy = join(dir, 'bench.db')
    copyFileSync(options.database, copy)
    if (existsSync(`${options.database}-wal`))
      copyFileSync(`${options.database}-wal`, `${copy}-wal`)
    const sqlite = new Database(copy, { readonly: true })
    const one = <T>(query: string, ...params: unknown[]) =>
      sqlite.prepare(query).get(...params) as T
    const leadCount = one<{ n: number }>('SELECT count(*) AS n FROM leads').n
    const dana = one<{ id: number }>("SELECT id FROM users WHERE email = 'dana@brightline.test'").id
    const leadOfDana = one<{ id: number }>(
      'SELECT lead_id AS id FROM cases WHERE rep_id = ? ORDER BY id DESC LIMIT 1',
      dana,
    ).id
    sqlite.close()

    // ——— The production server, from appDir ———

    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    let output = ''
    const passOn = (name: string) =>
      process.env[name] ? { [name]: process.env[name] as string } : {}
    const child: ChildProcess = spawn(process.execPath, ['build/server.js'], {
      cwd: appDir,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DEMO_MODE: 'false',
        DATABASE_PATH: copy,
        PORT: String(port),
        HOST: '127.0.0.1',
        COOKIE_SECURE: 'false',
        ...passOn('REPORT_WORKERS'),
        ...passOn('WEB_CONCURRENCY'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server = child
    child.stdout?.on('data', (chunk) => {
      output += chunk
    })
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    const deadline = Date.now() + 300_000
    while (!output.includes('Leadcourt is running')) {
      if (child.exitCode !== null) throw new Error(`Server exited: ${output}`)
      if (Date.now() > deadline) throw new Error(`Server did not start: ${output}`)
      await new Promise((r) => setTimeout(r, 200))
    }

    const rep = await signInOverHttp(url, 'dana@brightline.test')
    const leadership = await signInOverHttp(url, 'felix@brightline.test')
    const LEAD_PAGE = `/leads/${leadOfDana}`
    const REPORTS = ['accuracy', 'scorecard', 'sources', 'sla', 'verdicts', 'hindsight'].flatMap(
      (slug) => [`/reports/${slug}`, `/reports/${slug}.csv`],
    )

    // ——— Measuring ———

    /** The lead page at one connection for SECONDS: every response's time, and any non-200. */
    const leadPageRun = (): Promise<{ times: number[]; failed: number }> => {
      const times: number[] = []
      let failed = 0
      return new Promise((done, fail) => {
        const instance = autocannon(
          {
            url: `${url}${LEAD_PAGE}`,
            connections: 1,
            duration: SECONDS,
            headers: { Cookie: rep },
          },
          (error) => (error ? fail(error) : done({ times, failed })),
        )
        instance.on('response', (...event: unknown[]) => {
          const [, status, , time] = event as [unknown, number, number, number]
          times.push(time)
          if (status !== 200) failed++
        })
      })
    }

    const first = await fetch(`${url}${LEAD_PAGE}`, { headers: { Cookie: rep } })
    if (first.status !== 200) throw new Error(`${LEAD_PAGE} answered ${first.status}`)
    // Each report once, alone (which also warms the caches): how long one takes with nothing
    // beside.
    const reportsAlone: Record<string, number> = {}
    for (const path of REPORTS) {
      const started = performance.now()
      const response = await fetch(`${url}${path}`, { headers: { Cookie: leadership } })
      await response.arrayBuffer()
      reportsAlone[path] = round(performance.now() - started)
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    }
    console.log(`Each report alone (ms): ${JSON.stringify(reportsAlone)}`)

    const alone = await leadPageRun()

    let running = true
    let next = 0
    const reportTimes: number[] = []
    const reportStatuses: Record<string, number> = {}
    const reportLoop = async () => {
      while (running) {
        const path = REPORTS[next++ % REPORTS.length] as string
        const started = performance.now()
        const response = await fetch(`${url}${path}`, { headers: { Cookie: leadership } })
        await response.arrayBuffer()
        reportTimes.push(performance.now() - started)
        reportStatuses[response.status] = (reportStatuses[response.status] ?? 0) + 1
      }
    }
    const loops = Array.from({ length: LOOPS }, reportLoop)
    const beside = await leadPageRun()
    running = false
    await Promise.all(loops)

    return {
      machine: machine(),
      database: { path: options.database, leads: leadCount },
      app: { dir: appDir, label: options.label ?? null },
      reportWorkers: process.env.REPORT_WORKERS ?? 'default',
      webConcurrency: process.env.WEB_CONCURRENCY ?? 'default',
      secondsPerRun: SECONDS,
      loops: LOOPS,
      leadPage: {
        path: LEAD_PAGE,
        alone: { ...summary(alone.times), failed: alone.failed },
        besideReports: { ...summary(beside.times), failed: beside.failed },
      },
      reports: {
        alone: reportsAlone,
        beside: { ...summary(reportTimes), statuses: reportStatuses },
      },
      serverPeakMb: child.pid ? peakMemoryMb(child.pid) : null,
    }
  } finally {
    process.off('exit', stop)
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r))
      server.kill()
      await exited
    }
    stop()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({
    options: {
      database: { type: 'string', default: 'data/large-1000000.db' },
      seconds: { type: 'string', default: '20' },
      loops: { type: 'string', default: '5' },
      'app-dir': { type: 'string', default: '.' },
      'work-dir': { type: 'string', default: tmpdir() },
      label: { type: 'string' },
    },
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))
  const result = await measureReportLoad({
    database: args.database,
    seconds: Number(args.seconds),
    loops: Number(args.loops),
    appDir: args['app-dir'],
    workDir: args['work-dir'],
    label: args.label,
  })
  console.table({
    'lead page alone': result.leadPage.alone,
    [`lead page beside ${result.loops} report loops`]: result.leadPage.besideReports,
    'report requests (beside)': result.reports.beside,
  })
  console.log(`Report statuses: ${JSON.stringify(result.reports.beside.statuses)}`)
  const name = `report-load-${result.database.leads}${args.label ? `-${args.label}` : ''}`
  console.log(`Written to ${writeResult(name, result)}`)
  process.exit(0)
}
