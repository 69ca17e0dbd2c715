// The verdict report (docs/metrics.md): what the committee decided, whether it followed the
// definition, where it departed from it, how united it was, and who took part.
import { type SQL, sql } from 'drizzle-orm'
import { OUTSIDE_THE_DEFINITION } from '~/domain/cases/deciding'
import { criterionChoices } from '~/domain/reasons/reasons.server'
import type { Queryable } from '~db/connection'
import { ANY_KIND, caseFilters } from './accuracy.server'
import {
  type CaseCounts,
  caseCounts,
  caseSlice,
  casesSummarised,
  departuresPerCriterion,
  periodUnits,
  votesPerMember,
} from './case-summaries.server'
import { addCounts, packed, sumCounts } from './cells.server'
import { periodTable } from './periods'
import { percentCell, periodAndTotalRows, type ReportQuery } from './query'

type VerdictRow = {
  name: string
  decided: number
  meets: number
  disqualified: number
  nurture: number
  agree: number
  /** Verdicts that agree with the definition ÷ decided. */
  agreement: number | null
  unanimous: number
  split: number
  byChair: number
  conceded: number
}

type Counts = Omit<VerdictRow, 'name' | 'agreement'>
const decided = (condition: SQL) =>
  sql`count(*) FILTER (WHERE c.status = 'decided' AND ${condition})`
const COUNTS = packed<Counts>({
  decided: sql`count(*) FILTER (WHERE c.status = 'decided')`,
  meets: decided(sql`c.verdict = 'meets'`),
  disqualified: decided(sql`c.disposition = 'disqualified'`),
  nurture: decided(sql`c.disposition = 'nurture'`),
  agree: decided(sql`c.agrees_with_definition = 1`),
  unanimous: decided(sql`c.unanimous = 1`),
  split: decided(sql`c.unanimous = 0`),
  byChair: decided(sql`c.decided_by_chair = 1`),
  conceded: sql`count(*) FILTER (WHERE c.status = 'conceded')`,
})
const NONE: Counts = {
  decided: 0,
  meets: 0,
  disqualified: 0,
  nurture: 0,
  agree: 0,
  unanimous: 0,
  split: 0,
  byChair: 0,
  conceded: 0,
}
const withAgreement = <T extends Counts>(row: T) => ({
  ...row,
  agreement: row.decided > 0 ? row.agree / row.decided : null,
})

export function verdictReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  // One snapshot: whether the summaries are complete, and what they or the cases hold.
  return db.transaction((tx) => verdictsOf(tx, query, range, timeZone), { behavior: 'deferred' })
}

function verdictsOf(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const { spans, start, end, periods } = periodTable(query.period, range, timeZone)
  const slice = casesSummarised(db, timeZone) ? caseSlice(query) : null
  const units = slice ? periodUnits(query.period, spans, timeZone) : null
  const filters = caseFilters(query)
  const inRange = sql`c.opened_at >= ${start} AND c.opened_at < ${end} ${filters}`
  const byPeriod = spans.map(() => NONE)
  if (slice && units) {
    for (const row of caseCounts(db, query, slice, units)) {
      const i = units.periodOf.get(row.t)
      if (i === undefined) continue
      byPeriod[i] = addCounts({ ...(byPeriod[i] as Counts) }, pick(row))
    }
  } else {
    const cells = db.all<{ i: number; counts: string }>(sql`
      WITH ${periods}
      SELECT p.i AS i, (
        SELECT ${COUNTS.sql} FROM cases c
        WHERE ${ANY_KIND} AND c.opened_at >= p.start AND c.opened_at < p.finish ${filters}
      ) AS counts
      FROM periods p`)
    for (const { i, counts } of cells) byPeriod[i] = COUNTS.unpack(counts)
  }
  const total = sumCounts(byPeriod, NONE)
  const labels = new Map(criterionChoices(db).map((c) => [c.key, c.label]))
  // Departures are rare: the partial index holds only the decided cases that have some.
  const departures = (
    slice && units
      ? departuresPerCriterion(db, query, slice, units)
      : db.all<{ key: string; n: number }>(sql`
          SELECT d.value AS key, count(*) AS n
          FROM cases c, json_each(c.departures) d
          WHERE c.status = 'decided' AND c.departures <> '[]' AND ${inRange}
          GROUP BY d.value
          ORDER BY n DESC, key`)
  ).map((d) => ({ criterion: criterionName(d.key, labels), count: d.n }))
  const votes = slice && units ? () => votesPerMember(db, query, slice, units) : undefined
  return {
    periods: byPeriod.map((row, i) => withAgreement({ name: spans[i]?.label ?? '', ...row })),
    total: withAgreement({ name: 'All', ...total }),
    departures,
    memberDepartures: memberDepartures(db, inRange, total.decided, labels),
    participation: participation(db, inRange, total.decided, votes),
  }
}

/**
 * The most decided cases whose votes the report reads for members' departures (decision 41):
 * each vote is a row read from the table (no index holds its departures, and no summary counts
 * them), about 3 per decided case; above this the count is not given, and the page says how to
 * narrow the range.
 */
export const MEMBER_DEPARTURES_CAP = 10_000

/**
 * Members' departures per criterion: for each vote on the range's decided cases whose verdict
 * departs from the definition as completed by the member's own findings (`checkVote`), each
 * criterion it departs on, counted once per vote. Null when the range holds more decided cases
 * than `MEMBER_DEPARTURES_CAP`.
 */
function memberDepartures(
  db: Queryable,
  inRange: SQL,
  decided: number,
  labels: Map<string, string>,
): { criterion: string; count: number }[] | null {
  if (decided > MEMBER_DEPARTURES_CAP) return null
  if (decided === 0) return []
  return db
    .all<{ key: string; n: number }>(sql`
      SELECT d.value AS key, count(*) AS n
      FROM cases c JOIN votes v ON v.case_id = c.id, json_each(v.departures) d
      WHERE ${ANY_KIND} AND c.status = 'decided' AND ${inRange} AND v.departures <> '[]'
      GROUP BY d.value
      ORDER BY n DESC, key`)
    .map((d) => ({ criterion: criterionName(d.key, labels), count: d.n }))
}

const criterionName = (key: string, labels: Map<string, string>) =>
  key === OUTSIDE_THE_DEFINITION
    ? 'No criterion (the definition has none for it)'
    : (labels.get(key) ?? key)

/** The verdict report's counts of a row of the case summaries. */
const pick = (row: CaseCounts): Counts => ({
  decided: row.decided,
  meets: row.meets,
  disqualified: row.disqualified,
  nurture: row.nurture,
  agree: row.agree,
  unanimous: row.unanimous,
  split: row.split,
  byChair: row.byChair,
  conceded: row.conceded,
})

/**
 * Per committee member: votes cast on the range's decided cases, and recusals from them. Votes
 * are many: one pass over the decided cases, each looking up its votes, counted per member.
 * Recusals are few: from each to its case.
 */
function participation(
  db: Queryable,
  inRange: SQL,
  decided: number,
  summarised?: () => Map<number, number>,
) {
  const members = db.all<{ id: number; name: string; seat: string | null }>(sql`
    SELECT u.id AS id, u.name AS name, u.seat AS seat
    FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'committee'
    ORDER BY u.name`)
  if (members.length === 0) return []
  const VOTES = packed<Record<string, number>>(
    Object.fromEntries(
      members.map((m) => [m.id, sql`count(*) FILTER (WHERE v.member_id = ${m.id})`]),
    ),
  )
  const votes: Record<string, number> = summarised
    ? Object.fromEntries(summarised())
    : VOTES.unpack(
        db.get<{ votes: string }>(sql`
          SELECT ${VOTES.sql} AS votes
          FROM cases c JOIN votes v ON v.case_id = c.id
          WHERE ${ANY_KIND} AND c.status = 'decided' AND ${inRange}`)?.votes ?? '[]',
      )
  const recused = new Map(
    db
      .all<{ id: number; n: number }>(sql`
        SELECT r.member_id AS id, count(*) AS n
        FROM recusals r CROSS JOIN cases c
        WHERE c.id = r.case_id AND c.status = 'decided' AND ${inRange}
        GROUP BY r.member_id`)
      .map((r) => [r.id, r.n]),
  )
  return members.map(({ id, name, seat }) => {
    const cast = votes[id] ?? 0
    return {
      name,
      seat,
      votes: cast,
      recused: recused.get(id) ?? 0,
      participation: decided > 0 ? cast / decided : null,
    }
  })
}

/** The verdict report's numbers as CSV rows (a header, then each section), as the page shows them. */
export function verdictCsvRows(report: ReturnType<typeof verdictReport>): (string | number)[][] {
  return [
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
    ...periodAndTotalRows(report, (r) => [
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
    ]),
    ...report.departures.map((d) => ['Departures', d.criterion, d.count]),
    // Members' departures (decision 41): votes departing on the criterion; "—" above the cap.
    ...(report.memberDepartures
      ? report.memberDepartures.map((d) => ['Member departures', d.criterion, d.count])
      : [['Member departures', 'Not counted: more decided cases than the report reads', '—']]),
    ...report.participation.map((m) => [
      'Participation',
      m.name,
      m.votes,
      m.recused,
      percentCell(m.participation),
    ]),
  ]
}
