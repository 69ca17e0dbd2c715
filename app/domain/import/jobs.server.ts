// Import jobs: an uploaded file registered with its proposed mapping, looked up, listed, and
// the first rows shown to help people map its columns.
import { rmSync } from 'node:fs'
import { desc, eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import type { DB, Queryable } from '~db/connection'
import { importJobs, importMappings } from '~db/schema'
import { type CsvFormat, dataRecords, inspectCsv, UnreadableCsvError } from './csv-file.server'
import { headersKey, type Mapping, proposeMapping } from './mapping'

/** A year's export in one file (about a million leads). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024

export type ImportJob = typeof importJobs.$inferSelect

/** The mapping, and the options, last used for a file with these headers. */
function remembered(db: Queryable, headers: string[]) {
  const row = db
    .select()
    .from(importMappings)
    .where(eq(importMappings.headersKey, headersKey(headers)))
    .get()
  return { mapping: (row?.mapping as Mapping | undefined) ?? null, options: row?.options ?? null }
}

/** Registers an uploaded file: checks it is readable CSV and proposes a mapping. */
export async function createImportJob(
  db: DB,
  actorId: number,
  file: { name: string; path: string; size: number },
  now: Date,
): Promise<Result<{ jobId: number }>> {
  const inspection = await inspectCsv(file.path)
  // A refused file is not kept; the refusal names the file field.
  const refuseFile = (message: string) => {
    rmSync(file.path, { force: true })
    return refuse(message, 'file')
  }
  if (!inspection.ok) return refuseFile(inspection.message)
  try {
    const first = await dataRecords(file.path, inspection).next()
    if (first.done) return refuseFile('The file has a header row but no leads.')
  } catch (error) {
    if (error instanceof UnreadableCsvError) return refuseFile(error.message)
    throw error
  }
  const known = remembered(db, inspection.headers)
  const { id } = db
    .insert(importJobs)
    .values({
      createdBy: actorId,
      createdAt: now,
      fileName: file.name,
      filePath: file.path,
      fileSize: file.size,
      headers: inspection.headers,
      encoding: inspection.encoding,
      delimiter: inspection.delimiter,
      mapping: proposeMapping(inspection.headers, known.mapping),
      options: known.options,
      status: 'uploaded',
    })
    .returning({ id: importJobs.id })
    .get()
  return { ok: true, jobId: id }
}

export function getImportJob(db: Queryable, jobId: number): ImportJob | null {
  return db.select().from(importJobs).where(eq(importJobs.id, jobId)).get() ?? null
}

export function listImportJobs(db: Queryable, limit = 50) {
  return db.select().from(importJobs).orderBy(desc(importJobs.id)).limit(limit).all()
}

export const formatOf = (job: ImportJob): CsvFormat => ({
  encoding: job.encoding as CsvFormat['encoding'],
  delimiter: job.delimiter,
})

/** Imports that were running when the server stopped, to be resumed at start-up. */
export function interruptedImports(db: Queryable): number[] {
  return db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(eq(importJobs.status, 'running'))
    .all()
    .map((j) => j.id)
}

/** The first few data rows of the file, column by column, to help people map the columns. */
export async function sampleColumns(job: ImportJob, rows = 3): Promise<string[][]> {
  const samples: string[][] = job.headers.map(() => [])
  let seen = 0
  try {
    for await (const record of dataRecords(job.filePath, formatOf(job))) {
      job.headers.forEach((_, i) => {
        const value = record.values[i]?.trim()
        if (value) samples[i]?.push(value)
      })
      if (++seen >= rows) break
    }
  } catch (error) {
    // The preview reports an unreadable file; the samples show what could be read.
    if (!(error instanceof UnreadableCsvError)) throw error
  }
  return samples
}
