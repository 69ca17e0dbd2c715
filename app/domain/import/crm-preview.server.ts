// The preview's account of a CRM file's past (decision 25): the order its numeric dates are
// written in, how the first rows' dates were read, each status column's values with what they
// become, and how many new leads arrive as history, live, accepted, converted, rejected and won.
import { type Result, refuse } from '~/domain/result'
import type { CrmContext, CrmFate } from './crm-row'
import { type DateScan, scanDateColumns } from './date-columns.server'
import { type DateOrder, describeReading, readDate } from './dates'
import { formatOf, type ImportJob } from './jobs.server'
import { DATE_TARGETS, type DateTarget, type Mapping } from './mapping'
import type { HistoryMode, StatusChoice } from './options'
import type { CrmCells } from './rows'

/** Distinct values shown per status column, the most frequent first; a column with more is
 * not much of a status. Up to MAX_COUNTED are counted to find them. */
const MAX_STATUS_VALUES = 60
const MAX_COUNTED = 5_000
const DATE_SAMPLES = 5

export type DateColumn = {
  column: string
  target: DateTarget
  /** What the file's own values say about their order. */
  order: DateScan['order']
  /** A line that settles the order each way, when one does. */
  dayFirstLine: number | null
  monthFirstLine: number | null
  samples: { line: number; text: string; read: string | null; error: string | null }[]
}

export type CrmPreview = {
  dates: DateColumn[]
  /** The order the import reads numeric dates in: chosen, or settled by the file. */
  dateOrder: DateOrder | null
  /** The file's numeric dates could be either order and none was chosen: ask. */
  needsDateOrder: boolean
  statuses: {
    column: string
    values: { value: string; count: number; choice: StatusChoice }[]
    more: number
  }[]
  handOverMapped: boolean
  history: HistoryMode
  /** The cut-off the preview used, and the default on the preview's day. */
  cutoff: string
  cutoffDefault: string
  /** What the new leads become. */
  becomes: {
    history: number
    waitingWithClock: number
    /** Of those, leads whose clock has run out already: ignored cases at the next sweep. */
    overdue: number
    waitingWithoutClock: number
    accepted: number
    converted: number
    rejected: number
    won: number
  }
  rejectedByReason: { reasonId: number; label: string; count: number }[]
}

/** The date columns of a mapping, by index into the headers. */
const dateColumns = (headers: string[], mapping: Mapping) =>
  headers.flatMap((column, index) => {
    const target = mapping[column]
    return (DATE_TARGETS as readonly string[]).includes(target as string)
      ? [{ column, index, target: target as DateTarget }]
      : []
  })

/** Reads the date columns of the whole file for the order of their numeric dates. */
export async function fileDateColumns(job: ImportJob, mapping: Mapping): Promise<DateColumn[]> {
  const columns = dateColumns(job.headers, mapping)
  const scans = await scanDateColumns(
    job.filePath,
    formatOf(job),
    columns.map((c) => c.index),
    DATE_SAMPLES,
  )
  return columns.map(({ column, target }, i) => {
    const scan = scans[i] as DateScan
    return {
      column,
      target,
      order: scan.order,
      dayFirstLine: scan.dayFirst?.line ?? null,
      monthFirstLine: scan.monthFirst?.line ?? null,
      samples: scan.samples.map((sample) => ({ ...sample, read: null, error: null })),
    }
  })
}

/**
 * The order the import reads numeric dates in: the one chosen on this preview, else the one
 * the file settles, else the one remembered with the mapping (a default the file overrides);
 * or why the file cannot be read: a column, or two columns, written both ways, or a choice the
 * file contradicts.
 */
export function settledOrder(
  columns: DateColumn[],
  chosen: DateOrder | null,
  remembered: DateOrder | null,
): Result<{ order: DateOrder | null; needsOrder: boolean }> {
  const conflict = columns.find((c) => c.order === 'conflict')
  if (conflict)
    return refuse(
      `“${conflict.column}” has dates written day first (line ${conflict.dayFirstLine}) and month first (line ${conflict.monthFirstLine}); correct the file`,
    )
  const settled = columns.filter((c) => c.order === 'day-first' || c.order === 'month-first')
  const [first, other] = [settled[0], settled.find((c) => c.order !== settled[0]?.order)]
  const line = (c: DateColumn) => (c.order === 'day-first' ? c.dayFirstLine : c.monthFirstLine)
  if (first && other)
    return refuse(
      `“${first.column}” is written ${first.order} (line ${line(first)}) and “${other.column}” ${other.order} (line ${line(other)}); correct the file`,
    )
  const fileOrder = (first?.order ?? null) as DateOrder | null
  if (first && chosen && chosen !== fileOrder)
    return refuse(
      `“${first.column}” has a date only ${fileOrder} can read (line ${line(first)}); the file is written ${fileOrder}`,
      'date-order',
    )
  const order = chosen ?? fileOrder ?? remembered
  const ambiguous = columns.some((c) => c.order === 'ambiguous')
  return { ok: true, order, needsOrder: order === null && ambiguous }
}

/** A tally of what the rows of a preview would make of their new leads. */
export function crmTally(
  columns: DateColumn[],
  context: CrmContext & { cutoff: string; cutoffDefault: string },
  settled: { order: DateOrder | null; needsOrder: boolean },
) {
  const statuses = new Map<string, { values: Map<string, number>; more: number }>()
  const becomes: CrmPreview['becomes'] = {
    history: 0,
    waitingWithClock: 0,
    overdue: 0,
    waitingWithoutClock: 0,
    accepted: 0,
    converted: 0,
    rejected: 0,
    won: 0,
  }
  const byReason = new Map<number, number>()
  const dates = columns.map((c) => ({
    ...c,
    samples: c.samples.map((sample) => {
      const read = readDate(sample.text, { order: settled.order, timeZone: context.timeZone })
      return read.ok
        ? { ...sample, read: `${describeReading(read.at, context.timeZone)} — ${read.format}` }
        : { ...sample, error: read.reason }
    }),
  }))
  return {
    /** Counts a row's status values (every valid row's, new lead or not). */
    values(crm: CrmCells) {
      for (const [column, value] of crm.statuses) {
        const tally = statuses.get(column) ?? { values: new Map(), more: 0 }
        statuses.set(column, tally)
        const count = tally.values.get(value)
        if (count !== undefined) tally.values.set(value, count + 1)
        else if (tally.values.size < MAX_COUNTED) tally.values.set(value, 1)
        else tally.more++
      }
    },
    /** Counts what a new lead becomes. */
    count(fate: Extract<CrmFate, { ok: true }>) {
      const { arrival, rejected, won } = fate
      if (arrival.history) becomes.history++
      if (arrival.status === 'new' && arrival.clock) {
        becomes.waitingWithClock++
        if (context.overdue(arrival.handedOverAt)) becomes.overdue++
      }
      if (arrival.status === 'new' && !arrival.clock) becomes.waitingWithoutClock++
      if (arrival.status === 'working') becomes.accepted++
      if (arrival.status === 'converted') becomes.converted++
      if (rejected) {
        becomes.rejected++
        byReason.set(rejected.reason.id, (byReason.get(rejected.reason.id) ?? 0) + 1)
      }
      if (won) becomes.won++
    },
    result(): CrmPreview {
      return {
        dates,
        dateOrder: settled.order,
        needsDateOrder: settled.needsOrder,
        statuses: [...statuses].map(([column, { values, more }]) => {
          const ranked = [...values].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          const rarer = ranked.slice(MAX_STATUS_VALUES).reduce((sum, [, count]) => sum + count, 0)
          return {
            column,
            more: more + rarer,
            values: ranked.slice(0, MAX_STATUS_VALUES).map(([value, count]) => ({
              value,
              count,
              choice: context.statusChoice(column, value),
            })),
          }
        }),
        handOverMapped: context.handOverMapped,
        history: context.options.history ?? 'work',
        cutoff: context.cutoff,
        cutoffDefault: context.cutoffDefault,
        becomes,
        rejectedByReason: [...byReason]
          .map(([reasonId, count]) => ({
            reasonId,
            label: context.reasons.get(reasonId) ?? '',
            count,
          }))
          .sort((a, b) => b.count - a.count),
      }
    },
  }
}
