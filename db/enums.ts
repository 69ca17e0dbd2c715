// Plain constants shared by the schema and the UI (no drizzle import, so the client bundle stays small).
export const ROLES = ['rep', 'marketer', 'committee', 'leadership', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const SEATS = ['sales', 'marketing', 'executive'] as const
export type Seat = (typeof SEATS)[number]

export const VERSION_STATUSES = ['draft', 'proposed', 'active', 'superseded'] as const
export type VersionStatus = (typeof VERSION_STATUSES)[number]

export const OPERATORS = [
  'equals',
  'one_of',
  'not_one_of',
  'at_least',
  'at_most',
  'present',
  'contains_any_word',
] as const
export type Operator = (typeof OPERATORS)[number]

export const LEAD_STATUSES = [
  'new',
  'working',
  'converted',
  'in_review',
  'returned',
  'disqualified',
  'nurture',
  'rejected',
] as const
export type LeadStatus = (typeof LEAD_STATUSES)[number]

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
] as const
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number]

export const EVALUATIONS = ['meets', 'does_not_meet', 'undetermined'] as const
export type Evaluation = (typeof EVALUATIONS)[number]

export const IMPORT_STATUSES = ['uploaded', 'running', 'done', 'failed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

export const CASE_KINDS = ['rejected', 'ignored'] as const
export type CaseKind = (typeof CASE_KINDS)[number]

export const CASE_STATUSES = ['in_review', 'decided', 'conceded', 'imported'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CONTACT_CHANNELS = ['call', 'email', 'meeting'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

export const NOTIFICATION_KINDS = [
  'case_opened',
  'verdict',
  'conceded',
  // The follow-up clock has its last share left (Settings), to the rep.
  'follow_up_reminder',
  // The review clock has its last share left, to each member who has not voted.
  'review_reminder',
  // A lead the rep let run out went on to the next rep, to that rep.
  'escalated',
  // A marketer or admin reassigned a lead to the rep, to that rep (decision 43).
  'reassigned',
  // A nurtured lead woke up (or was handed back automatically), to its marketer; a lead handed
  // back from nurture, to its rep.
  'reengaged',
  'handed_back',
  // A webhook endpoint was disabled after failing (410, or three days of failures), to admins.
  'webhook_disabled',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const VERDICTS = ['meets', 'does_not_meet'] as const
export type Verdict = (typeof VERDICTS)[number]

export const DISPOSITIONS = ['disqualified', 'nurture'] as const
export type Disposition = (typeof DISPOSITIONS)[number]

export const RESPONSES = ['conceded', 'contested'] as const
export type Response = (typeof RESPONSES)[number]

// What became of a rejected or ignored lead. The first four mean it was a real buyer.
export const OUTCOMES = [
  'won',
  'bought_elsewhere',
  'in_buying_process',
  'plans_to_buy',
  'no_plans',
  'not_a_fit',
] as const
export type Outcome = (typeof OUTCOMES)[number]
export const REAL_BUYER_OUTCOMES: readonly Outcome[] = [
  'won',
  'bought_elsewhere',
  'in_buying_process',
  'plans_to_buy',
]

export const FOLLOW_UP_KINDS = ['hand_over', 'return'] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]

export const FOLLOW_UP_ACTIONS = ['accepted', 'rejected', 'ignored'] as const

/** How a stay in the Nurture pool ended: handed back by a marketer, or automatically (Settings). */
export const NURTURE_ENDINGS = ['handed_back', 'auto_handed_back'] as const
export type NurtureEnding = (typeof NURTURE_ENDINGS)[number]

/**
 * A case's kind as lists, filters and reports tell it apart: rejected before contact (new or
 * returned), rejected after contact (accepted and worked), or ignored (the clock ran out).
 */
export const CASE_STAGES = ['before_contact', 'after_contact', 'ignored'] as const
export type CaseStage = (typeof CASE_STAGES)[number]

/** A hand-over is net-new (the lead's first) or re-engaged (handed back from nurture). */
export const HAND_OVERS = ['net_new', 're_engaged'] as const
export type HandOver = (typeof HAND_OVERS)[number]
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number]

/** A batch sent to the REST API: waiting for the job runner, being written, finished or failed. */
export const API_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type ApiJobStatus = (typeof API_JOB_STATUSES)[number]

/** The events a webhook endpoint can subscribe to (issue 17, decision 29). */
export const WEBHOOK_EVENTS = [
  'lead.accepted',
  'lead.rejected',
  'case.opened',
  'case.conceded',
  'case.contested',
  'case.decided',
  'case.review_overdue',
  'lead.returned',
  'lead.converted',
  'definition.activated',
  'outcome.recorded',
] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/**
 * A delivery of one event to one endpoint: waiting (first try or a retry), delivered (a 2xx),
 * or given up (retries ran out, or the endpoint was disabled).
 */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** The e-mails a person can choose to receive (issue 17, decision 30). */
export const EMAIL_KINDS = [
  // A case opened on a lead you handed over (marketer).
  'case_opened',
  // A verdict on a rejection you filed (rep) or on your lead (marketer).
  'verdict',
  // A clock about to run out: your follow-up (rep), your vote (committee member).
  'clock_reminder',
  // A case waiting for marketing's response (marketer).
  'awaiting_response',
  // The daily digest (off unless chosen).
  'daily_digest',
  // A webhook endpoint was disabled after failing (admins).
  'webhook_disabled',
] as const
export type EmailKind = (typeof EMAIL_KINDS)[number]

/**
 * An e-mail: waiting to be sent (or retried), sent over SMTP, kept in the in-app mailbox (no
 * SMTP configured), or failed after its retries.
 */
export const EMAIL_STATUSES = ['pending', 'sent', 'kept', 'failed'] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]

// The lists a person can save a view of (issue 19, decision 42).
export const SAVED_VIEW_LISTS = ['leads', 'cases', 'review'] as const
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number]
