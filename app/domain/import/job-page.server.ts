// What an import's page shows: the job and how far it has read, its mapping's preview, sample
// values of each column while it is being mapped, and the first rows it refused.
import { listReasons } from '~/domain/reasons/reasons.server'
import type { DB } from '~db/connection'
import { existingValues, storedOptions } from './crm-context.server'
import { importErrorPage } from './errors.server'
import { getImportJob, sampleColumns } from './jobs.server'
import type { Preview } from './preview.server'

/** The page of import `jobId`, or null when there is none. */
export async function importJobPage(db: DB, jobId: number) {
  const job = getImportJob(db, jobId)
  if (!job) return null
  // The parser counts characters; UTF-16 files hold two bytes for each.
  const bytesRead = job.bytesDone * (job.encoding === 'utf16le' ? 2 : 1)
  return {
    job: {
      id: job.id,
      fileName: job.fileName,
      status: job.status,
      headers: job.headers,
      mapping: job.mapping ?? {},
      linesDone: job.linesDone,
      percent: job.fileSize ? Math.min(100, Math.round((bytesRead / job.fileSize) * 100)) : 0,
      created: job.created,
      updated: job.updated,
      unchanged: job.unchanged,
      failed: job.failed,
      error: job.error,
    },
    preview: (job.preview as Preview | null) ?? null,
    /** The values the mapping step maps the file's sources and campaigns to. */
    existing: job.status === 'uploaded' ? existingValues(db) : null,
    holdBack: storedOptions(job).holdBack,
    samples: job.status === 'uploaded' ? await sampleColumns(job) : [],
    errors: job.status === 'uploaded' ? null : importErrorPage(db, job.id),
    heldBack: job.status === 'uploaded' ? null : importErrorPage(db, job.id, 'held'),
    /** What a status value may become: a rejection under one of these reasons. */
    reasons:
      job.status === 'uploaded'
        ? listReasons(db, { activeOnly: true }).map(({ id, label }) => ({ id, label }))
        : [],
  }
}
