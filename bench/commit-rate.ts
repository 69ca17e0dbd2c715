// `npx tsx bench/commit-rate.ts --database <a copy you may write to> [--commits 2000]`
//
// The disk's ceiling for small writes: one prepared INSERT per transaction, committed with
// `synchronous=FULL` in WAL mode (the app's pragmas, db/connection.ts), on the database the
// benchmark uses, so the figure is of the same file on the same disk in the same run. A POST
// can commit no faster than this; how far it stays below it is the app's own cost.
// The page benchmark runs it beside the POSTs; the bench table may call it too.
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'

export type CommitRate = {
  commits: number
  seconds: number
  /** Commits a second. */
  perSecond: number
  /** Median time of one commit, in ms. */
  p50Ms: number
}

const TABLE = 'bench_commit_rate'

/**
 * Commits `commits` one-row transactions, each an `immediate` transaction around one prepared
 * INSERT, on `path` with `synchronous=FULL`, and reports the rate. Writes (then drops) a table
 * of its own: give it a copy, never a database people use.
 */
export function measureCommitRate(path: string, commits = 2000): CommitRate {
  const sqlite = new Database(path, { fileMustExist: true })
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('busy_timeout = 30000')
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, note TEXT NOT NULL)`,
    )
    const insert = sqlite.prepare(`INSERT INTO ${TABLE} (at, note) VALUES (?, ?)`)
    const commit = sqlite.transaction((at: number) => insert.run(at, 'a small write'))
    const times: number[] = []
    const started = performance.now()
    for (let i = 0; i < commits; i++) {
      const t = performance.now()
      commit.immediate(Date.now())
      times.push(performance.now() - t)
    }
    const seconds = (performance.now() - started) / 1000
    sqlite.exec(`DROP TABLE ${TABLE}`)
    times.sort((a, b) => a - b)
    return {
      commits,
      seconds: Math.round(seconds * 1000) / 1000,
      perSecond: Math.round(commits / seconds),
      p50Ms: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 100) / 100,
    }
  } finally {
    sqlite.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { database: { type: 'string' }, commits: { type: 'string', default: '2000' } },
  })
  if (!values.database) throw new Error('--database <path of a copy> is required')
  console.log(measureCommitRate(values.database, Number(values.commits)))
}
