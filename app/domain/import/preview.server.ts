// The preview: the whole file read with a mapping, nothing written; and saving the mapping
// with the preview it gives.
import Database from 'better-sqlite3'
import { and, eq } from 'drizzle-orm'
import { classifyMatch, keyLookup } from '~/domain/leads/matching.server'
import { activeReps, roundRobin } from '~/domain/leads/owners.server'
import type { LeadFields } from '~/domain/leads/schema'
import { type UpsertFate, upsertFate } from '~/domain/leads/upsert-lead.server'
import { type Result, refuse } from '~/domain/result'
import type { DB } from '~db/connection'
import { importJobs } from '~db/schema'
import { crmContext, existingValues, storedOptions } from './crm-context.server'
import { type CrmPreview, crmTally, fileDateColumns, settledOrder } from './crm-preview.server'
import { type CrmContext, type CrmFate, crmFate, describeFate } from './crm-row'
import { dataChunks, UnreadableCsvError } from './csv-file.server'
import { formatOf, getImportJob, type ImportJob } from './jobs.server'
import { heldBackReason, type RowEvaluation, rowJudge } from './judging.server'
import { type Mapping, TARGETS } from './mapping'
import {
  chosenStatus,
  type ImportOptions,
  mergeStatuses,
  type OptionsInput,
  withStatuses,
} from './options'
import { LABELS, rowPreparer } from './rows'
import {
  mergeValueTables,
  type PreviewValues,
  tableOf,
  VALUE_FIELDS,
  valueScan,
  withValues,
} from './values'

const PREVIEW_ROWS = 10

export type Preview = {
  rows: number
  failing: number
  /** What the CRM's dates, statuses and age make of the new leads. */
  crm: CrmPreview
  groups: { group: string; count: number; example: string; line: number }[]
  /** The file's source and campaign values, matched against those the leads hold. */
  values?: PreviewValues
  /**
   * How the new leads fare against the definition (null: no version in force), and how many
   * rows are held back for not meeting it when marketing chose so.
   */
  judged?: {
    meets: number
    doesNotMeet: number
    undetermined: number
    holdBack: boolean
    heldBack: number
  } | null
  sample: {
    line: number
    fields: [string, string][]
    custom: [string, string][]
    owner: string
    error: string | null
    /** What a new lead becomes: "History, handed over 15 Apr 2021, 00:03 · Rejected: Other". */
    becomes: string | null
    /** A new lead's evaluation against the definition that will judge it. */
    evaluation?: RowEvaluation | null
    /** Why the row is held back, when it is. */
    heldBack?: string | null
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

/** Under which heading the preview counts the rows a write would refuse. */
const REFUSAL_GROUPS: Record<Extract<UpsertFate, { refused: string }>['refused'], string> = {
  conflict: 'Identifiers of two different leads',
  repeated: 'Repeated in the file',
  owner: 'Unknown owner',
}

/**
 * Reads the whole file with the mapping, without writing any lead: the first rows as they
 * will be stored, and how many rows will fail and why.
 */
async function previewImport(
  db: DB,
  job: ImportJob,
  mapping: Mapping,
  context: CrmContext,
  tally: ReturnType<typeof crmTally>,
): Promise<Omit<Preview, 'crm'>> {
  const reps = activeReps(db)
  const stored = keyLookup(db)
  const prepare = rowPreparer(job.headers, mapping)
  const { holdBack, values: chosen } = context.options
  const scan = valueScan(existingValues(db), chosen)
  const judge = rowJudge(db, job.createdBy)
  // The rule that hands the import's new leads out (never saved: the preview writes nothing).
  const turns = roundRobin(db, reps, context.now)
  const repName = (id: number | null) =>
    reps.find((r) => r.id === id)?.name ?? 'No active rep to hand it to'
  const judged = { meets: 0, doesNotMeet: 0, undetermined: 0, holdBack, heldBack: 0 }
  const preview: Omit<Preview, 'crm'> = { rows: 0, failing: 0, groups: [], sample: [] }
  const groups = new Map<string, Preview['groups'][number]>()
  const written = leadsWritten(job.id)
  const fail = (group: string, reason: string, line: number) => {
    preview.failing++
    const g = groups.get(group)
    if (g) g.count++
    else groups.set(group, { group, count: 1, example: reason, line })
  }
  /** A valid row as the import will write it (upsertFate), without writing: its keys are
   * matched against the leads earlier rows would write, then against those already there. What
   * the CRM knew (`past`) counts only for a lead the row creates, as in the import. */
  const check = (
    line: number,
    fields: LeadFields,
    custom: Record<string, string>,
    past: CrmFate,
  ): { owner: string; error: string | null; creates: boolean; held: string | null } => {
    const { externalId, email } = fields
    const match = classifyMatch(
      fields,
      externalId ? (written.byId(externalId) ?? stored.byId(externalId)) : undefined,
      email ? (written.byEmail(email) ?? stored.byEmail(email)) : undefined,
    )
    const fate = upsertFate(match, fields, () => reps, { importJobId: job.id, importLine: line })
    if ('refused' in fate) {
      fail(REFUSAL_GROUPS[fate.refused], fate.reason, line)
      return { owner: 'Nobody (the row fails)', error: fate.reason, creates: false, held: null }
    }
    if ('creates' in fate && !past.ok) {
      fail(past.group, past.reason, line)
      return { owner: 'Nobody (the row fails)', error: past.reason, creates: false, held: null }
    }
    const found = 'updates' in fate ? fate.updates : null
    if (!found) {
      const arrival = past.ok ? past.arrival : undefined
      const overall = judge.overall(fields, custom, arrival, context.now)
      if (overall === 'meets') judged.meets++
      else if (overall === 'does_not_meet') judged.doesNotMeet++
      else if (overall === 'undetermined') judged.undetermined++
      // Held back: not written, so no rep's turn and no key taken.
      if (holdBack && overall === 'does_not_meet') {
        judged.heldBack++
        const detail = judge.detail(fields, custom, arrival, context.now) as RowEvaluation
        return {
          owner: 'Nobody (held back)',
          error: null,
          creates: false,
          held: heldBackReason(detail),
        }
      }
    }
    written.add(line, found?.id ?? null, externalId ?? found?.externalId ?? null, email ?? null)
    if (found)
      return {
        owner: 'Unchanged (the lead exists and is updated)',
        error: null,
        creates: false,
        held: null,
      }
    return {
      owner: 'creates' in fate && fate.creates ? fate.creates.name : repName(turns.next()),
      error: null,
      creates: true,
      held: null,
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
        tally.values(prepared.crm)
        const past = crmFate(prepared.crm, context)
        const rowFields = withValues(prepared.fields, scan.see)
        const { owner, error, creates, held } = check(record.line, rowFields, prepared.custom, past)
        if (creates && past.ok) tally.count(past)
        if (preview.sample.length < PREVIEW_ROWS) {
          const { owner: _owner, ...fields } = rowFields
          preview.sample.push({
            line: record.line,
            fields: Object.entries(fields)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [LABELS[k] ?? k, String(v)]),
            custom: Object.entries(prepared.custom),
            owner,
            error,
            becomes: creates && past.ok ? describeFate(past, context.timeZone) : null,
            evaluation: creates
              ? judge.detail(
                  rowFields,
                  prepared.custom,
                  past.ok ? past.arrival : undefined,
                  context.now,
                )
              : null,
            heldBack: held,
          })
        }
      }
    }
  } finally {
    written.close()
  }
  preview.groups = [...groups.values()].sort((a, b) => b.count - a.count)
  preview.values = scan.result()
  preview.judged = judge.judges ? judged : null
  return preview
}

/**
 * Whether a form sent with "Import leads" says something other than what the preview was
 * checked with: a column mapped otherwise, or a choice changed and not previewed.
 */
export function changedSincePreview(
  job: ImportJob,
  mapping: Record<string, string>,
  chosen: OptionsInput,
): boolean {
  const stored = storedOptions(job)
  const saved = job.mapping ?? {}
  if (job.headers.some((h) => (Object.hasOwn(saved, h) ? saved[h] : undefined) !== mapping[h]))
    return true
  if (chosen.dateOrder !== undefined && chosen.dateOrder !== stored.dateOrder) return true
  if (chosen.history !== undefined && chosen.history !== stored.history) return true
  if (chosen.cutoff !== undefined && chosen.cutoff !== stored.cutoff) return true
  if (chosen.holdBack !== undefined && chosen.holdBack !== stored.holdBack) return true
  const changedValue = VALUE_FIELDS.some((field) =>
    Object.entries(chosen.values?.[field] ?? {}).some(
      ([key, target]) => stored.values[field]?.[key] !== target,
    ),
  )
  if (changedValue) return true
  return Object.entries(chosen.statuses ?? {}).some(([column, values]) =>
    Object.entries(values).some(
      ([value, choice]) => chosenStatus(stored.statuses, column, value) !== choice,
    ),
  )
}

/** Saves the mapping and options the user chose and the preview they give. */
export async function saveMapping(
  db: DB,
  jobId: number,
  mapping: Record<string, string>,
  chosen: OptionsInput,
  now: Date,
): Promise<Result<object>> {
  const job = getImportJob(db, jobId)
  if (job?.status !== 'uploaded') return refuse('This import has already started')
  for (const header of job.headers) {
    const target = Object.hasOwn(mapping, header) ? mapping[header] : undefined
    if (!target || !(TARGETS as string[]).includes(target)) {
      return refuse(`Choose what to do with the column “${header}”`)
    }
  }
  // Built from entries, so that a column called "__proto__" is a column like any other.
  const clean: Mapping = Object.fromEntries(
    job.headers.map((header) => [header, mapping[header] as Mapping[string]]),
  )
  // Any number of columns may hold statuses (a CRM's status, its tags, its quality rating).
  const targets = Object.values(clean).filter(
    (t) => t !== 'custom' && t !== 'ignore' && t !== 'status',
  )
  const twice = targets.find((t, i) => targets.indexOf(t) !== i)
  if (twice)
    return refuse(`Two columns are mapped to “${twice}”; map one of them elsewhere or ignore it`)
  if (!targets.includes('externalId') && !targets.includes('email')) {
    return refuse('Map a column to External id or to Email: every lead needs one of them')
  }
  const before = storedOptions(job)
  const options: ImportOptions = {
    ...before,
    ...chosen,
    statuses: mergeStatuses(before.statuses, chosen.statuses ?? {}),
    values: mergeValueTables(before.values, chosen.values ?? {}),
  }
  let preview: Preview
  try {
    const columns = await fileDateColumns(job, clean)
    const settled = settledOrder(columns, chosen.dateOrder ?? null, before.dateOrder)
    if (!settled.ok) return settled
    options.dateOrder = settled.order
    const context = crmContext(db, clean, options, now)
    const tally = crmTally(columns, context, settled)
    const rows = await previewImport(db, job, clean, context, tally)
    preview = { ...rows, crm: tally.result() }
    // The values seen keep the meaning they were shown with (defaults included): remembered.
    for (const { column, values } of preview.crm.statuses)
      options.statuses = withStatuses(
        options.statuses,
        column,
        Object.fromEntries(values.map((v) => [v.value, v.choice])),
      )
    // So are the source and campaign values it listed, as it showed them.
    options.values = mergeValueTables(options.values, tableOf(rows.values ?? []))
  } catch (error) {
    if (error instanceof UnreadableCsvError) return refuse(error.message)
    throw error
  }
  // Only while the import has not started: a start during the preview keeps its mapping.
  const saved = db
    .update(importJobs)
    .set({ mapping: clean, options, preview })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'uploaded')))
    .run()
  return saved.changes === 1 ? { ok: true } : refuse('This import has already started')
}
