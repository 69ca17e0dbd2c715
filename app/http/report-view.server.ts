// What a report page and its CSV export share: the query read from the URL, narrowed to what
// the viewer may see, the date range, and the options of the filter form.

import type { LoaderFunctionArgs } from '@remix-run/node'
import { filterOptions } from '~/domain/leads/filter-options.server'
import { can } from '~/domain/people/access'
import type { Role } from '~/domain/people/roles'
import { defaultRange } from '~/domain/reports/periods'
import { type ReportQuery, ReportQuerySchema } from '~/domain/reports/query'
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

function readReportQuery(db: Queryable, viewer: Viewer, request: Request, now: Date) {
  const parsed = ReportQuerySchema.parse(queryOf(request))
  const query: ReportQuery = ownFiguresOnly(viewer) ? { ...parsed, repId: viewer.id } : parsed
  const { timeZone } = getOrganisationSettings(db)
  const fallback = defaultRange(localDate(now, timeZone))
  let from = query.from ?? fallback.from
  let to = query.to ?? fallback.to
  if (from > to) [from, to] = [to, from]
  return { query, range: { from, to }, timeZone }
}

/** A report page's or CSV's request: the report's guard, then the query the viewer may see. */
export async function reportRequest(args: LoaderFunctionArgs, report: ReportKey) {
  const user = await requireAccess(args, REPORTS[report].capability)
  const db = getDb()
  const now = nowOf(args.context)
  return {
    user,
    db,
    now,
    own: ownFiguresOnly(user),
    ...readReportQuery(db, user, args.request, now),
  }
}

export function reportFilterOptions(db: Queryable, viewer: Viewer) {
  return filterOptions(db, { reps: !ownFiguresOnly(viewer) })
}

/** A report's numbers as a CSV download, through the one CSV writer. */
export function csvResponse(fileName: string, rows: (string | number)[][]): Response {
  return csvDownload(fileName, csvText(rows))
}
