// What a person sends to save or delete a view (decision 42), validated at the edge and in the
// browser alike.
import { z } from 'zod'
import { SAVED_VIEW_LISTS } from '~db/enums'

export const VIEW_NAME_MAX = 60

export const SaveViewSchema = z.object({
  list: z.enum(SAVED_VIEW_LISTS, { message: 'Choose a list' }),
  name: z
    .string({ message: 'Give the view a name' })
    .trim()
    .min(1, 'Give the view a name')
    .max(VIEW_NAME_MAX, `Keep the name to ${VIEW_NAME_MAX} characters`),
  // The list's query string (filters and sort) without page cursors; empty for the list as it opens.
  query: z.string().max(2000, 'The filters are too long to save').default(''),
})
export type SaveViewInput = z.output<typeof SaveViewSchema>

export const DeleteViewSchema = z.object({})

/** The path of a list page, for a view's link and the redirect after saving one. */
export const LIST_PATHS = { leads: '/leads', cases: '/cases', review: '/review' } as const
