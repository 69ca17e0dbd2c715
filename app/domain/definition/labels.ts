import type { VersionStatus } from '~db/enums'

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: 'Draft',
  proposed: 'Proposed — awaiting sign-off',
  active: 'Active',
  superseded: 'Superseded',
}
