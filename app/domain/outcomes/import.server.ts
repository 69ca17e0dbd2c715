// Outcomes by CSV: a row per lead (external id or e-mail), its outcome and date, optionally a
// note. Every row is checked like one entered by hand; good rows are recorded, bad rows are
// reported by line with a plain reason, and a row already recorded is left as it is.
import { and, eq } from 'drizzle-orm'
import { OUTCOME_LABELS } from '~/domain/cases/schema'
import { dataRecords, inspectCsv, UnreadableCsvError } from '~/domain/import/csv-file.server'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { OUTCOMES, type Outcome } from '~db/enums'
import { leads, outcomes } from '~db/schema'
import { recordOutcome } from './outcomes.server'

/** What an outcomes file recorded; a file that cannot be read or lacks a column is refused (the file field). */
export type OutcomeImport = Result<{
  recorded: number
  unchanged: number
  failed: { line: number; identifier: string; reason: string }[]
}>

const COLUMNS = {
  externalId: /^(external[ _-]?id|lead[ _-]?id|prospect[ _-]?id|record[ _-]?id|id)$/i,
  email: /^e-?mail( address)?$/i,
  outcome: /^outcome$/i,
  date: /^(date|outcome date|occurred on|when)$/i,
  note: /^notes?$/i,
}

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')

/** "Bought elsewhere", "bought_elsewhere", "BOUGHT-ELSEWHERE" → bought_elsewhere. */
function outcomeOf(value: string): Outcome | null {
  const wanted = normalise(value)
  return (
    OUTCOMES.find((o) => normalise(o) === wanted || normalise(OUTCOME_LABELS[o]) === wanted) ?? null
  )
}

/** 2026-07-01, or 01/07/2026 (day first, as most CRMs outside the US export). */
function dateOf(value: string): string | null {
  const text = value.trim()
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  const dmy = text.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/)
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [0, 0, 0]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (!y || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null
  return date.toISOString().slice(0, 10)
}

export async function importOutcomes(
  db: Queryable,
  actorId: number,
  path: string,
  now: Date,
): Promise<OutcomeImport> {
  const inspection = await inspectCsv(path)
  if (!inspection.ok) return refuse(inspection.message, 'file')
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, pattern]) => [
      key,
      inspection.headers.findIndex((h) => pattern.test(h.trim())),
    ]),
  ) as Record<keyof typeof COLUMNS, number>
  if (index.outcome < 0 || index.date < 0 || (index.externalId < 0 && index.email < 0))
    return refuse(
      'The file needs a column for the lead (External id or Email), an Outcome column and a Date column.',
      'file',
    )
  const cell = (values: string[], column: number) =>
    column < 0 ? '' : (values[column] ?? '').trim()
  let recorded = 0
  let unchanged = 0
  const failed: { line: number; identifier: string; reason: string }[] = []
  try {
    for await (const { line, values } of dataRecords(path, inspection)) {
      if (values.every((v) => v.trim() === '')) continue
      const externalId = cell(values, index.externalId)
      const email = cell(values, index.email).toLowerCase()
      const identifier = externalId || email
      const fail = (reason: string) => failed.push({ line, identifier, reason })
      if (!identifier) {
        fail('The row names no lead: give its external id or e-mail')
        continue
      }
      const lead = db
        .select({ id: leads.id })
        .from(leads)
        .where(externalId ? eq(leads.externalId, externalId) : eq(leads.email, email))
        .get()
      if (!lead) {
        fail(`No lead has the ${externalId ? 'external id' : 'e-mail'} “${identifier}”`)
        continue
      }
      const outcome = outcomeOf(cell(values, index.outcome))
      if (!outcome) {
        fail(
          `“${cell(values, index.outcome)}” is not an outcome; use one of: ${OUTCOMES.map((o) => OUTCOME_LABELS[o]).join(', ')}`,
        )
        continue
      }
      const occurredOn = dateOf(cell(values, index.date))
      if (!occurredOn) {
        fail(`“${cell(values, index.date)}” is not a date; write it as 2026-07-01 or 01/07/2026`)
        continue
      }
      const already = db
        .select({ id: outcomes.id })
        .from(outcomes)
        .where(
          and(
            eq(outcomes.leadId, lead.id),
            eq(outcomes.outcome, outcome),
            eq(outcomes.occurredOn, occurredOn),
          ),
        )
        .get()
      if (already) {
        unchanged++
        continue
      }
      const note = cell(values, index.note)
      const result = recordOutcome(
        db,
        actorId,
        lead.id,
        { outcome, occurredOn, note: note || undefined },
        now,
      )
      if (result.ok) recorded++
      else fail(Object.values(result.fieldErrors).flat().join(' '))
    }
  } catch (error) {
    if (error instanceof UnreadableCsvError) return refuse(error.message, 'file')
    throw error
  }
  return { ok: true, recorded, unchanged, failed }
}
