import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { WorkingCalendar } from '~/domain/sla/calendar'
import { minutesOf } from '~/domain/sla/calendar'
import { recordAudit } from '~/platform/audit.server'
import { type DB, preparedQuery, type Queryable } from '~db/connection'
import { settings } from '~db/schema'
import { SUMMARY_FAMILIES } from '../summaries/families.server'
import { resetSummaries } from '../summaries/state.server'
import {
  COMMITTEE_DEFAULTS,
  type CommitteeSettings,
  CommitteeSettingsSchema,
  DEFAULT_TIME_ZONE,
  NURTURE_DEFAULTS,
  type NurtureSettings,
  NurtureSettingsSchema,
  type OrganisationSettings,
  OrganisationSettingsSchema,
  SLA_DEFAULTS,
  type SlaSettings,
  SlaSettingsSchema,
  type StoredOrganisationSettings,
  WEBHOOK_DEFAULTS,
  type WebhookSettings,
  WebhookSettingsSchema,
} from './schema'
import {
  MAX_HOLIDAYS,
  StoredWorkingHoursSchema,
  WORKING_HOURS_DEFAULTS,
  type WorkingHours,
} from './working-hours'

const DEFAULTS: StoredOrganisationSettings = { organisationName: 'Leadcourt' }
const ORGANISATION_KEY = 'organisation'
const SLA_KEY = 'sla'
const COMMITTEE_KEY = 'committee'
const NURTURE_KEY = 'nurture'
const WEBHOOKS_KEY = 'webhooks'
const SESSION_SECRET_KEY = 'session_secret'
export const WORKING_HOURS_KEY = 'working_hours'

// Read by nearly every page (the time zone, the service levels): prepared once per connection.
const settingByKey = (db: Queryable) =>
  db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare()

export function readSetting(db: Queryable, key: string): unknown {
  return preparedQuery(db, settingByKey).get({ key })?.value
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

/**
 * Saves a group of settings (`toSave` makes them from what was stored) and writes the change to
 * the audit trail, in one transaction.
 */
function saveSettings<T>(
  db: Queryable,
  key: string,
  current: (db: Queryable) => T,
  toSave: (before: T) => T,
  actorId: number | null,
  now: Date,
  afterSave?: (tx: Queryable, before: T, next: T) => void,
) {
  db.transaction(
    (tx) => {
      const before = current(tx)
      const next = toSave(before)
      writeSetting(tx, key, next, actorId, now)
      afterSave?.(tx, before, next)
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

/**
 * A group of settings kept under one key: read (the defaults when unset) and saved with audit;
 * `merge` makes what is saved from what was stored and what was sent (the default: what was sent).
 */
function settingGroup<T>(
  key: string,
  schema: z.ZodType<T>,
  defaults: T,
  hooks: {
    merge?: (before: T, sent: T) => T
    afterSave?: (tx: Queryable, before: T, next: T) => void
  } = {},
) {
  const get = (db: Queryable): T => {
    const parsed = schema.safeParse(readSetting(db, key))
    return parsed.success ? parsed.data : defaults
  }
  const update = (db: Queryable, actorId: number | null, sent: T, now: Date) =>
    saveSettings(
      db,
      key,
      get,
      (before) => (hooks.merge ? hooks.merge(before, sent) : sent),
      actorId,
      now,
      hooks.afterSave,
    )
  return { get, update }
}

const zoneOf = (stored: StoredOrganisationSettings) => stored.timeZone ?? DEFAULT_TIME_ZONE

// Sent without a zone, the zone stored is kept, or none (decision 37). A new time zone moves
// every row to another local day: the report summaries are counted again, by the rebuild job, in
// the zone's calendar (decision 34).
const organisation = settingGroup<StoredOrganisationSettings>(
  ORGANISATION_KEY,
  OrganisationSettingsSchema,
  DEFAULTS,
  {
    merge: (before, sent) =>
      sent.timeZone === undefined && before.timeZone !== undefined
        ? { ...sent, timeZone: before.timeZone }
        : sent,
    afterSave: (tx, before, next) => {
      if (zoneOf(before) !== zoneOf(next)) resetSummaries(tx, SUMMARY_FAMILIES, zoneOf(next))
    },
  },
)

/** The organisation's name and the zone its calendar follows: the one chosen, or UTC. */
export function getOrganisationSettings(db: Queryable): OrganisationSettings {
  const stored = organisation.get(db)
  return { organisationName: stored.organisationName, timeZone: zoneOf(stored) }
}
/** The settings as stored, for the Settings page: no `timeZone` while none was chosen. */
export const getStoredOrganisationSettings = organisation.get
/** Saves the name, and the zone when one is sent: without one, the zone stored is kept. */
export const updateOrganisationSettings = organisation.update

/** The SLA lengths. A change applies to clocks that start after it; running clocks keep theirs. */
const sla = settingGroup<SlaSettings>(SLA_KEY, SlaSettingsSchema, SLA_DEFAULTS)
export const getSlaSettings = sla.get
export const updateSlaSettings = sla.update

/**
 * The working days, hours and public holidays (decision 46). A change applies to clocks that
 * start after it; running clocks keep their due time, and count what is left in the new hours.
 */
const workingHours = settingGroup<WorkingHours>(
  WORKING_HOURS_KEY,
  StoredWorkingHoursSchema as z.ZodType<WorkingHours>,
  WORKING_HOURS_DEFAULTS,
)
export const getWorkingHours = workingHours.get
export const updateWorkingHours = workingHours.update

/** Adds holidays (an imported calendar's) to those kept; a date already kept keeps its name. */
export function addHolidays(
  db: Queryable,
  actorId: number | null,
  added: WorkingHours['holidays'],
  now: Date,
): { added: number; kept: number } {
  const before = getWorkingHours(db)
  const known = new Set(before.holidays.map((h) => h.date))
  const fresh = added.filter((h) => !known.has(h.date))
  const holidays = [...before.holidays, ...fresh]
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(-MAX_HOLIDAYS)
  updateWorkingHours(db, actorId, { ...before, holidays }, now)
  return { added: fresh.length, kept: holidays.length }
}

/**
 * The calendar SLA clocks count in: the working hours in the organisation's time zone. Read it
 * once per request or use case and pass it to the clock functions.
 */
export function getWorkingCalendar(db: Queryable): WorkingCalendar {
  const hours = getWorkingHours(db)
  return {
    timeZone: getOrganisationSettings(db).timeZone,
    days: hours.days,
    start: minutesOf(hours.start) ?? 0,
    end: minutesOf(hours.end) ?? 0,
    holidays: hours.holidays.map((h) => h.date),
  }
}

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
