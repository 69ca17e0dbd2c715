// Signing off a proposed version; the second seat's sign-off activates it.

import { and, eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { appendEvent } from '~/platform/events/outbox.server'
import type { SessionUser } from '~/platform/session.server'
import type { Queryable } from '~db/connection'
import { definitionSignoffs, definitionVersions, users } from '~db/schema'
import { auditVersion, getActiveVersion } from './versions.server'

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
      auditVersion(tx, signer.id, 'definition.signed_off', versionId, now, null, { seat })

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
        auditVersion(
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
      auditVersion(
        tx,
        signer.id,
        'definition.activated',
        versionId,
        now,
        { status: 'proposed' },
        { status: 'active' },
      )
      appendEvent(
        tx,
        'definition.activated',
        { versionId, version: version.number, by: signer.id },
        now,
      )
      return { ok: true as const, activated: true }
    },
    { behavior: 'immediate' },
  )
}
