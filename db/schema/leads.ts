import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { EVALUATIONS, LEAD_STATUSES, LIFECYCLE_STAGES } from '../enums'

import { inList } from './columns'
import { definitionVersions } from './definition'
import { users } from './people'

export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    externalId: text('external_id'),
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    title: text('title'),
    company: text('company'),
    companyDomain: text('company_domain'),
    industry: text('industry'),
    employeeCount: integer('employee_count'),
    country: text('country'),
    source: text('source'),
    campaign: text('campaign'),
    lifecycleStage: text('lifecycle_stage', { enum: LIFECYCLE_STAGES }),
    engagementScore: integer('engagement_score'),
    purchaseTimelineMonths: integer('purchase_timeline_months'),
    notes: text('notes'),
    custom: text('custom', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    handedOverAt: integer('handed_over_at', { mode: 'timestamp_ms' }).notNull(),
    definitionVersionId: integer('definition_version_id').references(() => definitionVersions.id),
    evaluation: text('evaluation', { enum: EVALUATIONS }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    // The import that last wrote the lead, and from which line: a second row for the same
    // lead in the same file is reported as a duplicate, even after an import resumes.
    importJobId: integer('import_job_id'),
    importLine: integer('import_line'),
    // The marketer answerable for the lead (who created or imported it); told when Sales
    // rejects or ignores it. Null when an admin handed it over: then every marketer is told.
    marketerId: integer('marketer_id').references(() => users.id),
    // The follow-up clock: set while the lead waits for its rep (new or returned), null once
    // the rep acts or the lead is escalated. Fixed when the clock starts, so a later change of
    // the SLA settings applies only to leads handed over (or returned) after it.
    clockStartedAt: integer('clock_started_at', { mode: 'timestamp_ms' }),
    followUpDueAt: integer('follow_up_due_at', { mode: 'timestamp_ms' }),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    // Imported as history (decision 25): handed over before the import's cut-off, judged against
    // the version in force then, with no clock; reports can hide it.
    history: integer('history', { mode: 'boolean' }).notNull().default(false),
    // Marked converted by its rep (decision 26): the end of the sales side's clock, with the
    // opportunity it became where the rep gave one.
    convertedAt: integer('converted_at', { mode: 'timestamp_ms' }),
    opportunityRef: text('opportunity_ref'),
    opportunityAmount: integer('opportunity_amount'),
    // The lead's current hand-over is a re-engaged one (handed back from nurture), not net-new;
    // reengagedAt is when it was handed back.
    reengaged: integer('reengaged', { mode: 'boolean' }).notNull().default(false),
    reengagedAt: integer('reengaged_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('leads_external_id_unique').on(t.externalId),
    uniqueIndex('leads_email_unique').on(t.email),
    // Every list is ordered by hand-over (newest first), so each filter has an index that
    // ends in (handed_over_at, id): the filter narrows, the index order serves the sort and
    // keyset pagination, and no query sorts the table.
    index('leads_handed_over_idx').on(t.handedOverAt, t.id),
    index('leads_owner_idx').on(t.ownerId, t.handedOverAt, t.id),
    index('leads_status_idx').on(t.status, t.handedOverAt, t.id),
    index('leads_source_idx').on(t.source, t.handedOverAt, t.id),
    index('leads_campaign_idx').on(t.campaign, t.handedOverAt, t.id),
    index('leads_lifecycle_idx').on(t.lifecycleStage, t.handedOverAt, t.id),
    index('leads_evaluation_idx').on(t.evaluation, t.handedOverAt, t.id),
    index('leads_owner_status_idx').on(t.ownerId, t.status, t.handedOverAt, t.id),
    index('leads_company_domain_idx').on(t.companyDomain, t.handedOverAt, t.id),
    // Source and campaign quality counts leads per source, campaign and period from this
    // (app/domain/reports/source-quality.server.ts), the owner filter included.
    index('leads_report_idx').on(t.source, t.campaign, t.handedOverAt, t.ownerId, t.history),
    // The scorecard's conversions: the few converted leads, per owner and when converted.
    index('leads_converted_idx')
      .on(t.ownerId, t.convertedAt, t.source, t.campaign, t.reengaged, t.history)
      .where(sql`${t.convertedAt} IS NOT NULL`),
    // A rep's queue (their waiting leads, most urgent first) and the sweep (every waiting lead
    // whose clock ran out) read only the leads that wait: partial indexes stay small.
    index('leads_queue_idx')
      .on(t.ownerId, t.followUpDueAt, t.id)
      .where(sql`${t.followUpDueAt} IS NOT NULL`),
    index('leads_follow_up_due_idx').on(t.followUpDueAt).where(sql`${t.followUpDueAt} IS NOT NULL`),
    check('leads_identified', sql`${t.externalId} IS NOT NULL OR ${t.email} IS NOT NULL`),
    check('leads_status_valid', sql`${t.status} IN (${inList(LEAD_STATUSES)})`),
    check(
      'leads_lifecycle_valid',
      sql`${t.lifecycleStage} IS NULL OR ${t.lifecycleStage} IN (${inList(LIFECYCLE_STAGES)})`,
    ),
    check(
      'leads_engagement_range',
      sql`${t.engagementScore} IS NULL OR ${t.engagementScore} BETWEEN 0 AND 100`,
    ),
  ],
)
