// Settings: the reminder share and what a clock that runs out does to the lead (decision 26),
// saved by an admin through the page's action, with bad values refused as 400s naming the field.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getSlaSettings } from '~/domain/settings/settings.server'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as settingsAction, loader as settingsLoader } from '~/routes/admin.settings'
import { auditEvents } from '~db/schema'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

let admin: string

beforeAll(async () => {
  await seedTeam()
  admin = await signInAs('sasha@brightline.test')
})

const SLA = { followUpHours: '48', reviewDays: '5', returnHours: '24' }
const save = (fields: Record<string, string>, cookie = admin) =>
  settle(() =>
    settingsAction(postArgs('/admin/settings', { intent: 'sla', ...SLA, ...fields }, { cookie })),
  )
type Reply = ActionReply<unknown>
const errorsOf = (result: Awaited<ReturnType<typeof save>>) =>
  payloadOf<Reply>(result).result?.error ?? {}

describe('the reminder and clock-out settings', () => {
  it('default to a 25% reminder and the lead staying with its rep', async () => {
    expect(getSlaSettings(getDb())).toMatchObject({ reminderPercent: 25, onClockOut: 'stay' })
    const page = await settle(() => settingsLoader(getArgs('/admin/settings', { cookie: admin })))
    expect(payloadOf<{ sla: unknown }>(page).sla).toEqual({
      followUpHours: 16,
      reviewDays: 5,
      returnHours: 8,
      reminderPercent: 25,
      onClockOut: 'stay',
    })
  })

  it('an admin saves a share and "Go to the next active rep", audited', async () => {
    const result = await save({ reminderPercent: '20', onClockOut: 'next_rep' })
    expect(statusOf(result)).toBe(200)
    expect(payloadOf<Reply>(result).notice).toBe('Settings saved.')
    expect(getSlaSettings(getDb())).toEqual({
      followUpHours: 48,
      reviewDays: 5,
      returnHours: 24,
      reminderPercent: 20,
      onClockOut: 'next_rep',
    })
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'settings.updated'))
      .all()
      .at(-1)
    expect(audit?.after).toMatchObject({ reminderPercent: 20, onClockOut: 'next_rep' })
    expect(audit?.before).toMatchObject({ reminderPercent: 25, onClockOut: 'stay' })
  })

  it.each([
    ['0', 'The reminder share must be at least 1'],
    ['91', 'The reminder share must be at most 90'],
    ['a quarter', 'Enter the reminder share as a whole number'],
    ['12.5', 'Enter the reminder share as a whole number'],
  ])('refuses a reminder share of "%s" with a 400 naming the field', async (value, message) => {
    const result = await save({ reminderPercent: value, onClockOut: 'stay' })
    expect(statusOf(result)).toBe(400)
    expect(errorsOf(result)).toEqual({ reminderPercent: [message] })
    expect(getSlaSettings(getDb())).toMatchObject({ reminderPercent: 20, onClockOut: 'next_rep' })
  })

  it('refuses a clock-out choice that is not offered, naming the field', async () => {
    const result = await save({ reminderPercent: '25', onClockOut: 'fire_them' })
    expect(statusOf(result)).toBe(400)
    expect(errorsOf(result)).toEqual({
      onClockOut: ['Choose what happens to a lead whose clock ran out'],
    })
    expect(getSlaSettings(getDb()).onClockOut).toBe('next_rep')
  })

  it('a field sent twice is a 400 naming it; only admins save settings', async () => {
    const twice = await settle(() =>
      settingsAction(
        postArgs(
          '/admin/settings',
          { intent: 'sla', ...SLA, reminderPercent: ['20', '30'], onClockOut: 'stay' },
          { cookie: admin },
        ),
      ),
    )
    expect(statusOf(twice)).toBe(400)
    expect(Object.keys(errorsOf(twice))).toEqual(['reminderPercent'])
    const maya = await signInAs('maya@brightline.test')
    const refused = await save({ reminderPercent: '50', onClockOut: 'stay' }, maya)
    expect(statusOf(refused)).toBe(403)
    expect(getSlaSettings(getDb())).toMatchObject({ reminderPercent: 20, onClockOut: 'next_rep' })
  })

  it('saving "Stay with the rep" again restores today’s behaviour', async () => {
    const result = await save({ reminderPercent: '25', onClockOut: 'stay' })
    expect(statusOf(result)).toBe(200)
    expect(getSlaSettings(getDb())).toMatchObject({ reminderPercent: 25, onClockOut: 'stay' })
  })
})
