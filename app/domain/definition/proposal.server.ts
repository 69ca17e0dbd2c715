// Proposing a draft for sign-off, and withdrawing a proposal back to draft.
import { eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { definitionSignoffs, definitionVersions } from '~db/schema'
import { requireDraft } from './drafting.server'
import { auditVersion, criteriaOf } from './versions.server'

/** A draft is proposed for sign-off; from then on it cannot be edited. */
export function proposeVersion(
  db: Queryable,
  actorId: number,
  versionId: number,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const refused = requireDraft(tx, versionId)
      if (refused) return refused
      const criteria = criteriaOf(tx, versionId)
      if (!criteria.some((c) => c.required)) {
        return refuse('A version needs at least one required criterion before it can be proposed')
      }
      tx.update(definitionVersions)
        .set({ status: 'proposed', proposedAt: now })
        .where(eq(definitionVersions.id, versionId))
        .run()
      auditVersion(
        tx,
        actorId,
        'definition.proposed',
        versionId,
        now,
        { status: 'draft' },
        { status: 'proposed', criteria },
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/**
 * An admin takes a proposed version back to draft (to change it): its sign-offs so far no
 * longer stand, since they were for the proposed text. The audit trail keeps them.
 */
export function withdrawVersion(
  db: Queryable,
  actorId: number,
  versionId: number,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const version = tx
        .select()
        .from(definitionVersions)
        .where(eq(definitionVersions.id, versionId))
        .get()
      if (!version) return refuse('That version does not exist')
      if (version.status !== 'proposed')
        return refuse(
          `Version ${version.number} is ${version.status}; only a proposed version can be withdrawn`,
        )
      tx.delete(definitionSignoffs).where(eq(definitionSignoffs.versionId, versionId)).run()
      tx.update(definitionVersions)
        .set({ status: 'draft', proposedAt: null })
        .where(eq(definitionVersions.id, versionId))
        .run()
      auditVersion(
        tx,
        actorId,
        'definition.withdrawn',
        versionId,
        now,
        { status: 'proposed' },
        { status: 'draft' },
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}
