import { z } from 'zod'

// The settings are read (and checked) on every request; the zone list is built once.
const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'))

export const OrganisationSettingsSchema = z.object({
  organisationName: z
    .string({ error: 'Enter the organisation’s name' })
    .trim()
    .min(1, 'Enter the organisation’s name')
    .max(120, 'Use 120 characters or fewer'),
  timeZone: z
    .string({ error: 'Choose a time zone' })
    .refine((tz) => TIME_ZONES.has(tz) || tz === 'UTC', {
      message: 'Choose a time zone from the list (an IANA name such as Europe/London)',
    }),
})
export type OrganisationSettings = z.infer<typeof OrganisationSettingsSchema>

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number<string>({ error: `Enter the ${what} as a whole number` })
    .int(`Enter the ${what} as a whole number`)
    .min(min, `The ${what} must be at least ${min}`)
    .max(max, `The ${what} must be at most ${max}`)

/** How long each side has to act, in working time (Saturdays and Sundays do not count). */
export const SlaSettingsSchema = z.object({
  followUpHours: whole('follow-up SLA', 1, 720),
  reviewDays: whole('review SLA', 1, 60),
  returnHours: whole('return SLA', 1, 720),
})
export type SlaSettings = z.infer<typeof SlaSettingsSchema>
export const SLA_DEFAULTS: SlaSettings = { followUpHours: 48, reviewDays: 5, returnHours: 24 }

/** The committee's deciding rule: how many eligible votes decide a case. */
export const CommitteeSettingsSchema = z.object({ quorum: whole('quorum', 1, 15) })
export type CommitteeSettings = z.infer<typeof CommitteeSettingsSchema>
export const COMMITTEE_DEFAULTS: CommitteeSettings = { quorum: 3 }
