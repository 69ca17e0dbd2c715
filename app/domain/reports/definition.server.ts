// The hindsight of the definition ("Is the definition any good?", docs/metrics.md, "Definition
// quality"): every lead handed over in the range whose fate is known, what the version in force
// at its hand-over said of it against what became of it, per version and per criterion. Runs on
// a report thread; leads are read a chunk at a time (lead-rows.server.ts), never all at once.
import { Temporal } from 'temporal-polyfill'
import type { CriterionRule } from '~/domain/definition/evaluator'
import { chunkedRows, evaluatedFields } from '~/domain/definition/lead-rows.server'
import { definitionHindsight, fateOf } from '~/domain/definition/quality'
import { criteriaOf, listVersions } from '~/domain/definition/versions.server'
import type { DB } from '~db/connection'
import type { Evaluation, LeadStatus, Outcome } from '~db/enums'
import { percentCell, type ReportQuery } from './query'

type Row = {
  outcome: Outcome | null
  status: LeadStatus
  versionId: number | null
  evaluation: Evaluation | null
} & Record<string, unknown>

/** The lead filters the report takes: owner, source, campaign, imported history hidden. */
function leadFilters(query: ReportQuery) {
  return [
    query.repId ? ' AND l.owner_id = @repId' : '',
    query.source ? ' AND l.source = @source' : '',
    query.campaign ? ' AND l.campaign = @campaign' : '',
    query.history === 'hidden' ? ' AND l.history = 0' : '',
  ].join('')
}

export function definitionReport(
  db: DB,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  // Hand-overs from the first day's start to the last day's end, in the organisation's calendar
  // (the report has no periods: the range is taken to the day).
  const dayStart = (day: Temporal.PlainDate) => day.toZonedDateTime(timeZone).epochMilliseconds
  const versions = listVersions(db).map((v) => ({
    id: v.id,
    number: v.number,
    criteria: criteriaOf(db, v.id) as CriterionRule[],
  }))
  const fields = evaluatedFields(versions.flatMap((v) => v.criteria))
  const params = {
    start: dayStart(Temporal.PlainDate.from(range.from)),
    end: dayStart(Temporal.PlainDate.from(range.to).add({ days: 1 })),
    ...(query.repId ? { repId: query.repId } : {}),
    ...(query.source ? { source: query.source } : {}),
    ...(query.campaign ? { campaign: query.campaign } : {}),
  }
  // A lead handed back from nurture was re-judged by the version in force at its hand-back; what
  // its first (net-new) hand-over said is kept by the case it was first rejected or ignored in.
  const atFirstHandOver = (column: string) => `CASE WHEN l.reengaged = 1 THEN (
      SELECT c.${column} FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0
      ORDER BY c.id LIMIT 1) ELSE l.${column} END`
  const columns = `l.status AS status, ${atFirstHandOver('definition_version_id')} AS versionId,
    ${atFirstHandOver('evaluation')} AS evaluation, ${fields.select}`
  const inRange = `l.handed_over_at >= @start AND l.handed_over_at < @end${leadFilters(query)}`
  // Leads with an outcome, by each lead's latest one (the latest date, then the last recorded),
  // a chunk of lead ids at a time from the outcomes' covering index (CROSS JOIN keeps SQLite
  // from walking every lead of the range instead); then converted leads with none, from the
  // status index (converted leads are few beside the leads).
  const withOutcome = `
    SELECT o.outcome AS outcome, ${columns}
    FROM outcomes o CROSS JOIN leads l
    WHERE o.lead_id > @low AND o.lead_id <= @high AND l.id = o.lead_id
      AND NOT EXISTS (
        SELECT 1 FROM outcomes later WHERE later.lead_id = o.lead_id
          AND (later.occurred_on > o.occurred_on
            OR (later.occurred_on = o.occurred_on AND later.id > o.id)))
      AND ${inRange}`
  const converted = `
    SELECT NULL AS outcome, ${columns}
    FROM leads l INDEXED BY leads_status_idx
    WHERE l.status = 'converted' AND ${inRange}
      AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.lead_id = l.id)`
  const hindsight = definitionHindsight(versions)
  const add = (row: Row) => {
    const realBuyer = fateOf(row.outcome, row.status)
    if (realBuyer === null) return
    hindsight.add({
      ...fields.lead(row),
      versionId: row.versionId,
      evaluation: row.evaluation,
      realBuyer,
    })
  }
  for (const row of chunkedRows<Row>(db, withOutcome, params)) add(row)
  for (const row of db.$client.prepare(converted).iterate(params) as Iterable<Row>) add(row)
  return hindsight.result()
}

export type DefinitionReport = ReturnType<typeof definitionReport>

const EVALUATION_CELLS = ['meets', 'does_not_meet', 'undetermined'] as const

/** The report's numbers as CSV rows: a header, a row per version, then a row per criterion. */
export function definitionCsvRows(report: DefinitionReport): (string | number)[][] {
  return [
    [
      'section',
      'version',
      'criterion_key',
      'criterion',
      'required',
      'leads_with_known_fate',
      'real_buyers',
      ...EVALUATION_CELLS.flatMap((e) => [`${e}_real_buyers`, `${e}_not_buyers`]),
      'meets_real_buyer_percent',
      'real_buyers_let_through_percent',
      'unmet',
      'unmet_real_buyers',
      'unmet_real_buyer_percent',
    ],
    ...report.versions.flatMap((v) => [
      [
        'Version',
        v.number,
        '',
        '',
        '',
        v.leads,
        v.realBuyers,
        ...EVALUATION_CELLS.flatMap((e) => [v.table[e].realBuyers, v.table[e].notBuyers]),
        percentCell(v.meetsRealBuyerShare),
        percentCell(v.realBuyersLetThrough),
        '',
        '',
        '',
      ],
      ...v.criteria.map((c) => [
        'Criterion',
        v.number,
        c.key,
        c.label,
        c.required ? 'yes' : 'no',
        '',
        '',
        ...EVALUATION_CELLS.flatMap(() => ['', '']),
        '',
        '',
        c.unmet,
        c.unmetRealBuyers,
        percentCell(c.unmetRealBuyerShare),
      ]),
    ]),
    ['Not judged', '', '', '', '', report.unjudged],
  ]
}
