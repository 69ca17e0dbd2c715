// The reason catalog: why reps reject leads. A reason in use is deactivated, never deleted,
// so every case and report keeps pointing at the words the rep chose.
import { asc, eq, max, sql } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import { definitionCriteria, reasons } from '~db/schema'
import type { ReasonInput } from './schema'

export type Reason = typeof reasons.$inferSelect

export function listReasons(db: Queryable, options: { activeOnly?: boolean } = {}): Reason[] {
  return db
    .select()
    .from(reasons)
    .where(options.activeOnly ? eq(reasons.active, true) : undefined)
    .orderBy(asc(reasons.position), asc(reasons.id))
    .all()
}

export function getReason(db: Queryable, id: number): Reason | undefined {
  return db.select().from(reasons).where(eq(reasons.id, id)).get()
}

/** Criteria a reason can dispute: every key used in any version, with its latest label. */
export function criterionChoices(db: Queryable): { key: string; label: string }[] {
  return db
    .select({ key: definitionCriteria.key, label: sql<string>`${definitionCriteria.label}` })
    .from(definitionCriteria)
    .where(
      sql`${definitionCriteria.id} IN (SELECT max(id) FROM ${definitionCriteria} GROUP BY ${definitionCriteria.key})`,
    )
    .orderBy(asc(definitionCriteria.key))
    .all()
}

function checked(db: Queryable, input: ReasonInput, exceptId?: number) {
  const clash = db
    .select({ id: reasons.id })
    .from(reasons)
    .where(sql`lower(${reasons.label}) = lower(${input.label})`)
    .get()
  if (clash && clash.id !== exceptId)
    return refuse('There is already a reason with this name', 'label')
  const key = input.criterionKey || null
  if (key && !criterionChoices(db).some((c) => c.key === key))
    return refuse('Choose a criterion of the lead definition', 'criterionKey')
  return {
    ok: true as const,
    values: {
      label: input.label,
      criterionKey: key,
      notesRequired: input.notesRequired,
      namesWorkingLead: input.namesWorkingLead,
    },
  }
}

export function createReason(
  db: Queryable,
  actorId: number,
  input: ReasonInput,
  now: Date,
): Result<{ reasonId: number }> {
  return db.transaction(
    (tx) => {
      const valid = checked(tx, input)
      if (!valid.ok) return valid
      const position =
        (tx
          .select({ last: max(reasons.position) })
          .from(reasons)
          .get()?.last ?? 0) + 1
      const { id } = tx
        .insert(reasons)
        .values({ ...valid.values, position, createdAt: now })
        .returning({ id: reasons.id })
        .get()
      recordAudit(
        tx,
        {
          actorId,
          action: 'reason.created',
          subjectType: 'reason',
          subjectId: id,
          after: valid.values,
        },
        now,
      )
      return { ok: true as const, reasonId: id }
    },
    { behavior: 'immediate' },
  )
}

export function updateReason(
  db: Queryable,
  actorId: number,
  reasonId: number,
  input: ReasonInput,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const reason = getReason(tx, reasonId)
      if (!reason) return refuse('This reason does not exist')
      const valid = checked(tx, input, reasonId)
      if (!valid.ok) return valid
      tx.update(reasons).set(valid.values).where(eq(reasons.id, reasonId)).run()
      recordAudit(
        tx,
        {
          actorId,
          action: 'reason.updated',
          subjectType: 'reason',
          subjectId: reasonId,
          before: {
            label: reason.label,
            criterionKey: reason.criterionKey,
            notesRequired: reason.notesRequired,
            namesWorkingLead: reason.namesWorkingLead,
          },
          after: valid.values,
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** Deactivates or reactivates a reason: reps stop or start seeing it; past cases keep it. */
export function setReasonActive(
  db: Queryable,
  actorId: number,
  reasonId: number,
  active: boolean,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const reason = getReason(tx, reasonId)
      if (!reason) return refuse('This reason does not exist')
      if (reason.active === active)
        return refuse(
          active ? 'This reason is already in use' : 'This reason is already deactivated',
        )
      tx.update(reasons).set({ active }).where(eq(reasons.id, reasonId)).run()
      recordAudit(
        tx,
        {
          actorId,
          action: active ? 'reason.reactivated' : 'reason.deactivated',
          subjectType: 'reason',
          subjectId: reasonId,
          before: { active: reason.active },
          after: { active },
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}
