import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// The `sources` summary family (decision 34, app/domain/summaries/sources.server.ts): net-new
// hand-overs per week ('w') or month ('m') of hand-over (`period`: its first local day), source,
// campaign (a NULL kept as the empty blob) and history flag; `n` leads, and per stage filter and
// imported cases shown or hidden (`_h`) how many of them were rejected, confirmed bad and good.

const SELECTIONS = ['any', 'bc', 'ac', 'ig'] as const
const flagNames = SELECTIONS.flatMap((s) =>
  ['', '_h'].flatMap((h) => ['rej', 'bad', 'good'].map((f) => `${f}_${s}${h}`)),
)
const counts = () => ({
  n: integer('n').notNull(),
  ...Object.fromEntries(flagNames.map((name) => [name, integer(name).notNull()])),
})
const cell = () => ({
  grain: text('grain').notNull(),
  period: integer('period').notNull(),
  source: text('source').notNull(),
  campaign: text('campaign').notNull(),
  history: integer('history').notNull(),
})

export const summarySourceLeads = sqliteTable(
  'summary_source_leads',
  { ...cell(), ...counts() },
  (t) => [primaryKey({ columns: [t.grain, t.period, t.source, t.campaign, t.history] })],
)

/** The same per owner of the lead now: the rep filter. */
export const summarySourceOwners = sqliteTable(
  'summary_source_owners',
  { ownerId: integer('owner_id').notNull(), ...cell(), ...counts() },
  (t) => [primaryKey({ columns: [t.grain, t.ownerId, t.period, t.source, t.campaign, t.history] })],
)

/**
 * Per reason of the lead's net-new cases: `n` leads with a case for the reason; `rej_*` those
 * with a case of the stage for the reason (the reason filter's hand-overs and rejections), and
 * of them `bad_*` and `good_*` those whose cases of the stage were confirmed bad or good.
 */
export const summarySourceReasons = sqliteTable(
  'summary_source_reasons',
  { reasonId: integer('reason_id').notNull(), ...cell(), ...counts() },
  (t) => [
    primaryKey({ columns: [t.grain, t.reasonId, t.period, t.source, t.campaign, t.history] }),
  ],
)
