import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { CONTACT_CHANNELS, FOLLOW_UP_ACTIONS, FOLLOW_UP_KINDS } from '../enums'

import { inList } from './columns'
import { leads } from './leads'
import { users } from './people'

/** Why a rep rejects a lead: the catalog admins keep. A reason in use is deactivated, never deleted. */
export const reasons = sqliteTable(
  'reasons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    label: text('label').notNull(),
    // The key of the definition criterion the reason disputes (criteria keep their key
    // from one version to the next), or null when it disputes none.
    criterionKey: text('criterion_key'),
    notesRequired: integer('notes_required', { mode: 'boolean' }).notNull().default(false),
    // Rejecting for this reason names the lead in the buying group being worked instead.
    namesWorkingLead: integer('names_working_lead', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('reasons_label_unique').on(sql`lower(${t.label})`)],
)

/** A call, e-mail or meeting a rep logged on a lead. */
export const contactAttempts = sqliteTable(
  'contact_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel', { enum: CONTACT_CHANNELS }).notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    note: text('note'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('contact_attempts_lead_idx').on(t.leadId, t.at),
    check('contact_attempts_channel_valid', sql`${t.channel} IN (${inList(CONTACT_CHANNELS)})`),
  ],
)

/**
 * One follow-up clock: a lead handed (or returned) to a rep, when the clock started and ran
 * out, and when and how the rep first acted, with the working time it took. The rep scorecard
 * and the SLA report count these rows.
 */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    repId: integer('rep_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: FOLLOW_UP_KINDS }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    actedAt: integer('acted_at', { mode: 'timestamp_ms' }),
    action: text('action', { enum: FOLLOW_UP_ACTIONS }),
    workingMs: integer('working_ms'),
    // When the rep was reminded that the clock had its last share left.
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    // A re-engaged hand-over (handed back from nurture), not a net-new one.
    reengaged: integer('reengaged', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('follow_ups_one_open_per_lead').on(t.leadId).where(sql`${t.actedAt} IS NULL`),
    index('follow_ups_started_idx').on(t.kind, t.startedAt, t.id),
    index('follow_ups_rep_idx').on(t.repId, t.startedAt, t.id),
    // The reminder job reads the open clocks not yet reminded, soonest due first.
    index('follow_ups_reminder_idx')
      .on(t.dueAt)
      .where(sql`${t.actedAt} IS NULL AND ${t.remindedAt} IS NULL`),
    // The SLA report and the scorecard count cells of these (app/domain/reports/sla.server.ts):
    // per rep and period, and per lead for the lead's source or campaign.
    index('follow_ups_report_rep_idx').on(
      t.kind,
      t.repId,
      t.startedAt,
      t.action,
      t.actedAt,
      t.dueAt,
      t.workingMs,
      t.reengaged,
    ),
    index('follow_ups_report_lead_idx').on(
      t.leadId,
      t.kind,
      t.startedAt,
      t.repId,
      t.action,
      t.actedAt,
      t.dueAt,
      t.workingMs,
      t.reengaged,
    ),
    // The re-engaged hand-overs (few beside the clocks), by when they started: source and
    // campaign quality counts them per period, joined to their leads.
    index('follow_ups_reengaged_idx')
      .on(t.startedAt, t.leadId)
      .where(sql`${t.kind} = 'hand_over' AND ${t.reengaged} = 1`),
    // The running clocks (few), by when they started: the reports read them raw beside the
    // summaries of the ended ones (app/domain/reports/clock-summaries.server.ts). Covering: every
    // column those reads take is in it (acted_at too, or SQLite would not treat it as covering).
    index('follow_ups_open_idx')
      .on(
        t.kind,
        t.startedAt,
        t.repId,
        t.dueAt,
        t.reengaged,
        t.leadId,
        t.action,
        t.workingMs,
        t.actedAt,
      )
      .where(sql`${t.actedAt} IS NULL`),
    check('follow_ups_kind_valid', sql`${t.kind} IN (${inList(FOLLOW_UP_KINDS)})`),
  ],
)
