// What a CRM row's dates, statuses and converted flag make of a new lead (decision 25): when it
// was handed over, whether it is history or waits with a clock, and whether it arrives accepted,
// converted or rejected (with the reason and the day), and won. Pure: the preview and the
// import decide alike.
import { Temporal } from 'temporal-polyfill'
import type { Arrival } from '~/domain/leads/writer.server'
import type { WorkingCalendar } from '~/domain/sla/calendar'
import { addWorkingHours, instantOfLocal, localDate } from '~/domain/sla/clock'
import { describeReading, readDate } from './dates'
import { type DateTarget, targetName } from './mapping'
import {
  actionOf,
  chosenStatus,
  combinedChoice,
  convertedFlag,
  defaultStatusChoice,
  type ImportOptions,
  reasonOf,
  type StatusChoice,
} from './options'
import type { CrmCells } from './rows'

export type CrmContext = {
  now: Date
  timeZone: string
  options: ImportOptions
  /**
   * Whether a lead handed over at this instant is old enough for the history choice: handed
   * over before the chosen cut-off or, by default, its follow-up time already run out.
   */
  isOld: (handedOverAt: Date) => boolean
  /** Whether a clock started at this instant has already run out. */
  overdue: (handedOverAt: Date) => boolean
  /** Whether the file has a hand-over time: without one, the history choice covers every lead. */
  handOverMapped: boolean
  /** The active reasons, by id. */
  reasons: Map<number, string>
  /** What a status column's value becomes: the options' choice, else the CRMs' usual meaning. */
  statusChoice: (column: string, value: string) => StatusChoice
}

/** `statusChoice` for a context: the options' choices, else the defaults, worked out once per value. */
export function statusChoices(
  options: ImportOptions,
  reasons: { id: number; label: string }[],
): CrmContext['statusChoice'] {
  const known = new Map<string, StatusChoice>()
  return (column, value) => {
    const key = `${column}\u0000${value}`
    let choice = known.get(key)
    if (choice === undefined) {
      choice = chosenStatus(options.statuses, column, value) ?? defaultStatusChoice(value, reasons)
      known.set(key, choice)
    }
    return choice
  }
}

export type CrmFate =
  | {
      ok: true
      arrival: Arrival
      /** What the row's status columns and flag made of it. */
      choice: StatusChoice
      rejected: { reason: { id: number; label: string }; at: Date } | null
      /** A converted flag on a rejected lead: it was won all the same, on this day. */
      won: { on: string } | null
    }
  | { ok: false; group: string; reason: string }

/**
 * The default cut-off: the latest day of the organisation's calendar at whose start a lead
 * handed over would have run out of follow-up time by now. Every lead handed over before it has
 * run out; none that still had time is recorded as history.
 */
export function defaultCutoff(now: Date, followUpHours: number, calendar: WorkingCalendar): string {
  const { timeZone } = calendar
  let day = Temporal.PlainDate.from(localDate(now, timeZone))
  while (addWorkingHours(instantOfLocal(`${day}T00:00`, timeZone), followUpHours, calendar) > now)
    day = day.subtract({ days: 1 })
  return day.toString()
}

/** The instant a cut-off date begins. */
export const cutoffInstant = (cutoff: string, timeZone: string) =>
  instantOfLocal(`${cutoff}T00:00`, timeZone)

type Dates = Partial<Record<DateTarget, Date>>

function readDates(crm: CrmCells, context: CrmContext): Dates | { group: string; reason: string } {
  const dates: Dates = {}
  for (const target of ['handedOverAt', 'firstContactAt', 'statusChangedAt'] as const) {
    const text = crm[target]
    if (!text) continue
    const read = readDate(text, { order: context.options.dateOrder, timeZone: context.timeZone })
    const label = targetName(target)
    if (!read.ok)
      return {
        group: read.needsOrder ? 'Date order not chosen' : `Invalid ${label}`,
        reason: `${label}: ${read.reason}`,
      }
    if (read.at > context.now)
      return { group: `Invalid ${label}`, reason: `${label}: ${text} is in the future` }
    dates[target] = read.at
  }
  return dates
}

const latest = (floor: Date, at: Date | undefined) => (at && at > floor ? at : floor)

/** What `crm` makes of a new lead; or why the row fails. */
export function crmFate(crm: CrmCells, context: CrmContext): CrmFate {
  const dates = readDates(crm, context)
  if ('group' in dates) return { ok: false, ...dates }
  const { now, options } = context
  let choice = combinedChoice(
    crm.statuses.map(([column, value]) => context.statusChoice(column, value)),
  )
  const flagged = crm.converted !== undefined && convertedFlag(crm.converted)
  const rejected = actionOf(choice) === 'rejected'
  if (flagged && !rejected) choice = 'converted'
  const reasonId = reasonOf(choice)
  const reasonLabel = reasonId === null ? undefined : context.reasons.get(reasonId)
  if (reasonId !== null && reasonLabel === undefined)
    return {
      ok: false,
      group: 'Reason no longer active',
      reason: 'The reason this status is mapped to is no longer active; choose another',
    }
  // Old enough for the history choice: before the cut-off, or any lead of a file without dates.
  const old = context.handOverMapped
    ? dates.handedOverAt !== undefined && context.isOld(dates.handedOverAt)
    : true
  const history = old && options.history === 'history'
  const handedOverAt = old && !history ? now : (dates.handedOverAt ?? now)
  const action = actionOf(choice)
  const waiting = action === 'leave' || action === 'waiting'
  // After hand-over, never before it: a lead worked now keeps the file's later dates only.
  const contacted = latest(handedOverAt, dates.firstContactAt ?? dates.statusChangedAt)
  const changed = latest(handedOverAt, dates.statusChangedAt ?? dates.firstContactAt)
  return {
    ok: true,
    choice,
    arrival: {
      handedOverAt,
      clock: waiting && !history,
      history,
      status: waiting ? 'new' : action === 'accepted' ? 'working' : action,
      acceptedAt: action === 'accepted' || action === 'converted' ? contacted : null,
    },
    rejected:
      reasonId !== null
        ? { reason: { id: reasonId, label: reasonLabel as string }, at: changed }
        : null,
    won: flagged && rejected ? { on: localDate(changed, context.timeZone) } : null,
  }
}

const ARRIVAL_LABELS = {
  new: 'Waiting for Sales',
  working: 'Accepted',
  converted: 'Converted',
  rejected: 'Rejected',
} as const

/** What a new lead becomes, as the preview says it: "History, handed over … · Rejected: Other". */
export function describeFate(fate: Extract<CrmFate, { ok: true }>, timeZone: string): string {
  const { arrival, rejected, won } = fate
  const parts = [
    `${arrival.history ? 'History' : 'Live'}, handed over ${describeReading(arrival.handedOverAt, timeZone)}`,
    rejected
      ? `Rejected: ${rejected.reason.label}`
      : arrival.status === 'new' && !arrival.clock
        ? 'Waiting for Sales, no clock'
        : ARRIVAL_LABELS[arrival.status],
  ]
  if (won) parts.push(`won on ${won.on}`)
  return parts.join(' · ')
}
