// The `cases` summary family (decision 34; tables in db/schema/summaries-cases.ts): every case
// counted under its local week and month of opening, once per dimension ('all', its rep, reason,
// source, campaign), with its kind, stage, hand-over and imported history. One SQL text counts a
// set of case rows into a table: the triggers of migration 0026 (rewritten by 0027) use it on NEW and OLD (written
// out there by `casesTriggerSql`, and a test checks they are the same), the rebuild on a range
// of ids. Pure text: no value from outside is ever put in it (a range's ids are bound parameters).
import type { Queryable } from '~db/connection'
import {
  RANGE_AFTER,
  RANGE_UPTO,
  runForRange,
  type SummaryFamily,
  type SummarySource,
} from './state.server'

export const CASES_FAMILY_NAME = 'cases'

/** The dimensions a case is counted under: its `k` in each ('' for none, and for 'all'). */
export const CASE_DIMS = ['all', 'rep', 'reason', 'source', 'campaign'] as const
export type CaseDim = (typeof CASE_DIMS)[number]

const offsetAt = (at: string) =>
  `(SELECT o.offset_ms FROM local_offsets o WHERE o.from_at <= ${at} ORDER BY o.from_at DESC LIMIT 1)`
/** The local day of the instant `at`, as localDaySql (calendar.ts) computes it. */
const dayOf = (at: string) =>
  `((${at} + ${offsetAt(at)}) / 86400000 - ((${at} + ${offsetAt(at)}) % 86400000 < 0))`

/** The columns every table's rows are keyed by, from the case `r`. */
const caseColumns = (r: string) =>
  `${r}.kind AS kind, ${r}.after_contact AS after_contact, ${r}.reengaged AS reengaged,
      ${r}.rep_id AS rep_id, ${r}.reason_id AS reason_id, ${r}.source AS source,
      ${r}.campaign AS campaign, ${dayOf(`${r}.opened_at`)} AS day`

/** What the counts table adds up for the case `r` (each 0 or 1, never NULL). */
const countColumns = (r: string) => `(${r}.status = 'imported') AS imported, 1 AS n,
      (${r}.verdict IS NOT NULL) AS ruled, (${r}.verdict IS 'does_not_meet') AS upheld,
      (${r}.verdict IS 'meets') AS overturned, (${r}.status = 'in_review') AS open,
      (${r}.status = 'decided') AS decided, (${r}.status = 'conceded') AS conceded,
      (${r}.status = 'decided' AND ${r}.verdict IS 'meets') AS meets,
      (${r}.status = 'decided' AND ${r}.disposition IS 'disqualified') AS disqualified,
      (${r}.status = 'decided' AND ${r}.disposition IS 'nurture') AS nurture,
      (${r}.status = 'decided' AND ${r}.agrees_with_definition IS 1) AS agree,
      (${r}.status = 'decided' AND ${r}.unanimous IS 1) AS unanimous,
      (${r}.status = 'decided' AND ${r}.unanimous IS 0) AS split,
      (${r}.status = 'decided' AND ${r}.decided_by_chair IS 1) AS by_chair,
      (${r}.status <> 'imported' AND ${r}.decided_at IS NOT NULL) AS review_decided,
      (${r}.status <> 'imported' AND ${r}.decided_at IS NOT NULL
        AND ${r}.decided_at <= ${r}.review_due_at) AS review_in_time`

type Table = {
  name: string
  /** The dimensions it counts a case under. */
  dims: readonly CaseDim[]
  /** Key columns between `t` and the kind (read from the row source). */
  keys: readonly string[]
  /** Key columns after the kind. */
  filters: readonly string[]
  counts: readonly string[]
}

const COUNTS: Table = {
  name: 'summary_case_counts',
  dims: CASE_DIMS,
  keys: [],
  filters: ['after_contact', 'imported', 'reengaged'],
  counts: [
    'n',
    'ruled',
    'upheld',
    'overturned',
    'open',
    'decided',
    'conceded',
    'meets',
    'disqualified',
    'nurture',
    'agree',
    'unanimous',
    'split',
    'by_chair',
    'review_decided',
    'review_in_time',
  ],
}
const SMALL = ['after_contact', 'reengaged'] as const
// The review working times only under 'all': under a rep, reason, source or campaign each
// case would make a row of its own (as many rows as cases), and such a filter narrows the
// cases enough for the raw rows to answer.
const MINUTES: Table = {
  name: 'summary_case_review_minutes',
  dims: ['all'],
  keys: ['minute'],
  filters: SMALL,
  counts: ['n'],
}
// The same in whole hours: a percentile's hour first, then the minutes of that hour only.
const HOURS: Table = { ...MINUTES, name: 'summary_case_review_hours', keys: ['hour'] }
const VOTES: Table = {
  name: 'summary_case_votes',
  dims: CASE_DIMS,
  keys: ['member_id'],
  filters: SMALL,
  counts: ['n'],
}
const DEPARTURES: Table = {
  name: 'summary_case_departures',
  dims: CASE_DIMS,
  keys: ['criterion'],
  filters: SMALL,
  counts: ['n'],
}

const dimsSql = (dims: readonly CaseDim[]) =>
  `(${dims.map((dim) => `SELECT '${dim}' AS dim`).join(' UNION ALL ')}) x`
const GRAINS_SQL = `(SELECT 'w' AS g UNION ALL SELECT 'm') g`
const K_SQL = `CASE x.dim WHEN 'all' THEN '' WHEN 'rep' THEN r.rep_id
      WHEN 'reason' THEN ifnull(r.reason_id, '') WHEN 'source' THEN ifnull(r.source, '')
      ELSE ifnull(r.campaign, '') END`
const T_SQL = `CASE g.g WHEN 'w' THEN (r.day + 3) / 7 - ((r.day + 3) % 7 < 0)
      ELSE CAST(strftime('%Y', r.day * 86400, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', r.day * 86400, 'unixepoch') AS INTEGER) - 1 END`

/** Adds (sign 1) or takes away (−1) the rows of `rows` (a SELECT of a table's columns). */
function upsert(table: Table, rows: string, sign: 1 | -1) {
  const keys = [...table.keys, 'kind', ...table.filters]
  const all = ['dim', 'k', 'g', 't', ...keys]
  return `INSERT INTO ${table.name} (${[...all, ...table.counts].join(', ')})
    SELECT x.dim, ${K_SQL}, g.g, ${T_SQL},
      ${keys.map((key) => `r.${key}`).join(', ')},
      ${table.counts.map((count) => `${sign} * sum(r.${count})`).join(', ')}
    FROM (${rows}) r, ${dimsSql(table.dims)}, ${GRAINS_SQL}
    WHERE true
    GROUP BY ${all.map((_, i) => i + 1).join(', ')}
    ON CONFLICT (${all.join(', ')}) DO UPDATE SET
      ${table.counts.map((count) => `${count} = ${count} + excluded.${count}`).join(', ')}`
}

/** The rows of each table for the case `r`, from `from` (with `where`, a condition on `r`). */
const countRows = (r: string, from: string, where: string) =>
  `SELECT ${caseColumns(r)}, ${countColumns(r)} ${from} WHERE ${where}`
/** The review working times, in whole minutes or hours (the two levels of a percentile). */
const reviewTimeRows = (unit: 'minute' | 'hour') => (r: string, from: string, where: string) =>
  `SELECT ${caseColumns(r)}, ${r}.review_working_ms / ${unit === 'hour' ? 3600000 : 60000} AS ${unit}, 1 AS n ${from}
    WHERE ${where} AND ${r}.status <> 'imported' AND ${r}.decided_at IS NOT NULL
      AND ${r}.review_working_ms IS NOT NULL`
const minuteRows = reviewTimeRows('minute')
const hourRows = reviewTimeRows('hour')
const departureRows = (r: string, from: string, where: string) =>
  `SELECT ${caseColumns(r)}, d.value AS criterion, 1 AS n ${from}, json_each(${r}.departures) d
    WHERE ${where} AND ${r}.status = 'decided'`
/** The votes `v` (from `from`, with `where`) on the decided case `c`. */
const voteRows = (c: string, member: string, from: string, where: string) =>
  `SELECT ${caseColumns(c)}, ${member} AS member_id, 1 AS n ${from}
    WHERE ${where} AND ${c}.status = 'decided'`

/** The statements counting one case row `r` (NEW or OLD) in with `sign`. */
const caseStatements = (r: 'NEW' | 'OLD', sign: 1 | -1) => {
  // A FROM-less SELECT for the trigger's row; json_each needs a FROM to join to.
  const from = 'FROM (SELECT 1)'
  return [
    upsert(COUNTS, countRows(r, from, 'true'), sign),
    upsert(MINUTES, minuteRows(r, from, 'true'), sign),
    upsert(HOURS, hourRows(r, from, 'true'), sign),
    upsert(DEPARTURES, departureRows(r, from, 'true'), sign),
  ]
}

const upto = (source: SummarySource) =>
  `(SELECT upto FROM summary_progress WHERE family = '${CASES_FAMILY_NAME}' AND source = '${source}')`

/** The columns whose change moves a case in the summaries (others, e.g. reminders, do not). */
const COUNTED = [
  'kind',
  'status',
  'rep_id',
  'reason_id',
  'source',
  'campaign',
  'opened_at',
  'after_contact',
  'reengaged',
  'verdict',
  'disposition',
  'agrees_with_definition',
  'unanimous',
  'decided_by_chair',
  'decided_at',
  'review_due_at',
  'review_working_ms',
  'departures',
]
/** The columns whose change moves a decided case's votes. */
const VOTED = [
  'kind',
  'status',
  'rep_id',
  'reason_id',
  'source',
  'campaign',
  'opened_at',
  'after_contact',
  'reengaged',
]
const changed = (columns: readonly string[]) =>
  `(${columns.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ')})`

const trigger = (name: string, event: string, when: string, statements: string[]) =>
  `CREATE TRIGGER ${name} ${event}
WHEN ${when}
BEGIN
  ${statements.map((statement) => `${statement};`).join('\n  ')}
END;`

/** The family's triggers, as migration 0027 holds them (after `-- triggers: cases`). */
export function casesTriggerSql(): string[] {
  const caseVotes = (c: 'NEW' | 'OLD', sign: 1 | -1) =>
    upsert(
      VOTES,
      voteRows(
        c,
        'v.member_id',
        'FROM votes v',
        `v.case_id = ${c}.id AND v.id <= ${upto('votes')}`,
      ),
      sign,
    )
  const voteOf = (v: 'NEW' | 'OLD', sign: 1 | -1) =>
    upsert(VOTES, voteRows('c', `${v}.member_id`, 'FROM cases c', `c.id = ${v}.case_id`), sign)
  return [
    trigger('summary_cases_insert', 'AFTER INSERT ON cases', `NEW.id <= ${upto('cases')}`, [
      ...caseStatements('NEW', 1),
    ]),
    trigger(
      'summary_cases_update',
      'AFTER UPDATE ON cases',
      `OLD.id <= ${upto('cases')} AND ${changed(COUNTED)}`,
      [...caseStatements('OLD', -1), ...caseStatements('NEW', 1)],
    ),
    trigger('summary_cases_delete', 'AFTER DELETE ON cases', `OLD.id <= ${upto('cases')}`, [
      ...caseStatements('OLD', -1),
    ]),
    // A decided case's votes written before it (scripts/seed-large.ts writes a lead's votes
    // first, with foreign keys off), and those left behind by its deletion.
    trigger(
      'summary_cases_votes_insert',
      'AFTER INSERT ON cases',
      `NEW.status = 'decided' AND ${upto('votes')} > 0`,
      [caseVotes('NEW', 1)],
    ),
    trigger(
      'summary_cases_votes_delete',
      'AFTER DELETE ON cases',
      `OLD.status = 'decided' AND ${upto('votes')} > 0`,
      [caseVotes('OLD', -1)],
    ),
    trigger(
      'summary_cases_votes_update',
      'AFTER UPDATE ON cases',
      `(OLD.status = 'decided' OR NEW.status = 'decided') AND ${changed(VOTED)}
  AND ${upto('votes')} > 0`,
      [caseVotes('OLD', -1), caseVotes('NEW', 1)],
    ),
    trigger('summary_votes_insert', 'AFTER INSERT ON votes', `NEW.id <= ${upto('votes')}`, [
      voteOf('NEW', 1),
    ]),
    trigger(
      'summary_votes_update',
      'AFTER UPDATE OF case_id, member_id ON votes',
      `OLD.id <= ${upto('votes')}`,
      [voteOf('OLD', -1), voteOf('NEW', 1)],
    ),
    trigger('summary_votes_delete', 'AFTER DELETE ON votes', `OLD.id <= ${upto('votes')}`, [
      voteOf('OLD', -1),
    ]),
  ]
}

/** Counts the rows of `source` with ids after `after`, up to `upto`, into the summaries. */
function addRange(db: Queryable, source: SummarySource, after: number, upto: number) {
  const range = (alias: string) => `${alias}.id > ${RANGE_AFTER} AND ${alias}.id <= ${RANGE_UPTO}`
  const statements =
    source === 'votes'
      ? [
          upsert(
            VOTES,
            voteRows(
              'c',
              'v.member_id',
              'FROM votes v JOIN cases c ON c.id = v.case_id',
              range('v'),
            ),
            1,
          ),
        ]
      : [
          upsert(COUNTS, countRows('c', 'FROM cases c', range('c')), 1),
          upsert(MINUTES, minuteRows('c', 'FROM cases c', range('c')), 1),
          upsert(HOURS, hourRows('c', 'FROM cases c', range('c')), 1),
          upsert(DEPARTURES, departureRows('c', 'FROM cases c', range('c')), 1),
        ]
  for (const statement of statements) runForRange(db, statement, after, upto)
}

export const CASES_FAMILY: SummaryFamily = {
  name: CASES_FAMILY_NAME,
  tables: [COUNTS.name, MINUTES.name, HOURS.name, VOTES.name, DEPARTURES.name],
  sources: ['cases', 'votes'],
  addRange,
}
