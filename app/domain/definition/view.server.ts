// What the definition pages show of a version: its criteria, sign-offs and dates in words.

import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { formatDateTime } from '~/platform/time'
import type { DB } from '~db/connection'
import type { Seat } from '~db/enums'
import { SIGNING_SEATS } from './sign-off.server'
import { getVersion } from './versions.server'

export function versionView(db: DB, versionId: number) {
  const version = getVersion(db, versionId)
  if (!version) return null
  const { timeZone } = getOrganisationSettings(db)
  const when = (d: Date | null) => (d ? formatDateTime(d, timeZone) : null)
  return {
    id: version.id,
    number: version.number,
    status: version.status,
    createdAt: when(version.createdAt),
    proposedAt: when(version.proposedAt),
    activatedAt: when(version.activatedAt),
    supersededAt: when(version.supersededAt),
    criteria: version.criteria,
    signoffs: version.signoffs.map((s) => ({
      seat: s.seat,
      userName: s.userName,
      signedAt: formatDateTime(s.signedAt, timeZone),
    })),
    pendingSeats: SIGNING_SEATS.filter(
      (seat) => !version.signoffs.some((s) => s.seat === seat),
    ) as Seat[],
  }
}
