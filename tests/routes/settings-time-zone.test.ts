// Settings: the time zone as stored (decision 37). With none stored the page says UTC is used
// and saving the form untouched stores none; a zone stored is kept by a save that leaves the
// field empty; an unknown zone is a 400 naming the field.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  deleteSetting,
  getOrganisationSettings,
  getStoredOrganisationSettings,
} from '~/domain/settings/settings.server'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as settingsAction, loader as settingsLoader } from '~/routes/admin.settings'
import { auditEvents, summaryZone } from '~db/schema'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

let admin: string

beforeAll(async () => {
  await seedTeam()
  admin = await signInAs('sasha@brightline.test')
  // As a new installation: no organisation settings stored.
  deleteSetting(getDb(), 'organisation')
})

const save = (timeZone: string, cookie = admin) =>
  settle(() =>
    settingsAction(
      postArgs(
        '/admin/settings',
        { intent: 'organisation', organisationName: 'Brightline Systems', timeZone },
        { cookie },
      ),
    ),
  )
type Reply = ActionReply<unknown>
const errorsOf = (result: Awaited<ReturnType<typeof save>>) =>
  payloadOf<Reply>(result).result?.error ?? {}
const page = async () =>
  payloadOf<{ settings: { timeZone?: string }; timeZones: string[] }>(
    await settle(() => settingsLoader(getArgs('/admin/settings', { cookie: admin }))),
  )
const lastAudit = () =>
  getDb().select().from(auditEvents).where(eq(auditEvents.action, 'settings.updated')).all().at(-1)
const summariesZone = () => getDb().select().from(summaryZone).get()?.timeZone

describe('the time-zone setting', () => {
  it('with none stored, the page gets no zone, UTC first in the list, and the app uses UTC', async () => {
    const { settings, timeZones } = await page()
    expect(settings).toEqual({ organisationName: 'Leadcourt' })
    expect(timeZones[0]).toBe('UTC')
    expect(timeZones[1]).toBe('Africa/Abidjan')
    expect(timeZones).toContain('Europe/London')
    expect(getOrganisationSettings(getDb()).timeZone).toBe('UTC')
  })

  it('saving with the field left empty stores the name and still no zone', async () => {
    const zoneBefore = summariesZone()
    const result = await save('')
    expect(statusOf(result)).toBe(200)
    expect(payloadOf<Reply>(result).notice).toBe('Settings saved.')
    expect(getStoredOrganisationSettings(getDb())).toEqual({
      organisationName: 'Brightline Systems',
    })
    expect(lastAudit()?.after).toEqual({ organisationName: 'Brightline Systems' })
    expect((await page()).settings).toEqual({ organisationName: 'Brightline Systems' })
    // The zone used (UTC) did not change: the summaries are not reset.
    expect(summariesZone()).toBe(zoneBefore)
  })

  it('an admin chooses a zone: stored, shown, and the summaries recounted in it', async () => {
    const result = await save('America/New_York')
    expect(statusOf(result)).toBe(200)
    expect((await page()).settings).toEqual({
      organisationName: 'Brightline Systems',
      timeZone: 'America/New_York',
    })
    expect(getOrganisationSettings(getDb()).timeZone).toBe('America/New_York')
    expect(summariesZone()).toBe('America/New_York')
  })

  it('saving with the field empty keeps the zone stored', async () => {
    const result = await save('')
    expect(statusOf(result)).toBe(200)
    expect(getStoredOrganisationSettings(getDb())).toEqual({
      organisationName: 'Brightline Systems',
      timeZone: 'America/New_York',
    })
    expect(lastAudit()?.before).toEqual(lastAudit()?.after)
  })

  it('spaces only are an empty field; spaces around a zone are dropped', async () => {
    expect(statusOf(await save('   '))).toBe(200)
    expect(getStoredOrganisationSettings(getDb()).timeZone).toBe('America/New_York')
    expect(statusOf(await save(' Europe/London '))).toBe(200)
    expect(getStoredOrganisationSettings(getDb()).timeZone).toBe('Europe/London')
    expect(summariesZone()).toBe('Europe/London')
    expect(statusOf(await save('America/New_York'))).toBe(200)
  })

  it.each(['Mars/Olympus_Mons', 'Europe/london', 'GMT+2'])(
    'refuses the zone "%s" with a 400 naming the field, keeping the stored one',
    async (zone) => {
      const result = await save(zone)
      expect(statusOf(result)).toBe(400)
      expect(errorsOf(result)).toEqual({
        timeZone: ['Choose a time zone from the list (an IANA name such as Europe/London)'],
      })
      expect(getOrganisationSettings(getDb()).timeZone).toBe('America/New_York')
    },
  )

  it('UTC can be chosen, and is then stored', async () => {
    expect(statusOf(await save('UTC'))).toBe(200)
    expect(getStoredOrganisationSettings(getDb()).timeZone).toBe('UTC')
    expect(summariesZone()).toBe('UTC')
  })

  it('only admins save it', async () => {
    const maya = await signInAs('maya@brightline.test')
    expect(statusOf(await save('Europe/Paris', maya))).toBe(403)
    expect(getStoredOrganisationSettings(getDb()).timeZone).toBe('UTC')
  })
})
