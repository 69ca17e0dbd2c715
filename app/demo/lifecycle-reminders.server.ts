// Reminders in Brightline's demo (decision 26): two reps have fresh leads whose follow-up clocks
// are in their last quarter, and Omar rejected a lead four working days ago, so its review clock
// is too. The reminder job runs at the demo's `now`, as the server's runner would, and the
// seed's drain turns its events into unread notifications. The demo keeps the clock-out setting
// "stay" (the lead stays with the rep who let its clock run out): escalation is a choice an
// admin makes in Settings, and the demo's year of ignored cases was recorded under it.
import { eq } from 'drizzle-orm'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { getSlaSettings, getWorkingCalendar } from '~/domain/settings/settings.server'
import { hoursPerWorkingDay, type WorkingCalendar } from '~/domain/sla/calendar'
import { HOUR, workingMsBetween } from '~/domain/sla/clock'
import { sendReminders } from '~/domain/sla/reminders.server'
import type { Queryable } from '~db/connection'
import { users } from '~db/schema'
import { demoHours } from './sales.server'

const QUARTER_HOUR = HOUR / 4

/** The latest quarter hour before `now` with at least `hours` working hours between them. */
function workingHoursBefore(now: Date, hours: number, calendar: WorkingCalendar): Date {
  let at = Math.floor(now.getTime() / QUARTER_HOUR) * QUARTER_HOUR
  while (workingMsBetween(new Date(at), now, calendar) < hours * HOUR) at -= QUARTER_HOUR
  return new Date(at)
}

/** The demo's leads near the end of a clock, by their rep. */
export const REMINDER_LEADS = [
  {
    rep: 'dana@brightline.test',
    left: 6,
    fields: {
      externalId: 'BL-REMIND-1',
      email: 'priya.nair@northwind.example',
      firstName: 'Priya',
      lastName: 'Nair',
      title: 'Head of Revenue Operations',
      company: 'Northwind Traders',
      companyDomain: 'northwind.example',
      industry: 'Software',
      employeeCount: '650',
      country: 'United Kingdom',
      source: 'Webinar',
      campaign: 'Pipeline hygiene 101',
      engagementScore: '64',
      purchaseTimelineMonths: '6',
    },
  },
  {
    rep: 'lucy@brightline.test',
    left: 9,
    fields: {
      externalId: 'BL-REMIND-2',
      email: 'tomas.berg@fjordline.example',
      firstName: 'Tomas',
      lastName: 'Berg',
      title: 'VP Sales',
      company: 'Fjordline Logistics',
      companyDomain: 'fjordline.example',
      industry: 'Logistics',
      employeeCount: '1200',
      country: 'Norway',
      source: 'Content download',
      campaign: 'Benchmark report 2026',
      engagementScore: '58',
      purchaseTimelineMonths: '9',
    },
  },
] as const

const REVIEW_LEAD = {
  externalId: 'BL-REMIND-3',
  email: 'ines.duarte@solaria.example',
  firstName: 'Inês',
  lastName: 'Duarte',
  title: 'Marketing Coordinator',
  company: 'Solaria Energia',
  companyDomain: 'solaria.example',
  industry: 'Energy',
  employeeCount: '300',
  country: 'Portugal',
  source: 'Trade show',
  campaign: 'SaaStr Europa 2026',
  engagementScore: '35',
}

/**
 * Seeds the leads and the case whose clocks are in their last quarter at `now`, then runs the
 * reminder job at `now`. Returns how many clocks it reminded (the demo's other clocks included).
 */
export function seedLifecycleReminders(tx: Queryable, now: Date) {
  const calendar = getWorkingCalendar(tx)
  const { followUpHours, reviewDays } = getSlaSettings(tx)
  const id = (email: string) =>
    tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id as number
  const maya = id('maya@brightline.test')
  const handOver = currentHandOver(tx, maya)
  const lead = (fields: Record<string, string>, rep: string, at: Date) =>
    writtenLeadId(
      upsertLead(tx, maya, LeadFieldsSchema.parse(fields), { ownerId: id(rep), handOver }, at),
    )
  for (const { rep, left, fields } of REMINDER_LEADS)
    lead(fields, rep, workingHoursBefore(now, followUpHours - demoHours(left, calendar), calendar))
  // Omar rejected this one with a fifth of its review clock left (a day of five).
  const rejectedAt = workingHoursBefore(
    now,
    reviewDays * hoursPerWorkingDay(calendar) * 0.8,
    calendar,
  )
  const omar = 'omar@brightline.test'
  const leadId = lead(REVIEW_LEAD, omar, new Date(rejectedAt.getTime() - HOUR))
  const reason = listReasons(tx).find((r) => r.label === 'No budget')
  const rejected = rejectLead(
    tx,
    { id: id(omar) },
    leadId,
    {
      reasonId: reason?.id ?? 0,
      notes: 'Spoke to her: no budget until the next financial year.',
      contactAttempts: 2,
    },
    rejectedAt,
  )
  if (!rejected.ok) throw new Error('The demo could not reject its review-reminder lead')
  return sendReminders(tx, now)
}
