// Running an import: begin it, stream the file in batched transactions through the lead
// upserter, resume after a restart, finish.
import { eq } from 'drizzle-orm'
import type { LeadFields } from '~/domain/leads/schema'
import { type LeadUpserter, leadUpserter } from '~/domain/leads/upsert-lead.server'
import { type Result, refuse } from '~/domain/result'
import { countedAsBatch } from '~/domain/summaries/batch.server'
import { recordAudit } from '~/platform/audit.server'
import { type DB, preparedStatement, type Queryable } from '~db/connection'
import { importJobs, importMappings } from '~db/schema'
import { crmContext, cutoffDefault, existingValues, storedOptions } from './crm-context.server'
import { type CrmContext, crmFate } from './crm-row'
import { type CsvRecord, dataChunks } from './csv-file.server'
import { formatOf, getImportJob, type ImportJob } from './jobs.server'
import { heldBackReason, type RowEvaluation, type RowJudge, rowJudge } from './judging.server'
import { headersKey, type Mapping } from './mapping'
import type { Preview } from './preview.server'
import { type CrmCells, type Prepared, rowPreparer } from './rows'
import { type ValueField, valueResolver, withValues } from './values'

/**
 * How long one batch of rows may hold the write lock, and the server's one thread, before it
 * commits (with the import's progress) and lets requests in. A batch costs some 10 ms besides
 * its rows (the reads it starts with, the commit): longer batches import faster, shorter ones
 * let requests in sooner.
 */
const BATCH_MS = 75

/** Moves a previewed import to running (once) and remembers its mapping for the next file like it. */
export function beginImport(db: DB, actorId: number, jobId: number, now: Date): Result<object> {
  return db.transaction(
    (tx) => {
      const job = getImportJob(tx, jobId)
      if (job?.status !== 'uploaded') return refuse('This import has already started')
      if (!job.preview || !job.mapping) return refuse('Check the preview before importing')
      const shown = (job.preview as Preview).crm
      if (shown?.needsDateOrder)
        return refuse('Choose the order of the file’s dates, then check the preview', 'date-order')
      const chosen = storedOptions(job)
      // The default cut-off is a day before today's: the preview's counts hold only that day.
      if (shown && chosen.cutoff === null && cutoffDefault(tx, now) !== shown.cutoffDefault)
        return refuse(
          `The default cut-off has moved to ${cutoffDefault(tx, now)} since the preview (${shown.cutoffDefault}); check the preview again`,
          'cutoff',
        )
      tx.update(importJobs)
        // The import keeps the cut-off its preview showed.
        .set({
          status: 'running',
          startedAt: now,
          options: { ...chosen, cutoff: shown?.cutoff ?? chosen.cutoff },
        })
        .where(eq(importJobs.id, jobId))
        .run()
      // Remembered with the mapping: the date order, the statuses' meanings, the history choice
      // (not the cut-off, which is a date for this import).
      const options = { ...chosen, cutoff: null }
      tx.insert(importMappings)
        .values({
          headersKey: headersKey(job.headers),
          mapping: job.mapping,
          options,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: importMappings.headersKey,
          set: { mapping: job.mapping, options, updatedAt: now },
        })
        .run()
      recordAudit(
        tx,
        {
          actorId,
          action: 'import.started',
          subjectType: 'import',
          subjectId: jobId,
          after: { fileName: job.fileName },
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

type Tally = { created: number; updated: number; unchanged: number; failed: number }

/** What stays the same for every batch of one import: its job, how its rows are read, and
 * what its CRM columns mean (the batch's clock is `now`). */
type ImportRun = {
  job: ImportJob
  prepare: (values: string[]) => Prepared
  crm: Omit<CrmContext, 'now'>
  /** What a source or campaign value is stored as (the preview's mapping step, decision 45). */
  resolve: (field: ValueField, value: string) => string
}

/** A row not written: why it failed, or why it was held back (decision 45). */
type NotWritten = string | { held: string }

const INSERT_ERROR =
  'INSERT INTO import_errors (job_id, line, reason, identifier) VALUES (?, ?, ?, ?)'
const SAVE_PROGRESS = `UPDATE import_jobs SET lines_done = ?, bytes_done = ?, created = created + ?,
  updated = updated + ?, unchanged = unchanged + ?, failed = failed + ? WHERE id = ?`

/**
 * Creates or updates the lead of one valid row through the batch's upserter (an existing lead
 * keeps its owner: re-importing a file does not reassign work); returns why not, when it cannot.
 */
function writeRow(
  upserter: LeadUpserter,
  run: ImportRun,
  tally: Tally,
  row: { line: number; fields: LeadFields; custom: Record<string, string>; crm: CrmCells },
  now: Date,
  judge: RowJudge | null,
): NotWritten | null {
  const origin = { importJobId: run.job.id, importLine: row.line }
  // What the CRM knew applies to a lead this import creates; a lead already here keeps its life
  // (a row that updates one is not failed for a date or a status only a new lead would need).
  const fate = crmFate(row.crm, { ...run.crm, now })
  const fields = withValues(row.fields, run.resolve)
  // Held back (when chosen): a new lead the definition says does not meet it is not written.
  const creates = (!fate.ok || judge) && 'creates' in upserter.fateOf(fields, origin)
  if (!fate.ok && creates) return fate.reason
  if (judge && creates) {
    const arrival = fate.ok ? fate.arrival : undefined
    if (judge.overall(fields, row.custom, arrival, now) === 'does_not_meet')
      return {
        held: heldBackReason(judge.detail(fields, row.custom, arrival, now) as RowEvaluation),
      }
  }
  const written = upserter.upsert(
    fields,
    fate.ok
      ? { custom: row.custom, origin, arrival: fate.arrival, past: fate }
      : { custom: row.custom, origin },
    now,
  )
  if (!written.ok) return Object.values(written.fieldErrors).flat()[0] ?? 'The row was refused'
  tally[written.outcome]++
  return null
}

/**
 * Writes rows from `from` on, and the job's progress, in one transaction that stops taking rows
 * after BATCH_MS; returns the index of the first row it did not write. The checks before each
 * write leave the database nothing to refuse, so rows are written without a savepoint each (a
 * savepoint per row made the import about a quarter slower). Should the database refuse a row
 * all the same, the batch is rolled back and written again with a savepoint per row, so that
 * the row fails alone.
 */
function writeBatch(db: DB, run: ImportRun, records: CsvRecord[], from: number, now: Date) {
  try {
    return writeRows(db, run, records, from, now, false)
  } catch {
    return writeRows(db, run, records, from, now, true)
  }
}

function writeRows(
  db: DB,
  run: ImportRun,
  records: CsvRecord[],
  from: number,
  now: Date,
  rowByRow: boolean,
): number {
  return db.transaction(
    // The batch's new leads (and their clocks, cases, wins) are counted into the report
    // summaries after it, set-based, not one trigger per row (decision 36).
    (tx) =>
      countedAsBatch(tx, () => {
        const { job } = run
        // Batched: multi-row inserts, one audit entry for the batch's new leads. Row by row
        // (after a refusal), each row is written in its savepoint as it comes.
        const upserter = leadUpserter(tx, job.createdBy, { batched: !rowByRow })
        const judge = storedOptions(job).holdBack ? rowJudge(tx, job.createdBy) : null
        const tally: Tally = { created: 0, updated: 0, unchanged: 0, failed: 0 }
        const insertError = preparedStatement(tx, INSERT_ERROR)
        const fail = (line: number, reason: string, identifier: string | null) => {
          tally.failed++
          insertError.run(job.id, line, reason, identifier)
        }
        const deadline = performance.now() + BATCH_MS
        let next = from
        do {
          const { line, values } = records[next++] as CsvRecord
          const prepared = run.prepare(values)
          if (!prepared.ok) {
            fail(line, prepared.reason, prepared.identifier ?? null)
            continue
          }
          const { fields } = prepared
          const row = { line, fields, custom: prepared.custom, crm: prepared.crm }
          const refused = rowByRow
            ? inSavepoint(tx, () => writeRow(upserter, run, tally, row, now, judge))
            : writeRow(upserter, run, tally, row, now, judge)
          const identifier = fields.externalId ?? fields.email ?? null
          // A row held back is listed with the failed ones but not counted as failed.
          if (typeof refused === 'string') fail(line, refused, identifier)
          else if (refused) insertError.run(job.id, line, refused.held, identifier)
        } while (next < records.length && performance.now() < deadline)
        upserter.finish()
        const last = records[next - 1] as CsvRecord
        preparedStatement(tx, SAVE_PROGRESS).run(
          last.line,
          last.bytes,
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

/** Writes one row inside a savepoint: what the database refuses is undone and becomes the reason. */
export function inSavepoint<T>(tx: Queryable, write: () => T | string | null): T | string | null {
  preparedStatement(tx, 'SAVEPOINT import_row').run()
  try {
    return write()
  } catch (error) {
    preparedStatement(tx, 'ROLLBACK TO import_row').run()
    return `The row could not be saved: ${(error as Error).message}`
  } finally {
    preparedStatement(tx, 'RELEASE import_row').run()
  }
}

const running = new Set<number>()

// Where a started import runs when not here: set by a cluster's worker (decision 31). Kept on
// globalThis, as the outbox's listeners are: the production server bundles this module twice
// (build/server.js sets it, the Remix build's routes read it).
const ELSEWHERE = Symbol.for('leadcourt.import.runElsewhere')
const registry = globalThis as { [ELSEWHERE]?: (jobId: number) => void }

/**
 * Makes this process hand the imports it starts to another (a cluster's worker hands them to
 * the primary, which runs the jobs: an import then outlives the worker that started it, and
 * never holds up a worker's requests between its batches).
 */
export function runImportsElsewhere(send: (jobId: number) => void) {
  registry[ELSEWHERE] = send
}

/** Runs an import that was just begun, after the response: here, or where the jobs run. */
export function launchImport(db: DB, jobId: number, clock: () => Date) {
  const elsewhere = registry[ELSEWHERE]
  if (elsewhere) elsewhere(jobId)
  // One that cannot even be marked failed (the disk gone) is left running, to resume at start.
  else runImport(db, jobId, clock).catch(() => {})
}

/**
 * Streams a running import from where it stopped (the last committed line) to the end, in
 * batches of one transaction each. Safe to call again after a restart: committed lines are
 * skipped.
 */
export async function runImport(db: DB, jobId: number, clock: () => Date = () => new Date()) {
  if (running.has(jobId)) return
  running.add(jobId)
  try {
    const job = getImportJob(db, jobId)
    if (job?.status !== 'running' || !job.mapping) return
    const mapping = job.mapping as Mapping
    const started = clock()
    const { now: _now, ...crm } = crmContext(db, mapping, storedOptions(job), started)
    const resolve = valueResolver(storedOptions(job).values, existingValues(db))
    const run: ImportRun = { job, prepare: rowPreparer(job.headers, mapping), crm, resolve }
    for await (const chunk of dataChunks(job.filePath, formatOf(job))) {
      const records = chunk.filter((record) => record.line > job.linesDone)
      for (let next = 0; next < records.length; ) {
        next = writeBatch(db, run, records, next, clock())
        // Let requests in between batches: the import shares the server's one thread.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
    finish(db, jobId, { status: 'done' }, clock())
  } catch (error) {
    finish(db, jobId, { status: 'failed', error: (error as Error).message }, clock())
  } finally {
    running.delete(jobId)
  }
}

function finish(
  db: DB,
  jobId: number,
  outcome: { status: 'done' | 'failed'; error?: string },
  now: Date,
) {
  db.transaction(
    (tx) => {
      const job = getImportJob(tx, jobId) as ImportJob
      tx.update(importJobs)
        .set({ status: outcome.status, error: outcome.error ?? null, finishedAt: now })
        .where(eq(importJobs.id, jobId))
        .run()
      recordAudit(
        tx,
        {
          actorId: job.createdBy,
          action: outcome.status === 'done' ? 'import.finished' : 'import.failed',
          subjectType: 'import',
          subjectId: jobId,
          after: {
            created: job.created,
            updated: job.updated,
            unchanged: job.unchanged,
            failed: job.failed,
            error: outcome.error,
          },
        },
        now,
      )
    },
    { behavior: 'immediate' },
  )
}
