// What a report page and its CSV export share: the query read from the URL, narrowed to what
// the viewer may see, the date range, and the options of the filter form.

import type { LoaderFunctionArgs } from '@remix-run/node'
import { filterOptions } from '~/domain/leads/filter-options.server'
import { can } from '~/domain/people/access'
import type { Role } from '~/domain/people/roles'
import { reportFileName } from '~/domain/reports/file-name.server'
import { reportRange } from '~/domain/reports/periods'
import { type ReportQuery, ReportQuerySchema } from '~/domain/reports/query'
import {
  REPORT_TOO_SLOW,
  REPORTS_BUSY,
  type ReportInput,
  type ReportOutput,
  type ReportTask,
  runRememberedReportTask,
  type TaskInput,
} from '~/domain/reports/run-report.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { localDate } from '~/domain/sla/clock'
import { csvText } from '~/platform/csv'
import { getDb } from '~/platform/db.server'
import type { Queryable } from '~db/connection'
import { nowOf } from '../load-context'
import { csvDownload } from './csv-download.server'
import { requireAccess } from './guards.server'
import { queryOf } from './query'
import { REPORTS, type ReportKey } from './reports'

type Viewer = { id: number; roles: readonly Role[] }

/** Whether the viewer sees only their own figures (a rep who is nothing else). */
export const ownFiguresOnly = (viewer: Viewer) => !can(viewer, 'reports.read.all')

/** A plain-text error response: a page shows its text in the report's error boundary. */
const refusal = (status: 400 | 503, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/** The first message of a refusal, prefixed with its field: "to: must be on or after …". */
function badQuery(fieldErrors: Record<string, string[] | undefined>): Response {
  const [field, messages] = Object.entries(fieldErrors)[0] ?? ['form', []]
  return refusal(400, `${field}: ${messages?.[0] ?? 'is not valid'}`)
}

/**
 * The query and date range a report answers, or a 400 naming the field: a date that is not
 * one, `from` after `to`, a range or a number of periods past the bounds (periods.ts). An
 * empty or absent date stands for the default range.
 */
function readReportQuery(db: Queryable, viewer: Viewer, request: Request, now: Date) {
  const parsed = ReportQuerySchema.safeParse(queryOf(request))
  if (!parsed.success) {
    throw badQuery(
      Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])),
    )
  }
  const query: ReportQuery = ownFiguresOnly(viewer)
    ? { ...parsed.data, repId: viewer.id }
    : parsed.data
  const { timeZone } = getOrganisationSettings(db)
  const range = reportRange(query, localDate(now, timeZone))
  if (!range.ok) throw badQuery(range.fieldErrors)
  return { query, range: range.range, timeZone }
}

/** A report page's or CSV's request: the report's guard, then the query the viewer may see. */
export async function reportRequest(args: LoaderFunctionArgs, report: ReportKey) {
  const user = await requireAccess(args, REPORTS[report].capability)
  const db = getDb()
  const now = nowOf(args.context)
  const { query, range, timeZone } = readReportQuery(db, user, args.request, now)
  const input: ReportInput = { query, range, timeZone, now }
  return { user, db, own: ownFiguresOnly(user), query, range, input }
}

/**
 * A report's figures (or a CSV's rows), computed off the event loop by the report pool (a
 * page's figures remembered for the minute while nothing is written): a 503 when it takes
 * longer than REPORT_TIMEOUT_MS or too many reports are waiting.
 */
export async function runReport<T extends ReportTask>(
  task: T,
  input: TaskInput<T>,
): Promise<ReportOutput<T>> {
  const result = await runRememberedReportTask(getDb(), task, input)
  if (result.ok) return result.value
  throw refusal(503, result.reason === 'timeout' ? REPORT_TOO_SLOW : REPORTS_BUSY)
}

export function reportFilterOptions(db: Queryable, viewer: Viewer) {
  return filterOptions(db, { reps: !ownFiguresOnly(viewer) })
}

type CsvTask = Extract<ReportTask, `${string}.csv`>
type CsvReport = ReportKey & (CsvTask extends `${infer K}.csv` ? K : never)

/**
 * A report as a CSV download, exactly as its page shows it: the report's guard and query, its
 * rows from the report pool through the one CSV writer, and a file name saying what it holds.
 */
export async function reportCsv(args: LoaderFunctionArgs, report: CsvReport): Promise<Response> {
  const { db, query, range, input } = await reportRequest(args, report)
  const rows = await runReport(`${report}.csv` as CsvTask, input)
  return csvDownload(reportFileName(db, report, query, range), csvText(rows))
}
