import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// The `hindsight` summary family (decision 34, app/domain/summaries/hindsight.server.ts):
// rejected cases per week ('w') or month ('m') they opened in (`period`: its first local day),
// imported and not taken up or not, stage (after contact), hand-over (re-engaged), the latest
// outcome of the lead ('' for none) and the verdict ('' for none); one table per filter that
// narrows them (rep, reason, the case's source, its campaign and source), and one for none.

const counts = () => ({
  period: integer('period').notNull(),
  imported: integer('imported').notNull(),
  afterContact: integer('after_contact').notNull(),
  reengaged: integer('reengaged').notNull(),
  outcome: text('outcome').notNull(),
  verdict: text('verdict').notNull(),
  n: integer('n').notNull(),
})
const grain = () => text('grain').notNull()

export const summaryHindsightCases = sqliteTable(
  'summary_hindsight_cases',
  { grain: grain(), ...counts() },
  (t) => [
    primaryKey({
      columns: [t.grain, t.period, t.imported, t.afterContact, t.reengaged, t.outcome, t.verdict],
    }),
  ],
)

export const summaryHindsightReps = sqliteTable(
  'summary_hindsight_reps',
  { grain: grain(), repId: integer('rep_id').notNull(), ...counts() },
  (t) => [
    primaryKey({
      columns: [
        t.grain,
        t.repId,
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

export const summaryHindsightReasons = sqliteTable(
  'summary_hindsight_reasons',
  { grain: grain(), reasonId: integer('reason_id').notNull(), ...counts() },
  (t) => [
    primaryKey({
      columns: [
        t.grain,
        t.reasonId,
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

/** The case's source (a NULL kept as the empty blob). */
export const summaryHindsightSources = sqliteTable(
  'summary_hindsight_sources',
  { grain: grain(), source: text('source').notNull(), ...counts() },
  (t) => [
    primaryKey({
      columns: [
        t.grain,
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

/** The case's campaign, then its source: the campaign filter, with the source filter or not. */
export const summaryHindsightCampaigns = sqliteTable(
  'summary_hindsight_campaigns',
  {
    grain: grain(),
    campaign: text('campaign').notNull(),
    source: text('source').notNull(),
    ...counts(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.grain,
        t.campaign,
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
