// Bulk actions on a list (decision 43): the ids a bulk form sends, and what a bulk action did.
// Each selected item runs the single-item use case in its own short transaction; an item the
// use case refuses is listed with why and does not stop the rest. Shared by browser and server.
import { z } from 'zod'
import { ConcedeSchema, OutcomeSchema } from '~/domain/cases/schema'
import type { Result } from '~/domain/result'

/** At most this many items in one bulk action (a list's page is 50; "select all" stays under). */
export const MAX_BULK = 200

/**
 * The selected items' ids, named `field`: written the one way the app writes them (decision 24),
 * at least one and at most MAX_BULK. `noun` names the item in the messages ("lead", "case").
 */
export function bulkIds(noun: string) {
  const one = z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, `A ${noun} is named by its number`)
    .transform(Number)
    .refine(Number.isSafeInteger, `A ${noun} is named by its number`)
  return z
    .array(one, { error: `Choose the ${noun}s first` })
    .min(1, `Choose the ${noun}s first`)
    .max(MAX_BULK, `Choose at most ${MAX_BULK} ${noun}s at once`)
}

/** What a bulk action did: the items done, and the items refused with why, in the order asked. */
export type BulkOutcome = {
  done: { id: number; name: string }[]
  refused: { id: number; name: string; why: string }[]
}

/** The first message of a refusal, whichever field it names. */
function firstMessage(result: Extract<Result<object>, { ok: false }>): string {
  return Object.values(result.fieldErrors).flat()[0] ?? 'It was refused'
}

/**
 * Runs `each` for every distinct id, in order, and sorts the answers into done and refused. `name`
 * says how the page names an item (its lead's name, "Case 12"); `each` is the single-item use
 * case, which opens its own transaction, so one refusal leaves the others as they went.
 */
export function runEach(
  ids: readonly number[],
  name: (id: number) => string,
  each: (id: number) => Result<object>,
): { ok: true } & BulkOutcome {
  const outcome: BulkOutcome = { done: [], refused: [] }
  for (const id of new Set(ids)) {
    const result = each(id)
    if (result.ok) outcome.done.push({ id, name: name(id) })
    else outcome.refused.push({ id, name: name(id), why: firstMessage(result) })
  }
  return { ok: true as const, ...outcome }
}

/** What a bulk action says: how many were done, and how many were refused. */
export function bulkNotice(verb: string, { done, refused }: BulkOutcome): string {
  const items = (n: number) => (n === 1 ? '1 item' : `${n} items`)
  const did = done.length ? `${verb} ${items(done.length)}.` : `Nothing was ${verb.toLowerCase()}.`
  return refused.length ? `${did} ${items(refused.length)} refused; see why below.` : did
}

const repId = z
  .string({ error: 'Choose the rep to hand the leads to' })
  .regex(/^[1-9][0-9]{0,15}$/, 'Choose the rep to hand the leads to')
  .transform(Number)

/** Reassign the chosen leads (the lead list) to one rep. */
export const BulkReassignSchema = z.object({
  intent: z.literal('bulk-reassign'),
  leadId: bulkIds('lead'),
  repId,
})

/** Concede the chosen cases (the cases list) with one disposition. */
export const BulkConcedeSchema = z.object({
  intent: z.literal('bulk-concede'),
  caseId: bulkIds('case'),
  disposition: ConcedeSchema.shape.disposition,
})

/** Record one outcome on the chosen cases' leads (the cases list). */
export const BulkOutcomeSchema = OutcomeSchema.extend({
  intent: z.literal('bulk-outcome'),
  caseId: bulkIds('case'),
})
