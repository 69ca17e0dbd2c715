import { z } from 'zod'

export const OrganisationSettingsSchema = z.object({
  organisationName: z
    .string({ error: 'Enter the organisation’s name' })
    .trim()
    .min(1, 'Enter the organisation’s name')
    .max(120, 'Use 120 characters or fewer'),
  timeZone: z
    .string({ error: 'Choose a time zone' })
    .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', {
      message: 'Choose a time zone from the list (an IANA name such as Europe/London)',
    }),
})
export type OrganisationSettings = z.infer<typeof OrganisationSettingsSchema>
