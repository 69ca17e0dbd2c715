// The `sources` summary family (decision 34): source and campaign quality's net-new hand-overs
// (docs/metrics.md), per week and month of the lead's hand-over, source, campaign and history
// flag, with what the lead's net-new cases make of it under each stage filter, imported cases
// shown or hidden: rejected, confirmed bad, confirmed good. A lead's contribution is worked out
// from the lead and all its net-new cases at once, so the triggers take it away BEFORE a write
// (the tables still hold the old rows) and add it back AFTER: the same SQL counts a lead for
// the triggers and a range of leads for the rebuild. Three tables: every lead; per owner (the
// rep filter); per reason of its cases (the reason filter). Re-engaged hand-overs (a partial
// index of the few) are read raw.
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
import type { SummaryFamily } from './state.server'

type Selection = { key: string; stage: CaseStage | undefined; where: string }
const SELECTIONS: Selection[] = [
  { key: 'any', stage: undefined, where: "c.kind = 'rejected'" },
  { key: 'bc', stage: 'before_contact', where: "c.kind = 'rejected' AND c.after_contact = 0" },
  { key: 'ac', stage: 'after_contact', where: "c.kind = 'rejected' AND c.after_contact = 1" },
  { key: 'ig', stage: 'ignored', where: "c.kind = 'ignored'" },
]
const FLAGS = {
  rej: '',
  bad: " AND c.verdict = 'does_not_meet'",
  good: " AND c.verdict = 'meets'",
} as const
type Flag = keyof typeof FLAGS

/** The columns of one stage filter and history choice: rejected, confirmed bad, confirmed good. */
export function selectionColumns(stage: CaseStage | undefined, hidden: boolean) {
  const selection = SELECTIONS.find((s) => s.stage === stage) as Selection
  const suffix = `${selection.key}${hidden ? '_h' : ''}`
  return { rej: `rej_${suffix}`, bad: `bad_${suffix}`, good: `good_${suffix}` }
}

/** Every flag column: per selection and history choice, rejected, bad, good. */
const COLUMNS = SELECTIONS.flatMap((selection) =>
  [false, true].flatMap((hidden) => {
    const columns = selectionColumns(selection.stage, hidden)
    const where = `${selection.where}${hidden ? " AND c.status <> 'imported'" : ''}`
    return (Object.keys(FLAGS) as Flag[]).map((flag) => ({
      name: columns[flag],
      flag,
      rej: columns.rej,
      /** Whether a case `c` counts for this column. */
      when: `${where}${FLAGS[flag]}`,
    }))
  }),
)
export const SOURCE_FLAG_COLUMNS = COLUMNS.map((c) => c.name)

export const SOURCE_TABLES = {
  leads: 'summary_source_leads',
  owners: 'summary_source_owners',
  reasons: 'summary_source_reasons',
} as const

const KEYS = {
  leads: ['grain', 'period', 'source', 'campaign', 'history'],
  owners: ['grain', 'owner_id', 'period', 'source', 'campaign', 'history'],
  reasons: ['grain', 'reason_id', 'period', 'source', 'campaign', 'history'],
} as const

/**
 * The contribution of the leads `leadWhere` selects (on leads `l`, with `caseWhere` the same on
 * cases `c`) to `table`, times `sign`: +1 to count them, -1 to take them away.
 */
function contribution(
  table: keyof typeof SOURCE_TABLES,
  leadWhere: string,
  caseWhere: string,
  sign: 1 | -1,
): string {
  const keys = KEYS[table]
  const leads = `(SELECT l.id AS id, ${localDayText('l.handed_over_at')} AS day,
      ${keyText('l.source')} AS source, ${keyText('l.campaign')} AS campaign,
      l.history AS history, l.owner_id AS owner_id
    FROM leads l WHERE ${leadWhere})`
  const profile = `(SELECT c.lead_id AS lead_id, ${COLUMNS.map(
    (column) => `ifnull(max(${column.when}), 0) AS ${column.name}`,
  ).join(', ')}
    FROM cases c WHERE ${caseWhere} AND c.reengaged = 0 GROUP BY c.lead_id)`
  // Per reason: whether the lead has a case of the selection for the reason (it then counts as
  // handed over and rejected), and, if so, whether its cases of the selection were confirmed.
  const reasons = `(SELECT c.lead_id AS lead_id, c.reason_id AS reason_id, ${COLUMNS.filter(
    (column) => column.flag === 'rej',
  )
    .map((column) => `ifnull(max(${column.when}), 0) AS ${column.name}`)
    .join(', ')}
    FROM cases c WHERE ${caseWhere} AND c.reengaged = 0 AND c.reason_id IS NOT NULL
    GROUP BY c.lead_id, c.reason_id)`
  const value = (column: (typeof COLUMNS)[number]) =>
    table !== 'reasons'
      ? `ifnull(p.${column.name}, 0)`
      : column.flag === 'rej'
        ? `r.${column.name}`
        : `r.${column.rej} * ifnull(p.${column.name}, 0)`
  const from =
    table === 'reasons'
      ? `${leads} l JOIN ${reasons} r ON r.lead_id = l.id LEFT JOIN ${profile} p ON p.lead_id = l.id`
      : `${leads} l LEFT JOIN ${profile} p ON p.lead_id = l.id`
  const keyValues = keys.map((key) =>
    key === 'grain'
      ? 'g.grain'
      : key === 'period'
        ? periodOfText('g.grain', 'l.day')
        : key === 'reason_id'
          ? 'r.reason_id'
          : `l.${key}`,
  )
  const columns = [...keys, 'n', ...COLUMNS.map((c) => c.name)]
  return `INSERT INTO ${SOURCE_TABLES[table]} (${columns.join(', ')})
  SELECT ${keyValues.join(', ')}, sum(${sign}), ${COLUMNS.map(
    (column) => `sum(${sign} * ${value(column)})`,
  ).join(', ')}
  FROM ${from} CROSS JOIN ${GRAINS_TABLE} g
  WHERE true GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
  ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${['n', ...COLUMNS.map((c) => c.name)]
    .map((c) => `${c} = ${c} + excluded.${c}`)
    .join(', ')}`
}

const TABLE_NAMES = Object.keys(SOURCE_TABLES) as (keyof typeof SOURCE_TABLES)[]

/** The statements that count (+1) or take away (-1) one lead, `id` an SQL expression. */
const leadStatements = (id: string, sign: 1 | -1) =>
  TABLE_NAMES.map((table) => `${contribution(table, `l.id = ${id}`, `c.lead_id = ${id}`, sign)};`)

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
      `(OLD.reengaged = 0 OR NEW.reengaged = 0) AND ${counted('OLD.lead_id')} AND ${changed(CASE_COLUMNS)}`,
      leadStatements('OLD.lead_id', -1),
    ),
    trigger(
      'case_update_after',
      `AFTER UPDATE OF ${CASE_COLUMNS.join(', ')} ON cases`,
      `(OLD.reengaged = 0 OR NEW.reengaged = 0) AND ${counted('NEW.lead_id')} AND ${changed(CASE_COLUMNS)}`,
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

export const sourcesFamily: SummaryFamily = {
  name: 'sources',
  tables: Object.values(SOURCE_TABLES),
  sources: ['leads'],
  addRange(db, _source, after, upto) {
    for (const table of TABLE_NAMES)
      db.run(
        sql.raw(
          contribution(
            table,
            `l.id > ${after} AND l.id <= ${upto}`,
            `c.lead_id > ${after} AND c.lead_id <= ${upto}`,
            1,
          ),
        ),
      )
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
 * reason table, the rep filter the owner table (not both: the caller reads raw then).
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
  const columns = selectionColumns(filters.stage, filters.hidden)
  const table = filters.reasonId
    ? sql`summary_source_reasons t WHERE t.grain = ${filters.grain} AND t.reason_id = ${filters.reasonId}`
    : filters.repId
      ? sql`summary_source_owners t WHERE t.grain = ${filters.grain} AND t.owner_id = ${filters.repId}`
      : sql`summary_source_leads t WHERE t.grain = ${filters.grain}`
  const [rej, bad, good] = [columns.rej, columns.bad, columns.good].map((c) => sql.raw(`t.${c}`))
  return db.all<SourceSummaryCell>(sql`
    SELECT t.period AS period, ${sql.raw(fromKeyText('t.source'))} AS source,
      ${sql.raw(fromKeyText('t.campaign'))} AS campaign,
      sum(${filters.reasonId ? rej : sql`t.n`}) AS handedOver, sum(${rej}) AS rejected,
      sum(${bad}) AS confirmedBad, sum(${good}) AS confirmedGood
    FROM ${table} AND t.period >= ${filters.from} AND t.period < ${filters.to}
      ${filters.source ? sql`AND t.source = ${filters.source}` : sql``}
      ${filters.campaign ? sql`AND t.campaign = ${filters.campaign}` : sql``}
      ${filters.hidden ? sql`AND t.history = 0` : sql``}
    GROUP BY t.period, t.source, t.campaign`)
}
