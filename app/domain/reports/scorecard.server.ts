// The rep scorecard (docs/metrics.md): per rep, over the leads handed to them in the range (the
// hand-over clocks started in it), what they did with them; their rejections after contact and
// the accuracy of their rejections (cases opened in the range); and their conversions.
import { type SQL, sql } from 'drizzle-orm'
import { CLOCKS_SUMMARIES } from '~/domain/summaries/clocks.server'
import { summariesComplete } from '~/domain/summaries/state.server'
import type { Queryable } from '~db/connection'
import type { CaseStage } from '~db/enums'
import { caseFilters } from './accuracy.server'
import { binaryOrder, packed, percentiles } from './cells.server'
import { summarisedClocks } from './clock-summaries.server'
import { periodTable } from './periods'
import { hoursCell, percentCell, type ReportQuery } from './query'
import { summarisedRulings } from './review-summaries.server'
import { clockCells, compliance, rate, TIMES } from './sla.server'

type ScorecardRow = {
  repId: number
  name: string
  received: number
  accepted: number
  /** Hand-over clocks the rep ended by rejecting the lead (before contact). */
  rejectedBeforeContact: number
  /** The rep's rejections after contact (cases opened in the range). */
  rejectedAfterContact: number
  ignored: number
  /** Accepted ÷ received. */
  acceptanceRate: number | null
  /** Upheld ÷ decided, over the rep's rejections opened in the range. */
  accuracy: number | null
  /** Leads the rep marked converted in the range (by converted_at). */
  converted: number
  /** Of the clocks counted as accepted, those whose lead the rep has since marked converted. */
  acceptedConverted: number
  /** acceptedConverted ÷ accepted. */
  conversionRate: number | null
  medianMs: number | null
  /** Follow-up SLA compliance: acted in time ÷ (in time + breached). */
  compliance: number | null
}

/** Whether a clock's ending of `stage` counts under the stage filter (absent: every stage). */
const shows = (query: ReportQuery, stage: CaseStage) => !query.stage || query.stage === stage

/**
 * The filters on a converted lead `l`: source, campaign, imported history, and the hand-over
 * (the lead's current one: the one it was converted on).
 */
function convertedFilters(query: ReportQuery): SQL {
  return sql.join(
    [
      query.source ? sql` AND l.source = ${query.source}` : sql``,
      query.campaign ? sql` AND l.campaign = ${query.campaign}` : sql``,
      query.history === 'hidden' ? sql` AND l.history = 0` : sql``,
      query.handOver ? sql` AND l.reengaged = ${query.handOver === 're_engaged' ? 1 : 0}` : sql``,
    ],
    sql``,
  )
}

/** Per rep, over the leads handed to them in the range (the follow-up clocks started in it). */
export function repScorecard(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
): ScorecardRow[] {
  // One read transaction: every figure is of one snapshot.
  return db.transaction((tx) => scorecardOf(tx, query, range, timeZone, now), {
    behavior: 'deferred',
  })
}

type RepClocks = {
  received: number
  accepted: number
  rejected: number
  ignored: number
  inTime: number
  breached: number
  medianMs: number | null
}

/** Each rep's hand-over clocks started in [start, end): from the summaries when complete. */
export function clocksPerRep(
  db: Queryable,
  query: ReportQuery,
  { start, end }: { start: number; end: number },
  timeZone: string,
  now: Date,
): Map<number, RepClocks> {
  if (summariesComplete(db, CLOCKS_SUMMARIES, timeZone)) {
    const figures = summarisedClocks(
      db,
      'hand_over',
      query,
      { by: 'rep', start, end },
      timeZone,
      now,
      ['medianMs'],
    )
    return new Map(
      [...figures]
        .filter(([, f]) => f.started > 0)
        .map(([rep, f]) => [rep, { ...f, received: f.started }]),
    )
  }
  const counts = packed<{
    received: number
    accepted: number
    rejected: number
    ignored: number
    inTime: number
    breached: number
    times: number[]
  }>({
    received: sql`count(*)`,
    accepted: sql`count(*) FILTER (WHERE f.action = 'accepted')`,
    rejected: sql`count(*) FILTER (WHERE f.action = 'rejected')`,
    ignored: sql`count(*) FILTER (WHERE f.action = 'ignored')`,
    ...compliance(now),
    times: TIMES,
  })
  // The whole range as one period: one cell per rep.
  const cells = clockCells(
    db,
    counts,
    'hand_over',
    query,
    sql`periods(i, start, finish) AS (VALUES (0, ${start}, ${end}))`,
  ).filter((cell) => cell.rep !== null && cell.counts.received > 0)
  return new Map(
    cells.map(({ rep, counts: { times, ...counts } }) => [
      rep as number,
      { ...counts, medianMs: percentiles([times]).median },
    ]),
  )
}

function scorecardOf(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
): ScorecardRow[] {
  const { start, end } = periodTable(query.period, range, timeZone)
  const clocksOf = clocksPerRep(db, query, { start, end }, timeZone, now)
  // A rep with no clock in the range still has a row when they rejected a lead after contact or
  // converted one in it (such work ends no clock of the range): every user is a candidate
  // (people are few), or the one filtered.
  const candidates = query.repId
    ? [query.repId]
    : db.all<{ id: number }>(sql`SELECT id FROM users`).map((u) => u.id)
  const ids = [...new Set([...clocksOf.keys(), ...candidates])]
  if (ids.length === 0) return []
  const reps = sql.join(
    ids.map((id) => sql`(${id})`),
    sql`, `,
  )
  const repFilters = caseFilters({ ...query, reasonId: undefined })
  const RULED = packed<{ decided: number; upheld: number; afterContact: number }>({
    decided: sql`count(c.verdict)`,
    upheld: sql`count(*) FILTER (WHERE c.verdict = 'does_not_meet')`,
    afterContact: sql`count(*) FILTER (WHERE c.after_contact = 1)`,
  })
  const rulings = summarisedRulings(db, query, range, timeZone)
  const handOver = query.handOver
    ? sql`AND f.reengaged = ${query.handOver === 're_engaged' ? 1 : 0}`
    : sql``
  // Converted leads are few: from the rep's (leads_converted_idx), by when they were converted,
  // and to each one's hand-over clocks of the range (follow_ups_report_lead_idx).
  const perRep = new Map(
    db
      .all<{
        repId: number
        name: string
        ruled: string | null
        converted: number
        acceptedConverted: number
      }>(sql`
        WITH reps(id) AS (VALUES ${reps})
        SELECT reps.id AS repId, (SELECT u.name FROM users u WHERE u.id = reps.id) AS name, ${
          rulings
            ? sql`NULL`
            : sql`(
          SELECT ${RULED.sql} FROM cases c
          WHERE c.kind = 'rejected' AND c.rep_id = reps.id
            AND c.opened_at >= ${start} AND c.opened_at < ${end} ${repFilters}
        )`
        } AS ruled, (
          SELECT count(*) FROM leads l
          WHERE l.owner_id = reps.id AND l.converted_at IS NOT NULL
            AND l.converted_at >= ${start} AND l.converted_at < ${end} ${convertedFilters(query)}
        ) AS converted, (
          SELECT count(*) FROM leads l CROSS JOIN follow_ups f
          WHERE l.owner_id = reps.id AND l.converted_at IS NOT NULL ${convertedFilters({ ...query, handOver: undefined })}
            AND f.lead_id = l.id AND f.kind = 'hand_over' AND f.rep_id = reps.id
            AND f.started_at >= ${start} AND f.started_at < ${end}
            AND f.action = 'accepted' ${handOver}
        ) AS acceptedConverted
        FROM reps`)
      .map(({ repId, ruled, ...row }) => {
        const { decided, upheld, afterContact } =
          ruled === null
            ? (rulings?.get(repId) ?? { decided: 0, upheld: 0, afterContact: 0 })
            : RULED.unpack(ruled)
        return [repId, { ...row, afterContact, accuracy: rate(upheld, decided) }]
      }),
  )
  const none = {
    received: 0,
    accepted: 0,
    rejected: 0,
    ignored: 0,
    inTime: 0,
    breached: 0,
    medianMs: null,
  }
  return ids
    .filter((repId) => {
      const of = perRep.get(repId)
      return clocksOf.has(repId) || (of?.converted ?? 0) > 0 || (of?.afterContact ?? 0) > 0
    })
    .map((repId) => {
      const row = clocksOf.get(repId) ?? none
      const of = perRep.get(repId)
      const accepted = row.accepted
      const acceptedConverted = of?.acceptedConverted ?? 0
      return {
        repId,
        name: of?.name ?? '',
        received: row.received,
        accepted,
        rejectedBeforeContact: shows(query, 'before_contact') ? row.rejected : 0,
        rejectedAfterContact: of?.afterContact ?? 0,
        ignored: shows(query, 'ignored') ? row.ignored : 0,
        acceptanceRate: rate(accepted, row.received),
        accuracy: of?.accuracy ?? null,
        converted: of?.converted ?? 0,
        acceptedConverted,
        conversionRate: rate(acceptedConverted, accepted),
        medianMs: row.medianMs,
        compliance: rate(row.inTime, row.inTime + row.breached),
      }
    })
    .sort((a, b) => binaryOrder(a.name, b.name))
}

/** The rep scorecard as CSV rows (a header, then a row per rep), as the page shows it. */
export function scorecardCsvRows(rows: ScorecardRow[]): (string | number)[][] {
  return [
    [
      'rep',
      'received',
      'accepted',
      'rejected_before_contact',
      'rejected_after_contact',
      'ignored',
      'acceptance_percent',
      'accuracy_percent',
      'converted',
      'accepted_converted',
      'conversion_percent',
      'median_hours_to_first_action',
      'sla_compliance_percent',
    ],
    ...rows.map((r) => [
      r.name,
      r.received,
      r.accepted,
      r.rejectedBeforeContact,
      r.rejectedAfterContact,
      r.ignored,
      percentCell(r.acceptanceRate),
      percentCell(r.accuracy),
      r.converted,
      r.acceptedConverted,
      percentCell(r.conversionRate),
      hoursCell(r.medianMs),
      percentCell(r.compliance),
    ]),
  ]
}
