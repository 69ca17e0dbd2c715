import { z } from 'zod'

/** The zone the organisation's calendar follows while none has been chosen. */
export const DEFAULT_TIME_ZONE = 'UTC'

/**
 * The zones an organisation may choose, in the order the Settings page offers them: UTC, then
 * the IANA zones this runtime knows (`Intl.supportedValuesOf`, which leaves out UTC). Built once:
 * the settings are read, and checked, on every request.
 */
export const TIME_ZONES: readonly string[] = [
  DEFAULT_TIME_ZONE,
  ...Intl.supportedValuesOf('timeZone'),
]
const KNOWN_ZONES = new Set(TIME_ZONES)

/**
 * The organisation's name and time zone. An empty zone keeps the one stored (decision 37): the
 * form shows the stored zone, or none while none was chosen, and saving it untouched changes
 * nothing. Stored, an absent zone means none was chosen (UTC is used).
 */
export const OrganisationSettingsSchema = z.object({
  organisationName: z
    .string({ error: 'Enter the organisation’s name' })
    .trim()
    .min(1, 'Enter the organisation’s name')
    .max(120, 'Use 120 characters or fewer'),
  timeZone: z
    .string({ error: 'Choose a time zone' })
    .trim()
    // Spaces only are an empty field: the stored zone stays.
    .transform((tz) => tz || undefined)
    .refine((tz) => tz === undefined || KNOWN_ZONES.has(tz), {
      message: 'Choose a time zone from the list (an IANA name such as Europe/London)',
    })
    .optional(),
})
/** The settings as stored and as sent: `timeZone` absent while none was chosen. */
export type StoredOrganisationSettings = z.infer<typeof OrganisationSettingsSchema>
/** The settings as the app uses them: the zone chosen, or UTC. */
export type OrganisationSettings = { organisationName: string; timeZone: string }

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number<string>({ error: `Enter the ${what} as a whole number` })
    .int(`Enter the ${what} as a whole number`)
    .min(min, `The ${what} must be at least ${min}`)
    .max(max, `The ${what} must be at most ${max}`)

/** What happens to a lead whose follow-up clock ran out, beside the ignored case that opens. */
export const CLOCK_OUT_CHOICES = ['stay', 'next_rep'] as const
export type ClockOutChoice = (typeof CLOCK_OUT_CHOICES)[number]
export const CLOCK_OUT_LABELS: Record<ClockOutChoice, string> = {
  stay: 'Stay with the rep (the committee rules on it first)',
  next_rep: 'Go to the next active rep in turn, with a fresh clock',
}

/**
 * How long each side has to act, in working time (the working calendar's hours, decision 46), when the
 * people on a clock are reminded, and what a clock that runs out does to the lead. The later
 * fields have defaults, so settings saved before they existed still read.
 */
export const SlaSettingsSchema = z.object({
  followUpHours: whole('follow-up SLA', 1, 720),
  reviewDays: whole('review SLA', 1, 60),
  returnHours: whole('return SLA', 1, 720),
  reminderPercent: whole('reminder share', 1, 90).default(25),
  onClockOut: z
    .enum(CLOCK_OUT_CHOICES, { error: 'Choose what happens to a lead whose clock ran out' })
    .default('stay'),
})
export type SlaSettings = z.infer<typeof SlaSettingsSchema>
// In working hours of the working calendar (decision 46): two working days to follow a lead up,
// one to act on a returned lead, five to review a case.
export const SLA_DEFAULTS: SlaSettings = {
  followUpHours: 16,
  reviewDays: 5,
  returnHours: 8,
  reminderPercent: 25,
  onClockOut: 'stay',
}

/**
 * The Nurture pool: the engagement score past which a nurtured lead counts as re-engaged, and
 * whether re-engaged leads go back to Sales by themselves instead of waiting for a marketer.
 */
export const NurtureSettingsSchema = z.object({
  reengagementScore: whole('re-engagement score', 1, 100),
  autoHandBack: z.boolean().default(false),
})
export type NurtureSettings = z.infer<typeof NurtureSettingsSchema>
export const NURTURE_DEFAULTS: NurtureSettings = { reengagementScore: 70, autoHandBack: false }

/** The committee's deciding rule: how many eligible votes decide a case. */
export const CommitteeSettingsSchema = z.object({ quorum: whole('quorum', 1, 15) })
export type CommitteeSettings = z.infer<typeof CommitteeSettingsSchema>
export const COMMITTEE_DEFAULTS: CommitteeSettings = { quorum: 3 }

/**
 * Webhooks (decision 29): whether endpoints may target private, loopback, link-local and
 * unique-local addresses (an on-premises CRM; tests). Off: such targets are refused when an
 * endpoint is registered and again before every delivery.
 */
export const WebhookSettingsSchema = z.object({ allowPrivateTargets: z.boolean().default(false) })
export type WebhookSettings = z.infer<typeof WebhookSettingsSchema>
export const WEBHOOK_DEFAULTS: WebhookSettings = { allowPrivateTargets: false }
