// What the preview and the import need to know to read a CRM's rows as history: the job's
// options, the organisation's calendar, the cut-off and the active reasons.
import { leadFilterOptions } from '~/domain/leads/filter-options.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import {
  getOrganisationSettings,
  getSlaSettings,
  getWorkingCalendar,
} from '~/domain/settings/settings.server'
import { addWorkingHours, localDate } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import type { CrmPreview } from './crm-preview.server'
import { type CrmContext, cutoffInstant, defaultCutoff, statusChoices } from './crm-row'
import type { ImportJob } from './jobs.server'
import type { Mapping } from './mapping'
import { type ImportOptions, NO_OPTIONS } from './options'
import { type ImportOptionsFields, readOptions, readValueChoices } from './schema'
import type { PreviewValues, ValueField } from './values'

/** The options a job holds (chosen on its preview, or remembered with its mapping). */
export const storedOptions = (job: Pick<ImportJob, 'options'>): ImportOptions => ({
  ...NO_OPTIONS,
  ...(job.options as Partial<ImportOptions> | null),
})

/** The default cut-off on `now`'s day: see `defaultCutoff`. */
export function cutoffDefault(db: Queryable, now: Date): string {
  return defaultCutoff(now, getSlaSettings(db).followUpHours, getWorkingCalendar(db))
}

/** How the rows of an import with `mapping` and `options` are read at `now`. */
export function crmContext(
  db: Queryable,
  mapping: Mapping,
  options: ImportOptions,
  now: Date,
): CrmContext & { cutoff: string; cutoffDefault: string } {
  const calendar = getWorkingCalendar(db)
  const { timeZone } = calendar
  const reasons = listReasons(db, { activeOnly: true })
  const handOverMapped = Object.values(mapping).includes('handedOverAt')
  const history = options.history ?? (handOverMapped ? 'history' : 'work')
  const byDefault = cutoffDefault(db, now)
  const cutoff = options.cutoff ?? byDefault
  const { followUpHours } = getSlaSettings(db)
  const overdue = (at: Date) => addWorkingHours(at, followUpHours, calendar) <= now
  const chosenCutoff = options.cutoff ? cutoffInstant(options.cutoff, timeZone) : null
  return {
    now,
    timeZone,
    options: { ...options, history },
    cutoff,
    cutoffDefault: byDefault,
    // By default exactly the leads whose follow-up time has run out; the cut-off shown is the
    // day before which every lead's has.
    isOld: chosenCutoff ? (at) => at < chosenCutoff : overdue,
    overdue,
    handOverMapped,
    reasons: new Map(reasons.map((r) => [r.id, r.label])),
    statusChoice: statusChoices(options, reasons),
  }
}

/** The source and campaign values the leads hold now. */
export function existingValues(db: Queryable): Record<ValueField, string[]> {
  const { sources, campaigns } = leadFilterOptions(db)
  return { source: sources, campaign: campaigns }
}

/**
 * The options the preview's form chose, checked against the active reasons and today, with
 * the mapping step's choices for the values the preview listed (`valueFields`: the form's
 * `value-…` fields) checked against the values the leads hold.
 */
export function importOptionsForm(
  db: Queryable,
  fields: ImportOptionsFields,
  statusField: (name: string) => string[],
  shown: CrmPreview | null,
  now: Date,
  values: { sent: [string, FormDataEntryValue][]; shown: PreviewValues | null } = {
    sent: [],
    shown: null,
  },
) {
  const reasonIds = new Set(listReasons(db, { activeOnly: true }).map((r) => r.id))
  const today = localDate(now, getOrganisationSettings(db).timeZone)
  const read = readOptions(fields, statusField, shown, reasonIds, today)
  if (!read.ok || values.sent.length === 0) return read
  const chosen = readValueChoices(values.sent, values.shown, existingValues(db))
  if (!chosen.ok) return chosen
  return { ok: true as const, options: { ...read.options, values: chosen.values } }
}
