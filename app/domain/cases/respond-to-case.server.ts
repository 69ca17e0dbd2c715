// Marketing's response to a case: concede it (the case closes as "does not meet") or contest it
// with a brief, once, while the case is open.
import { eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import type { Disposition } from '~db/enums'
import { cases } from '~db/schema'
import { type Case, closed, findCase } from './case.server'
import { closeCase } from './close-case.server'

/** The case if marketing may still answer it: open, and not answered yet. */
function answerable(tx: Queryable, caseId: number): Case | ReturnType<typeof refuse> {
  const c = findCase(tx, caseId)
  if (!c) return refuse('This case does not exist')
  const shut = closed(c)
  if (shut) return refuse(shut)
  if (c.response) return refuse('Marketing has already answered this case')
  return c
}

/** Marketing concedes: the case closes as "does not meet", with the disposition marketing chose. */
export function concedeCase(
  db: Queryable,
  marketerId: number,
  caseId: number,
  disposition: Disposition,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const c = answerable(tx, caseId)
      if ('fieldErrors' in c) return c
      closeCase(tx, c, { how: 'conceded', by: marketerId, disposition }, now)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** Marketing contests the case with a brief; the committee rules, with or without it. */
export function contestCase(
  db: Queryable,
  marketerId: number,
  caseId: number,
  brief: string,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const c = answerable(tx, caseId)
      if ('fieldErrors' in c) return c
      tx.update(cases)
        .set({ response: 'contested', brief, respondedBy: marketerId, respondedAt: now })
        .where(eq(cases.id, c.id))
        .run()
      recordAudit(
        tx,
        {
          actorId: marketerId,
          action: 'case.contested',
          subjectType: 'case',
          subjectId: c.id,
          after: { brief },
        },
        now,
      )
      appendEvent(tx, 'case.contested', { caseId: c.id, leadId: c.leadId, by: marketerId }, now)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}
