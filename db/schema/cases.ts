import { sql } from 'drizzle-orm'
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import {
  CASE_KINDS,
  CASE_STATUSES,
  DISPOSITIONS,
  EVALUATIONS,
  RESPONSES,
  SEATS,
  VERDICTS,
} from '../enums'

import { inList } from './columns'
import { definitionVersions } from './definition'
import { leads } from './leads'
import { users } from './people'
import { reasons } from './sales'

/**
 * A case: a lead Sales rejected or ignored, for the committee to rule on. Opened with a
 * snapshot of the lead and the definition version it is judged against.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('in_review'),
    reasonId: integer('reason_id').references(() => reasons.id),
    // The reason's words when the rep chose it: a later rename does not rewrite past cases.
    reasonLabel: text('reason_label'),
    notes: text('notes'),
    contactAttempts: integer('contact_attempts'),
    filedBy: integer('filed_by').references(() => users.id),
    repId: integer('rep_id')
      .notNull()
      .references(() => users.id),
    marketerId: integer('marketer_id').references(() => users.id),
    definitionVersionId: integer('definition_version_id').references(() => definitionVersions.id),
    evaluation: text('evaluation', { enum: EVALUATIONS }),
    leadSnapshot: text('lead_snapshot', { mode: 'json' })
      .$type<Record<string, unknown>>()
      .notNull(),
    // The earlier case on the same lead, when a returned lead is rejected again.
    previousCaseId: integer('previous_case_id').references((): AnySQLiteColumn => cases.id),
    // Source and campaign copied from the lead, so queues and reports filter cases without a join.
    source: text('source'),
    campaign: text('campaign'),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
    reviewDueAt: integer('review_due_at', { mode: 'timestamp_ms' }).notNull(),
    // Marketing's response: conceded (the case closes) or contested with a brief.
    response: text('response', { enum: RESPONSES }),
    brief: text('brief'),
    respondedBy: integer('responded_by').references(() => users.id),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
    // The outcome: by the committee's verdict, or "does not meet" when marketing conceded.
    verdict: text('verdict', { enum: VERDICTS }),
    disposition: text('disposition', { enum: DISPOSITIONS }),
    rationale: text('rationale'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    unanimous: integer('unanimous', { mode: 'boolean' }),
    decidedByChair: integer('decided_by_chair', { mode: 'boolean' }),
    completedEvaluation: text('completed_evaluation', { enum: EVALUATIONS }),
    agreesWithDefinition: integer('agrees_with_definition', { mode: 'boolean' }),
    departures: text('departures', { mode: 'json' }).$type<string[]>(),
    returnedTo: integer('returned_to').references(() => users.id),
    // Working time from opening to the verdict or concession (for the review SLA report).
    reviewWorkingMs: integer('review_working_ms'),
    // A case imported from a CRM's history (status 'imported') that the committee took up: its
    // review clock runs from here, not from when the rep rejected the lead years ago.
    takenUpAt: integer('taken_up_at', { mode: 'timestamp_ms' }),
    // Rejected after the rep accepted and worked the lead (contact attempts logged), not before.
    afterContact: integer('after_contact', { mode: 'boolean' }).notNull().default(false),
    // Opened on a re-engaged hand-over (a lead handed back from nurture), not a net-new one.
    reengaged: integer('reengaged', { mode: 'boolean' }).notNull().default(false),
    // "Already working this account": the lead in the buying group the rep says is being worked.
    workingLeadId: integer('working_lead_id').references((): AnySQLiteColumn => leads.id),
    // The lead went on to another rep when this ignored case opened (escalation): the verdict is
    // recorded but does not move the lead.
    leadMovedOn: integer('lead_moved_on', { mode: 'boolean' }).notNull().default(false),
    // When the committee members who had not voted were reminded of the review clock.
    reviewRemindedAt: integer('review_reminded_at', { mode: 'timestamp_ms' }),
    // When the review clock was found run out (the event `case.review_overdue`, once per case).
    reviewOverdueAt: integer('review_overdue_at', { mode: 'timestamp_ms' }),
    // When the case was found waiting for Marketing's response past half its review clock (the
    // e-mail to its marketers is written then, once; decision 30).
    awaitingMailedAt: integer('awaiting_mailed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // One open case per lead: a double-submitted rejection, or two sweeps at once, open one.
    // (An ignored case whose lead moved on to the next rep does not hold the lead.)
    uniqueIndex('cases_one_open_per_lead')
      .on(t.leadId)
      .where(sql`${t.status} = 'in_review' AND ${t.leadMovedOn} = 0`),
    index('cases_lead_idx').on(t.leadId, t.id),
    index('cases_review_idx').on(t.status, t.reviewDueAt, t.id),
    // The review queue sorted by when a case was opened (decision 42), as cases_review_idx
    // serves it by review clock: open cases only, so no report (decided cases) reads it.
    index('cases_open_opened_idx')
      .on(t.status, t.openedAt, t.id)
      .where(sql`${t.status} = 'in_review'`),
    // The API's case list in the order cases last changed (decision 28): the same expression as
    // `UPDATED_AT` in app/domain/api/records.server.ts, so the list reads it in order.
    index('cases_updated_idx').on(
      sql`max(${t.openedAt}, ifnull(${t.takenUpAt}, 0), ifnull(${t.respondedAt}, 0), ifnull(${t.decidedAt}, 0))`,
      t.id,
    ),
    index('cases_rep_idx').on(t.repId, t.openedAt, t.id),
    index('cases_marketer_idx').on(t.marketerId, t.openedAt, t.id),
    index('cases_opened_idx').on(t.openedAt, t.id),
    index('cases_reason_idx').on(t.reasonId, t.openedAt, t.id),
    index('cases_kind_idx').on(t.kind, t.openedAt, t.id),
    index('cases_decided_idx').on(t.decidedAt, t.id),
    // The reports (app/domain/reports) count cells of covering indexes, never the table: per
    // period, every column the verdict, review and hindsight figures and the filters read (the
    // stage and hand-over filters, issue 16, read after_contact and reengaged at the end)...
    index('cases_report_opened_idx').on(
      t.kind,
      t.openedAt,
      t.status,
      t.verdict,
      t.repId,
      t.reasonId,
      t.source,
      t.campaign,
      t.disposition,
      t.agreesWithDefinition,
      t.unanimous,
      t.decidedByChair,
      t.decidedAt,
      t.reviewDueAt,
      t.reviewWorkingMs,
      t.afterContact,
      t.reengaged,
    ),
    // ...per period and rep, reason, source or campaign, what rejection accuracy reads...
    index('cases_report_rep_idx').on(
      t.kind,
      t.repId,
      t.openedAt,
      t.reasonId,
      t.source,
      t.campaign,
      t.status,
      t.verdict,
      t.afterContact,
      t.reengaged,
    ),
    index('cases_report_reason_idx').on(
      t.kind,
      t.reasonId,
      t.openedAt,
      t.repId,
      t.source,
      t.campaign,
      t.status,
      t.verdict,
      t.afterContact,
      t.reengaged,
    ),
    index('cases_report_source_idx').on(
      t.kind,
      t.source,
      t.openedAt,
      t.repId,
      t.reasonId,
      t.campaign,
      t.status,
      t.verdict,
      t.afterContact,
      t.reengaged,
    ),
    index('cases_report_campaign_idx').on(
      t.kind,
      t.campaign,
      t.openedAt,
      t.repId,
      t.reasonId,
      t.source,
      t.status,
      t.verdict,
      t.afterContact,
      t.reengaged,
    ),
    // ...per lead, for hindsight (from outcomes) and source quality (from rejected cases)...
    index('cases_report_lead_idx').on(
      t.kind,
      t.leadId,
      t.openedAt,
      t.verdict,
      t.reasonId,
      t.repId,
      t.source,
      t.campaign,
      t.afterContact,
      t.reengaged,
    ),
    // ...and the few decided cases that departed from the definition.
    index('cases_report_departures_idx')
      .on(t.status, t.openedAt)
      .where(sql`${t.status} = 'decided' AND ${t.departures} <> '[]'`),
    check('cases_kind_valid', sql`${t.kind} IN (${inList(CASE_KINDS)})`),
    check('cases_status_valid', sql`${t.status} IN (${inList(CASE_STATUSES)})`),
    check(
      'cases_reason_matches_kind',
      sql`(${t.kind} = 'rejected' AND ${t.reasonId} IS NOT NULL AND ${t.filedBy} IS NOT NULL) OR (${t.kind} = 'ignored' AND ${t.reasonId} IS NULL)`,
    ),
    check(
      'cases_closed_has_verdict',
      sql`${t.status} IN ('in_review', 'imported') OR ${t.verdict} IS NOT NULL`,
    ),
    check(
      'cases_contact_attempts_range',
      sql`${t.contactAttempts} IS NULL OR ${t.contactAttempts} BETWEEN 0 AND 50`,
    ),
  ],
)

/** A committee member's vote on a case: one per member, changeable until the case is decided. */
export const votes = sqliteTable(
  'votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => users.id),
    seat: text('seat', { enum: SEATS }).notNull(),
    isChair: integer('is_chair', { mode: 'boolean' }).notNull(),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    disposition: text('disposition', { enum: DISPOSITIONS }),
    // The member's finding per criterion key, where they gave one ('met' or 'unmet').
    findings: text('findings', { mode: 'json' }).$type<Record<string, 'met' | 'unmet'>>().notNull(),
    rationale: text('rationale').notNull(),
    departureJustification: text('departure_justification'),
    departures: text('departures', { mode: 'json' }).$type<string[]>().notNull(),
    returnTo: integer('return_to').references(() => users.id),
    castAt: integer('cast_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('votes_one_per_member').on(t.caseId, t.memberId),
    index('votes_member_idx').on(t.memberId, t.caseId),
  ],
)

/** A member who stood aside from a case, with their reason. */
export const recusals = sqliteTable(
  'recusals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('recusals_one_per_member').on(t.caseId, t.memberId)],
)
