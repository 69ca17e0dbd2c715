// `npm run bench:commit-rate -- [--database data/large-1000000.db] [--seconds 10] [--in-place]`
//
// The disk's limit for the app's writes: how many small transactions a second better-sqlite3
// commits with the app's pragmas (WAL, `synchronous=FULL`: an fsync at every commit), one
// prepared small INSERT per transaction, one after another, on a copy of the given database
// (the same file, page size and WAL as the app's, so the same disk). Rejections and votes
// (issue 18: ≥ 300/s) are compared with this figure measured in the same run. Prints it and
// writes bench/results/commit-rate-<leads>.json. A benchmark, not a test.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { machine, writeResult } from './lib'

export type CommitRate = {
  database: string
  /** Leads in the database, to name the size it was measured at. */
  leads: number
  seconds: number
  commits: number
  commitsPerSecond: number
  /** One commit's time, nearest rank, in ms. */
  p50Ms: number
  p95Ms: number
  p99Ms: number
  loadAverage: number
}

const round = (n: number) => Math.round(n * 100) / 100
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/**
 * Commits one small prepared INSERT per `immediate` transaction for `seconds`, on a copy of the
 * database at `path` (made in the temporary directory, or `workDir`, and deleted after) unless
 * `inPlace`, with `journal_mode=WAL` and `synchronous=FULL` as the app opens it. The rows go
 * into a table of the benchmark's own, so the app's tables are left as they were.
 */
export function measureCommitRate(
  path: string,
  options: { seconds: number; inPlace?: boolean; workDir?: string },
): CommitRate {
  if (!existsSync(path)) throw new Error(`No database at ${path}`)
  const dir = options.inPlace ? null : mkdtempSync(join(options.workDir ?? tmpdir(), 'lc-commit-'))
  const file = dir ? join(dir, 'commit-rate.db') : path
  if (dir) {
    copyFileSync(path, file)
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${file}-wal`)
  }
  const sqlite = new Database(file)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    const leads = (sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS bench_commit_rate (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, note TEXT NOT NULL)',
    )
    const insert = sqlite.prepare('INSERT INTO bench_commit_rate (at, note) VALUES (?, ?)')
    const commit = sqlite.transaction((at: number) => insert.run(at, 'one small row'))
    // A few commits first, so the file's pages are in the cache as they are in a running app.
    for (let i = 0; i < 20; i++) commit.immediate(Date.now())
    const times: number[] = []
    const started = performance.now()
    const deadline = started + options.seconds * 1000
    let now = started
    while (now < deadline) {
      commit.immediate(Date.now())
      const after = performance.now()
      times.push(after - now)
      now = after
    }
    const elapsed = (now - started) / 1000
    times.sort((a, b) => a - b)
    return {
      database: path,
      leads,
      seconds: round(elapsed),
      commits: times.length,
      commitsPerSecond: Math.round(times.length / elapsed),
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      p99Ms: round(percentile(times, 99)),
      loadAverage: round(loadavg()[0] ?? 0),
    }
  } finally {
    sqlite.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({
    options: {
      database: { type: 'string', default: 'data/large-1000000.db' },
      seconds: { type: 'string', default: '10' },
      'in-place': { type: 'boolean', default: false },
    },
  })
  const rate = measureCommitRate(args.database, {
    seconds: Number(args.seconds),
    inPlace: args['in-place'],
  })
  console.table({ [`${rate.leads} leads`]: rate })
  console.log(
    `Written to ${writeResult(`commit-rate-${rate.leads}`, { machine: machine(), ...rate })}`,
  )
}
