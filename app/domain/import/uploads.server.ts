// Uploaded files waiting to be imported. Each person's uploads are kept in a folder of their own
// under the upload directory (`uploads/<user id>/`), so that what a person has waiting can be
// counted against a quota without a column to say who uploaded a file. Uploads not imported
// within a day are deleted by a periodic job (`periodicJobs`, app/domain/jobs.server.ts).
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { and, eq, inArray, lt, ne } from 'drizzle-orm'
import { HOUR } from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import type { DB } from '~db/connection'
import { importJobs } from '~db/schema'

/** How long an upload waits to be imported before it is deleted. */
export const UPLOAD_LIFETIME_MS = 24 * HOUR

const MB = 1024 * 1024

/** Where one person's uploads go. */
export const userUploadDirectory = (root: string, userId: number) => join(root, String(userId))

type StoredFile = { path: string; bytes: number; modifiedAt: number }

function filesIn(directory: string): StoredFile[] {
  if (!existsSync(directory)) return []
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = resolve(directory, entry.name)
      const stat = statSync(path, { throwIfNoEntry: false })
      return stat ? { path, bytes: stat.size, modifiedAt: stat.mtimeMs } : null
    })
    .filter((file): file is StoredFile => file !== null)
}

/** Every stored upload: each person's, and any left at the top from before per-person folders. */
function allUploads(root: string): StoredFile[] {
  if (!existsSync(root)) return []
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, entry.name))
  return [root, ...folders].flatMap(filesIn)
}

const pathsOf = (rows: { filePath: string }[]) => new Set(rows.map((r) => resolve(r.filePath)))

/**
 * What a person has waiting to be imported: the files in their folder that no import has taken
 * yet (a file uploaded and not mapped, or mapped and not started, or still arriving). A file
 * an import is running, finished or failed with is no longer waiting.
 */
export function pendingUploads(db: DB, root: string, userId: number) {
  const taken = pathsOf(
    db
      .select({ filePath: importJobs.filePath })
      .from(importJobs)
      .where(and(eq(importJobs.createdBy, userId), ne(importJobs.status, 'uploaded')))
      .all(),
  )
  const waiting = filesIn(userUploadDirectory(root, userId)).filter((f) => !taken.has(f.path))
  return { files: waiting.length, bytes: waiting.reduce((sum, f) => sum + f.bytes, 0) }
}

export type UploadQuota = { files: number; bytes: number }

const AFTERWARDS = `Start the imports you uploaded (Imports), or upload again later: uploads not imported within ${UPLOAD_LIFETIME_MS / HOUR} hours are deleted.`

/**
 * Why one more upload (of `incoming` bytes, when known) would take a person past the quota, or
 * null when it would not.
 */
export function quotaRefusal(
  pending: { files: number; bytes: number },
  quota: UploadQuota,
  incoming = 0,
): string | null {
  if (pending.files >= quota.files)
    return `You have ${pending.files} uploads waiting to be imported, the most one person may have. ${AFTERWARDS}`
  if (pending.bytes + incoming > quota.bytes) {
    const mb = (bytes: number) => Math.ceil(bytes / MB)
    return `Your uploads waiting to be imported would take ${mb(pending.bytes + incoming)} MB, more than the ${mb(quota.bytes)} MB one person may have. ${AFTERWARDS}`
  }
  return null
}

/**
 * Deletes the uploads no import needs that are older than `lifetimeMs` at `now`. An import
 * uploaded and never started within that time expires first (failed, with the reason, and an
 * `import.expired` audit entry, in one transaction that holds the write lock, so it cannot be
 * started meanwhile); then every file older than the lifetime is deleted unless an import that
 * is waiting or running names it. A finished or failed import no longer reads its file (its
 * errors are rows). Idempotent: run again, it finds nothing to do.
 */
export function sweepUploads(
  db: DB,
  root: string,
  now: Date,
  lifetimeMs = UPLOAD_LIFETIME_MS,
): { expired: number; deleted: number } {
  const cutoff = new Date(now.getTime() - lifetimeMs)
  const expired = db.transaction(
    (tx) => {
      const stale = tx
        .select({ id: importJobs.id, fileName: importJobs.fileName })
        .from(importJobs)
        .where(and(eq(importJobs.status, 'uploaded'), lt(importJobs.createdAt, cutoff)))
        .all()
      for (const job of stale) {
        tx.update(importJobs)
          .set({
            status: 'failed',
            error: `Not started within ${lifetimeMs / HOUR} hours of the upload, so the file was deleted. Upload it again to import it.`,
            finishedAt: now,
          })
          .where(eq(importJobs.id, job.id))
          .run()
        recordAudit(
          tx,
          {
            actorId: null,
            action: 'import.expired',
            subjectType: 'import',
            subjectId: job.id,
            after: { fileName: job.fileName },
          },
          now,
        )
      }
      return stale.length
    },
    { behavior: 'immediate' },
  )
  const needed = pathsOf(
    db
      .select({ filePath: importJobs.filePath })
      .from(importJobs)
      .where(inArray(importJobs.status, ['uploaded', 'running']))
      .all(),
  )
  let deleted = 0
  for (const file of allUploads(root)) {
    if (file.modifiedAt > cutoff.getTime() || needed.has(file.path)) continue
    rmSync(file.path, { force: true })
    deleted++
  }
  return { expired, deleted }
}
