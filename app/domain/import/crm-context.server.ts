// What the preview and the import need to know to read a CRM's rows as history: the job's
// options, the organisation's calendar, the cut-off and the active reasons.
import { listReasons } from '~/domain/reasons/reasons.server'
import { getOrganisationSettings, getSlaSettings } from '~/domain/settings/settings.server'
import { localDate } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import type { CrmPreview } from './crm-preview.server'
import { type CrmContext, cutoffInstant, defaultCutoff, statusChoices } from './crm-row'
import type { ImportJob } from './jobs.server'
import type { Mapping } from './mapping'
import { type ImportOptions, NO_OPTIONS } from './options'
import { readOptions } from './schema'

/** The job's options, with the cut-off filled in (the default, unless one was chosen). */
export function optionsOf(
  db: Queryable,
  job: Pick<ImportJob, 'options'>,
  now: Date,
): ImportOptions {
  const options = { ...NO_OPTIONS, ...(job.options as Partial<ImportOptions> | null) }
  if (options.cutoff) return options
  const { timeZone } = getOrganisationSettings(db)
  return { ...options, cutoff: defaultCutoff(now, getSlaSettings(db).followUpHours, timeZone) }
}

export function crmContext(
  db: Queryable,
  mapping: Mapping,
  options: ImportOptions,
  now: Date,
): CrmContext {
  const { timeZone } = getOrganisationSettings(db)
  const reasons = listReasons(db, { activeOnly: true })
  const handOverMapped = Object.values(mapping).includes('handedOverAt')
  const history = options.history ?? (handOverMapped ? 'history' : 'work')
  const cutoff = options.cutoff ?? defaultCutoff(now, getSlaSettings(db).followUpHours, timeZone)
  return {
    now,
    timeZone,
    options: { ...options, history },
    cutoffAt: cutoffInstant(cutoff, timeZone),
    handOverMapped,
    reasons: new Map(reasons.map((r) => [r.id, r.label])),
    statusChoice: statusChoices(options, reasons),
  }
}

/** The options the preview's form chose, checked against the active reasons and today. */
export function importOptionsForm(
  db: Queryable,
  formData: FormData,
  shown: CrmPreview | null,
  now: Date,
) {
  const reasonIds = new Set(listReasons(db, { activeOnly: true }).map((r) => r.id))
  return readOptions(
    formData,
    shown,
    reasonIds,
    localDate(now, getOrganisationSettings(db).timeZone),
  )
}
