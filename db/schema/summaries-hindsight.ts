import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The `hindsight` summary family (decision 34, app/domain/summaries/hindsight.server.ts): `n`
 * rejected cases per week ('w') or month ('m') they opened in (`period`: its first local day),
 * imported and not taken up or not, stage (after contact), hand-over (re-engaged), the lead's
 * latest outcome ('' for none) and the verdict ('' for none). Counted once per filter that
 * narrows cases (`dim`): 'all' (`value` ''), 'rep', 'reason', 'source' (the case's; a NULL kept
 * as the empty blob), and 'campaign' with the case's `source` beside it (elsewhere '').
 */
export const summaryHindsightCells = sqliteTable(
  'summary_hindsight_cells',
  {
    grain: text('grain').notNull(),
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    source: text('source').notNull(),
    period: integer('period').notNull(),
    imported: integer('imported').notNull(),
    afterContact: integer('after_contact').notNull(),
    reengaged: integer('reengaged').notNull(),
    outcome: text('outcome').notNull(),
    verdict: text('verdict').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.grain,
        t.dim,
        t.value,
        t.source,
        t.period,
        t.imported,
        t.afterContact,
        t.reengaged,
        t.outcome,
        t.verdict,
      ],
    }),
  ],
)
