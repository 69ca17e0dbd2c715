import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The `sources` summary family (decision 34, app/domain/summaries/sources.server.ts): `n`
 * net-new hand-overs per week ('w') or month ('m') of hand-over (`period`: its first local day),
 * source, campaign (a NULL kept as the empty blob), history flag and the kinds of net-new cases
 * the lead has (`lead_types`, a bit per case type). Counted three ways (`dim`): every lead
 * ('all', `key` 0), per owner now ('owner': the rep filter), and per reason of its cases
 * ('reason': `types` the types of its cases for that reason; elsewhere `types` = `lead_types`).
 */
export const summarySourceCells = sqliteTable(
  'summary_source_cells',
  {
    grain: text('grain').notNull(),
    dim: text('dim').notNull(),
    key: integer('key').notNull(),
    period: integer('period').notNull(),
    source: text('source').notNull(),
    campaign: text('campaign').notNull(),
    history: integer('history').notNull(),
    types: integer('types').notNull(),
    leadTypes: integer('lead_types').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.grain,
        t.dim,
        t.key,
        t.period,
        t.source,
        t.campaign,
        t.history,
        t.types,
        t.leadTypes,
      ],
    }),
  ],
)
