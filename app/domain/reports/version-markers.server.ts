// Where each version of the lead definition took effect (was signed off: its `activated_at`),
// as marks on a report's time chart: the period it fell in, in the organisation's calendar.
import { listVersions } from '~/domain/definition/versions.server'
import { localDate } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import { periodsBetween } from './periods'
import type { Period } from './query'

export type VersionMarker = { period: string; label: string; on: string }

/** The versions that took effect within the periods: "v2" in "2026-05", on its local day. */
export function markersIn(
  versions: readonly { number: number; activatedAt: Date | null }[],
  spans: readonly { label: string; start: number; end: number }[],
  timeZone: string,
): VersionMarker[] {
  const markers: VersionMarker[] = []
  for (const version of [...versions].sort((a, b) => a.number - b.number)) {
    const at = version.activatedAt?.getTime()
    if (at === undefined) continue
    const span = spans.find((s) => s.start <= at && at < s.end)
    if (span)
      markers.push({
        period: span.label,
        label: `v${version.number}`,
        on: localDate(new Date(at), timeZone),
      })
  }
  return markers
}

/** The definition versions that took effect in a report's periods. */
export function versionMarkers(
  db: Queryable,
  period: Period,
  range: { from: string; to: string },
  timeZone: string,
): VersionMarker[] {
  return markersIn(
    listVersions(db),
    periodsBetween(range.from, range.to, period, timeZone),
    timeZone,
  )
}
