// What a CRM row's dates, statuses and converted flag make of a new lead (decision 25), and the
// statuses' default meanings for Salesforce, HubSpot and Zoho exports.
import { describe, expect, it } from 'vitest'
import { type CrmContext, crmFate, defaultCutoff, statusChoices } from '~/domain/import/crm-row'
import {
  combinedChoice,
  defaultStatusChoice,
  type ImportOptions,
  NO_OPTIONS,
} from '~/domain/import/options'
import type { CrmCells } from '~/domain/import/rows'
import { allDayWeekdays } from '../support/calendar'

const REASONS = [
  { id: 1, label: 'Outside ideal customer profile' },
  { id: 5, label: 'Not sales-ready (timing)' },
  { id: 8, label: 'Competitor / student / job seeker / spam' },
  { id: 10, label: 'Other' },
]
// Friday 27 November 2026, noon in London.
const NOW = new Date('2026-11-27T12:00:00Z')

function context(options: Partial<ImportOptions> = {}, handOverMapped = true): CrmContext {
  const all = { ...NO_OPTIONS, history: 'history' as const, ...options }
  return {
    now: NOW,
    timeZone: 'Europe/London',
    options: all,
    isOld: (at) => at < new Date('2026-11-25T00:00:00Z'),
    overdue: () => false,
    handOverMapped,
    reasons: new Map(REASONS.map((r) => [r.id, r.label])),
    statusChoice: statusChoices(all, REASONS),
  }
}
const cells = (crm: Partial<CrmCells>): CrmCells => ({ statuses: [], ...crm })

describe('default status meanings', () => {
  it.each([
    // Salesforce
    ['Open - Not Contacted', 'waiting'],
    ['Working - Contacted', 'accepted'],
    ['Closed - Converted', 'converted'],
    ['Closed - Not Converted', 'rejected:10'],
    // HubSpot
    ['NEW', 'waiting'],
    ['OPEN', 'waiting'],
    ['IN_PROGRESS', 'accepted'],
    ['ATTEMPTED_TO_CONTACT', 'accepted'],
    ['CONNECTED', 'accepted'],
    ['BAD_TIMING', 'rejected:5'],
    ['UNQUALIFIED', 'rejected:1'],
    // Zoho
    ['Not Contacted', 'waiting'],
    ['Attempted to Contact', 'accepted'],
    ['Contact in Future', 'rejected:5'],
    ['Contacted', 'accepted'],
    ['Pre Qualified', 'accepted'],
    ['Junk Lead', 'rejected:8'],
    ['Lost Lead', 'rejected:10'],
    ['Not Qualified', 'rejected:1'],
    // Unknown, and case and punctuation do not matter
    ['Ringing', 'leave'],
    ['junk lead', 'rejected:8'],
    ['in progress', 'accepted'],
  ])('%s → %s', (value, choice) => {
    expect(defaultStatusChoice(value, REASONS)).toBe(choice)
  })

  it('leaves a rejection alone when the catalog has no such reason', () => {
    expect(defaultStatusChoice('Junk Lead', [{ id: 1, label: 'No budget' }])).toBe('leave')
  })

  it('combines columns: a rejection outweighs everything, then converted, accepted, waiting', () => {
    expect(combinedChoice(['accepted', 'rejected:5', 'rejected:1'])).toBe('rejected:5')
    expect(combinedChoice(['waiting', 'converted', 'accepted'])).toBe('converted')
    expect(combinedChoice(['leave', 'waiting'])).toBe('waiting')
    expect(combinedChoice([])).toBe('leave')
  })
})

describe('the default cut-off', () => {
  it('is the latest day whose start plus the follow-up time has passed', () => {
    // 48 working hours: Wednesday 25th 00:00 ran out on Friday 27th 00:00; Thursday 26th
    // 00:00 runs out on Monday 30th 00:00 (the weekend does not count).
    expect(defaultCutoff(NOW, 48, allDayWeekdays('UTC'))).toBe('2026-11-25')
    expect(defaultCutoff(NOW, 24, allDayWeekdays('UTC'))).toBe('2026-11-26')
    // Monday 30th 09:00: 48 hours back over the weekend is Thursday 26th.
    expect(defaultCutoff(new Date('2026-11-30T09:00:00Z'), 48, allDayWeekdays('UTC'))).toBe(
      '2026-11-26',
    )
  })
})

describe('what a row makes of a new lead', () => {
  it('an old lead recorded as history keeps its time and waits with no clock', () => {
    const fate = crmFate(cells({ handedOverAt: '15 Apr, 2021 00:03:00' }), context())
    expect(fate).toEqual({
      ok: true,
      choice: 'leave',
      arrival: {
        handedOverAt: new Date('2021-04-14T23:03:00Z'), // 00:03 British Summer Time
        clock: false,
        history: true,
        status: 'new',
        acceptedAt: null,
      },
      rejected: null,
      won: null,
    })
  })

  it('an old lead worked now is handed over now with a clock', () => {
    const fate = crmFate(cells({ handedOverAt: '2021-04-15 00:03' }), context({ history: 'work' }))
    expect(fate).toMatchObject({
      ok: true,
      arrival: { handedOverAt: NOW, clock: true, history: false, status: 'new' },
    })
  })

  it('a recent lead keeps its time and its clock runs from then, whatever the history choice', () => {
    const fate = crmFate(cells({ handedOverAt: '2026-11-26T09:00:00Z' }), context())
    expect(fate).toMatchObject({
      ok: true,
      arrival: {
        handedOverAt: new Date('2026-11-26T09:00:00Z'),
        clock: true,
        history: false,
      },
    })
  })

  it('a rejection in the CRM becomes a rejected lead with its case dated from the status change', () => {
    const fate = crmFate(
      cells({
        handedOverAt: '2020-03-02T10:00:00Z',
        statusChangedAt: '2020-03-09T16:30:00Z',
        statuses: [['Lead Status', 'Junk Lead']],
        converted: 'true',
      }),
      context(),
    )
    expect(fate).toEqual({
      ok: true,
      choice: 'rejected:8',
      arrival: {
        handedOverAt: new Date('2020-03-02T10:00:00Z'),
        clock: false,
        history: true,
        status: 'rejected',
        acceptedAt: null,
      },
      rejected: {
        reason: { id: 8, label: 'Competitor / student / job seeker / spam' },
        at: new Date('2020-03-09T16:30:00Z'),
      },
      won: { on: '2020-03-09' },
    })
  })

  it('a converted flag on a lead not rejected converts it; accepted keeps the first contact', () => {
    const converted = crmFate(
      cells({ handedOverAt: '2020-03-02T10:00:00Z', converted: 'Yes' }),
      context(),
    )
    expect(converted).toMatchObject({
      ok: true,
      choice: 'converted',
      arrival: { status: 'converted', acceptedAt: new Date('2020-03-02T10:00:00Z') },
      won: null,
    })
    const accepted = crmFate(
      cells({
        handedOverAt: '2020-03-02T10:00:00Z',
        firstContactAt: '2020-03-03T08:00:00Z',
        statuses: [['Lead Status', 'Contacted']],
        converted: '0',
      }),
      context(),
    )
    expect(accepted).toMatchObject({
      ok: true,
      arrival: { status: 'working', clock: false, acceptedAt: new Date('2020-03-03T08:00:00Z') },
    })
  })

  it('a chosen meaning overrides the default; several columns combine', () => {
    const fate = crmFate(
      cells({
        statuses: [
          ['Tags', 'Already a student'],
          ['Lead Quality', 'Worst'],
        ],
      }),
      context({ statuses: { 'Lead Quality': { Worst: 'rejected:1' } } }, false),
    )
    expect(fate).toMatchObject({
      ok: true,
      choice: 'rejected:1',
      arrival: { handedOverAt: NOW, history: true, status: 'rejected' },
      rejected: { reason: { id: 1 }, at: NOW },
    })
  })

  it('a file without hand-over times worked now: every lead live, handed over now', () => {
    expect(crmFate(cells({}), context({ history: 'work' }, false))).toMatchObject({
      ok: true,
      arrival: { handedOverAt: NOW, clock: true, history: false, status: 'new' },
    })
  })

  it('a date never reads a status change before the hand-over', () => {
    const fate = crmFate(
      cells({
        handedOverAt: '2026-11-26T09:00:00Z',
        statusChangedAt: '2026-11-20T09:00:00Z',
        statuses: [['Lead Status', 'UNQUALIFIED']],
      }),
      context(),
    )
    expect(fate).toMatchObject({ rejected: { at: new Date('2026-11-26T09:00:00Z') } })
  })

  it('fails a row whose date cannot be read, is ambiguous, or lies in the future', () => {
    expect(crmFate(cells({ handedOverAt: '31/02/2021' }), context())).toMatchObject({
      ok: false,
      group: 'Invalid Hand-over time',
    })
    expect(crmFate(cells({ handedOverAt: '03/04/2021' }), context())).toMatchObject({
      ok: false,
      group: 'Date order not chosen',
    })
    expect(
      crmFate(cells({ handedOverAt: '03/04/2021' }), context({ dateOrder: 'month-first' })),
    ).toMatchObject({ ok: true, arrival: { handedOverAt: new Date('2021-03-04T00:00:00Z') } })
    expect(crmFate(cells({ firstContactAt: '2027-01-01' }), context())).toEqual({
      ok: false,
      group: 'Invalid First contact time',
      reason: 'First contact time: 2027-01-01 is in the future',
    })
  })

  it('fails a row mapped to a reason no longer active', () => {
    expect(
      crmFate(
        cells({ statuses: [['Status', 'Bad']] }),
        context({ statuses: { Status: { Bad: 'rejected:99' } } }),
      ),
    ).toMatchObject({ ok: false, group: 'Reason no longer active' })
  })
})
