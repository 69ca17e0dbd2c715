// The Settings page's time-zone field (decision 37): the zone stored or "not set", searchable
// through a list that starts with UTC and then the browser's zone.
import { createRemixStub } from '@remix-run/testing'
import { render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  COMMITTEE_DEFAULTS,
  NURTURE_DEFAULTS,
  SLA_DEFAULTS,
  TIME_ZONES,
  WEBHOOK_DEFAULTS,
} from '~/domain/settings/schema'
import { WORKING_HOURS_DEFAULTS } from '~/domain/settings/working-hours'
import Settings from '~/routes/admin.settings'

function renderSettings(stored: { organisationName: string; timeZone?: string }) {
  const Stub = createRemixStub([
    {
      path: '/admin/settings',
      Component: Settings,
      loader: () => ({
        settings: stored,
        sla: SLA_DEFAULTS,
        workingHours: WORKING_HOURS_DEFAULTS,
        committee: COMMITTEE_DEFAULTS,
        nurture: NURTURE_DEFAULTS,
        webhooks: WEBHOOK_DEFAULTS,
        timeZones: TIME_ZONES,
        summaries: null,
      }),
    },
  ])
  render(<Stub initialEntries={['/admin/settings']} />)
}

/** The zones the field offers, in order, with their labels. */
function offered(field: HTMLElement) {
  const list = document.getElementById(field.getAttribute('list') ?? '')
  if (!list) throw new Error('The field has no list')
  return [...list.querySelectorAll('option')].map((o) =>
    o.textContent ? `${o.value} (${o.textContent})` : o.value,
  )
}

/** This browser in `zone`, as Intl reports it. */
function browserIn(zone: string) {
  const resolved = Intl.DateTimeFormat.prototype.resolvedOptions
  return vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
    this: Intl.DateTimeFormat,
  ) {
    return { ...resolved.call(this), timeZone: zone }
  })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the time-zone field', () => {
  it('with none stored: empty, says UTC is used, and offers UTC then the browser’s zone', async () => {
    browserIn('Asia/Tokyo')
    renderSettings({ organisationName: 'Brightline Systems' })
    const field = await screen.findByRole('combobox', { name: 'Time zone' })
    expect(field).toHaveValue('')
    expect(field).toHaveAttribute('placeholder', 'Not set: UTC is used')
    expect(field).toHaveAccessibleDescription(/^Not set: UTC is used\. Working days/)
    // The browser's zone is read once the page's script runs.
    await waitFor(() => expect(offered(field)[1]).toMatch(/browser/))
    const zones = offered(field)
    expect(zones.slice(0, 3)).toEqual([
      'UTC',
      'Asia/Tokyo (Your browser’s time zone)',
      'Africa/Abidjan',
    ])
    expect(zones).toHaveLength(TIME_ZONES.length)
    expect(zones.filter((z) => z.startsWith('Asia/Tokyo'))).toHaveLength(1)
  })

  it('shows the zone stored, not the first of the list', async () => {
    browserIn('Europe/Paris')
    renderSettings({ organisationName: 'Brightline Systems', timeZone: 'Europe/London' })
    const field = await screen.findByRole('combobox', { name: 'Time zone' })
    expect(field).toHaveValue('Europe/London')
    expect(field).toHaveAccessibleDescription(/^Stored: Europe\/London\./)
    await waitFor(() => expect(offered(field)[1]).toMatch(/browser/))
    expect(offered(field).slice(0, 2)).toEqual(['UTC', 'Europe/Paris (Your browser’s time zone)'])
  })

  it('a browser in a zone not on the list adds nothing before the rest', async () => {
    const asked = browserIn('Mars/Olympus_Mons')
    renderSettings({ organisationName: 'Brightline Systems' })
    const field = await screen.findByRole('combobox', { name: 'Time zone' })
    await waitFor(() => expect(asked).toHaveBeenCalled())
    expect(offered(field).slice(0, 2)).toEqual(['UTC', 'Africa/Abidjan'])
    const form = field.closest('form')
    if (!form) throw new Error('The field is in no form')
    expect(within(form).getByRole('button', { name: 'Save settings' })).toBeInTheDocument()
    expect(field).toHaveAttribute('name', 'timeZone')
  })
})
