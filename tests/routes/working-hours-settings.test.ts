// Settings: working days, hours and public holidays, and holidays imported from an iCalendar
// file (decision 46), saved by an admin through the page's action; bad input is a 400 naming
// the field, and nothing is kept.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { getWorkingCalendar, getWorkingHours } from '~/domain/settings/settings.server'
import { MAX_ICS_BYTES } from '~/domain/settings/working-hours'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as settingsAction, loader as settingsLoader } from '~/routes/admin.settings'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, requestArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

let admin: string
let rep: string
const NOW = new Date('2026-11-28T12:00:00Z')

beforeAll(async () => {
  await seedTeam()
  admin = await signInAs('sasha@brightline.test')
  rep = await signInAs('dana@brightline.test')
})

const HOURS = { days: ['1', '2', '3', '4', '5'], start: '09:00', end: '17:00', holidays: '' }
const save = (fields: Record<string, string | string[]>, cookie = admin) =>
  settle(() =>
    settingsAction(
      postArgs('/admin/settings', { intent: 'workingHours', ...HOURS, ...fields }, { cookie }),
    ),
  )
const upload = (content: string, cookie = admin) => {
  const body = new FormData()
  body.append('intent', 'holidaysImport')
  body.append('calendarFile', new Blob([content], { type: 'text/calendar' }), 'holidays.ics')
  return settle(() =>
    settingsAction(
      requestArgs(
        '/admin/settings',
        { method: 'POST', body, headers: { 'Content-Type': null } },
        { cookie, now: NOW },
      ),
    ),
  )
}
type Reply = ActionReply<unknown>
const errorsOf = (result: Awaited<ReturnType<typeof save>>) =>
  payloadOf<Reply>(result).result?.error ?? {}

describe('working hours in Settings', () => {
  it('default to 09:00–17:00, Monday to Friday, in the organisation’s zone', async () => {
    const page = await settle(() => settingsLoader(getArgs('/admin/settings', { cookie: admin })))
    expect(payloadOf<{ workingHours: unknown }>(page).workingHours).toEqual({
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
      holidays: [],
    })
    expect(getWorkingCalendar(getDb())).toEqual({
      timeZone: 'Europe/London',
      days: [1, 2, 3, 4, 5],
      start: 540,
      end: 1020,
      holidays: [],
    })
  })

  it('an admin saves other days, hours not on the hour, and holidays', async () => {
    const result = await save({
      days: ['7', '1', '2', '3', '4'],
      start: '08:30',
      end: '16:45',
      holidays: '2026-12-25 Christmas Day\n2026-12-24 Christmas Eve',
    })
    expect(statusOf(result)).toBe(200)
    expect(getWorkingHours(getDb())).toEqual({
      days: [1, 2, 3, 4, 7],
      start: '08:30',
      end: '16:45',
      holidays: [
        { date: '2026-12-24', name: 'Christmas Eve' },
        { date: '2026-12-25', name: 'Christmas Day' },
      ],
    })
    await save({})
  })

  it('refuses an end before the start, an unknown day and a holiday that is not a date', async () => {
    const before = getWorkingHours(getDb())
    const late = await save({ start: '17:00', end: '09:00' })
    expect(statusOf(late)).toBe(400)
    expect(errorsOf(late)).toEqual({ end: ['End the working day after it starts'] })
    const day = await save({ days: ['1', 'Funday'] })
    expect(statusOf(day)).toBe(400)
    expect(Object.keys(errorsOf(day))).toEqual(['days[1]'])
    const none = await save({ days: [] })
    expect(statusOf(none)).toBe(400)
    expect(Object.keys(errorsOf(none))).toEqual(['days'])
    const holiday = await save({ holidays: '2026-12-25 Christmas\nBoxing Day' })
    expect(statusOf(holiday)).toBe(400)
    expect(errorsOf(holiday)).toEqual({
      holidays: ['Line 2: “Boxing” is not a date; start each line with one such as 2026-12-25'],
    })
    expect(getWorkingHours(getDb())).toEqual(before)
  })

  it('is the admin’s alone: a rep gets a 403', async () => {
    expect(statusOf(await save({}, rep))).toBe(403)
  })
})

describe('holidays imported from an iCalendar file', () => {
  it('adds the file’s days, a recurring holiday repeated, and says how many', async () => {
    const result = await upload(readFileSync('tests/fixtures/holidays.ics', 'utf8'))
    expect(statusOf(result)).toBe(200)
    expect(payloadOf<Reply>(result).notice).toBe('4 holidays added; 4 kept in all.')
    expect(getWorkingCalendar(getDb()).holidays).toEqual([
      '2026-12-25',
      '2027-08-30',
      '2027-12-25',
      '2028-12-25',
    ])
    // Again: nothing new.
    expect(
      payloadOf<Reply>(await upload(readFileSync('tests/fixtures/holidays.ics', 'utf8'))).notice,
    ).toBe('0 holidays added; 4 kept in all.')
  })

  it('refuses a file that is not iCalendar, or too large, naming the field', async () => {
    const before = getWorkingHours(getDb())
    const malformed = await upload('BEGIN:VCALENDAR\nthis is not a calendar')
    expect(statusOf(malformed)).toBe(400)
    expect(Object.keys(errorsOf(malformed))).toEqual(['calendarFile'])
    const large = await upload('x'.repeat(MAX_ICS_BYTES + 1))
    expect(statusOf(large)).toBe(400)
    expect(errorsOf(large)).toEqual({
      calendarFile: ['The file is larger than 256 KB; a holiday calendar is far smaller'],
    })
    expect(getWorkingHours(getDb())).toEqual(before)
  })
})
