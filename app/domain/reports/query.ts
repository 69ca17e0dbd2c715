// What every report shares: the period, the date range and the filters, kept in the URL so a
// view can be bookmarked and shared. Shared by the browser (the filter form) and the server.
import { z } from 'zod'
import { formatPercent, formatHours as hours } from '~/platform/numbers'
import { CASE_STAGES, HAND_OVERS, type HandOver } from '~db/enums'

export const PERIODS = ['week', 'month', 'quarter'] as const
export type Period = (typeof PERIODS)[number]
export const PERIOD_LABELS: Record<Period, string> = {
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
}

// A date's shape; whether the day exists, and the range's bounds, are reportRange's (periods.ts).
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .optional()

export const BREAKDOWNS = ['rep', 'reason', 'source', 'campaign'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]
export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  rep: 'Rep',
  reason: 'Reason',
  source: 'Source',
  campaign: 'Campaign',
}

/**
 * Imported history (a CRM's past: leads recorded as history, rejections imported and not
 * reviewed), shown in the reports by default, or hidden (docs/metrics.md, "Imported history").
 */
export const HISTORY = ['shown', 'hidden'] as const
export type History = (typeof HISTORY)[number]
export const HISTORY_LABELS: Record<History, string> = {
  shown: 'Shown',
  hidden: 'Hidden',
}

/**
 * A case's stage (issue 16): rejected before contact (a new or returned lead), rejected after
 * contact (an accepted lead, worked), or ignored (its clock ran out). Absent: every stage.
 */
export { CASE_STAGE_LABELS as STAGE_LABELS } from '~/domain/sales/schema'
export { CASE_STAGES, HAND_OVERS }

/** A hand-over: net-new (the lead's first) or re-engaged (handed back from nurture). */
export const HAND_OVER_LABELS: Record<HandOver, string> = {
  net_new: 'Net-new',
  re_engaged: 'Re-engaged',
}

/** An optional choice of `values`: absent or empty stands for every one; anything else is refused. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error }).optional())

export const ReportQuerySchema = z.object({
  period: z.enum(PERIODS, { error: 'must be week, month or quarter' }).default('month'),
  by: z.enum(BREAKDOWNS).catch('reason'),
  from: date,
  to: date,
  repId: z.coerce.number().int().positive().optional().catch(undefined),
  reasonId: z.coerce.number().int().positive().optional().catch(undefined),
  source: z.string().trim().max(100).optional().catch(undefined),
  campaign: z.string().trim().max(200).optional().catch(undefined),
  history: z.enum(HISTORY, { error: 'must be shown or hidden' }).default('shown'),
  stage: oneOf(CASE_STAGES, 'must be before_contact, after_contact or ignored'),
  handOver: oneOf(HAND_OVERS, 'must be net_new or re_engaged'),
})
export type ReportQuery = z.infer<typeof ReportQuerySchema>

/** A rate as the page shows it: "66.7%", or "—" when there is nothing to divide by. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : formatPercent(rate))

/** Working time as the reports show it: hours with one decimal ("26.5 h"), or "—". */
export const formatHours = (ms: number | null) => (ms === null ? '—' : hours(ms))

/** A rate as the CSV gives it: a percentage with one decimal, or empty. */
export const percentCell = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(1))

/** Working time in hours with one decimal for a CSV cell, or empty. */
export const hoursCell = (ms: number | null) => (ms === null ? '' : (ms / 3_600_000).toFixed(1))

/** A report's periods, then its total, as CSV rows: `['Period' or 'Total', ...cells(row)]`. */
export function periodAndTotalRows<R>(
  report: { periods: R[]; total: R },
  cells: (row: R) => (string | number)[],
): (string | number)[][] {
  return [
    ...report.periods.map((row) => ['Period', ...cells(row)]),
    ['Total', ...cells(report.total)],
  ]
}
