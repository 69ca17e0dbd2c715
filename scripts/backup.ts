// `npm run backup [-- --dir DIR --keep N --check quick|integrity]`: writes a consistent copy of
// the database at DATABASE_PATH (SQLite's online backup, safe beside the running server) into
// DIR (BACKUP_DIRECTORY, or backups/ beside the database) as <name>-<UTC time>.db, checks it
// (pages, foreign keys, the audit trail's hash chain), and then keeps the newest N (BACKUP_KEEP,
// 14). Exit code 1, with the reason, when anything fails; a copy that fails its check is deleted.
// Decision 23; README, Operations.

import { parseArgs } from 'node:util'
import {
  BackupError,
  backupDatabase,
  defaultBackupDirectory,
  type PageCheck,
} from '~/platform/backup.server'
import { EnvError, getEnv } from '~/platform/env.server'

const seconds = (ms: number) => (ms / 1000).toFixed(1)
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

try {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      keep: { type: 'string' },
      check: { type: 'string', default: 'quick' },
    },
  })
  const env = getEnv()
  const keep = values.keep === undefined ? env.BACKUP_KEEP : Number(values.keep)
  if (!Number.isInteger(keep) || keep < 1)
    throw new BackupError(
      `--keep must be a whole number of backups, 1 or more (got ${values.keep}).`,
    )
  if (values.check !== 'quick' && values.check !== 'integrity')
    throw new BackupError(`--check must be quick or integrity (got ${values.check}).`)
  const report = await backupDatabase({
    databasePath: env.DATABASE_PATH,
    directory: values.dir ?? env.BACKUP_DIRECTORY ?? defaultBackupDirectory(env.DATABASE_PATH),
    keep,
    now: new Date(),
    pages: values.check as PageCheck,
  })
  console.log(
    `Backed up ${env.DATABASE_PATH} to ${report.path} (${megabytes(report.bytes)} MB): ` +
      `copied in ${seconds(report.copyMs)} s, checked in ${seconds(report.check.ms)} s ` +
      `(${values.check} check, foreign keys, audit chain of ${report.check.auditEntries} entries).`,
  )
  for (const old of report.deleted) console.log(`Deleted the older backup ${old}.`)
} catch (error) {
  if (!(error instanceof BackupError || error instanceof EnvError)) throw error
  console.error(error.message)
  process.exitCode = 1
}
