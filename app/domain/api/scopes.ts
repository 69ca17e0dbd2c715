// The scopes an API token may hold (issue 17), shared by the admin page, the CLI and the API.
export const API_SCOPES = [
  'leads:write',
  'leads:read',
  'cases:write',
  'cases:read',
  'outcomes:write',
  'webhooks:manage',
] as const
export type ApiScope = (typeof API_SCOPES)[number]

export const SCOPE_LABELS: Record<ApiScope, string> = {
  'leads:write': 'Create and update leads; accept and reject them',
  'leads:read': 'Read leads',
  'cases:write': 'Act on cases',
  'cases:read': 'Read cases',
  'outcomes:write': 'Record outcomes',
  'webhooks:manage': 'Register and change webhooks',
}

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value)
}
