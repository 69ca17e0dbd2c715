// The reasons a lead may be rejected for: the active reasons, less those the committee already
// ruled on for this lead (a returned lead cannot be rejected again for a reason ruled "meets").
// The lead page offers these; rejecting checks against the same list.
import { listReasons, type Reason } from '~/domain/reasons/reasons.server'
import type { Queryable } from '~db/connection'
import { ruledReasonIds } from './reject-lead.server'

export function rejectableReasons(
  db: Queryable,
  lead: { id: number; status: string },
): { open: Reason[]; ruled: Reason[] } {
  const ruledIds = lead.status === 'returned' ? ruledReasonIds(db, lead.id) : []
  const all = listReasons(db)
  return {
    open: all.filter((r) => r.active && !ruledIds.includes(r.id)),
    ruled: all.filter((r) => ruledIds.includes(r.id)),
  }
}
