// The demo's Nurture pool (decision 26): the leads the year's cases sent to nurture are in it
// (closeCase opens their stays); three of them woke up in the last week (a re-imported row:
// a higher engagement score, a new title, a nearer timeline), and Maya handed one of those back
// to Sales, where its rep accepted it.
import { and, asc, eq, isNull } from 'drizzle-orm'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import { handBackLead } from '~/domain/nurture/hand-back.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import type { Queryable } from '~db/connection'
import { leads, nurtureStays } from '~db/schema'

const DAY = 24 * 3_600_000

/** What woke each of the three up, and when (days before now). */
const WAKE_UPS = [
  { daysAgo: 6, fields: { engagementScore: '88', title: 'VP Operations' } },
  { daysAgo: 5, fields: { engagementScore: '81', purchaseTimelineMonths: '3' } },
  { daysAgo: 4, fields: { engagementScore: '92', title: 'Head of Supply Chain' } },
] as const

/**
 * Wakes up three leads of the pool (the longest there whose score was under the threshold) by
 * a row Maya re-imports, and hands the last back to Sales; its rep accepts it the next day.
 * Returns the three lead ids.
 */
export function seedNurturePool(tx: Queryable, now: Date, maya: number): number[] {
  const candidates = tx
    .select({ lead: leads, startedAt: nurtureStays.startedAt })
    .from(nurtureStays)
    .innerJoin(leads, eq(leads.id, nurtureStays.leadId))
    .where(and(isNull(nurtureStays.endedAt), eq(leads.status, 'nurture')))
    .orderBy(asc(nurtureStays.startedAt), asc(nurtureStays.id))
    .all()
    .filter(
      ({ lead, startedAt }) =>
        (lead.engagementScore ?? 0) < 70 && startedAt.getTime() < now.getTime() - 30 * DAY,
    )
    .slice(0, WAKE_UPS.length)
  if (candidates.length < WAKE_UPS.length)
    throw new Error('The demo has too few leads in the Nurture pool to wake up')
  const woken = candidates.map(({ lead }, i) => {
    const wake = WAKE_UPS[i] as (typeof WAKE_UPS)[number]
    const keys = { externalId: lead.externalId ?? undefined, email: lead.email ?? undefined }
    return writtenLeadId(
      upsertLead(
        tx,
        maya,
        LeadFieldsSchema.parse({ ...keys, ...wake.fields }),
        {},
        new Date(now.getTime() - wake.daysAgo * DAY),
      ),
    )
  })
  const handedBack = woken.at(-1) as number
  const back = handBackLead(
    tx,
    { id: maya },
    {
      leadId: handedBack,
      note: 'Downloaded the pricing guide twice this week and their new Head of Supply Chain asked for a call.',
    },
    new Date(now.getTime() - 3 * DAY),
  )
  if (!back.ok) throw new Error(`The demo could not hand a lead back: ${JSON.stringify(back)}`)
  const accepted = acceptLead(tx, { id: back.repId }, handedBack, new Date(now.getTime() - 2 * DAY))
  if (!accepted.ok) throw new Error('The demo’s rep could not accept the re-engaged lead')
  return woken
}
