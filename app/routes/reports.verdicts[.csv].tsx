import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { verdictReport } from '~/domain/reports/verdicts.server'
import { csvResponse, percentCell, reportRequest } from '~/http/report-view.server'

/** The verdict report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { db, query, range, timeZone } = await reportRequest(args, 'verdicts')
  const report = verdictReport(db, query, range, timeZone)
  return csvResponse(reportFileName('verdicts', query, range), [
    [
      'section',
      'name',
      'decided',
      'meets',
      'disqualified',
      'nurture',
      'agree_with_definition',
      'agreement_percent',
      'unanimous',
      'split',
      'tie_broken_by_chair',
      'conceded',
    ],
    ...[...report.periods.map((r) => ['Period', r] as const), ['Total', report.total] as const].map(
      ([section, r]) => [
        section,
        r.name,
        r.decided,
        r.meets,
        r.disqualified,
        r.nurture,
        r.agree,
        percentCell(r.agreement),
        r.unanimous,
        r.split,
        r.byChair,
        r.conceded,
      ],
    ),
    ...report.departures.map((d) => ['Departures', d.criterion, d.count]),
    ...report.participation.map((m) => [
      'Participation',
      m.name,
      m.votes,
      m.recused,
      percentCell(m.participation),
    ]),
  ])
}
