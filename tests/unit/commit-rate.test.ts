import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { measureCommitRate } from '../../bench/commit-rate'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

it('commits transactions on a copy of the file, and leaves the file as it was', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadcourt-commit-rate-'))
  dirs.push(dir)
  const path = join(dir, 'copy.db')
  const setup = new Database(path)
  setup.exec('CREATE TABLE leads (id INTEGER PRIMARY KEY); INSERT INTO leads VALUES (1), (2)')
  setup.close()

  const rate = measureCommitRate(path, { seconds: 0.05, workDir: dir })
  expect(rate.leads).toBe(2)
  expect(rate.commits).toBeGreaterThan(0)
  // A rate and a median time, whatever the disk: positive numbers, not NaN.
  expect(rate.commitsPerSecond).toBeGreaterThan(0)
  expect(rate.p50Ms).toBeGreaterThanOrEqual(0)

  const after = new Database(path, { readonly: true })
  const tables = after
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
  expect(tables).toEqual([{ name: 'leads' }])
  expect(after.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 2 })
  // The copy was switched to WAL, not the file.
  expect(after.pragma('journal_mode', { simple: true })).toBe('delete')
  after.close()
})
