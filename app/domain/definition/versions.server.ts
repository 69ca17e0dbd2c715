import { and, asc, desc, eq, inArray, max } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import type { SessionUser } from '~/platform/session.server'
import type { Queryable } from '~db/connection'
import { definitionCriteria, definitionSignoffs, definitionVersions, users } from '~db/schema'
import type { CriterionRule } from './evaluator'
import type { CriterionInput } from './schema'

export type Criterion = CriterionRule & { id: number; description: string; position: number }

export function criteriaOf(db: Queryable, versionId: number): Criterion[] {
  return db
    .select()
    .from(definitionCriteria)
    .where(eq(definitionCriteria.versionId, versionId))
    .orderBy(asc(definitionCriteria.position), asc(definitionCriteria.id))
    .all()
    .map((c) => ({
      id: c.id,
      key: c.key,
      label: c.label,
      description: c.description,
      field: c.field,
      operator: c.operator,
      value: c.value ?? null,
      required: c.required,
      position: c.position,
    }))
}

/** The version in force now, with its criteria, or null before any version is active. */
export function getActiveVersion(db: Queryable) {
  const version = db
    .select()
    .from(definitionVersions)
    .where(eq(definitionVersions.status, 'active'))
    .get()
  return version ? { ...version, criteria: criteriaOf(db, version.id) } : null
}

export function getVersion(db: Queryable, versionId: number) {
  const version = db
    .select()
    .from(definitionVersions)
    .where(eq(definitionVersions.id, versionId))
    .get()
  if (!version) return null
  const signoffs = db
    .select({
      seat: definitionSignoffs.seat,
      signedAt: definitionSignoffs.signedAt,
      userName: users.name,
    })
    .from(definitionSignoffs)
    .innerJoin(users, eq(users.id, definitionSignoffs.userId))
    .where(eq(definitionSignoffs.versionId, versionId))
    .orderBy(asc(definitionSignoffs.signedAt), asc(definitionSignoffs.id))
    .all()
  return { ...version, criteria: criteriaOf(db, versionId), signoffs }
}

export function listVersions(db: Queryable) {
  return db.select().from(definitionVersions).orderBy(desc(definitionVersions.number)).all()
}

/** Criteria of several versions at once (leads are judged against different versions). */
export function criteriaByVersion(db: Queryable, versionIds: number[]): Map<number, Criterion[]> {
  return new Map([...new Set(versionIds)].map((id) => [id, criteriaOf(db, id)]))
}

function openVersion(db: Queryable) {
  return db
    .select()
    .from(definitionVersions)
    .where(inArray(definitionVersions.status, ['draft', 'proposed']))
    .get()
}

function audit(
  db: Queryable,
  actorId: number,
  action: string,
  versionId: number,
  now: Date,
  before?: unknown,
  after?: unknown,
) {
  recordAudit(
    db,
    { actorId, action, subjectType: 'definition_version', subjectId: versionId, before, after },
    now,
  )
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
      audit(tx, actorId, 'definition.draft_started', id, now, null, { number, from })
      return { ok: true as const, versionId: id }
    },
    { behavior: 'immediate' },
  )
}

function requireDraft(db: Queryable, versionId: number) {
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
        audit(tx, actorId, 'definition.criterion_changed', versionId, now, before, values)
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
      audit(tx, actorId, 'definition.criterion_added', versionId, now, null, values)
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
      audit(tx, actorId, 'definition.criterion_removed', versionId, now, before, null)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

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
      audit(
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
      audit(
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

/** The seats whose sign-offs a version needs: Sales and Marketing agree in writing. */
export const SIGNING_SEATS = ['sales', 'marketing'] as const

/**
 * A sales-seat or marketing-seat committee member signs off a proposed version. The second
 * seat's sign-off activates it and supersedes the version that was active.
 */
export function signOff(
  db: Queryable,
  signer: Pick<SessionUser, 'id' | 'roles' | 'seat'>,
  versionId: number,
  now: Date,
): Result<{ activated: boolean }> {
  return db.transaction(
    (tx) => {
      const seat = signer.seat
      if (
        !signer.roles.includes('committee') ||
        !seat ||
        !(SIGNING_SEATS as readonly string[]).includes(seat)
      ) {
        return refuse(
          'Only a committee member in the sales seat or the marketing seat can sign off a version',
        )
      }
      const version = tx
        .select()
        .from(definitionVersions)
        .where(eq(definitionVersions.id, versionId))
        .get()
      if (!version) return refuse('That version does not exist')
      if (version.status === 'draft') {
        return refuse(
          `Version ${version.number} is still a draft; it can be signed off once an admin proposes it`,
        )
      }
      if (version.status !== 'proposed') {
        return refuse(
          `Version ${version.number} is ${version.status}; only a proposed version is signed off`,
        )
      }
      const already = tx
        .select({ name: users.name })
        .from(definitionSignoffs)
        .innerJoin(users, eq(users.id, definitionSignoffs.userId))
        .where(and(eq(definitionSignoffs.versionId, versionId), eq(definitionSignoffs.seat, seat)))
        .get()
      if (already)
        return refuse(
          `The ${seat} seat has already signed off version ${version.number} (${already.name})`,
        )
      tx.insert(definitionSignoffs)
        .values({ versionId, userId: signer.id, seat, signedAt: now })
        .run()
      audit(tx, signer.id, 'definition.signed_off', versionId, now, null, { seat })

      const seats = tx
        .select({ seat: definitionSignoffs.seat })
        .from(definitionSignoffs)
        .where(eq(definitionSignoffs.versionId, versionId))
        .all()
        .map((s) => s.seat)
      if (!SIGNING_SEATS.every((s) => seats.includes(s)))
        return { ok: true as const, activated: false }

      const previous = getActiveVersion(tx)
      if (previous) {
        tx.update(definitionVersions)
          .set({ status: 'superseded', supersededAt: now })
          .where(eq(definitionVersions.id, previous.id))
          .run()
        audit(
          tx,
          signer.id,
          'definition.superseded',
          previous.id,
          now,
          { status: 'active' },
          { status: 'superseded', by: version.number },
        )
      }
      tx.update(definitionVersions)
        .set({ status: 'active', activatedAt: now })
        .where(eq(definitionVersions.id, versionId))
        .run()
      audit(
        tx,
        signer.id,
        'definition.activated',
        versionId,
        now,
        { status: 'proposed' },
        { status: 'active' },
      )
      return { ok: true as const, activated: true }
    },
    { behavior: 'immediate' },
  )
}
