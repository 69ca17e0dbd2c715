// The SLA report's follow-up and return sections and the scorecard's clocks, read from the
// clocks family's summaries (decision 34) instead of every clock of the range: the ended clocks
// from the per-rep tables (day and month rows; rep 0 is every rep) or, under a source, campaign
// or return-reason filter, from the details; the running clocks (few; whether one is breached
// depends on `now`) raw, from their partial index. Percentiles are exact to the minute: the
// hour of each rank from the hour histograms, then its minute from that hour's minutes.
import { type SQL, sql } from 'drizzle-orm'
import { dateOfDay, dayOfDate, localDayOf, offsetsOf } from '~/domain/summaries/calendar'
import type { Queryable } from '~db/connection'
import { addHistogram, histogramOf, integerTable, integerValues } from './cells.server'
import type { ReportQuery } from './query'
import { bump, HOUR, hoursOfRanks, minuteOfRank, minutesOf, type Rank, type RankAt } from './ranks'
import { compliance } from './sla.server'

export type ClockFigures = {
  started: number
  accepted: number
  rejected: number
  ignored: number
  inTime: number
  breached: number
  running: number
  medianMs: number | null
  p90Ms: number | null
}

/** What the figures are counted per: each period (its index), or each rep over one range. */
export type ClockGroups =
  | { by: 'period'; spans: readonly { start: number; end: number }[]; periods: SQL }
  | { by: 'rep'; start: number; end: number }

type Kind = 'hand_over' | 'return'
type Counts = Omit<ClockFigures, 'medianMs' | 'p90Ms'>
const ZERO: Counts = {
  started: 0,
  accepted: 0,
  rejected: 0,
  ignored: 0,
  inTime: 0,
  breached: 0,
  running: 0,
}
/** One group's tally: counts, and the working minutes as hours and, for chosen hours, minutes. */
type Tally = { counts: Counts; hours: Map<number, number>; minutes: Map<number, number> }

/** The local month (year × 12 + month − 1) of a day, and a month's first day. */
const monthOfDay = (day: number) => {
  const date = dateOfDay(day)
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
}
const firstDayOf = (month: number) =>
  dayOfDate(`${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`)

/** The day and month rows (`level` 0 and 1) that cover the days [from, to) exactly. */
export function daysAndMonths(from: number, to: number): { level: 0 | 1; at: number }[] {
  const rows: { level: 0 | 1; at: number }[] = []
  let day = from
  while (day < to) {
    const month = monthOfDay(day)
    const next = firstDayOf(month + 1)
    if (day === firstDayOf(month) && next <= to) {
      rows.push({ level: 1, at: month })
      day = next
    } else rows.push({ level: 0, at: day++ })
  }
  return rows
}

/** Whether the details answer this section (a source, campaign or return-reason filter). */
const byDetails = (kind: Kind, query: ReportQuery) =>
  Boolean(query.source || query.campaign || (kind === 'return' && query.reasonId))

const handOverOf = (kind: Kind, query: ReportQuery) =>
  kind === 'hand_over' && query.handOver ? (query.handOver === 're_engaged' ? 1 : 0) : undefined

/**
 * The clocks of `kind` started in each group's time, counted as the raw SQL counts them
 * (sla.server.ts), from the summaries. Call only when the family is complete for `timeZone`.
 */
export function summarisedClocks(
  db: Queryable,
  kind: Kind,
  query: ReportQuery,
  groups: ClockGroups,
  timeZone: string,
  now: Date,
  ranks: readonly Rank[] = ['medianMs', 'p90Ms'],
): Map<number, ClockFigures> {
  const offsets = offsetsOf(timeZone)
  const ranges =
    groups.by === 'period'
      ? groups.spans.map((s, g) => ({
          g,
          from: localDayOf(s.start, offsets),
          to: localDayOf(s.end, offsets),
        }))
      : [{ g: 0, from: localDayOf(groups.start, offsets), to: localDayOf(groups.end, offsets) }]
  const reader = byDetails(kind, query)
    ? detailsReader(db, kind, query, groups.by, ranges)
    : repReader(db, kind, query, groups.by, ranges)
  const tallies = new Map<number, Tally>()
  const tallyOf = (g: number) => {
    let tally = tallies.get(g)
    if (!tally) {
      tally = { counts: { ...ZERO }, hours: new Map(), minutes: new Map() }
      tallies.set(g, tally)
    }
    return tally
  }
  for (const { g, counts, hours } of reader.tallies()) {
    const tally = tallyOf(g)
    for (const key of Object.keys(counts) as (keyof Counts)[]) tally.counts[key] += counts[key]
    for (const [hour, n] of hours) bump(tally.hours, hour, n)
  }
  const open = runningClocks(db, kind, query, groups, now)
  for (const { g, counts, minutes } of open) {
    const tally = tallyOf(g)
    for (const key of Object.keys(counts) as (keyof Counts)[]) tally.counts[key] += counts[key]
    for (const minute of minutes) bump(tally.hours, Math.floor(minute / HOUR), 1)
  }
  // Each rank's hour, then that hour's minutes (the running clocks' own added).
  const wanted = new Map<number, Set<number>>()
  const found = new Map<number, Partial<Record<Rank, RankAt>>>()
  for (const [g, tally] of tallies) {
    const at = hoursOfRanks(tally.hours, ranks)
    found.set(g, at)
    const hours = new Set(Object.values(at).map((r) => r.hour))
    if (hours.size > 0) wanted.set(g, hours)
  }
  for (const { g, minute, n } of reader.minutes(wanted)) bump(tallyOf(g).minutes, minute, n)
  for (const { g, minutes } of open)
    for (const minute of minutes)
      if (wanted.get(g)?.has(Math.floor(minute / HOUR))) bump(tallyOf(g).minutes, minute, 1)
  const figures = new Map<number, ClockFigures>()
  for (const [g, tally] of tallies) {
    const result: ClockFigures = { ...tally.counts, medianMs: null, p90Ms: null }
    for (const [name, at] of Object.entries(found.get(g) ?? {}) as [Rank, RankAt][]) {
      const minute = minuteOfRank(tally.minutes, at)
      if (minute !== null) result[name] = minute * 60_000
    }
    figures.set(g, result)
  }
  return figures
}

type Reader = {
  tallies(): { g: number; counts: Counts; hours: Map<number, number> }[]
  minutes(wanted: Map<number, Set<number>>): { g: number; minute: number; n: number }[]
}

type Ranges = { g: number; from: number; to: number }[]

const closedCounts = (row: {
  started: number
  accepted: number
  rejected: number
  ignored: number
  inTime: number
  late: number
}): Counts => ({
  started: row.started,
  accepted: row.accepted,
  rejected: row.rejected,
  ignored: row.ignored,
  inTime: row.inTime,
  breached: row.late,
  running: 0,
})

/** The ended clocks' counts of one range of a per-rep table `c`, as one JSON array. */
const RANGE_COUNTS = sql`json_array(count(*), sum(c.started), sum(c.accepted), sum(c.rejected),
  sum(c.ignored), sum(c.in_time), sum(c.late))`

/** Runs of consecutive day rows, and of consecutive month rows, covering [from, to): ranges of `at`. */
export function levelRuns(from: number, to: number): { level: 0 | 1; lo: number; hi: number }[] {
  const runs: { level: 0 | 1; lo: number; hi: number }[] = []
  for (const { level, at } of daysAndMonths(from, to)) {
    const last = runs.at(-1)
    if (last?.level === level && last.hi === at) last.hi = at + 1
    else runs.push({ level, lo: at, hi: at + 1 })
  }
  return runs
}

/**
 * The per-rep tables: each group's days and months, for the rep filtered, each rep (the
 * scorecard's groups: every user) or every rep (rep 0). Each run of days or of months is one
 * range of the tables' keys, read by a correlated subquery without a GROUP BY (a GROUP BY over
 * the year's hours sorted 35,000 rows at a million leads): the counts summed, the hours and the
 * chosen hours' minutes returned as histograms and summed here.
 */
function repReader(
  db: Queryable,
  kind: Kind,
  query: ReportQuery,
  by: ClockGroups['by'],
  ranges: Ranges,
): Reader {
  const reps =
    by === 'rep'
      ? query.repId
        ? [query.repId]
        : db.all<{ id: number }>(sql`SELECT id FROM users`).map((u) => u.id)
      : [query.repId ?? 0]
  const runs: [number, number, number, number, number][] = []
  for (const range of ranges)
    for (const { level, lo, hi } of levelRuns(range.from, range.to))
      for (const rep of reps) runs.push([by === 'rep' ? rep : range.g, rep, level, lo, hi])
  const reengaged = handOverOf(kind, query)
  const same = (t: string) =>
    sql`${sql.raw(t)}.kind = ${kind} AND ${sql.raw(t)}.rep_id = t.rep AND ${sql.raw(t)}.level = t.level
      ${reengaged === undefined ? sql`` : sql`AND ${sql.raw(t)}.reengaged = ${reengaged}`}`
  return {
    tallies() {
      if (runs.length === 0) return []
      const rows = db.all<{ g: number; counts: string; hours: string }>(sql`
        WITH ${integerTable('t', ['g', 'rep', 'level', 'lo', 'hi'], runs)}
        SELECT t.g AS g, (
          SELECT ${RANGE_COUNTS} FROM summary_clock_counts c
          WHERE ${same('c')} AND c.at >= t.lo AND c.at < t.hi
        ) AS counts, (
          SELECT ${histogramOf(sql`h.hour`, sql`h.n`)} FROM summary_clock_hours h
          WHERE ${same('h')} AND h.at >= t.lo AND h.at < t.hi
        ) AS hours
        FROM t`)
      const byGroup = new Map<number, { g: number; counts: Counts; hours: Map<number, number> }>()
      for (const row of rows) {
        // [rows found, started, accepted, rejected, ignored, in time, late]; sums of none are null.
        const [found = 0, ...sums] = (JSON.parse(row.counts) as (number | null)[]).map(Number)
        // A group is counted when one of its ranges holds a row, as the summaries' join did.
        if (found === 0) continue
        let tally = byGroup.get(row.g)
        if (!tally) {
          tally = { g: row.g, counts: { ...ZERO }, hours: new Map() }
          byGroup.set(row.g, tally)
        }
        const [started = 0, accepted = 0, rejected = 0, ignored = 0, inTime = 0, late = 0] = sums
        const counts = closedCounts({ started, accepted, rejected, ignored, inTime, late })
        for (const key of Object.keys(counts) as (keyof Counts)[]) tally.counts[key] += counts[key]
        addHistogram(tally.hours, row.hours)
      }
      return [...byGroup.values()].sort((a, b) => a.g - b.g)
    },
    minutes(wanted) {
      // Minutes are keyed after the day or month: one seek per day or month and rank hour.
      const targets: number[][] = []
      for (const [g, rep, level, lo, hi] of runs)
        for (const hour of wanted.get(g) ?? [])
          for (let at = lo; at < hi; at++) targets.push([g, rep, level, at, ...minutesOf(hour)])
      if (targets.length === 0) return []
      const rows = db.all<{ g: number; minutes: string }>(sql`
        WITH ${integerTable('t', ['g', 'rep', 'level', 'at', 'lo', 'hi'], targets)}
        SELECT t.g AS g, (
          SELECT ${histogramOf(sql`m.minute`, sql`m.n`)} FROM summary_clock_minutes m
          WHERE ${same('m')} AND m.at = t.at AND m.minute >= t.lo AND m.minute <= t.hi
        ) AS minutes
        FROM t`)
      const byGroup = new Map<number, Map<number, number>>()
      for (const row of rows) {
        const of = byGroup.get(row.g) ?? new Map<number, number>()
        byGroup.set(row.g, addHistogram(of, row.minutes))
      }
      return [...byGroup].flatMap(([g, minutes]) =>
        [...minutes].map(([minute, n]) => ({ g, minute, n })),
      )
    },
  }
}

/**
 * The details, from the campaign's rows, the reason's (a return section) or the source's, the
 * other filters checked on each row: each period's days, or the range's per rep.
 */
function detailsReader(
  db: Queryable,
  kind: Kind,
  query: ReportQuery,
  by: ClockGroups['by'],
  ranges: Ranges,
): Reader {
  const reasonId = kind === 'return' ? query.reasonId : undefined
  const reengaged = handOverOf(kind, query)
  const index = query.campaign
    ? sql`INDEXED BY summary_clock_details_campaign_idx`
    : reasonId && !query.source
      ? sql`INDEXED BY summary_clock_details_reason_idx`
      : sql``
  const filters = sql.join(
    [
      sql`d.kind = ${kind} AND d.day >= seg.lo AND d.day < seg.hi`,
      query.source ? sql`d.source = ${query.source}` : undefined,
      query.campaign ? sql`d.campaign = ${query.campaign}` : undefined,
      reasonId ? sql`d.reason_id = ${reasonId}` : undefined,
      query.repId ? sql`d.rep_id = ${query.repId}` : undefined,
      reengaged === undefined ? undefined : sql`d.reengaged = ${reengaged}`,
    ].filter((f) => f !== undefined),
    sql` AND `,
  )
  const g = by === 'rep' ? sql`d.rep_id` : sql`seg.g`
  const seg = sql`seg(g, lo, hi) AS (VALUES ${integerValues(ranges.map((r) => [r.g, r.from, r.to]))})`
  return {
    tallies() {
      const rows = db.all<{ g: number; hour: number } & Parameters<typeof closedCounts>[0]>(sql`
        WITH ${seg}
        SELECT ${g} AS g, CASE WHEN d.minute >= 0 THEN d.minute / 60 ELSE -1 END AS hour,
          sum(d.started) AS started, sum(d.accepted) AS accepted, sum(d.rejected) AS rejected,
          sum(d.ignored) AS ignored, sum(d.in_time) AS inTime, sum(d.late) AS late
        FROM seg CROSS JOIN summary_clock_details d ${index} WHERE ${filters}
        GROUP BY 1, 2`)
      const byGroup = new Map<number, { g: number; counts: Counts; hours: Map<number, number> }>()
      for (const row of rows) {
        let tally = byGroup.get(row.g)
        if (!tally) {
          tally = { g: row.g, counts: { ...ZERO }, hours: new Map() }
          byGroup.set(row.g, tally)
        }
        const counts = closedCounts(row)
        for (const key of Object.keys(counts) as (keyof Counts)[]) tally.counts[key] += counts[key]
        if (row.hour >= 0) bump(tally.hours, row.hour, row.started)
      }
      return [...byGroup.values()]
    },
    minutes(wanted) {
      const targets: number[][] = []
      for (const [group, hours] of wanted)
        for (const hour of hours) targets.push([group, hour * HOUR, (hour + 1) * HOUR])
      if (targets.length === 0) return []
      return db.all<{ g: number; minute: number; n: number }>(sql`
        WITH ${seg}, tg(g, lo, hi) AS (VALUES ${integerValues(targets)})
        SELECT ${g} AS g, d.minute AS minute, sum(d.started) AS n
        FROM seg CROSS JOIN summary_clock_details d ${index}
        JOIN tg ON tg.g = ${g} AND d.minute >= tg.lo AND d.minute < tg.hi
        WHERE ${filters} GROUP BY 1, 2`)
    },
  }
}

/** The running clocks (not acted on, not ignored) of the groups' time, raw, as sla.server.ts counts them. */
function runningClocks(
  db: Queryable,
  kind: Kind,
  query: ReportQuery,
  groups: ClockGroups,
  now: Date,
): { g: number; counts: Counts; minutes: number[] }[] {
  const { inTime, breached } = compliance(now)
  const reengaged = handOverOf(kind, query)
  const reasonId = kind === 'return' ? query.reasonId : undefined
  const leadFilters = [
    query.source ? sql`l.source = ${query.source}` : undefined,
    query.campaign ? sql`l.campaign = ${query.campaign}` : undefined,
  ].filter((f) => f !== undefined)
  const start = groups.by === 'period' ? (groups.spans[0]?.start ?? 0) : groups.start
  const end = groups.by === 'period' ? (groups.spans.at(-1)?.end ?? 0) : groups.end
  const rows = db.all<{ g: number; counts: string }>(sql`
    ${groups.by === 'period' ? sql`WITH ${groups.periods}` : sql``}
    SELECT ${groups.by === 'period' ? sql`p.i` : sql`f.rep_id`} AS g, json_array(count(*),
      count(*) FILTER (WHERE f.action = 'accepted'), count(*) FILTER (WHERE f.action = 'rejected'),
      count(*) FILTER (WHERE f.action = 'ignored'), ${inTime}, ${breached},
      count(*) FILTER (WHERE f.acted_at IS NULL AND f.due_at >= ${now.getTime()}),
      json_group_array(f.working_ms / 60000) FILTER (WHERE f.action IN ('accepted', 'rejected')
        AND f.working_ms IS NOT NULL)) AS counts
    FROM follow_ups f INDEXED BY follow_ups_open_idx
    ${groups.by === 'period' ? sql`JOIN periods p ON f.started_at >= p.start AND f.started_at < p.finish` : sql``}
    ${leadFilters.length > 0 ? sql`JOIN leads l ON l.id = f.lead_id AND ${sql.join(leadFilters, sql` AND `)}` : sql``}
    WHERE f.acted_at IS NULL AND f.kind = ${kind} AND f.started_at >= ${start} AND f.started_at < ${end}
      ${query.repId ? sql`AND f.rep_id = ${query.repId}` : sql``}
      ${reengaged === undefined ? sql`` : sql`AND f.reengaged = ${reengaged}`}
      ${
        reasonId
          ? sql`AND EXISTS (SELECT 1 FROM cases c INDEXED BY cases_lead_idx
              WHERE c.lead_id = f.lead_id AND c.decided_at = f.started_at AND c.reason_id = ${reasonId})`
          : sql``
      }
    GROUP BY 1`)
  return rows.map(({ g, counts }) => {
    const [started, accepted, rejected, ignored, inTimeN, breachedN, running, minutes] = JSON.parse(
      counts,
    ) as [number, number, number, number, number, number, number, number[]]
    return {
      g,
      counts: {
        started,
        accepted,
        rejected,
        ignored,
        inTime: inTimeN,
        breached: breachedN,
        running,
      },
      minutes,
    }
  })
}
