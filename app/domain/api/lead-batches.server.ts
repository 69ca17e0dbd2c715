// Batches of leads sent to `POST /api/v1/leads/batch` (issue 17, decision 28): stored as a
// queued job with its rows, then written by the job runner a batch of rows per transaction
// through the one lead upserter, as the import writes a file: each row checked like one lead of
// `POST /api/v1/leads`, the job's counters moved on with each batch, a row that fails kept in
// `api_job_errors` with its index, field, message and identifier. Done, the rows are dropped.
import { and, asc, eq, getTableColumns, gt, inArray } from 'drizzle-orm'
import { inSavepoint } from '~/domain/import/run.server'
import { type LeadUpserter, leadUpserter } from '~/domain/leads/upsert-lead.server'
import { countedAsBatch } from '~/domain/summaries/batch.server'
import { type DB, preparedStatement, type Queryable } from '~db/connection'
import { apiJobErrors, apiJobs } from '~db/schema'
import { issuesOf } from './field-errors'
import { LeadInputSchema, readLead } from './lead-input'

export const MAX_BATCH_ROWS = 10_000
export const LEAD_BATCH = 'leads.upsert'

/** How long one batch of rows may hold the write lock (as an import's, run.server.ts). */
const BATCH_MS = 75

export type ApiJob = typeof apiJobs.$inferSelect
export type ApiJobError = typeof apiJobErrors.$inferSelect

/** Queues a batch: the job's id, for `GET /api/v1/jobs/{id}`. */
export function enqueueLeadBatch(
  db: Queryable,
  tokenId: number,
  rows: unknown[],
  now: Date,
): ApiJob {
  return db
    .insert(apiJobs)
    .values({
      tokenId,
      kind: LEAD_BATCH,
      status: 'queued',
      input: rows,
      total: rows.length,
      createdAt: now,
    })
    .returning()
    .get()
}

/** A job of this token (another token's is none of its business), with a page of its errors. */
export function getApiJob(
  db: Queryable,
  tokenId: number,
  jobId: number,
  errors: { after: number; limit: number },
): { job: Omit<ApiJob, 'input'>; errors: ApiJobError[]; more: boolean } | null {
  const { input: _input, ...columns } = getTableColumns(apiJobs)
  const job = db
    .select(columns)
    .from(apiJobs)
    .where(and(eq(apiJobs.id, jobId), eq(apiJobs.tokenId, tokenId)))
    .get()
  if (!job) return null
  const rows = db
    .select()
    .from(apiJobErrors)
    .where(and(eq(apiJobErrors.jobId, jobId), gt(apiJobErrors.id, errors.after)))
    .orderBy(asc(apiJobErrors.id))
    .limit(errors.limit + 1)
    .all()
  return { job, errors: rows.slice(0, errors.limit), more: rows.length > errors.limit }
}

type Tally = { created: number; updated: number; unchanged: number; failed: number }

const INSERT_ERROR =
  'INSERT INTO api_job_errors (job_id, row, field, message, identifier) VALUES (?, ?, ?, ?, ?)'
const SAVE_PROGRESS = `UPDATE api_jobs SET status = 'running', started_at = ifnull(started_at, ?),
  done = ?, created = created + ?, updated = updated + ?, unchanged = unchanged + ?,
  failed = failed + ? WHERE id = ?`

/** The identifier a failed row is reported by: its external id or e-mail, as sent. */
function identifierOf(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return null
  const { external_id: id, email } = row as Record<string, unknown>
  const key = typeof id === 'string' && id ? id : email
  return typeof key === 'string' && key ? key.slice(0, 254) : null
}

/** Writes one row; the field and message of why not, when it is refused. */
function writeRow(
  upserter: LeadUpserter,
  tally: Tally,
  row: unknown,
  now: Date,
): { field: string; message: string } | null {
  const shaped = LeadInputSchema.safeParse(row)
  if (!shaped.success) {
    const first = issuesOf(shaped.error)[0]
    if (!first || first.field === 'body')
      return { field: 'lead', message: 'Send the lead as a JSON object' }
    return first
  }
  const read = readLead(shaped.data)
  if (!read.ok) return read.errors[0] ?? { field: 'external_id', message: 'The lead is not valid' }
  const written = upserter.upsert(read.fields, { custom: read.custom }, now)
  if (!written.ok) {
    const [field, messages] = Object.entries(written.fieldErrors)[0] ?? ['form', []]
    return { field: field === 'form' ? 'external_id' : field, message: messages.join(' ') }
  }
  tally[written.outcome]++
  return null
}

/** Writes the job's rows from `from` for up to BATCH_MS, in one transaction; the next row's index. */
function writeRows(
  db: DB,
  job: Omit<ApiJob, 'input'>,
  rows: unknown[],
  now: Date,
  rowByRow: boolean,
): number {
  return db.transaction(
    // New leads counted into the report summaries after the batch, set-based (decision 36).
    (tx) =>
      countedAsBatch(tx, () => {
        const upserter = leadUpserter(tx, null, { batched: !rowByRow })
        const tally: Tally = { created: 0, updated: 0, unchanged: 0, failed: 0 }
        const insertError = preparedStatement(tx, INSERT_ERROR)
        const deadline = performance.now() + BATCH_MS
        // Read under the write lock: a second runner (`npm run jobs` beside the server) goes on
        // from where the first committed, never over the same rows.
        const from = preparedStatement(tx, 'SELECT done FROM api_jobs WHERE id = ?').get(
          job.id,
        ) as {
          done: number
        }
        let next = from.done
        if (next >= rows.length) return next
        do {
          const index = next++
          const row = rows[index]
          let refused: { field: string; message: string } | null
          if (rowByRow) {
            let failure: { field: string; message: string } | null = null
            const reason = inSavepoint(tx, () => {
              failure = writeRow(upserter, tally, row, now)
              return null
            })
            refused = reason ? { field: 'form', message: reason } : failure
          } else refused = writeRow(upserter, tally, row, now)
          if (refused) {
            tally.failed++
            insertError.run(job.id, index, refused.field, refused.message, identifierOf(row))
          }
        } while (next < rows.length && performance.now() < deadline)
        upserter.finish()
        preparedStatement(tx, SAVE_PROGRESS).run(
          now.getTime(),
          next,
          tally.created,
          tally.updated,
          tally.unchanged,
          tally.failed,
          job.id,
        )
        return next
      }),
    { behavior: 'immediate' },
  )
}

function finish(db: Queryable, jobId: number, now: Date) {
  parsed = null
  db.update(apiJobs)
    .set({ status: 'done', input: null, finishedAt: now })
    .where(eq(apiJobs.id, jobId))
    .run()
}

/** Gives the job up: `failed`, with the error, its rows dropped; what it wrote stays written. */
function fail(db: Queryable, jobId: number, error: unknown, now: Date) {
  parsed = null
  const message = error instanceof Error ? error.message : String(error)
  db.update(apiJobs)
    .set({ status: 'failed', error: message.slice(0, 1000), input: null, finishedAt: now })
    .where(eq(apiJobs.id, jobId))
    .run()
}

/**
 * One batch of the oldest queued or running job (the runner's periodic job): `done` rows
 * written, `more` while any job has rows left. Should the database refuse a row the checks let
 * through, the batch is written again a row at a time, each in a savepoint, so the row fails alone;
 * should that fail too (the fault is not one row's), the job is marked `failed` with the error
 * and the next job goes on: a job that cannot go on never holds up the ones after it.
 */
export function runLeadBatches(db: DB, now: Date): { done: number; more: boolean } {
  const { input: _input, ...columns } = getTableColumns(apiJobs)
  const job = db
    .select(columns)
    .from(apiJobs)
    .where(inArray(apiJobs.status, ['queued', 'running']))
    .orderBy(asc(apiJobs.id))
    .get()
  if (!job) return { done: 0, more: false }
  const rows = rowsOf(db, job.id)
  if (job.done >= rows.length) {
    finish(db, job.id, now)
    return { done: 0, more: true }
  }
  let next: number
  try {
    next = writeRows(db, job, rows, now, false)
  } catch {
    try {
      next = writeRows(db, job, rows, now, true)
    } catch (error) {
      fail(db, job.id, error, now)
      return { done: 0, more: true }
    }
  }
  if (next >= rows.length) finish(db, job.id, now)
  return { done: Math.max(0, next - job.done), more: true }
}

/** The job's rows: parsed once and kept while the job runs (its input is read again after a restart). */
let parsed: { jobId: number; rows: unknown[] } | null = null
function rowsOf(db: Queryable, jobId: number): unknown[] {
  if (parsed?.jobId !== jobId) {
    const row = db.select({ input: apiJobs.input }).from(apiJobs).where(eq(apiJobs.id, jobId)).get()
    parsed = { jobId, rows: row?.input ?? [] }
  }
  return parsed.rows
}
