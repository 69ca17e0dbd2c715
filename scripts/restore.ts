// `npm run restore -- FILE`: puts the backup FILE in place of the database at DATABASE_PATH.
// Refuses while a server (or any other process) has the database open; checks FILE (pages,
// foreign keys, the audit trail's hash chain) before touching anything; keeps the current
// database aside as <database>.before-restore-<UTC time>; swaps the checked copy in atomically.
// Exit code 1, with the reason, when it refuses. Decision 23; README, Operations.

import { parseArgs } from 'node:util'
import { BackupError, type PageCheck, restoreDatabase } from '~/platform/backup.server'
import { EnvError, getEnv } from '~/platform/env.server'

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { check: { type: 'string', default: 'quick' } },
  })
  const [from, ...extra] = positionals
  if (!from || extra.length > 0)
    throw new BackupError('Name one backup file: npm run restore -- data/backups/leadcourt-….db')
  if (values.check !== 'quick' && values.check !== 'integrity')
    throw new BackupError(`--check must be quick or integrity (got ${values.check}).`)
  const env = getEnv()
  const report = restoreDatabase({
    databasePath: env.DATABASE_PATH,
    from,
    now: new Date(),
    pages: values.check as PageCheck,
  })
  console.log(
    `Restored ${from} to ${env.DATABASE_PATH} in ${(report.ms / 1000).toFixed(1)} s ` +
      `(of which the check, ${values.check} check, foreign keys, audit chain of ` +
      `${report.check.auditEntries} entries: ${(report.check.ms / 1000).toFixed(1)} s).` +
      (report.keptAside ? ` The database it replaced is kept as ${report.keptAside}.` : ''),
  )
} catch (error) {
  if (!(error instanceof BackupError || error instanceof EnvError)) throw error
  console.error(error.message)
  process.exitCode = 1
}
