// The outcome import's form, shared by the browser and the server: beside the file (which the
// upload reads), the order of the file's numeric dates when it needs one.
import { z } from 'zod'
import { DATE_ORDERS } from '~/domain/import/dates'

export const OutcomeImportSchema = z.object({
  dateOrder: z
    .enum(DATE_ORDERS, { error: 'Choose day first, month first, or leave it as not needed' })
    .optional(),
})
export type OutcomeImportInput = z.infer<typeof OutcomeImportSchema>
