// The one CSV writer: every CSV the app hands out (report exports, an import's failed rows, the
// outcome import's failed rows) is written here, by csv-stringify, so that no cell a user typed
// can run as a spreadsheet formula (decision 21).
import { Readable } from 'node:stream'
import { type Options, stringify } from 'csv-stringify'
import { stringify as stringifySync } from 'csv-stringify/sync'

/** A cell: text, a number (written as it is), or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined
export type CsvRow = readonly CsvCell[]

// OWASP's CSV injection rule: a spreadsheet runs a cell that starts with one of these.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A text cell as it is written: prefixed with a single quote when it starts like a formula, so
 * the spreadsheet shows it as text. Numbers never pass through here: `-3` in a report is a
 * number, not a formula.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

const OPTIONS: Options = {
  cast: { string: neutraliseCell },
  // csv-stringify quotes a cell holding a comma, quote or line break; a semicolon too, so that a
  // spreadsheet that splits on semicolons (its locale's list separator) cannot start a new cell,
  // and a formula, in the middle of one.
  quoted_match: ';',
}

type NamePart = string | number | null | undefined | false

/**
 * The one way a CSV file is named (decision 38): what it holds, in lower-case words joined by
 * hyphens, accents and punctuation dropped, e.g. `csvFileName('scorecard', '2026-01-01', 'to',
 * '2026-12-31', 'Dana Reyes')` is "scorecard-2026-01-01-to-2026-12-31-dana-reyes.csv". Empty
 * parts are left out.
 */
export function csvFileName(...parts: NamePart[]): string {
  const words = parts
    .filter(
      (part): part is string | number => part !== null && part !== undefined && part !== false,
    )
    .map((part) =>
      String(part)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((word) => word !== '')
  return `${words.join('-') || 'export'}.csv`
}

/** Rows as CSV text, for a download built in one piece. */
export function csvText(rows: readonly CsvRow[]): string {
  return stringifySync(rows as CsvRow[] as unknown[][], OPTIONS)
}

/** Rows as a stream of CSV, for a download too long to build in memory. */
export function csvStream(rows: Iterable<CsvRow> | AsyncIterable<CsvRow>): Readable {
  return Readable.from(rows).pipe(stringify(OPTIONS))
}
