// `npm run bench [-- --sizes 10k,100k,1M] [--seconds N] [--load-seconds 10] [--commit-seconds 10]
//   [--import-share 0.2] [--skip import,pages,load,commit] [--baseline bench/results/bench-….json]
//   [--detail]`
//
// Every target of issue 18 in one table, at each size. The build is made first (by the npm
// script). For each size, the database data/large-<leads>.db is generated when it is missing
// (seed:large, once: ~6 min at 1M), then, on copies of it, one after another:
//   1. the raw `synchronous=FULL` commit rate (bench/commit-rate.ts),
//   2. every page, report, CSV and POST (bench/pages.ts, its own process),
//   3. a rep's lead page beside five report loops (bench/report-load.ts),
//   4. the import beside raw inserts (bench/import.ts, its own process), rows = leads × share.
// Each benchmark also writes its own file; this one writes them all, with the table, to
// bench/results/bench-<time>.json, and prints the table (markdown). docs/performance.md,
// "Reproduce" and "Method", says how to read it.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { measureCommitRate } from './commit-rate'
import { machine, writeResult } from './lib'
import { measureReportLoad } from './report-load'
import {
  buildRows,
  detailRows,
  figuresOf,
  leadsOf,
  type Measured,
  markdownTable,
  type SizeFigures,
} from './table'

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k,100k,1M' },
    reps: { type: 'string', default: '50' },
    // Seconds per page run (one connection, then ten); default 3 below 1M, 5 at 1M and above.
    seconds: { type: 'string' },
    'load-seconds': { type: 'string', default: '10' },
    'commit-seconds': { type: 'string', default: '10' },
    'import-share': { type: 'string', default: '0.2' },
    skip: { type: 'string', default: '' },
    baseline: { type: 'string' },
    detail: { type: 'boolean', default: false },
    // Prints the table of an earlier run's bench/results/bench-<time>.json, measuring nothing.
    from: { type: 'string' },
  },
})

const sizes = (args.sizes ?? '')
  .split(',')
  .filter(Boolean)
  .map((label) => ({ label: label.trim(), leads: leadsOf(label) }))
const skip = new Set((args.skip ?? '').split(',').filter(Boolean))
const load = () => Number(loadavg()[0]?.toFixed(2))

/** Runs a script in its own process, its output passed on; resolves with what it printed. */
function run(script: string, ...scriptArgs: string[]): Promise<string> {
  console.log(`\n▶ ${script} ${scriptArgs.join(' ')}`)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...scriptArgs], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      process.stdout.write(chunk)
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${script} exited with ${code}`)),
    )
  })
}

/** The result file a benchmark wrote, from its last line `Written to <path>`. */
function resultOf(output: string) {
  const path = /Written to (\S+\.json)/.exec(output.split('\n').reverse().join('\n'))?.[1]
  if (!path) throw new Error('The benchmark did not say where it wrote its result')
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** data/large-<leads>.db, generated once (under another name until it is complete). */
async function database(leads: number): Promise<{ path: string; seededSeconds: number | null }> {
  const path = `data/large-${leads}.db`
  if (existsSync(path)) return { path, seededSeconds: null }
  const partial = `data/large-${leads}.partial.db`
  const started = performance.now()
  await run(
    'scripts/seed-large.ts',
    '--leads',
    String(leads),
    '--reps',
    args.reps ?? '50',
    '--database',
    partial,
  )
  if (existsSync(`${partial}-wal`)) renameSync(`${partial}-wal`, `${path}-wal`)
  rmSync(`${partial}-shm`, { force: true })
  renameSync(partial, path)
  return { path, seededSeconds: Math.round((performance.now() - started) / 1000) }
}

/** The 10k figures to compare the reports with: this run's, --baseline's, or the newest run's. */
function baselineOf(measured: Measured[]): { figures: SizeFigures; from: string } | null {
  const here = measured.find((m) => m.leads === 10_000 && m.pages)
  if (here) return { figures: figuresOf(here), from: 'this run' }
  const files = args.baseline
    ? [args.baseline]
    : readdirSync(join('bench', 'results'))
        .filter((f) => /^bench-.*\.json$/.test(f))
        .sort()
        .reverse()
        .map((f) => join('bench', 'results', f))
  for (const file of files) {
    const earlier = JSON.parse(readFileSync(file, 'utf8')) as { sizes: Measured[] }
    const at10k = earlier.sizes.find((m) => m.leads === 10_000 && m.pages)
    if (at10k) return { figures: figuresOf(at10k), from: file }
  }
  return null
}

const started = new Date()
const measured: Measured[] = []
const stamp = started.toISOString().slice(0, 16).replace(':', '-')
function save(write = true) {
  const baseline = baselineOf(measured)
  const figures = measured.map(figuresOf)
  const rows = [
    ...buildRows(figures, baseline?.figures ?? null),
    ...(args.detail ? detailRows(figures, baseline?.figures ?? null) : []),
  ]
  const table = markdownTable(figures, rows)
  const path = write
    ? writeResult(`bench-${stamp}`, {
        machine: machine(),
        arguments: args,
        baseline10k: baseline?.from ?? null,
        minutes: Math.round((Date.now() - started.getTime()) / 6000) / 10,
        table: rows,
        sizes: measured,
      })
    : (args.from as string)
  return { table, path, baseline: baseline?.from ?? null }
}

if (args.from)
  measured.push(...(JSON.parse(readFileSync(args.from, 'utf8')) as { sizes: Measured[] }).sizes)
else
  for (const size of sizes) {
    const sizeStarted = performance.now()
    const { path, seededSeconds } = await database(size.leads)
    const seconds = Number(args.seconds ?? (size.leads >= 1_000_000 ? 5 : 3))
    const importRows = Math.round(size.leads * Number(args['import-share']))
    const m: Measured = {
      label: size.label,
      leads: size.leads,
      database: path,
      seededSeconds,
      secondsPerPageRun: seconds,
      importRows,
      loadAverage: { start: load() },
      minutes: 0,
      commitRate: null,
      pages: null,
      reportLoad: null,
      import: null,
      errors: [],
    }
    measured.push(m)
    /** One benchmark: a failure is recorded and the run goes on to the next. */
    const step = async (name: string, work: () => Promise<void> | void) => {
      if (skip.has(name)) return
      try {
        await work()
      } catch (error) {
        console.error(`✗ ${name} at ${size.label}: ${error}`)
        m.errors.push(`${name}: ${error instanceof Error ? error.message : error}`)
      }
      m.loadAverage[`after ${name}`] = load()
      save()
    }
    await step('commit', () => {
      console.log(`\n▶ raw synchronous=FULL commits on a copy of ${path}`)
      m.commitRate = measureCommitRate(path, { seconds: Number(args['commit-seconds']) })
      console.log(`${m.commitRate.commitsPerSecond} commits/s (p95 ${m.commitRate.p95Ms} ms)`)
    })
    await step('pages', async () => {
      m.pages = resultOf(
        await run('bench/pages.ts', '--database', path, '--seconds', String(seconds)),
      )
    })
    await step('load', async () => {
      console.log(`\n▶ a rep's lead page beside five report loops on a copy of ${path}`)
      m.reportLoad = await measureReportLoad({
        database: path,
        seconds: Number(args['load-seconds']),
        loops: 5,
      })
      const { alone, besideReports } = m.reportLoad.leadPage
      console.log(`lead page p95 ${alone.p95} ms alone, ${besideReports.p95} ms beside the reports`)
    })
    await step('import', async () => {
      m.import = resultOf(
        await run('bench/import.ts', '--database', path, '--rows', String(importRows)),
      )
    })
    m.minutes = Math.round((performance.now() - sizeStarted) / 6000) / 10
    save()
  }

const { table, path, baseline } = save(!args.from)
console.log(`\n## Issue 18's targets (${started.toISOString()}, ${machine().cores} cores)\n`)
console.log(table)
const loads = measured.map(
  (m) =>
    `${m.label} ${Object.entries(m.loadAverage)
      .map(([when, value]) => `${value} (${when.replace('after ', '')})`)
      .join(' → ')}`,
)
console.log(`\nReports compared with 10k of: ${baseline ?? 'none (run --sizes 10k once)'}.`)
console.log(`Load average (1 min, ${machine().cores} cores): ${loads.join('; ')}.`)
console.log(
  `Per page run: ${measured.map((m) => `${m.label} ${m.secondsPerPageRun} s`).join(', ')}; rows imported: ${measured.map((m) => `${m.label} ${m.importRows.toLocaleString('en-US')}`).join(', ')}.`,
)
console.log(`Written to ${path}`)
const errors = measured.flatMap((m) => m.errors.map((e) => `${m.label} ${e}`))
if (errors.length > 0) console.error(`\nNot measured:\n${errors.join('\n')}`)
process.exit(errors.length > 0 ? 1 : 0)
