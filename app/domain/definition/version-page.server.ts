// What a version's page shows a viewer: the version, and what they may do with it.
import { can } from '~/domain/people/access'
import type { Role, Seat } from '~/domain/people/roles'
import type { DB } from '~db/connection'
import { versionView } from './view.server'

type Viewer = { roles: readonly Role[]; seat: Seat | null }

/** The page, or null when there is no such version; `editId` is the criterion being edited. */
export function versionPage(db: DB, viewer: Viewer, versionId: number, editId: number) {
  const version = versionView(db, versionId)
  if (!version) return null
  const drafts = can(viewer, 'definition.draft')
  const canEdit = drafts && version.status === 'draft'
  const { seat } = viewer
  return {
    version,
    canEdit,
    canWithdraw: drafts && version.status === 'proposed',
    // Before sign-off, what it would have done: for those who draft, sign off or judge the definition.
    showsImpact:
      (version.status === 'draft' || version.status === 'proposed') &&
      (drafts || can(viewer, 'definition.sign') || can(viewer, 'reports.definition')),
    editing: canEdit ? (version.criteria.find((c) => c.id === editId) ?? null) : null,
    signOffAs:
      can(viewer, 'definition.sign') &&
      version.status === 'proposed' &&
      seat !== null &&
      version.pendingSeats.includes(seat)
        ? seat
        : null,
  }
}
