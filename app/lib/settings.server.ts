import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { DB, Queryable } from '~db/connection'
import { settings } from '~db/schema'
import { recordAudit } from './audit.server'
import {
  COMMITTEE_DEFAULTS,
  type CommitteeSettings,
  CommitteeSettingsSchema,
  type OrganisationSettings,
  OrganisationSettingsSchema,
  SLA_DEFAULTS,
  type SlaSettings,
  SlaSettingsSchema,
} from './settings-schema'

const DEFAULTS: OrganisationSettings = { organisationName: 'Leadcourt', timeZone: 'UTC' }
const ORGANISATION_KEY = 'organisation'
const SLA_KEY = 'sla'
const COMMITTEE_KEY = 'committee'
const SESSION_SECRET_KEY = 'session_secret'

export function readSetting(db: Queryable, key: string): unknown {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()
    ?.value
}

export function writeSetting(
  db: Queryable,
  key: string,
  value: unknown,
  actorId: number | null,
  now: Date,
) {
  db.insert(settings)
    .values({ key, value, updatedAt: now, updatedBy: actorId })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value, updatedAt: now, updatedBy: actorId },
    })
    .run()
}

export function deleteSetting(db: Queryable, key: string) {
  db.delete(settings).where(eq(settings.key, key)).run()
}

export function getOrganisationSettings(db: Queryable): OrganisationSettings {
  const parsed = OrganisationSettingsSchema.safeParse(readSetting(db, ORGANISATION_KEY))
  return parsed.success ? parsed.data : DEFAULTS
}

/** Saves a group of settings and writes the change to the audit trail, in one transaction. */
function saveSettings(
  db: Queryable,
  key: string,
  current: (db: Queryable) => unknown,
  next: unknown,
  actorId: number | null,
  now: Date,
) {
  db.transaction(
    (tx) => {
      const before = current(tx)
      writeSetting(tx, key, next, actorId, now)
      recordAudit(
        tx,
        {
          actorId,
          action: 'settings.updated',
          subjectType: 'settings',
          subjectId: key,
          before,
          after: next,
        },
        now,
      )
    },
    { behavior: 'immediate' },
  )
}

export function updateOrganisationSettings(
  db: Queryable,
  actorId: number | null,
  next: OrganisationSettings,
  now: Date,
) {
  saveSettings(db, ORGANISATION_KEY, getOrganisationSettings, next, actorId, now)
}

/** The SLA lengths. A change applies to clocks that start after it; running clocks keep theirs. */
export function getSlaSettings(db: Queryable): SlaSettings {
  const parsed = SlaSettingsSchema.safeParse(readSetting(db, SLA_KEY))
  return parsed.success ? parsed.data : SLA_DEFAULTS
}

export function updateSlaSettings(
  db: Queryable,
  actorId: number | null,
  next: SlaSettings,
  now: Date,
) {
  saveSettings(db, SLA_KEY, getSlaSettings, next, actorId, now)
}

/** The deciding rule's settings. A change applies to votes cast after it. */
export function getCommitteeSettings(db: Queryable): CommitteeSettings {
  const parsed = CommitteeSettingsSchema.safeParse(readSetting(db, COMMITTEE_KEY))
  return parsed.success ? parsed.data : COMMITTEE_DEFAULTS
}

export function updateCommitteeSettings(
  db: Queryable,
  actorId: number | null,
  next: CommitteeSettings,
  now: Date,
) {
  saveSettings(db, COMMITTEE_KEY, getCommitteeSettings, next, actorId, now)
}

/** The secret that signs session cookies: SESSION_SECRET if set, else one generated once and kept in the database. */
export function getOrCreateSessionSecret(db: DB, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv
  const existing = readSetting(db, SESSION_SECRET_KEY)
  if (typeof existing === 'string') return existing
  const secret = randomBytes(32).toString('base64url')
  db.insert(settings)
    .values({ key: SESSION_SECRET_KEY, value: secret, updatedAt: new Date() })
    .onConflictDoNothing()
    .run()
  return readSetting(db, SESSION_SECRET_KEY) as string
}
