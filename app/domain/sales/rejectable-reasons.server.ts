// The reasons a lead may be rejected for: the active reasons, less those the committee already
// ruled on for this lead (a returned lead, or one accepted after its return and worked, cannot
// be rejected again for a reason ruled "meets").
// The lead page offers `rejectableReasons`; `rejectLead` checks the rep's choice with
// `rejectionReason`: one rule, read by both.
import { and, eq } from 'drizzle-orm'
import { listReasons, type Reason } from '~/domain/reasons/reasons.server'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { cases } from '~db/schema'

type RejectableLead = { id: number; status: string }

/** Reasons the committee already ruled against on this lead (rejections it found "meets"). */
function ruledReasonIds(db: Queryable, leadId: number): number[] {
  return db
    .select({ reasonId: cases.reasonId })
    .from(cases)
    .where(and(eq(cases.leadId, leadId), eq(cases.kind, 'rejected'), eq(cases.verdict, 'meets')))
    .all()
    .map((c) => c.reasonId as number)
}

function sorted(db: Queryable, lead: RejectableLead) {
  const ruledIds =
    lead.status === 'returned' || lead.status === 'working' ? ruledReasonIds(db, lead.id) : []
  const all = listReasons(db)
  return {
    all,
    open: all.filter((r) => r.active && !ruledIds.includes(r.id)),
    ruled: all.filter((r) => ruledIds.includes(r.id)),
  }
}

/** The reasons the rep may choose from, and those the committee already ruled on. */
export function rejectableReasons(
  db: Queryable,
  lead: RejectableLead,
): { open: Reason[]; ruled: Reason[] } {
  const { open, ruled } = sorted(db, lead)
  return { open, ruled }
}

/** The reason the rep chose, if the lead may be rejected for it; else why not (on `reasonId`). */
export function rejectionReason(
  db: Queryable,
  lead: RejectableLead,
  reasonId: number,
): Result<{ reason: Reason }> {
  const { all, open, ruled } = sorted(db, lead)
  const reason = open.find((r) => r.id === reasonId)
  if (reason) return { ok: true, reason }
  const ruledOn = ruled.find((r) => r.id === reasonId)
  if (ruledOn)
    return refuse(
      `The committee already ruled on “${ruledOn.label}” for this lead; reject it only for another reason`,
      'reasonId',
    )
  const retired = all.find((r) => r.id === reasonId)
  if (retired)
    return refuse(`“${retired.label}” is no longer in use; choose another reason`, 'reasonId')
  return refuse('Choose a reason from the list', 'reasonId')
}
