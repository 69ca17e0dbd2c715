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

export const NOTIFICATION_KINDS = ['case_opened', 'verdict', 'conceded'] as const
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
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number]
