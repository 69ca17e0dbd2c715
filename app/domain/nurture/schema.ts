// What the Nurture pool reads from a query string and a hand-back reads from its form.
import { z } from 'zod'

/** A page of the pool continues after a row: `r` (re-engaged) or `n` (not yet), its start, its id. */
const POOL_CURSOR = /^([rn])(\d+)-(\d+)$/

export const PoolQuerySchema = z.object({
  /** Only the leads flagged re-engaged. */
  reengaged: z
    .enum(['1'])
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
  /** Only this lead (the lead page's link). */
  lead: z.coerce.number().int().positive().optional().catch(undefined),
  after: z.string().regex(POOL_CURSOR).optional().catch(undefined),
})
export type PoolQuery = z.output<typeof PoolQuerySchema>

export type PoolCursor = { reengaged: boolean; at: number; id: number }

export function decodePoolCursor(cursor: string | undefined): PoolCursor | null {
  const match = cursor?.match(POOL_CURSOR)
  return match ? { reengaged: match[1] === 'r', at: Number(match[2]), id: Number(match[3]) } : null
}

export function encodePoolCursor(row: { reengaged: boolean; startedAt: Date; id: number }) {
  return `${row.reengaged ? 'r' : 'n'}${row.startedAt.getTime()}-${row.id}`
}

export const MAX_NOTE = 2000

/** "Hand back to Sales": the lead, and a note saying what is new (required). */
export const HandBackSchema = z.object({
  leadId: z.coerce.number({ message: 'Choose a lead' }).int().positive('Choose a lead'),
  note: z
    .string({ message: 'Say what is new about the lead' })
    .trim()
    .min(1, 'Say what is new about the lead')
    .max(MAX_NOTE, `The note is longer than ${MAX_NOTE} characters`),
})
export type HandBackInput = z.output<typeof HandBackSchema>
