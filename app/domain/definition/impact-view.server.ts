// "Impact of this version" for a version's page: computed on a report thread (impact.server.ts)
// and remembered, so reloading the page is cheap. A result is kept per database, version,
// months, local day (the window ends today) and watermark: the audit trail's last entry (its id
// and hash). Every write that can change a figure (a lead written or imported, a case opened or
// decided, a criterion saved, a version proposed or signed off) appends an audit entry in its
// transaction, so a draft edited since, or a lead changed since, is computed again. Kept in this
// process's memory (BoundedMemo), the last 32 results: each worker of the cluster keeps its own,
// and the watermark keeps them all true (decision 31).
import { runReportTask } from '~/domain/reports/run-report.server'
import { localDate } from '~/domain/sla/clock'
import { BoundedMemo } from '~/platform/memo'
import type { DB } from '~db/connection'
import type { VersionImpact } from './impact.server'

const remembered = new BoundedMemo<VersionImpact>(32)

function watermark(db: DB): string {
  const last = db.$client
    .prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')
    .get() as { id: number; hash: string | null } | undefined
  return last ? `${last.id}:${last.hash ?? ''}` : 'empty'
}

export type ImpactView =
  | { ok: true; impact: VersionImpact }
  | { ok: false; reason: 'timeout' | 'busy' | 'missing' }

/** The impact of version `versionId` over the last `months` months, remembered or computed. */
export async function versionImpactView(
  db: DB,
  versionId: number,
  months: number,
  now: Date,
  timeZone: string,
): Promise<ImpactView> {
  const key = [db.$client.name, versionId, months, localDate(now, timeZone), watermark(db)].join(
    '|',
  )
  const known = remembered.get(key)
  if (known) return { ok: true, impact: known }
  const result = await runReportTask('definition.impact', { versionId, months, now, timeZone })
  if (!result.ok) return result
  if (!result.value) return { ok: false, reason: 'missing' }
  remembered.set(key, result.value)
  return { ok: true, impact: result.value }
}
