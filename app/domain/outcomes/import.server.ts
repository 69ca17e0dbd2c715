// Outcomes by CSV: a row per lead (external id or e-mail), its outcome and date, optionally a
// note. Every row is checked like one entered by hand; good rows are recorded, bad rows are
// reported by line with a plain reason, and a row already recorded is left as it is.
//
// Dates are read by the one date reader of imports (~/domain/import/dates), as calendar dates
// in the organisation's time zone. Before anything is recorded, the file's numeric dates are
// checked for their order: a file whose dates settle it (15/04/2026) is read that way; one whose
// dates could be either (12/01/2026) is refused until marketing says which; one whose dates
// settle it both ways is refused, naming a line of each.
import { OUTCOME_LABELS } from '~/domain/cases/schema'
import {
  type CsvFormat,
  dataRecords,
  inspectCsv,
  UnreadableCsvError,
} from '~/domain/import/csv-file.server'
import { type DateExample, scanDateColumns } from '~/domain/import/date-columns.server'
import {
  DATE_ORDER_LABELS,
  type DateOrder,
  readCalendarDate,
  spellDate,
} from '~/domain/import/dates'
import { type Result, refuse } from '~/domain/result'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import type { Queryable } from '~db/connection'
import { OUTCOMES, type Outcome } from '~db/enums'
import { outcomeLead, recordOutcomeOnce } from './record-row.server'

/** How one row's date was read: the text, the calendar date and the format it was read in. */
export type DateReading = { line: number; text: string; date: string; format: string }

/** How many of the first rows' date readings an import reports. */
export const READINGS_SHOWN = 5

/**
 * What an outcomes file recorded, the order its numeric dates were read in (null when it has
 * none that need one) and how its first dates were read. A file that cannot be read or lacks a
 * column is refused (the file field); so is one whose dates disagree about their order; one
 * whose dates need an order that was not given, or that contradict the one given, is refused on
 * the dateOrder field.
 */
export type OutcomeImport = Result<{
  recorded: number
  unchanged: number
  failed: { line: number; identifier: string; reason: string }[]
  dateOrder: DateOrder | null
  readings: DateReading[]
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

type Example = DateExample

const quoted = (example: Example | undefined) =>
  example ? `line ${example.line} has “${example.text}”` : ''

/** The order to read the file's numeric dates in: what the file says, else what was chosen. */
async function orderOfFile(
  path: string,
  format: CsvFormat,
  column: number,
  chosen: DateOrder | null,
  timeZone: string,
): Promise<Result<{ order: DateOrder | null }>> {
  const [scan] = await scanDateColumns(path, format, [column])
  const said = scan?.order ?? 'none'
  const examples = {
    'day-first': scan?.dayFirst ?? undefined,
    'month-first': scan?.monthFirst ?? undefined,
    ambiguous: scan?.ambiguous ?? undefined,
  }
  if (said === 'conflict')
    return refuse(
      `This file’s dates are written both day first and month first (${quoted(examples['day-first'])}, ${quoted(examples['month-first'])}): write them all one way and import it again.`,
      'file',
    )
  if (said === 'day-first' || said === 'month-first') {
    if (chosen && chosen !== said)
      return refuse(
        `This file’s dates are ${said} (${quoted(examples[said])}), not ${chosen}: choose “${DATE_ORDER_LABELS[said]}” or “Not needed”.`,
        'dateOrder',
      )
    return { ok: true, order: said }
  }
  const ambiguous = examples.ambiguous
  if (said === 'ambiguous' && ambiguous && !chosen) {
    const [dayFirst, monthFirst] = (['day-first', 'month-first'] as const).map((order) => {
      const read = readCalendarDate(ambiguous.text, { order, timeZone })
      return read.ok ? spellDate(read.date) : '?'
    })
    return refuse(
      `This file’s dates could be day-first or month-first (${ambiguous.text} on line ${ambiguous.line} is ${dayFirst} or ${monthFirst}): choose which.`,
      'dateOrder',
    )
  }
  return { ok: true, order: chosen }
}

export async function importOutcomes(
  db: Queryable,
  actorId: number,
  path: string,
  options: { dateOrder: DateOrder | null },
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
  const { timeZone } = getOrganisationSettings(db)
  let recorded = 0
  let unchanged = 0
  const failed: { line: number; identifier: string; reason: string }[] = []
  const readings: DateReading[] = []
  let order: DateOrder | null = null
  try {
    const decided = await orderOfFile(path, inspection, index.date, options.dateOrder, timeZone)
    if (!decided.ok) return decided
    order = decided.order
    for await (const { line, values } of dataRecords(path, inspection)) {
      if (values.every((v) => v.trim() === '')) continue
      const externalId = cell(values, index.externalId)
      const email = cell(values, index.email).toLowerCase()
      const identifier = externalId || email
      const fail = (reason: string) => failed.push({ line, identifier, reason })
      const dateText = cell(values, index.date)
      const date = readCalendarDate(dateText, { order, timeZone })
      if (date.ok && readings.length < READINGS_SHOWN)
        readings.push({ line, text: dateText, date: date.date, format: date.format })
      const lead = outcomeLead(db, { externalId, email })
      if ('reason' in lead) {
        fail(lead.reason)
        continue
      }
      const outcome = outcomeOf(cell(values, index.outcome))
      if (!outcome) {
        fail(
          `“${cell(values, index.outcome)}” is not an outcome; use one of: ${OUTCOMES.map((o) => OUTCOME_LABELS[o]).join(', ')}`,
        )
        continue
      }
      if (!date.ok) {
        fail(date.reason)
        continue
      }
      const note = cell(values, index.note)
      const input = { outcome, occurredOn: date.date, note: note || undefined }
      const fate = recordOutcomeOnce(db, actorId, lead.id, input, now)
      if (fate.kind === 'recorded') recorded++
      else if (fate.kind === 'unchanged') unchanged++
      else fail(fate.reason)
    }
  } catch (error) {
    if (error instanceof UnreadableCsvError) return refuse(error.message, 'file')
    throw error
  }
  return { ok: true, recorded, unchanged, failed, dateOrder: order, readings }
}
