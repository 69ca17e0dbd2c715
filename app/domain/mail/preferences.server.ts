// A person's choice of e-mails (decision 30): the kinds that can reach their roles, each on or
// off, and saving it (one immediate transaction with its audit entry).
import type { Result } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import type { EmailKind, Role } from '~db/enums'
import { emailPreferences } from '~db/schema'
import { kindsForRoles } from './kinds'
import { preferencesOf } from './messages.server'

type Person = { id: number; roles: readonly Role[] }

/** The preferences page: each kind the person's roles can receive, with whether it is on. */
export function emailPreferencesPage(db: Queryable, person: Person) {
  const on = preferencesOf(db, person.id)
  return kindsForRoles(person.roles).map((k) => ({
    kind: k.kind,
    label: k.label,
    description: k.description,
    enabled: on[k.kind],
  }))
}

/**
 * Saves the person's choice: the kinds offered to them are on when in `chosen`, off when not.
 * A kind not offered to their roles is refused. Audited as `email_preferences.updated` with
 * what changed; saving the same choice again writes nothing.
 */
export function saveEmailPreferences(
  db: Queryable,
  person: Person,
  chosen: readonly EmailKind[],
  now: Date,
): Result<{ changed: number }> {
  const offered = kindsForRoles(person.roles).map((k) => k.kind)
  const stray = chosen.filter((k) => !offered.includes(k))
  if (stray.length)
    return {
      ok: false,
      fieldErrors: { kinds: [`Not an e-mail your roles receive: ${stray.join(', ')}`] },
    }
  return db.transaction(
    (tx) => {
      const before = preferencesOf(tx, person.id)
      const changes: Partial<Record<EmailKind, boolean>> = {}
      for (const kind of offered) {
        const enabled = chosen.includes(kind)
        if (before[kind] !== enabled) changes[kind] = enabled
        tx.insert(emailPreferences)
          .values({ userId: person.id, kind, enabled, updatedAt: now })
          .onConflictDoUpdate({
            target: [emailPreferences.userId, emailPreferences.kind],
            set: { enabled, updatedAt: now },
          })
          .run()
      }
      const changed = Object.keys(changes).length
      if (changed)
        recordAudit(
          tx,
          {
            actorId: person.id,
            action: 'email_preferences.updated',
            subjectType: 'user',
            subjectId: person.id,
            before: Object.fromEntries(
              Object.keys(changes).map((k) => [k, !changes[k as EmailKind]]),
            ),
            after: changes,
          },
          now,
        )
      return { ok: true as const, changed }
    },
    { behavior: 'immediate' },
  )
}
