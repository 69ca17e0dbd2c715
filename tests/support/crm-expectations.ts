// What an import of CRM history should make of a file, worked out from the generator's truth
// (crm-exports.ts) and the meanings the issue gives the CRMs' statuses, never from the app's own
// readers (issue 15): each lead's fate, the preview's counts, the cohorts, and the reports by
// month of hand-over (leads handed over and rejected, rejections by reason, rejected leads won).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { DateTime } from 'luxon'
import { expect } from 'vitest'
import { loader as accuracyLoader } from '~/routes/reports.accuracy'
import { loader as hindsightLoader } from '~/routes/reports.hindsight'
import { loader as sourcesLoader } from '~/routes/reports.sources'
import { EXPORT_TIME_ZONE, monthOf, type TruthRow } from './crm-exports'
import { getArgs, payloadOf } from './http'

/** What a status value means: waiting for Sales, accepted, converted, or rejected for a reason. */
export type Meaning = 'waiting' | 'accepted' | 'converted' | { reason: string }

/** The meanings the issue gives the statuses of Salesforce, HubSpot and Zoho. */
export const CRM_MEANINGS: Record<string, Meaning> = {
  'Open - Not Contacted': 'waiting',
  'Working - Contacted': 'accepted',
  'Closed - Converted': 'converted',
  'Closed - Not Converted': { reason: 'Other' },
  NEW: 'waiting',
  OPEN: 'waiting',
  IN_PROGRESS: 'accepted',
  ATTEMPTED_TO_CONTACT: 'accepted',
  CONNECTED: 'accepted',
  BAD_TIMING: { reason: 'Not sales-ready (timing)' },
  UNQUALIFIED: { reason: 'Outside ideal customer profile' },
  'Not Contacted': 'waiting',
  'Attempted to Contact': 'accepted',
  'Contact in Future': { reason: 'Not sales-ready (timing)' },
  Contacted: 'accepted',
  'Pre Qualified': 'accepted',
  'Junk Lead': { reason: 'Competitor / student / job seeker / spam' },
  'Lost Lead': { reason: 'Other' },
  'Not Qualified': { reason: 'Outside ideal customer profile' },
}

export type Fate = {
  history: boolean
  status: 'new' | 'working' | 'converted' | 'rejected'
  clock: boolean
  reason?: string
  won?: boolean
}

/**
 * What a row becomes when its status means `meaning` and leads handed over before `cutoffAt`
 * are history: a rejection is an imported case, and a win when the row is flagged converted;
 * a flag on any other lead makes it converted; only a live lead left waiting has a clock.
 */
export function fateOf(row: TruthRow, meaning: Meaning, cutoffAt: Date): Fate {
  const history = row.handedOverAt < cutoffAt
  if (typeof meaning === 'object')
    return { history, status: 'rejected', clock: false, reason: meaning.reason, won: row.converted }
  if (row.converted || meaning === 'converted')
    return { history, status: 'converted', clock: false }
  if (meaning === 'accepted') return { history, status: 'working', clock: false }
  return { history, status: 'new', clock: !history }
}

/** What the preview counts of the new leads of these fates. */
export function becomesOf(fates: Fate[]) {
  const rejected = fates.filter((f) => f.status === 'rejected')
  return {
    history: fates.filter((f) => f.history).length,
    waitingWithClock: fates.filter((f) => f.status === 'new' && f.clock).length,
    // The live rows of the exports are from the last two days: none has run out of time.
    overdue: 0,
    waitingWithoutClock: fates.filter((f) => f.status === 'new' && !f.clock).length,
    accepted: fates.filter((f) => f.status === 'working').length,
    converted: fates.filter((f) => f.status === 'converted').length,
    rejected: rejected.length,
    won: rejected.filter((f) => f.won).length,
  }
}

/** How many times each key occurs. */
export function tally(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1
  return counts
}

/** What a file says of one lead: when it was handed over, its source, its rejection, its win. */
export type LeadFromFile = { handedOverAt: Date; source: string; reason?: string; won?: boolean }

/** Leads per month of hand-over (YYYY-MM), in the organisation's calendar, oldest first. */
export function cohorts(handedOver: Date[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const month of handedOver.map((at) => monthOf(at)).sort())
    counts[month] = (counts[month] ?? 0) + 1
  return counts
}

/** Every month from `from` to `to` (YYYY-MM-DD), as the reports label them. */
function months(from: string, to: string): string[] {
  const list: string[] = []
  const last = DateTime.fromISO(to, { zone: EXPORT_TIME_ZONE })
  for (
    let m = DateTime.fromISO(from, { zone: EXPORT_TIME_ZONE }).startOf('month');
    m <= last;
    m = m.plus({ months: 1 })
  )
    list.push(m.toFormat('yyyy-MM'))
  return list
}

const byKey = <T>(items: T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

/**
 * Loads the accuracy, source-quality and hindsight reports by month over `range` as `cookie`
 * at `now`, and expects each period, reason and source to hold what `leads` say.
 */
export async function expectReportsToAgree(
  leads: LeadFromFile[],
  cookie: string,
  now: Date,
  range: { from: string; to: string },
) {
  const query = `period=month&from=${range.from}&to=${range.to}`
  const load = async <T>(loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string) =>
    payloadOf<{ report: T }>(await loader(getArgs(`${path}?${query}`, { cookie, now }))).report
  const inMonth = byKey(leads, (l) => monthOf(l.handedOverAt))
  const rejected = leads.filter((l) => l.reason)
  const periods = months(range.from, range.to)
  const of = (month: string) => inMonth.get(month) ?? []

  type Accuracy = { periods: Record<string, unknown>[]; breakdown: Record<string, unknown>[] }
  const accuracy = await load<Accuracy>(accuracyLoader, '/reports/accuracy')
  expect(accuracy.periods).toEqual(
    periods.map((name) => {
      // Every rejection of a CRM's history is imported, not reviewed: opened, never decided;
      // the CRM says nothing of contact, so each is a rejection before contact.
      const opened = of(name).filter((l) => l.reason).length
      return {
        name,
        opened,
        beforeContact: opened,
        afterContact: 0,
        ignored: 0,
        decided: 0,
        upheld: 0,
        overturned: 0,
        open: 0,
        imported: opened,
        accuracy: null,
      }
    }),
  )
  expect(Object.fromEntries(accuracy.breakdown.map((r) => [r.name, r.opened]))).toEqual(
    Object.fromEntries(
      [...byKey(rejected, (l) => l.reason as string)].map(([k, v]) => [k, v.length]),
    ),
  )

  type Quality = { periods: Record<string, unknown>[]; bySource: Record<string, unknown>[] }
  const quality = await load<Quality>(sourcesLoader, '/reports/sources')
  // A CRM's history holds no hand-back from nurture: every hand-over is net-new.
  const qualityOf = (list: LeadFromFile[]) => ({
    handedOver: list.length,
    netNew: list.length,
    reEngaged: 0,
    rejected: list.filter((l) => l.reason).length,
    confirmedBad: 0,
    confirmedGood: 0,
    confirmedBadRate: list.length > 0 ? 0 : null,
  })
  expect(quality.periods).toEqual(periods.map((name) => ({ name, ...qualityOf(of(name)) })))
  expect(
    Object.fromEntries(quality.bySource.map(({ name, ...row }) => [name as string, row])),
  ).toEqual(
    Object.fromEntries([...byKey(leads, (l) => l.source)].map(([k, v]) => [k, qualityOf(v)])),
  )

  type Hindsight = { periods: Record<string, unknown>[] }
  const hindsight = await load<Hindsight>(hindsightLoader, '/reports/hindsight')
  expect(
    hindsight.periods.map(({ name, rejected, known, realBuyers, notBuyers }) => ({
      name,
      rejected,
      known,
      realBuyers,
      notBuyers,
    })),
  ).toEqual(
    periods.map((name) => {
      const won = of(name).filter((l) => l.reason && l.won).length
      return {
        name,
        rejected: of(name).filter((l) => l.reason).length,
        known: won,
        realBuyers: won,
        notBuyers: 0,
      }
    }),
  )
}
