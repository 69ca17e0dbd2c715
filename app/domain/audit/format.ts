// Turns audit entries into words people read: what happened, and which fields changed.

const ACTION_LABELS: Record<string, string> = {
  'user.created': 'User added',
  'user.updated': 'User changed',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'user.password_reset': 'Password reset by an admin',
  'user.password_changed': 'Password changed',
  'user.chair_released': 'Chair passed on',
  'settings.updated': 'Settings changed',
  'definition.draft_started': 'Draft started',
  'definition.criterion_added': 'Criterion added',
  'definition.criterion_changed': 'Criterion changed',
  'definition.criterion_removed': 'Criterion removed',
  'definition.proposed': 'Proposed for sign-off',
  'definition.withdrawn': 'Withdrawn to draft',
  'definition.signed_off': 'Signed off',
  'definition.activated': 'Version activated',
  'definition.superseded': 'Version superseded',
  'lead.created': 'Lead handed to Sales',
  'lead.imported': 'Lead imported from the CRM, with its own hand-over time and status',
  'lead.outcome_recorded': 'Outcome recorded',
  'lead.updated': 'Lead updated',
  'lead.accepted': 'Lead accepted',
  'lead.converted': 'Marked converted',
  'lead.rejected': 'Lead rejected: case opened',
  'lead.ignored': 'Follow-up SLA ran out: ignored case opened',
  'lead.contact_logged': 'Contact attempt logged',
  'lead.returned': 'Returned to Sales',
  'lead.escalated': 'Follow-up SLA ran out: handed on to the next rep with a fresh clock',
  'case.opened': 'Case opened',
  'case.imported': 'Imported from the CRM, not reviewed',
  'case.taken_up': 'Taken up for review by the committee',
  'lead.taken_up': 'CRM rejection taken up for review',
  'case.contested': 'Contested by marketing',
  'case.conceded': 'Conceded by marketing',
  'case.vote_cast': 'Vote cast',
  'case.vote_changed': 'Vote changed',
  'case.recused': 'Recused',
  'case.decided': 'Case decided',
  'lead.disposed': 'Lead disqualified or sent to nurture',
  'lead.reengaged': 'Re-engaged in the Nurture pool',
  'lead.handed_back': 'Handed back to Sales from the Nurture pool (re-engaged)',
  'reason.created': 'Reason added',
  'reason.updated': 'Reason changed',
  'reason.deactivated': 'Reason deactivated',
  'reason.reactivated': 'Reason reactivated',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'api_token.rotated': 'API token rotated (a new secret; the old token revoked)',
  'email_preferences.updated': 'E-mail preferences changed',
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action
}

export type FieldChange = { field: string; before: string | null; after: string | null }

/** How many ids of a batched entry's members the trail's page shows. */
const MEMBERS_SHOWN = 20

/** A batched entry's members (see `batchingSink`) by their ids: `[{ id, after, hash }]`. */
const isMemberList = (value: unknown[]) =>
  value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && 'hash' in v)

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (Array.isArray(value) && isMemberList(value)) {
    const ids = value.slice(0, MEMBERS_SHOWN).map((m) => (m as { id: string }).id)
    const more = value.length - ids.length
    return `${value.length}: ${ids.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
  }
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** The fields that differ between before and after (all of after for a creation). */
export function describeChanges(before: unknown, after: unknown): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>
  const a = (after ?? {}) as Record<string, unknown>
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return fields
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
    .filter((change) => change.before !== change.after)
}

/** What an entry is about: a user's name, or the kind of thing and its id. */
export function subjectLabel(type: string, id: string, name: string | null): string {
  if (name) return name
  // A batched entry: the subjects created together at one instant (its id).
  if (type.startsWith('batch:')) {
    const kind = type.slice('batch:'.length)
    return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}s created together`
  }
  if (type === 'settings')
    return id === 'sla'
      ? 'Service levels'
      : id === 'committee'
        ? 'Deciding rule'
        : 'Organisation settings'
  return `${type.charAt(0).toUpperCase()}${type.slice(1)} ${id}`
}
