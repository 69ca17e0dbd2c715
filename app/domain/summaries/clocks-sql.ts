// The SQL that counts ended clocks into the clocks family's tables (decision 34, "clocks"): one
// generator for both the triggers of migration 0026 (their text is this module's output, checked
// by tests/unit/summaries-clocks-oracle.test.ts) and the rebuild's chunks, so the two cannot
// count differently. Pure: strings only.
import { sql } from 'drizzle-orm'
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import { localDaySql } from './calendar'

export const CLOCKS_FAMILY = 'clocks'

/** How far the triggers count: the follow-ups the family has counted (the rest wait for the rebuild). */
const UPTO = `(SELECT upto FROM summary_progress WHERE family = '${CLOCKS_FAMILY}' AND source = 'follow_ups')`

const ACTED = `f.action IN ('accepted', 'rejected')`

/** The local day of `at` (a column), as calendar.ts's localDaySql writes it. */
const dayOf = (at: string) => new SQLiteSyncDialect().sqlToQuery(localDaySql(sql.raw(at))).sql

/** The local month (year × 12 + month − 1) of a local day number. */
const monthOf = (day: string) =>
  `(CAST(strftime('%Y', ${day} * 86400, 'unixepoch') AS INTEGER) * 12
    + CAST(strftime('%m', ${day} * 86400, 'unixepoch') AS INTEGER) - 1)`

/**
 * The ended clocks `where` selects (on `follow_ups f`), one row each: what the report counts of
 * it (docs/metrics.md), its day, and its working minute when it has one to count.
 */
const endedClocks = (where: string) => `(SELECT f.kind AS kind, f.rep_id AS rep_id,
      f.reengaged AS reengaged, f.lead_id AS lead_id, f.started_at AS started_at,
      ${dayOf('f.started_at')} AS day,
      CASE WHEN ${ACTED} AND f.working_ms IS NOT NULL THEN f.working_ms / 60000 END AS minute,
      f.action IS 'accepted' AS accepted, f.action IS 'rejected' AS rejected,
      f.action IS 'ignored' AS ignored,
      CASE WHEN ${ACTED} AND f.acted_at <= f.due_at THEN 1 ELSE 0 END AS in_time,
      CASE WHEN f.action = 'ignored' OR (${ACTED} AND f.acted_at > f.due_at) THEN 1 ELSE 0 END AS late
    FROM follow_ups f WHERE f.acted_at IS NOT NULL AND ${where}) x`

const COUNTS = ['started', 'accepted', 'rejected', 'ignored', 'in_time', 'late'] as const
/**
 * The counts of the selected clocks: summed per key in a rebuild's chunk (`grouped`), or one row
 * per clock in a trigger (the upsert adds rows of the same key one after the other; no sorter).
 */
const sums = (sign: number, grouped: boolean) =>
  grouped
    ? `${sign} * count(*), ${sign} * sum(x.accepted), ${sign} * sum(x.rejected),
    ${sign} * sum(x.ignored), ${sign} * sum(x.in_time), ${sign} * sum(x.late)`
    : `${sign}, ${sign} * x.accepted, ${sign} * x.rejected, ${sign} * x.ignored,
    ${sign} * x.in_time, ${sign} * x.late`
const groupBy = (grouped: boolean, keys: string) => (grouped ? ` GROUP BY ${keys}` : '')
const addCounts = COUNTS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')

/** Each clock under its rep and under every rep (0), on its day (level 0) and in its month (1). */
const REP_AND_LEVEL = `(SELECT 0 AS level UNION ALL SELECT 1) v,
    (SELECT 0 AS mine UNION ALL SELECT 1) r`
const REP = 'CASE r.mine WHEN 1 THEN x.rep_id ELSE 0 END'
const AT = `CASE v.level WHEN 0 THEN x.day ELSE ${monthOf('x.day')} END`

/** Adds (`sign` 1) or takes away (−1) the clocks `where` selects from the per-rep tables. */
function repTables(sign: number, where: string, grouped: boolean): string[] {
  const clocks = endedClocks(where)
  return [
    `INSERT INTO summary_clock_counts (kind, rep_id, level, at, reengaged, ${COUNTS.join(', ')})
    SELECT x.kind AS k, ${REP} AS rep, v.level AS lv, ${AT} AS a, x.reengaged AS re, ${sums(sign, grouped)}
    FROM ${clocks}, ${REP_AND_LEVEL}
    WHERE true${groupBy(grouped, 'k, rep, lv, a, re')}
    ON CONFLICT (kind, rep_id, level, at, reengaged) DO UPDATE SET ${addCounts}`,
    ...(['hour', 'minute'] as const).map(
      (unit) => `INSERT INTO summary_clock_${unit}s (kind, rep_id, level, at, ${unit}, reengaged, n)
    SELECT x.kind AS k, ${REP} AS rep, v.level AS lv, ${AT} AS a,
      ${unit === 'hour' ? 'x.minute / 60' : 'x.minute'} AS u, x.reengaged AS re,
      ${grouped ? `${sign} * count(*)` : sign}
    FROM ${clocks}, ${REP_AND_LEVEL}
    WHERE x.minute IS NOT NULL${groupBy(grouped, 'k, rep, lv, a, u, re')}
    ON CONFLICT (kind, rep_id, level, at, ${unit}, reengaged) DO UPDATE SET n = n + excluded.n`,
    ),
  ]
}

/**
 * Adds or takes away the clocks `where` selects in the details: under their lead's source and
 * campaign as the lead has them now, and a return clock under the reason of the case decided at
 * its start (the report's reason filter; the least reason when several were decided then).
 */
function detailTable(sign: number, where: string, grouped = false): string {
  return `INSERT INTO summary_clock_details
      (kind, source, day, campaign, rep_id, reengaged, reason_id, minute, ${COUNTS.join(', ')})
    SELECT x.kind AS k, ifnull(l.source, '') AS s, x.day AS d, ifnull(l.campaign, '') AS c,
      x.rep_id AS rep, x.reengaged AS re,
      CASE WHEN x.kind = 'return' THEN ifnull((SELECT min(cs.reason_id) FROM cases cs
        WHERE cs.lead_id = x.lead_id AND cs.decided_at = x.started_at), 0) ELSE 0 END AS reason,
      ifnull(x.minute, -1) AS m, ${sums(sign, grouped)}
    FROM ${endedClocks(where)} JOIN leads l ON l.id = x.lead_id
    WHERE true${groupBy(grouped, 'k, s, d, c, rep, re, reason, m')}
    ON CONFLICT (kind, source, day, campaign, rep_id, reengaged, reason_id, minute)
    DO UPDATE SET ${addCounts}`
}

/** Every table's statements for the clocks `where` selects; `grouped` for a rebuild's chunk. */
export const clockStatements = (sign: number, where: string, grouped = false) => [
  ...repTables(sign, where, grouped),
  detailTable(sign, where, grouped),
]

const trigger = (name: string, on: string, when: string, statements: string[]) =>
  `CREATE TRIGGER ${name} ${on}\nWHEN ${when}\nBEGIN\n${statements.map((s) => `  ${s};`).join('\n')}\nEND`

const FOLLOW_UP_COLUMNS =
  'kind, rep_id, lead_id, started_at, due_at, acted_at, action, working_ms, reengaged'
/** The return clocks started when a case of `lead` was decided (`+f.id`: the lead's index decides). */
const returnClocksAt = (lead: string, decided: string) =>
  `f.lead_id = ${lead} AND f.kind = 'return' AND f.started_at = ${decided} AND +f.id <= ${UPTO}`
/** A case's change: the return clocks at its old decision, then those at its new one if others. */
const caseMoves = (sign: number) => [
  detailTable(sign, returnClocksAt('OLD.lead_id', 'OLD.decided_at')),
  detailTable(
    sign,
    `${returnClocksAt('NEW.lead_id', 'NEW.decided_at')}
      AND NOT (NEW.lead_id = OLD.lead_id AND NEW.decided_at IS OLD.decided_at)`,
  ),
]

/**
 * The family's triggers, as migration 0026 creates them. A change takes away what the clocks it
 * touches counted before it (BEFORE) and adds what they count after it (AFTER): a follow-up's
 * own change; a lead's new source or campaign (its clocks' details); a case decided, changed or
 * deleted (the return clocks started when it was decided, whose reason it may be).
 */
export function clockTriggers(): string[] {
  const counted = (row: 'NEW' | 'OLD') => `${row}.acted_at IS NOT NULL AND ${row}.id <= ${UPTO}`
  const lead = 'OLD.source IS NOT NEW.source OR OLD.campaign IS NOT NEW.campaign'
  const caseChange = `(OLD.decided_at IS NOT NEW.decided_at OR OLD.reason_id IS NOT NEW.reason_id
    OR OLD.lead_id IS NOT NEW.lead_id) AND (OLD.decided_at IS NOT NULL OR NEW.decided_at IS NOT NULL)`
  return [
    trigger('summary_clock_follow_up_inserted', 'AFTER INSERT ON follow_ups', counted('NEW'), [
      ...clockStatements(1, 'f.id = NEW.id'),
    ]),
    trigger(
      'summary_clock_follow_up_updating',
      `BEFORE UPDATE OF ${FOLLOW_UP_COLUMNS} ON follow_ups`,
      counted('OLD'),
      clockStatements(-1, 'f.id = OLD.id'),
    ),
    trigger(
      'summary_clock_follow_up_updated',
      `AFTER UPDATE OF ${FOLLOW_UP_COLUMNS} ON follow_ups`,
      counted('NEW'),
      clockStatements(1, 'f.id = NEW.id'),
    ),
    trigger(
      'summary_clock_follow_up_deleting',
      'BEFORE DELETE ON follow_ups',
      counted('OLD'),
      clockStatements(-1, 'f.id = OLD.id'),
    ),
    trigger('summary_clock_lead_moving', 'BEFORE UPDATE OF source, campaign ON leads', lead, [
      detailTable(-1, `f.lead_id = OLD.id AND +f.id <= ${UPTO}`),
    ]),
    trigger('summary_clock_lead_moved', 'AFTER UPDATE OF source, campaign ON leads', lead, [
      detailTable(1, `f.lead_id = NEW.id AND +f.id <= ${UPTO}`),
    ]),
    trigger(
      'summary_clock_case_inserting',
      'BEFORE INSERT ON cases',
      'NEW.decided_at IS NOT NULL',
      [detailTable(-1, returnClocksAt('NEW.lead_id', 'NEW.decided_at'))],
    ),
    trigger('summary_clock_case_inserted', 'AFTER INSERT ON cases', 'NEW.decided_at IS NOT NULL', [
      detailTable(1, returnClocksAt('NEW.lead_id', 'NEW.decided_at')),
    ]),
    trigger(
      'summary_clock_case_updating',
      'BEFORE UPDATE OF lead_id, decided_at, reason_id ON cases',
      caseChange,
      caseMoves(-1),
    ),
    trigger(
      'summary_clock_case_updated',
      'AFTER UPDATE OF lead_id, decided_at, reason_id ON cases',
      caseChange,
      caseMoves(1),
    ),
    trigger('summary_clock_case_deleting', 'BEFORE DELETE ON cases', 'OLD.decided_at IS NOT NULL', [
      detailTable(-1, returnClocksAt('OLD.lead_id', 'OLD.decided_at')),
    ]),
    trigger('summary_clock_case_deleted', 'AFTER DELETE ON cases', 'OLD.decided_at IS NOT NULL', [
      detailTable(1, returnClocksAt('OLD.lead_id', 'OLD.decided_at')),
    ]),
  ]
}

/** The triggers as the migration's tail: after `-- triggers: clocks`, one statement each. */
export const clockTriggersSql = () =>
  `-- triggers: clocks\n${clockTriggers().join(';\n--> statement-breakpoint\n')};\n`
