// What a file's date columns say about the order of their numeric dates, read from the whole
// file: one value that only day-first (25/04/2021) or month-first (04/25/2021) can read settles
// a column; a value that reads differently either way (03/04/2021, not 05/05/2021) needs it.
// Shared by the lead import's preview and the outcome import.
import { type CsvFormat, dataChunks } from './csv-file.server'
import { type DateOrder, dateOrderOfValue, readDate } from './dates'

export type DateExample = { line: number; text: string }

export type DateScan = {
  /** What the column's values say: settled one way, both ways, needing the order, or no
   * numeric dates that need it. */
  order: DateOrder | 'conflict' | 'ambiguous' | 'none'
  /** The first value of each kind. */
  dayFirst: DateExample | null
  monthFirst: DateExample | null
  ambiguous: DateExample | null
  /** The column's first values, as written. */
  samples: DateExample[]
}

/** Reads the columns `indexes` of the whole file; one scan per column, in the same order. */
export async function scanDateColumns(
  path: string,
  format: CsvFormat,
  indexes: number[],
  samples = 5,
): Promise<DateScan[]> {
  const scans = indexes.map(() => ({
    dayFirst: null as DateExample | null,
    monthFirst: null as DateExample | null,
    ambiguous: null as DateExample | null,
    samples: [] as DateExample[],
  }))
  if (indexes.length === 0) return []
  for await (const records of dataChunks(path, format)) {
    for (const { line, values } of records) {
      indexes.forEach((index, i) => {
        const scan = scans[i] as (typeof scans)[number]
        const text = (values[index] ?? '').trim()
        if (!text) return
        if (scan.samples.length < samples) scan.samples.push({ line, text })
        const order = dateOrderOfValue(text)
        if (order === 'none' || scan[order === 'ambiguous' ? 'ambiguous' : orderKey(order)]) return
        if (order !== 'ambiguous') scan[orderKey(order)] = { line, text }
        else {
          const read = readDate(text, { order: null, timeZone: 'UTC' })
          if (!read.ok && read.needsOrder) scan.ambiguous = { line, text }
        }
      })
    }
  }
  return scans.map((scan) => ({
    ...scan,
    order:
      scan.dayFirst && scan.monthFirst
        ? 'conflict'
        : scan.dayFirst
          ? 'day-first'
          : scan.monthFirst
            ? 'month-first'
            : scan.ambiguous
              ? 'ambiguous'
              : 'none',
  }))
}

const orderKey = (order: DateOrder) => (order === 'day-first' ? 'dayFirst' : 'monthFirst')
