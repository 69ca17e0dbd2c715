// The `sources` summary family (decision 34): source and campaign quality's net-new hand-overs
// (docs/metrics.md), per week and month of the lead's hand-over, source, campaign, history flag
// and the TYPES of the lead's net-new cases: one bit per kind of case (rejected before or after
// contact, imported or not, ignored; without verdict, "meets" or "does not meet"), their OR
// (`sum(DISTINCT bit)`). Every stage filter, imported cases shown or hidden, asks which bits
// count as rejected, confirmed bad and confirmed good: the report reads the answer from the
// bits, so the triggers keep a single count. A lead's contribution is worked out from the lead
// and all its net-new cases, so the triggers take it away BEFORE a write (the tables still hold
// the old rows) and add it back AFTER: the same SQL counts one lead for the triggers and a
// range of leads for the rebuild. Counted three ways: every lead, per owner (the rep filter),
// per reason of its cases (the reason filter). Re-engaged hand-overs are read raw (a partial
// index lists the few).
import { sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import type { CaseStage } from '~db/enums'
import {
  fromKeyText,
  GRAINS_TABLE,
  type Grain,
  keyText,
  localDayText,
  periodOfText,
} from './grains'
import { RANGE_AFTER, RANGE_UPTO, runForRange, type SummaryFamily } from './state.server'

/**
 * A case's type, 0 to 14: a rejection is after_contact × 6 + imported × 3 + verdict, an ignored
 * case 12 + verdict, the verdict 0 (none), 1 (meets) or 2 (does not meet).
 */
const CASE_TYPE = `(CASE WHEN c.kind = 'ignored' THEN 12
    ELSE c.after_contact * 6 + (c.status = 'imported') * 3 END
  + CASE c.verdict WHEN 'meets' THEN 1 WHEN 'does_not_meet' THEN 2 ELSE 0 END)`
/** The OR of the types of the cases `c` a query groups: each bit once. */
const TYPES = `ifnull(sum(DISTINCT 1 << ${CASE_TYPE}), 0)`

type CaseType = { ignored: boolean; afterContact: boolean; imported: boolean; verdict: 0 | 1 | 2 }
const ALL_TYPES: CaseType[] = [false, true].flatMap((afterContact) =>
  [false, true].flatMap((imported) =>
    ([0, 1, 2] as const).map((verdict) => ({ ignored: false, afterContact, imported, verdict })),
  ),
)
ALL_TYPES.push(
  ...([0, 1, 2] as const).map((verdict) => ({
    ignored: true,
    afterContact: false,
    imported: false,
    verdict,
  })),
)
const bitOf = (t: CaseType) =>
  1 << (t.ignored ? 12 + t.verdict : (t.afterContact ? 6 : 0) + (t.imported ? 3 : 0) + t.verdict)

/**
 * The bits of the case types a stage filter counts as rejections (absent: before and after
 * contact), imported cases hidden or not, and of those the confirmed bad and good.
 */
export function typeMasks(stage: CaseStage | undefined, hidden: boolean) {
  const kept = ALL_TYPES.filter(
    (t) =>
      (stage === 'ignored'
        ? t.ignored
        : !t.ignored && (stage === undefined || t.afterContact === (stage === 'after_contact'))) &&
      !(hidden && t.imported),
  )
  const mask = (types: CaseType[]) => types.reduce((bits, t) => bits | bitOf(t), 0)
  return {
    rejected: mask(kept),
    bad: mask(kept.filter((t) => t.verdict === 2)),
    good: mask(kept.filter((t) => t.verdict === 1)),
  }
}

const COLUMNS = 'grain, dim, key, period, source, campaign, history, types, lead_types'

/**
 * The contribution of the leads `leadWhere` selects (on leads `l`; `caseWhere` the same on
 * cases `c`), times `sign`: +1 to count them, -1 to take them away. Two statements: every lead
 * and per owner; per reason.
 */
function contribution(
  leadWhere: string,
  caseWhere: string,
  sign: 1 | -1,
  grouped: boolean,
): string[] {
  const leads = `(SELECT l.id AS id, ${localDayText('l.handed_over_at')} AS day,
      ${keyText('l.source')} AS source, ${keyText('l.campaign')} AS campaign,
      l.history AS history, l.owner_id AS owner_id,
      (SELECT ${TYPES} FROM cases c WHERE c.lead_id = l.id AND c.reengaged = 0) AS types
    FROM leads l WHERE ${leadWhere}) l`
  // The rebuild groups its rows; a trigger's rows (one lead) are added one by one by the upsert,
  // which costs less to prepare than the grouping (every statement that fires it prepares it).
  const upsert = `${grouped ? 'GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9' : ''}
  ON CONFLICT (${COLUMNS}) DO UPDATE SET n = n + excluded.n`
  const n = grouped ? `sum(${sign})` : String(sign)
  const period = periodOfText('g.grain', 'l.day')
  return [
    `INSERT INTO summary_source_cells (${COLUMNS}, n)
  SELECT g.grain, d.dim, CASE d.dim WHEN 'owner' THEN l.owner_id ELSE 0 END, ${period},
    l.source, l.campaign, l.history, l.types, l.types, ${n}
  FROM ${leads} CROSS JOIN ${GRAINS_TABLE} g
    CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'owner') d
  WHERE true ${upsert}`,
    `INSERT INTO summary_source_cells (${COLUMNS}, n)
  SELECT g.grain, 'reason', r.reason_id, ${period}, l.source, l.campaign, l.history,
    r.types, l.types, ${n}
  FROM ${leads} JOIN (SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ${TYPES} AS types
      FROM cases c WHERE ${caseWhere} AND c.reengaged = 0 AND c.reason_id IS NOT NULL
      GROUP BY c.lead_id, c.reason_id) r ON r.lead_id = l.id
    CROSS JOIN ${GRAINS_TABLE} g
  WHERE true ${upsert}`,
  ]
}

/** The statements that count (+1) or take away (-1) one lead, `id` an SQL expression. */
const leadStatements = (id: string, sign: 1 | -1) =>
  contribution(`l.id = ${id}`, `c.lead_id = ${id}`, sign, false).map((statement) => `${statement};`)

const counted = (id: string) =>
  `${id} <= (SELECT upto FROM summary_progress WHERE family = 'sources' AND source = 'leads')`

const LEAD_COLUMNS = ['source', 'campaign', 'handed_over_at', 'owner_id', 'history']
const CASE_COLUMNS = ['kind', 'after_contact', 'status', 'verdict', 'reason_id', 'reengaged']
const changed = (columns: string[]) =>
  `(${columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')})`

/** The family's triggers, as its migration writes them (a test compares them). */
export function sourcesTriggers(): string[] {
  const trigger = (name: string, on: string, when: string, body: string[]) =>
    `CREATE TRIGGER summary_source_${name} ${on}\nWHEN ${when}\nBEGIN\n${body.join('\n')}\nEND;`
  const caseUpdate = `(OLD.reengaged = 0 OR NEW.reengaged = 0) AND ${changed(CASE_COLUMNS)}`
  return [
    trigger('lead_insert', 'AFTER INSERT ON leads', counted('NEW.id'), leadStatements('NEW.id', 1)),
    trigger(
      'lead_update_before',
      `BEFORE UPDATE OF ${LEAD_COLUMNS.join(', ')} ON leads`,
      `${counted('OLD.id')} AND ${changed(LEAD_COLUMNS)}`,
      leadStatements('OLD.id', -1),
    ),
    trigger(
      'lead_update_after',
      `AFTER UPDATE OF ${LEAD_COLUMNS.join(', ')} ON leads`,
      `${counted('NEW.id')} AND ${changed(LEAD_COLUMNS)}`,
      leadStatements('NEW.id', 1),
    ),
    trigger(
      'lead_delete',
      'BEFORE DELETE ON leads',
      counted('OLD.id'),
      leadStatements('OLD.id', -1),
    ),
    trigger(
      'case_insert_before',
      'BEFORE INSERT ON cases',
      `NEW.reengaged = 0 AND ${counted('NEW.lead_id')}`,
      leadStatements('NEW.lead_id', -1),
    ),
    trigger(
      'case_insert_after',
      'AFTER INSERT ON cases',
      `NEW.reengaged = 0 AND ${counted('NEW.lead_id')}`,
      leadStatements('NEW.lead_id', 1),
    ),
    trigger(
      'case_update_before',
      `BEFORE UPDATE OF ${CASE_COLUMNS.join(', ')} ON cases`,
      `${caseUpdate} AND ${counted('OLD.lead_id')}`,
      leadStatements('OLD.lead_id', -1),
    ),
    trigger(
      'case_update_after',
      `AFTER UPDATE OF ${CASE_COLUMNS.join(', ')} ON cases`,
      `${caseUpdate} AND ${counted('NEW.lead_id')}`,
      leadStatements('NEW.lead_id', 1),
    ),
    trigger(
      'case_delete_before',
      'BEFORE DELETE ON cases',
      `OLD.reengaged = 0 AND ${counted('OLD.lead_id')}`,
      leadStatements('OLD.lead_id', -1),
    ),
    trigger(
      'case_delete_after',
      'AFTER DELETE ON cases',
      `OLD.reengaged = 0 AND ${counted('OLD.lead_id')}`,
      leadStatements('OLD.lead_id', 1),
    ),
  ]
}

export const SOURCE_TABLES = ['summary_source_cells'] as const

export const sourcesFamily: SummaryFamily = {
  name: 'sources',
  tables: SOURCE_TABLES,
  sources: ['leads'],
  addRange(db, _source, after, upto) {
    for (const statement of contribution(
      `l.id > ${RANGE_AFTER} AND l.id <= ${RANGE_UPTO}`,
      `c.lead_id > ${RANGE_AFTER} AND c.lead_id <= ${RANGE_UPTO}`,
      1,
      true,
    ))
      runForRange(db, statement, after, upto)
  },
}

/** A cell of the report read from the summaries: a period, source and campaign, its counts. */
export type SourceSummaryCell = {
  period: number
  source: string | null
  campaign: string | null
  handedOver: number
  rejected: number
  confirmedBad: number
  confirmedGood: number
}

/**
 * Net-new hand-overs per week or month (`grain`, from day `from` to day `to`, excluded), source
 * and campaign, from the summaries, under the report's filters: the reason filter reads the
 * per-reason counts, the rep filter the per-owner ones (not both: the caller reads raw then).
 */
export function sourceSummaryCells(
  db: Queryable,
  filters: {
    grain: Grain
    from: number
    to: number
    repId?: number | undefined
    reasonId?: number | undefined
    source?: string | undefined
    campaign?: string | undefined
    hidden: boolean
    stage: CaseStage | undefined
  },
): SourceSummaryCell[] {
  const masks = typeMasks(filters.stage, filters.hidden)
  const [dim, key] = filters.reasonId
    ? ['reason', filters.reasonId]
    : filters.repId
      ? ['owner', filters.repId]
      : ['all', 0]
  const rejected = sql`(t.types & ${masks.rejected}) <> 0`
  const count = (when: ReturnType<typeof sql>) => sql`sum(CASE WHEN ${when} THEN t.n ELSE 0 END)`
  return db.all<SourceSummaryCell>(sql`
    SELECT t.period AS period, ${sql.raw(fromKeyText('t.source'))} AS source,
      ${sql.raw(fromKeyText('t.campaign'))} AS campaign,
      ${filters.reasonId ? count(rejected) : sql`sum(t.n)`} AS handedOver,
      ${count(rejected)} AS rejected,
      ${count(sql`${rejected} AND (t.lead_types & ${masks.bad}) <> 0`)} AS confirmedBad,
      ${count(sql`${rejected} AND (t.lead_types & ${masks.good}) <> 0`)} AS confirmedGood
    FROM summary_source_cells t
    WHERE t.grain = ${filters.grain} AND t.dim = ${dim} AND t.key = ${key}
      AND t.period >= ${filters.from} AND t.period < ${filters.to}
      ${filters.source ? sql`AND t.source = ${filters.source}` : sql``}
      ${filters.campaign ? sql`AND t.campaign = ${filters.campaign}` : sql``}
      ${filters.hidden ? sql`AND t.history = 0` : sql``}
    GROUP BY t.period, t.source, t.campaign`)
}
