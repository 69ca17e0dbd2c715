// The `hindsight` summary family (decision 34): rejected cases (docs/metrics.md, "Hindsight")
// per week and month they opened in, whether imported and not taken up, stage, hand-over, the
// lead's LATEST outcome (the latest date, then the last recorded; '' for none) and the verdict
// ('' for none): one table for no filter and one per filter that narrows the cases (rep,
// reason, source, campaign with its source). A case's contribution depends on its own row and
// its lead's latest outcome: the case triggers take the OLD row away and add the NEW one; the
// outcome triggers take the lead's cases away BEFORE the write (at the latest outcome then) and
// add them back AFTER it (at the latest outcome now). The same SQL counts a range of cases for
// the rebuild. Two or more of rep, reason and source or campaign together are read raw.
import { type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import type { CaseStage, HandOver, Outcome, Verdict } from '~db/enums'
import { GRAINS_TABLE, type Grain, keyText, localDayText, periodOfText } from './grains'
import { RANGE_AFTER, RANGE_UPTO, runForRange, type SummaryFamily } from './state.server'

export const HINDSIGHT_TABLES = ['summary_hindsight_cells'] as const

/** The filters that narrow cases, each counted apart (`dim`), and the value counted under it. */
const DIMENSIONS = `(SELECT 'all' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'reason'
    UNION ALL SELECT 'source' UNION ALL SELECT 'campaign')`
// Ids are kept as text (the column's affinity): the report asks for them as text.
const VALUE = `CASE d.dim WHEN 'rep' THEN k.rep_id WHEN 'reason' THEN k.reason_id
    WHEN 'source' THEN k.source WHEN 'campaign' THEN k.campaign ELSE '' END`
const KEYS =
  'grain, dim, value, source, period, imported, after_contact, reengaged, outcome, verdict'

/** The lead's latest outcome, for cases `c`: the latest date, then the last recorded. */
const LATEST_OUTCOME = `ifnull((SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id
      ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1), '')`

/**
 * The contribution of the rejected cases `c` of `rows` (a FROM item naming its rows `c`, with
 * the columns of cases) that `where` selects, times `sign`: one statement.
 */
function contribution(rows: string, where: string, sign: 1 | -1, grouped: boolean): string {
  return `INSERT INTO summary_hindsight_cells (${KEYS}, n)
  SELECT g.grain, d.dim, ${VALUE}, CASE d.dim WHEN 'campaign' THEN k.source ELSE '' END,
    ${periodOfText('g.grain', 'k.day')}, k.imported, k.after_contact, k.reengaged, k.outcome,
    k.verdict, ${grouped ? `sum(${sign})` : sign}
  FROM (SELECT ${localDayText('c.opened_at')} AS day, c.rep_id AS rep_id, c.reason_id AS reason_id,
      ${keyText('c.source')} AS source, ${keyText('c.campaign')} AS campaign,
      c.status = 'imported' AS imported, c.after_contact AS after_contact,
      c.reengaged AS reengaged, ${LATEST_OUTCOME} AS outcome, ifnull(c.verdict, '') AS verdict
    FROM ${rows} WHERE c.kind = 'rejected' AND ${where}) k
    CROSS JOIN ${GRAINS_TABLE} g CROSS JOIN ${DIMENSIONS} d
  WHERE true ${grouped ? 'GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10' : ''}
  ON CONFLICT (${KEYS}) DO UPDATE SET n = n + excluded.n`
}

const CASE_COLUMNS = [
  'lead_id',
  'kind',
  'status',
  'verdict',
  'after_contact',
  'reengaged',
  'rep_id',
  'reason_id',
  'source',
  'campaign',
  'opened_at',
]
/** A case row from the trigger's OLD or NEW, as a FROM item `c`. */
const rowOf = (row: 'OLD' | 'NEW') =>
  `(SELECT ${CASE_COLUMNS.map((column) => `${row}.${column} AS ${column}`).join(', ')}) c`

const UPTO = `(SELECT upto FROM summary_progress WHERE family = 'hindsight' AND source = 'cases')`
const statements = (rows: string, where: string, sign: 1 | -1) => [
  `${contribution(rows, where, sign, false)};`,
]
/** The counted cases of the lead `leadId` (an SQL expression), at its latest outcome. */
const leadCases = (leadId: string, sign: 1 | -1) =>
  statements('cases c', `c.lead_id = ${leadId} AND c.id <= ${UPTO}`, sign)

const UPDATED = CASE_COLUMNS.filter((column) => column !== 'lead_id')
const OUTCOME_COLUMNS = ['outcome', 'occurred_on']

/** The family's triggers, as its migration writes them (a test compares them). */
export function hindsightTriggers(): string[] {
  const trigger = (name: string, on: string, when: string | null, body: string[]) =>
    `CREATE TRIGGER summary_hindsight_${name} ${on}${when ? `\nWHEN ${when}` : ''}\nBEGIN\n${body.join('\n')}\nEND;`
  return [
    trigger(
      'case_insert',
      'AFTER INSERT ON cases',
      `NEW.kind = 'rejected' AND NEW.id <= ${UPTO}`,
      statements(rowOf('NEW'), 'true', 1),
    ),
    trigger(
      'case_update',
      `AFTER UPDATE OF ${UPDATED.join(', ')} ON cases`,
      `(OLD.kind = 'rejected' OR NEW.kind = 'rejected') AND OLD.id <= ${UPTO}
  AND (${UPDATED.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')})`,
      [...statements(rowOf('OLD'), 'true', -1), ...statements(rowOf('NEW'), 'true', 1)],
    ),
    trigger(
      'case_delete',
      'AFTER DELETE ON cases',
      `OLD.kind = 'rejected' AND OLD.id <= ${UPTO}`,
      statements(rowOf('OLD'), 'true', -1),
    ),
    trigger(
      'outcome_insert_before',
      'BEFORE INSERT ON outcomes',
      null,
      leadCases('NEW.lead_id', -1),
    ),
    trigger('outcome_insert_after', 'AFTER INSERT ON outcomes', null, leadCases('NEW.lead_id', 1)),
    trigger(
      'outcome_update_before',
      `BEFORE UPDATE OF ${OUTCOME_COLUMNS.join(', ')} ON outcomes`,
      OUTCOME_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR '),
      leadCases('OLD.lead_id', -1),
    ),
    trigger(
      'outcome_update_after',
      `AFTER UPDATE OF ${OUTCOME_COLUMNS.join(', ')} ON outcomes`,
      OUTCOME_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR '),
      leadCases('NEW.lead_id', 1),
    ),
    trigger(
      'outcome_delete_before',
      'BEFORE DELETE ON outcomes',
      null,
      leadCases('OLD.lead_id', -1),
    ),
    trigger('outcome_delete_after', 'AFTER DELETE ON outcomes', null, leadCases('OLD.lead_id', 1)),
  ]
}

export const hindsightFamily: SummaryFamily = {
  name: 'hindsight',
  tables: HINDSIGHT_TABLES,
  sources: ['cases'],
  addRange(db, _source, after, upto) {
    const range = `c.id > ${RANGE_AFTER} AND c.id <= ${RANGE_UPTO}`
    runForRange(db, contribution('cases c', range, 1, true), after, upto)
  },
}

/** The summaries' condition for a report's filters; null when they do not answer them. */
function tableFor(query: {
  repId?: number | undefined
  reasonId?: number | undefined
  source?: string | undefined
  campaign?: string | undefined
}): SQL | null {
  const narrowed = [query.repId, query.reasonId, query.source || query.campaign].filter(Boolean)
  if (narrowed.length > 1) return null
  if (query.repId) return sql`t.dim = 'rep' AND t.value = ${String(query.repId)}`
  if (query.reasonId) return sql`t.dim = 'reason' AND t.value = ${String(query.reasonId)}`
  if (query.campaign)
    return sql`t.dim = 'campaign' AND t.value = ${query.campaign} ${
      query.source ? sql`AND t.source = ${query.source}` : sql``
    }`
  if (query.source) return sql`t.dim = 'source' AND t.value = ${query.source}`
  return sql`t.dim = 'all'`
}

/** Whether the summaries answer these filters: at most one of rep, reason, source or campaign. */
export const hindsightSummariesAnswer = (query: Parameters<typeof tableFor>[0]) =>
  tableFor(query) !== null

/**
 * Rejected cases per week or month (`grain`, days `from` to `to`, excluded), latest outcome
 * ('' for none) and verdict ('' for none), from the summaries, under the report's filters.
 */
export function hindsightSummaryCells(
  db: Queryable,
  query: Parameters<typeof tableFor>[0] & {
    history: 'shown' | 'hidden'
    stage?: CaseStage | undefined
    handOver?: HandOver | undefined
  },
  grain: { grain: Grain; from: number; to: number },
) {
  const table = tableFor(query)
  if (!table) throw new Error('The hindsight summaries do not answer these filters')
  if (query.stage === 'ignored') return []
  return db.all<{ period: number; outcome: Outcome | ''; verdict: Verdict | ''; n: number }>(sql`
    SELECT t.period AS period, t.outcome AS outcome, t.verdict AS verdict, sum(t.n) AS n
    FROM summary_hindsight_cells t WHERE t.grain = ${grain.grain} AND ${table} AND t.period >= ${grain.from} AND t.period < ${grain.to}
      ${query.history === 'hidden' ? sql`AND t.imported = 0` : sql``}
      ${query.stage ? sql`AND t.after_contact = ${query.stage === 'after_contact' ? 1 : 0}` : sql``}
      ${query.handOver ? sql`AND t.reengaged = ${query.handOver === 're_engaged' ? 1 : 0}` : sql``}
    GROUP BY t.period, t.outcome, t.verdict`)
}
