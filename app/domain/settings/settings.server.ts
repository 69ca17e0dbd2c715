import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import { recordAudit } from '~/platform/audit.server'
import type { DB, Queryable } from '~db/connection'
import { settings } from '~db/schema'
import { SUMMARY_FAMILIES } from '../summaries/families.server'
import { resetSummaries } from '../summaries/state.server'
import {
  COMMITTEE_DEFAULTS,
  type CommitteeSettings,
  CommitteeSettingsSchema,
  NURTURE_DEFAULTS,
  type NurtureSettings,
  NurtureSettingsSchema,
  type OrganisationSettings,
  OrganisationSettingsSchema,
  SLA_DEFAULTS,
  type SlaSettings,
  SlaSettingsSchema,
  WEBHOOK_DEFAULTS,
  type WebhookSettings,
  WebhookSettingsSchema,
} from './schema'

const DEFAULTS: OrganisationSettings = { organisationName: 'Leadcourt', timeZone: 'UTC' }
const ORGANISATION_KEY = 'organisation'
const SLA_KEY = 'sla'
const COMMITTEE_KEY = 'committee'
const NURTURE_KEY = 'nurture'
const WEBHOOKS_KEY = 'webhooks'
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

/** Saves a group of settings and writes the change to the audit trail, in one transaction. */
function saveSettings(
  db: Queryable,
  key: string,
  current: (db: Queryable) => unknown,
  next: unknown,
  actorId: number | null,
  now: Date,
  afterSave?: (tx: Queryable, before: unknown) => void,
) {
  db.transaction(
    (tx) => {
      const before = current(tx)
      writeSetting(tx, key, next, actorId, now)
      afterSave?.(tx, before)
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

/** A group of settings kept under one key: read (the defaults when unset) and saved with audit. */
function settingGroup<T>(
  key: string,
  schema: z.ZodType<T>,
  defaults: T,
  afterSave?: (tx: Queryable, before: T, next: T) => void,
) {
  const get = (db: Queryable): T => {
    const parsed = schema.safeParse(readSetting(db, key))
    return parsed.success ? parsed.data : defaults
  }
  const update = (db: Queryable, actorId: number | null, next: T, now: Date) =>
    saveSettings(
      db,
      key,
      get,
      next,
      actorId,
      now,
      afterSave && ((tx, before) => afterSave(tx, before as T, next)),
    )
  return { get, update }
}

// A new time zone moves every row to another local day: the report summaries are counted again,
// by the rebuild job, in the zone's calendar (decision 34).
const organisation = settingGroup<OrganisationSettings>(
  ORGANISATION_KEY,
  OrganisationSettingsSchema,
  DEFAULTS,
  (tx, before, next) => {
    if (before.timeZone !== next.timeZone) resetSummaries(tx, SUMMARY_FAMILIES, next.timeZone)
  },
)
export const getOrganisationSettings = organisation.get
export const updateOrganisationSettings = organisation.update

/** The SLA lengths. A change applies to clocks that start after it; running clocks keep theirs. */
const sla = settingGroup<SlaSettings>(SLA_KEY, SlaSettingsSchema, SLA_DEFAULTS)
export const getSlaSettings = sla.get
export const updateSlaSettings = sla.update

/** The deciding rule's settings. A change applies to votes cast after it. */
const committee = settingGroup<CommitteeSettings>(
  COMMITTEE_KEY,
  CommitteeSettingsSchema,
  COMMITTEE_DEFAULTS,
)
export const getCommitteeSettings = committee.get
export const updateCommitteeSettings = committee.update

/** The Nurture pool's re-engagement rule. A change applies to imports and edits after it. */
const nurture = settingGroup<NurtureSettings>(NURTURE_KEY, NurtureSettingsSchema, NURTURE_DEFAULTS)
export const getNurtureSettings = nurture.get
export const updateNurtureSettings = nurture.update

/** Whether webhooks may target private and loopback addresses (checked at registration and delivery). */
const webhooks = settingGroup<WebhookSettings>(
  WEBHOOKS_KEY,
  WebhookSettingsSchema,
  WEBHOOK_DEFAULTS,
)
export const getWebhookSettings = webhooks.get
export const updateWebhookSettings = webhooks.update

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
