// Tests written when every hour of Monday to Friday was working time (before decision 46): a
// calendar of whole weekdays, and the SLA lengths of that time (48 h follow-up, 24 h return,
// five days' review), so that their expected instants stay as they were. Tests about the working
// calendar itself do not use these.
import { SLA_DEFAULTS, type SlaSettings } from '~/domain/settings/schema'
import { WORKING_HOURS_KEY, writeSetting } from '~/domain/settings/settings.server'
import type { WorkingCalendar } from '~/domain/sla/calendar'
import type { Queryable } from '~db/connection'

const WEEKDAYS = [1, 2, 3, 4, 5]

/** The SLA defaults of 24-hour weekdays: 48 h follow-up, 24 h return, five days' review. */
export const ALL_DAY_SLA: SlaSettings = { ...SLA_DEFAULTS, followUpHours: 48, returnHours: 24 }

/** Every hour of Monday to Friday in `timeZone`, no holidays. */
export const allDayWeekdays = (timeZone: string): WorkingCalendar => ({
  timeZone,
  days: WEEKDAYS,
  start: 0,
  end: 24 * 60,
  holidays: [],
})

/**
 * Stores whole weekdays as the working hours, and the SLA lengths of 24-hour weekdays unless
 * `sla` says otherwise. Written without an audit entry, as the migrations' settings are.
 */
export function storeAllDayWeekdays(
  db: Queryable,
  sla: Partial<{ followUpHours: number; returnHours: number; reviewDays: number }> = {},
) {
  const at = new Date(0)
  writeSetting(
    db,
    WORKING_HOURS_KEY,
    { days: WEEKDAYS, start: '00:00', end: '24:00', holidays: [] },
    null,
    at,
  )
  writeSetting(
    db,
    'sla',
    {
      followUpHours: 48,
      reviewDays: 5,
      returnHours: 24,
      reminderPercent: 25,
      onClockOut: 'stay',
      ...sla,
    },
    null,
    at,
  )
}
