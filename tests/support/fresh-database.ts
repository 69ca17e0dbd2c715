// Route tests: every test file gets its own SQLite file, migrated exactly as the server does
// at start-up. Vitest isolates modules per file, so the app's database singleton opens it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { prepareDatabase } from '~/domain/prepare.server'
import { getDb } from '~/platform/db.server'
import { stopTaskPools } from '~/platform/task-pool.server'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-test-'))
process.env.DATABASE_PATH = join(dir, 'test.db')
process.env.NODE_ENV = 'test'
delete process.env.APP_ORIGIN
prepareDatabase(getDb())

afterAll(async () => {
  // The report threads hold read-only connections on the file.
  await stopTaskPools()
  getDb().$client.close()
  rmSync(dir, { recursive: true, force: true })
})
