// What an audit entry is about, as the trail names it (decision 38): a person's or a reason's
// name, or the kind of thing and its number, and the page to open it where there is one.

const SUBJECT_KINDS: Record<string, string> = {
  lead: 'Lead',
  case: 'Case',
  user: 'User',
  reason: 'Reason',
  definition_version: 'Definition version',
  api_token: 'API token',
  import: 'Import',
  webhook_endpoint: 'Webhook',
}

const SETTINGS_SUBJECTS: Record<string, string> = {
  sla: 'Service levels',
  committee: 'Deciding rule',
  nurture: 'Nurture pool',
  webhooks: 'Webhook settings',
}

/** What an entry is about: a name, or the kind of thing and its id ("Lead 389"). */
export function subjectLabel(type: string, id: string, name: string | null): string {
  if (name) return name
  // A batched entry: the subjects created together at one instant (its id).
  if (type.startsWith('batch:')) {
    const kind = type.slice('batch:'.length)
    return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}s created together`
  }
  if (type === 'settings') return SETTINGS_SUBJECTS[id] ?? 'Organisation settings'
  const kind = SUBJECT_KINDS[type] ?? `${type.charAt(0).toUpperCase()}${type.slice(1)}`
  return `${kind} ${id}`
}

const SUBJECT_PAGES: Record<string, (id: string) => string> = {
  lead: (id) => `/leads/${id}`,
  case: (id) => `/cases/${id}`,
  user: (id) => `/admin/users/${id}`,
  reason: (id) => `/admin/reasons/${id}`,
  definition_version: (id) => `/definition/versions/${id}`,
  import: (id) => `/imports/${id}`,
  webhook_endpoint: (id) => `/admin/webhooks/${id}`,
}

/** The page that shows an entry's subject, or null. */
export const subjectPath = (type: string, id: string): string | null =>
  SUBJECT_PAGES[type]?.(id) ?? null
