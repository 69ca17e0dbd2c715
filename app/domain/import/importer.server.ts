// Lead import: a file is uploaded and checked, its columns are mapped, a preview shows what
// will be stored and what will fail, and the import streams the file in batched transactions.
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm'
import { LEAD_FIELDS } from '~/domain/leads/fields'
import {
  activeReps,
  classifyMatch,
  currentHandOver,
  findRep,
  type HandOver,
  indexNewLeads,
  keyLookup,
  keyMatcher,
  type LeadWriter,
  leadWriter,
  type MatchedLead,
  roundRobin,
} from '~/domain/leads/leads.server'
import { type LeadFields, LeadFieldsSchema } from '~/domain/leads/schema'
import { recordAudit } from '~/platform/audit.server'
import { type DB, preparedStatement, type Queryable } from '~db/connection'
import { importErrors, importJobs, importMappings, leads } from '~db/schema'
import {
  type CsvFormat,
  type CsvRecord,
  dataChunks,
  dataRecords,
  inspectCsv,
  UnreadableCsvError,
} from './csv-file.server'
import { headersKey, type Mapping, proposeMapping, TARGETS } from './mapping'

/** A year's export in one file (about a million leads). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024
/**
 * How long one batch of rows may hold the write lock, and the server's one thread, before it
 * commits (with the import's progress) and lets requests in. A batch costs some 10 ms besides
 * its rows (the reads it starts with, the commit): longer batches import faster, shorter ones
 * let requests in sooner.
 */
export const BATCH_MS = 75
const PREVIEW_ROWS = 10

export type ImportJob = typeof importJobs.$inferSelect

// Form-default placeholders that real exports are full of; they mean "not filled in".
const PLACEHOLDERS = new Set([
  'select',
  '--select--',
  '-- select --',
  'n/a',
  'na',
  '-',
  '--',
  'null',
  'none',
])
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length))
function blank(value: string): boolean {
  const text = value.trim()
  return text === '' || (text.length <= LONGEST_PLACEHOLDER && PLACEHOLDERS.has(text.toLowerCase()))
}

type Prepared =
  | { ok: true; fields: LeadFields; custom: Record<string, string> }
  | { ok: false; reason: string; group: string; identifier?: string }

const LABELS: Record<string, string> = {
  ...Object.fromEntries(LEAD_FIELDS.map((f) => [f.key, f.label])),
  owner: 'Owner',
}

/** One record turned into lead fields and custom attributes, validated; or the plain reason it fails. */
export function prepareRow(values: string[], headers: string[], mapping: Mapping): Prepared {
  return rowPreparer(headers, mapping)(values)
}

/** `prepareRow` for every record of one file: what each column maps to is looked up once. */
function rowPreparer(headers: string[], mapping: Mapping): (values: string[]) => Prepared {
  const targets = headers.map((header) => mapping[header] ?? 'ignore')
  return (values) => {
    if (
      values.length !== headers.length &&
      values.slice(headers.length).some((v) => v.trim() !== '')
    ) {
      return {
        ok: false,
        group: 'Wrong number of values',
        reason: `The row has ${values.length} values but the header has ${headers.length} columns; check for a missing quote or an extra comma`,
      }
    }
    if (values.length < headers.length) {
      return {
        ok: false,
        group: 'Wrong number of values',
        reason: `The row has ${values.length} values but the header has ${headers.length} columns`,
      }
    }
    const input: Record<string, string> = {}
    const custom: Record<string, string> = {}
    let notText: string | undefined
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i]
      const value = values[i] ?? ''
      if (target === 'ignore' || target === undefined || blank(value)) continue
      if (value.includes('\uFFFD')) notText = headers[i]
      else if (target === 'custom') custom[headers[i] as string] = value.trim()
      else input[target] ??= value
    }
    if (notText !== undefined) {
      return {
        ok: false,
        group: 'Not UTF-8 text',
        reason: `Column “${notText}” holds bytes that are not UTF-8 text`,
      }
    }
    const parsed = LeadFieldsSchema.safeParse(input)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      const field = String(first?.path[0] ?? '')
      const reasons = parsed.error.issues.map((i) => i.message)
      return {
        ok: false,
        group:
          field === 'externalId' && !input.externalId
            ? 'No external id or e-mail'
            : `Invalid ${LABELS[field] ?? field}`,
        reason: reasons.join('; '),
        identifier: input.externalId ?? input.email,
      }
    }
    return { ok: true, fields: parsed.data, custom }
  }
}

function rememberedMapping(db: Queryable, headers: string[]): Mapping | null {
  const row = db
    .select()
    .from(importMappings)
    .where(eq(importMappings.headersKey, headersKey(headers)))
    .get()
  return (row?.mapping as Mapping | undefined) ?? null
}

/** Registers an uploaded file: checks it is readable CSV and proposes a mapping. */
export async function createImportJob(
  db: DB,
  actorId: number,
  file: { name: string; path: string; size: number },
  now: Date,
): Promise<{ ok: true; jobId: number } | { ok: false; message: string }> {
  const inspection = await inspectCsv(file.path)
  const refuse = (message: string) => {
    rmSync(file.path, { force: true })
    return { ok: false as const, message }
  }
  if (!inspection.ok) return refuse(inspection.message)
  try {
    const first = await dataRecords(file.path, inspection).next()
    if (first.done) return refuse('The file has a header row but no leads.')
  } catch (error) {
    if (error instanceof UnreadableCsvError) return refuse(error.message)
    throw error
  }
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
      mapping: proposeMapping(inspection.headers, rememberedMapping(db, inspection.headers)),
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

const formatOf = (job: ImportJob): CsvFormat => ({
  encoding: job.encoding as CsvFormat['encoding'],
  delimiter: job.delimiter,
})

export type Preview = {
  rows: number
  failing: number
  groups: { group: string; count: number; example: string; line: number }[]
  sample: {
    line: number
    fields: [string, string][]
    custom: [string, string][]
    owner: string
    error: string | null
  }[]
}

/**
 * The leads the rows a preview has read would write, by external id and by e-mail: the import
 * writes each row before it matches the next, and the preview, which writes nothing, matches
 * the next row against these as well as against the leads already there. They live in a
 * private temporary SQLite database, which keeps a small page cache and spills to a file SQLite
 * deletes on close; a map of strings held 0.8–1.4 KB a row in memory (959 MB at a million rows).
 */
function leadsWritten(jobId: number) {
  const store = new Database('')
  store.exec(`CREATE TABLE written (line INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL,
      external_id TEXT, email TEXT);
    CREATE INDEX written_external_id ON written (external_id);
    CREATE INDEX written_email ON written (email);
    BEGIN`) // one transaction for the whole preview: nothing needs to outlive it
  const select = (key: string) =>
    store.prepare<[string], { id: number; externalId: string | null; line: number }>(
      `SELECT lead_id AS id, external_id AS externalId, line FROM written
      WHERE ${key} = ? ORDER BY line LIMIT 1`,
    )
  const byId = select('external_id')
  const byEmail = select('email')
  const add = store.prepare('INSERT INTO written VALUES (?, ?, ?, ?)')
  const asMatched = (row: { id: number; externalId: string | null; line: number } | undefined) =>
    row && { id: row.id, externalId: row.externalId, importJobId: jobId, importLine: row.line }
  return {
    byId: (externalId: string) => asMatched(byId.get(externalId)),
    byEmail: (email: string) => asMatched(byEmail.get(email)),
    /** The lead `line` writes: `leadId` when it updates one, else a new lead. */
    add: (line: number, leadId: number | null, externalId: string | null, email: string | null) =>
      void add.run(line, leadId ?? -line, externalId, email),
    close: () => store.close(),
  }
}

/**
 * What becomes of a valid row, decided alike by the preview and the import: it fails (why, and
 * under which heading the preview counts it), it updates the lead its keys matched, or it
 * creates a lead for the rep it names (null: the next rep in turn).
 */
type RowFate =
  | { fails: string; group: string }
  | { updates: MatchedLead }
  | { creates: { id: number; name: string } | null }

function rowFate(
  match: ReturnType<typeof classifyMatch<MatchedLead>>,
  fields: LeadFields,
  job: ImportJob,
  line: number,
  reps: ReturnType<typeof activeReps>,
): RowFate {
  if ('conflict' in match)
    return { fails: match.conflict, group: 'Identifiers of two different leads' }
  const found = match.lead
  if (found?.importJobId === job.id && found.importLine !== line) {
    return {
      fails: `Same lead as line ${found.importLine}; only the first is imported`,
      group: 'Repeated in the file',
    }
  }
  if (found) return { updates: found }
  if (!fields.owner) return { creates: null }
  const rep = findRep(reps, fields.owner)
  return 'reason' in rep ? { fails: rep.reason, group: 'Unknown owner' } : { creates: rep }
}

/**
 * Reads the whole file with the mapping, without writing any lead: the first rows as they
 * will be stored, and how many rows will fail and why.
 */
export async function previewImport(db: DB, job: ImportJob, mapping: Mapping): Promise<Preview> {
  const reps = activeReps(db)
  const stored = keyLookup(db)
  const prepare = rowPreparer(job.headers, mapping)
  const preview: Preview = { rows: 0, failing: 0, groups: [], sample: [] }
  const groups = new Map<string, Preview['groups'][number]>()
  const written = leadsWritten(job.id)
  const fail = (group: string, reason: string, line: number) => {
    preview.failing++
    const g = groups.get(group)
    if (g) g.count++
    else groups.set(group, { group, count: 1, example: reason, line })
  }
  /** A valid row as the import will treat it (rowFate), without writing: its keys are matched
   * against the leads earlier rows would write, then against those already there. */
  const check = (line: number, fields: LeadFields): { owner: string; error: string | null } => {
    const { externalId, email } = fields
    const match = classifyMatch(
      fields,
      externalId ? (written.byId(externalId) ?? stored.byId(externalId)) : undefined,
      email ? (written.byEmail(email) ?? stored.byEmail(email)) : undefined,
    )
    const fate = rowFate(match, fields, job, line, reps)
    if ('fails' in fate) {
      fail(fate.group, fate.fails, line)
      return { owner: 'Next rep in turn', error: fate.fails }
    }
    const found = 'updates' in fate ? fate.updates : null
    written.add(line, found?.id ?? null, externalId ?? found?.externalId ?? null, email ?? null)
    if (found) return { owner: 'Unchanged (the lead exists and is updated)', error: null }
    return {
      owner: 'creates' in fate && fate.creates ? fate.creates.name : 'Next rep in turn',
      error: null,
    }
  }
  try {
    for await (const records of dataChunks(job.filePath, formatOf(job))) {
      for (const record of records) {
        preview.rows++
        const prepared = prepare(record.values)
        if (!prepared.ok) {
          fail(prepared.group, prepared.reason, record.line)
          continue
        }
        const { owner, error } = check(record.line, prepared.fields)
        if (preview.sample.length < PREVIEW_ROWS) {
          const { owner: _owner, ...fields } = prepared.fields
          preview.sample.push({
            line: record.line,
            fields: Object.entries(fields)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [LABELS[k] ?? k, String(v)]),
            custom: Object.entries(prepared.custom),
            owner,
            error,
          })
        }
      }
    }
  } finally {
    written.close()
  }
  preview.groups = [...groups.values()].sort((a, b) => b.count - a.count)
  return preview
}

/** Saves the mapping the user chose and the preview it gives. */
export async function saveMapping(
  db: DB,
  jobId: number,
  mapping: Record<string, string>,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const job = getImportJob(db, jobId)
  if (job?.status !== 'uploaded') return { ok: false, message: 'This import has already started' }
  const clean: Mapping = {}
  for (const header of job.headers) {
    const target = mapping[header]
    if (!target || !(TARGETS as string[]).includes(target)) {
      return { ok: false, message: `Choose what to do with the column “${header}”` }
    }
    clean[header] = target as Mapping[string]
  }
  const targets = Object.values(clean).filter((t) => t !== 'custom' && t !== 'ignore')
  const twice = targets.find((t, i) => targets.indexOf(t) !== i)
  if (twice)
    return {
      ok: false,
      message: `Two columns are mapped to “${twice}”; map one of them elsewhere or ignore it`,
    }
  if (!targets.includes('externalId') && !targets.includes('email')) {
    return {
      ok: false,
      message: 'Map a column to External id or to Email: every lead needs one of them',
    }
  }
  let preview: Preview
  try {
    preview = await previewImport(db, job, clean)
  } catch (error) {
    if (error instanceof UnreadableCsvError) return { ok: false, message: error.message }
    throw error
  }
  // Only while the import has not started: a start during the preview keeps its mapping.
  const saved = db
    .update(importJobs)
    .set({ mapping: clean, preview })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'uploaded')))
    .run()
  return saved.changes === 1
    ? { ok: true }
    : { ok: false, message: 'This import has already started' }
}

/** Moves a previewed import to running (once) and remembers its mapping for the next file like it. */
export function beginImport(
  db: DB,
  actorId: number,
  jobId: number,
  now: Date,
): { ok: true } | { ok: false; message: string } {
  return db.transaction(
    (tx) => {
      const job = getImportJob(tx, jobId)
      if (job?.status !== 'uploaded')
        return { ok: false as const, message: 'This import has already started' }
      if (!job.preview || !job.mapping)
        return { ok: false as const, message: 'Check the preview before importing' }
      tx.update(importJobs)
        .set({ status: 'running', startedAt: now })
        .where(eq(importJobs.id, jobId))
        .run()
      tx.insert(importMappings)
        .values({ headersKey: headersKey(job.headers), mapping: job.mapping, updatedAt: now })
        .onConflictDoUpdate({
          target: importMappings.headersKey,
          set: { mapping: job.mapping, updatedAt: now },
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

/** What stays the same for every batch of one import: its job and statements prepared once. */
type ImportRun = {
  job: ImportJob
  prepare: (values: string[]) => Prepared
  matchKeys: ReturnType<typeof keyMatcher>
  readLead: { get(values: { id: number }): typeof leads.$inferSelect | undefined }
}

/** What one batch (one transaction) writes with. */
type Batch = ImportRun & {
  writer: LeadWriter
  reps: ReturnType<typeof activeReps>
  turns: ReturnType<typeof roundRobin>
  handOver: HandOver
  tally: Tally
  now: Date
}

const INSERT_ERROR =
  'INSERT INTO import_errors (job_id, line, reason, identifier) VALUES (?, ?, ?, ?)'
const SAVE_PROGRESS = `UPDATE import_jobs SET lines_done = ?, bytes_done = ?, created = created + ?,
  updated = updated + ?, unchanged = unchanged + ?, failed = failed + ? WHERE id = ?`

/** Creates or updates the lead of one valid row; returns why not, when it cannot. */
function writeRow(
  batch: Batch,
  line: number,
  fields: LeadFields,
  custom: Record<string, string>,
): string | null {
  const { job, writer, tally, now } = batch
  // Keys first (cheap); the whole lead is read only when the row updates one.
  const fate = rowFate(batch.matchKeys(fields), fields, job, line, batch.reps)
  if ('fails' in fate) return fate.fails
  const origin = { importJobId: job.id, importLine: line }
  if ('updates' in fate) {
    // Read in this transaction by its key a moment ago, so it is there.
    const existing = batch.readLead.get({ id: fate.updates.id }) as typeof leads.$inferSelect
    // An existing lead keeps its owner: re-importing a file does not reassign work.
    if (writer.update(job.createdBy, existing, fields, custom, now, origin)) tally.updated++
    else tally.unchanged++
    return null
  }
  const ownerId = fate.creates?.id ?? batch.turns.next()
  if (!ownerId) return 'There is no active rep to hand the lead to'
  writer.insert(job.createdBy, fields, custom, ownerId, batch.handOver, now, origin)
  tally.created++
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
    (tx) => {
      const { job } = run
      const reps = activeReps(tx)
      const batch: Batch = {
        ...run,
        writer: leadWriter(tx),
        reps,
        turns: roundRobin(tx, reps, now),
        // The version in force now: one activated during a long import applies from then on.
        handOver: currentHandOver(tx, job.createdBy),
        tally: { created: 0, updated: 0, unchanged: 0, failed: 0 },
        now,
      }
      const { tally } = batch
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
        const { fields, custom } = prepared
        const refused = rowByRow
          ? inSavepoint(tx, () => writeRow(batch, line, fields, custom))
          : writeRow(batch, line, fields, custom)
        if (refused) fail(line, refused, fields.externalId ?? fields.email ?? null)
      } while (next < records.length && performance.now() < deadline)
      indexNewLeads(tx)
      batch.turns.save()
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
    },
    { behavior: 'immediate' },
  )
}

/** Writes one row inside a savepoint: what the database refuses is undone and becomes the reason. */
function inSavepoint(tx: Queryable, write: () => string | null): string | null {
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
    const run: ImportRun = {
      job,
      prepare: rowPreparer(job.headers, job.mapping as Mapping),
      matchKeys: keyMatcher(db),
      readLead: db
        .select()
        .from(leads)
        .where(eq(leads.id, sql.placeholder('id')))
        .prepare(),
    }
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

/** Imports that were running when the server stopped, to be resumed at start-up. */
export function interruptedImports(db: Queryable): number[] {
  return db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(eq(importJobs.status, 'running'))
    .all()
    .map((j) => j.id)
}

export const ERRORS_PAGE_SIZE = 100

export function importErrorPage(db: Queryable, jobId: number, limit = ERRORS_PAGE_SIZE) {
  const rows = db
    .select({
      line: importErrors.line,
      reason: importErrors.reason,
      identifier: importErrors.identifier,
    })
    .from(importErrors)
    .where(eq(importErrors.jobId, jobId))
    .orderBy(asc(importErrors.line))
    .limit(limit)
    .all()
  const total =
    db.select({ n: count() }).from(importErrors).where(eq(importErrors.jobId, jobId)).get()?.n ?? 0
  return { rows, total }
}

// A spreadsheet runs a cell that starts like a formula; the report prefixes such cells.
const asText = (value: string | null) => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/**
 * Every failed row of an import, in line order, for the downloadable report (cells that
 * start like a formula are prefixed so they stay text). Fetched a thousand at a time so that
 * no statement stays open on the shared connection while the response streams.
 */
export function* importErrorRows(db: Queryable, jobId: number) {
  let after = 0
  for (;;) {
    const rows = db
      .select({
        line: importErrors.line,
        identifier: importErrors.identifier,
        reason: importErrors.reason,
      })
      .from(importErrors)
      .where(and(eq(importErrors.jobId, jobId), gt(importErrors.line, after)))
      .orderBy(asc(importErrors.line))
      .limit(1000)
      .all()
    if (rows.length === 0) return
    for (const row of rows)
      yield { ...row, identifier: asText(row.identifier), reason: asText(row.reason) }
    after = rows.at(-1)?.line ?? after
  }
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
