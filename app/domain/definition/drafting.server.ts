// Drafting a version: start one (empty or a copy of the active one), add, change and remove
// its criteria while it is a draft.
import { and, eq, inArray, max } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { definitionCriteria, definitionVersions } from '~db/schema'
import type { CriterionInput } from './schema'
import { auditVersion, criteriaOf, getActiveVersion } from './versions.server'

function openVersion(db: Queryable) {
  return db
    .select()
    .from(definitionVersions)
    .where(inArray(definitionVersions.status, ['draft', 'proposed']))
    .get()
}

/** An admin starts a new version, empty or as a copy of the active one. One version is open at a time. */
export function startDraft(
  db: Queryable,
  actorId: number,
  from: 'empty' | 'active',
  now: Date,
): Result<{ versionId: number }> {
  return db.transaction(
    (tx) => {
      const open = openVersion(tx)
      if (open) {
        return refuse(
          `Version ${open.number} is already ${open.status}; finish it before starting another`,
        )
      }
      const active = getActiveVersion(tx)
      if (from === 'active' && !active)
        return refuse('There is no active version to copy yet; start an empty one')
      const number =
        (tx
          .select({ n: max(definitionVersions.number) })
          .from(definitionVersions)
          .get()?.n ?? 0) + 1
      const { id } = tx
        .insert(definitionVersions)
        .values({
          number,
          status: 'draft',
          basedOnId: from === 'active' ? (active?.id ?? null) : null,
          createdBy: actorId,
          createdAt: now,
        })
        .returning({ id: definitionVersions.id })
        .get()
      if (from === 'active' && active) {
        for (const c of active.criteria) {
          tx.insert(definitionCriteria)
            .values({
              versionId: id,
              position: c.position,
              key: c.key,
              label: c.label,
              description: c.description,
              field: c.field,
              operator: c.operator,
              value: c.value,
              required: c.required,
            })
            .run()
        }
      }
      auditVersion(tx, actorId, 'definition.draft_started', id, now, null, { number, from })
      return { ok: true as const, versionId: id }
    },
    { behavior: 'immediate' },
  )
}

/** A refusal unless the version is a draft (only a draft is edited or proposed). */
export function requireDraft(db: Queryable, versionId: number) {
  const version = db
    .select()
    .from(definitionVersions)
    .where(eq(definitionVersions.id, versionId))
    .get()
  if (!version) return refuse('That version does not exist')
  if (version.status !== 'draft') {
    return refuse(
      `Version ${version.number} is ${version.status}; only a draft can be edited. Start a new draft to change it.`,
    )
  }
  return null
}

/** Adds a criterion to a draft, or changes one (when `criterionId` is given). */
export function saveCriterion(
  db: Queryable,
  actorId: number,
  versionId: number,
  input: CriterionInput,
  now: Date,
): Result<{ criterionId: number }> {
  return db.transaction(
    (tx) => {
      const refused = requireDraft(tx, versionId)
      if (refused) return refused
      const clash = tx
        .select({ id: definitionCriteria.id })
        .from(definitionCriteria)
        .where(
          and(eq(definitionCriteria.versionId, versionId), eq(definitionCriteria.key, input.key)),
        )
        .get()
      if (clash && clash.id !== input.criterionId) {
        return refuse('Another criterion of this version has that key', 'key')
      }
      const values = {
        key: input.key,
        label: input.label,
        description: input.description,
        field: input.field,
        operator: input.operator,
        value: input.value,
        required: input.required,
      }
      if (input.criterionId) {
        const before = criteriaOf(tx, versionId).find((c) => c.id === input.criterionId)
        if (!before) return refuse('That criterion is not part of this version')
        tx.update(definitionCriteria)
          .set(values)
          .where(eq(definitionCriteria.id, input.criterionId))
          .run()
        auditVersion(tx, actorId, 'definition.criterion_changed', versionId, now, before, values)
        return { ok: true as const, criterionId: input.criterionId }
      }
      const position =
        (tx
          .select({ p: max(definitionCriteria.position) })
          .from(definitionCriteria)
          .where(eq(definitionCriteria.versionId, versionId))
          .get()?.p ?? 0) + 1
      const { id } = tx
        .insert(definitionCriteria)
        .values({ ...values, versionId, position })
        .returning({ id: definitionCriteria.id })
        .get()
      auditVersion(tx, actorId, 'definition.criterion_added', versionId, now, null, values)
      return { ok: true as const, criterionId: id }
    },
    { behavior: 'immediate' },
  )
}

export function removeCriterion(
  db: Queryable,
  actorId: number,
  versionId: number,
  criterionId: number,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const refused = requireDraft(tx, versionId)
      if (refused) return refused
      const before = criteriaOf(tx, versionId).find((c) => c.id === criterionId)
      if (!before) return refuse('That criterion is not part of this version')
      tx.delete(definitionCriteria).where(eq(definitionCriteria.id, criterionId)).run()
      auditVersion(tx, actorId, 'definition.criterion_removed', versionId, now, before, null)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}
