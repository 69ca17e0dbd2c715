import { z } from 'zod'

/** The reason form: adding a reason or changing one (renaming it, linking it to a criterion). */
export const ReasonSchema = z.object({
  label: z
    .string({ error: 'Enter the reason as reps will read it' })
    .trim()
    .min(2, 'Enter the reason as reps will read it')
    .max(80, 'Keep the reason under 80 characters'),
  criterionKey: z.string().trim().max(40).optional(),
  notesRequired: z.boolean().default(false),
  // Rejecting for it asks which lead in the buying group is being worked (decision 26).
  namesWorkingLead: z.boolean().default(false),
})
export type ReasonInput = z.infer<typeof ReasonSchema>
