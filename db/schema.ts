import { sql } from 'drizzle-orm'
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'

import {
  CASE_KINDS,
  CASE_STATUSES,
  CONTACT_CHANNELS,
  DISPOSITIONS,
  EVALUATIONS,
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_KINDS,
  IMPORT_STATUSES,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  NOTIFICATION_KINDS,
  OPERATORS,
  OUTCOMES,
  RESPONSES,
  ROLES,
  SEATS,
  VERDICTS,
  VERSION_STATUSES,
} from './enums'

export * from './enums'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    seat: text('seat', { enum: SEATS }),
    isChair: integer('is_chair', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' })
      .notNull()
      .default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_single_chair').on(t.isChair).where(sql`${t.isChair} = 1`),
    check(
      'users_seat_valid',
      sql`${t.seat} IS NULL OR ${t.seat} IN ('sales', 'marketing', 'executive')`,
    ),
    check('users_chair_has_seat', sql`${t.isChair} = 0 OR ${t.seat} IS NOT NULL`),
  ],
)

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    index('user_roles_role_idx').on(t.role, t.userId),
    check(
      'user_roles_role_valid',
      sql`${t.role} IN ('rep', 'marketer', 'committee', 'leadership', 'admin')`,
    ),
  ],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    index('sessions_last_used_idx').on(t.lastUsedAt),
  ],
)

export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    address: text('address').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.at),
    index('sign_in_attempts_address_idx').on(t.address, t.at),
  ],
)

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
})

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    // The chain that makes the trail tamper-evident: SHA-256 of the previous entry's hash and
    // this entry's canonical content (see app/lib/audit.server.ts).
    hash: text('hash'),
  },
  (t) => [
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.id),
  ],
)

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

export const definitionVersions = sqliteTable(
  'definition_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: integer('number').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    basedOnId: integer('based_on_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    proposedAt: integer('proposed_at', { mode: 'timestamp_ms' }),
    activatedAt: integer('activated_at', { mode: 'timestamp_ms' }),
    supersededAt: integer('superseded_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('definition_versions_number_unique').on(t.number),
    // At most one active version, and at most one version being drafted or proposed.
    uniqueIndex('definition_versions_one_active').on(t.status).where(sql`${t.status} = 'active'`),
    uniqueIndex('definition_versions_one_open')
      .on(sql`(1)`)
      .where(sql`${t.status} IN ('draft', 'proposed')`),
    check('definition_versions_status_valid', sql`${t.status} IN (${inList(VERSION_STATUSES)})`),
  ],
)

export const definitionCriteria = sqliteTable(
  'definition_criteria',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => definitionVersions.id),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    field: text('field').notNull(),
    operator: text('operator', { enum: OPERATORS }).notNull(),
    value: text('value', { mode: 'json' }).$type<string | number | string[] | null>(),
    required: integer('required', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    uniqueIndex('definition_criteria_key_unique').on(t.versionId, t.key),
    index('definition_criteria_version_idx').on(t.versionId, t.position),
    check('definition_criteria_operator_valid', sql`${t.operator} IN (${inList(OPERATORS)})`),
  ],
)

export const definitionSignoffs = sqliteTable(
  'definition_signoffs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => definitionVersions.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    seat: text('seat', { enum: SEATS }).notNull(),
    signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('definition_signoffs_seat_unique').on(t.versionId, t.seat)],
)

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
    // (app/lib/reports/source-quality.server.ts), the owner filter included.
    index('leads_report_idx').on(t.source, t.campaign, t.handedOverAt, t.ownerId),
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

export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    fileSize: integer('file_size').notNull(),
    headers: text('headers', { mode: 'json' }).$type<string[]>().notNull(),
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    linesDone: integer('lines_done').notNull().default(0),
    bytesDone: integer('bytes_done').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    delimiter: text('delimiter').notNull().default(','),
    encoding: text('encoding').notNull().default('utf8'),
    preview: text('preview', { mode: 'json' }).$type<unknown>(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    error: text('error'),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt)],
)

export const importErrors = sqliteTable(
  'import_errors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    identifier: text('identifier'),
  },
  (t) => [index('import_errors_job_idx').on(t.jobId, t.line)],
)

/** The column mapping last used for a given set of headers, offered again for the next file. */
export const importMappings = sqliteTable('import_mappings', {
  headersKey: text('headers_key').primaryKey(),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

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
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('reasons_label_unique').on(sql`lower(${t.label})`)],
)

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
  },
  (t) => [
    // One open case per lead: a double-submitted rejection, or two sweeps at once, open one.
    uniqueIndex('cases_one_open_per_lead').on(t.leadId).where(sql`${t.status} = 'in_review'`),
    index('cases_lead_idx').on(t.leadId, t.id),
    index('cases_review_idx').on(t.status, t.reviewDueAt, t.id),
    index('cases_rep_idx').on(t.repId, t.openedAt, t.id),
    index('cases_marketer_idx').on(t.marketerId, t.openedAt, t.id),
    index('cases_opened_idx').on(t.openedAt, t.id),
    index('cases_reason_idx').on(t.reasonId, t.openedAt, t.id),
    index('cases_kind_idx').on(t.kind, t.openedAt, t.id),
    index('cases_decided_idx').on(t.decidedAt, t.id),
    // The reports (app/lib/reports) count cells of covering indexes, never the table: per
    // period, every column the verdict, review and hindsight figures and the filters read...
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
    check('cases_closed_has_verdict', sql`${t.status} = 'in_review' OR ${t.verdict} IS NOT NULL`),
    check(
      'cases_contact_attempts_range',
      sql`${t.contactAttempts} IS NULL OR ${t.contactAttempts} BETWEEN 0 AND 50`,
    ),
  ],
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

/** Something a user must hear about (a case opened on their lead), shown on their home until read. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    caseId: integer('case_id').references(() => cases.id),
    leadId: integer('lead_id').references(() => leads.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('notifications_unread_idx').on(t.userId, t.id).where(sql`${t.readAt} IS NULL`)],
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

/** What became of a rejected or ignored lead, learnt later (by hand or by CSV import). */
export const outcomes = sqliteTable(
  'outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    outcome: text('outcome', { enum: OUTCOMES }).notNull(),
    // The day it was learnt or happened, as the organisation's calendar date (YYYY-MM-DD).
    occurredOn: text('occurred_on').notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('outcomes_lead_idx').on(t.leadId, t.occurredOn, t.id),
    // Each lead's latest outcome for the hindsight report, without reading the table.
    index('outcomes_report_idx').on(t.leadId, t.occurredOn, t.id, t.outcome),
    check('outcomes_outcome_valid', sql`${t.outcome} IN (${inList(OUTCOMES)})`),
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
  },
  (t) => [
    uniqueIndex('follow_ups_one_open_per_lead').on(t.leadId).where(sql`${t.actedAt} IS NULL`),
    index('follow_ups_started_idx').on(t.kind, t.startedAt, t.id),
    index('follow_ups_rep_idx').on(t.repId, t.startedAt, t.id),
    // The SLA report and the scorecard count cells of these (app/lib/reports/sla.server.ts):
    // per rep and period, and per lead for the lead's source or campaign.
    index('follow_ups_report_rep_idx').on(
      t.kind,
      t.repId,
      t.startedAt,
      t.action,
      t.actedAt,
      t.dueAt,
      t.workingMs,
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
    ),
    check('follow_ups_kind_valid', sql`${t.kind} IN (${inList(FOLLOW_UP_KINDS)})`),
  ],
)
