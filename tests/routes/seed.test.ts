import { describe, expect, it } from 'vitest'
import { getDb } from '~/lib/db.server'
import { seedDemo } from '~/lib/demo-seed.server'
import { getOrganisationSettings } from '~/lib/settings.server'
import { countUsers } from '~/lib/users.server'

describe('demo seed', () => {
  it('seeds an empty database once; a second start seeds nothing, even two at once', async () => {
    const [first, second] = await Promise.all([
      seedDemo(getDb(), new Date()),
      seedDemo(getDb(), new Date()),
    ])
    expect([first, second].sort()).toEqual([false, true])
    expect(countUsers(getDb())).toBe(10)
    expect(await seedDemo(getDb(), new Date())).toBe(false)
    expect(countUsers(getDb())).toBe(10)
    expect(getOrganisationSettings(getDb())).toEqual({
      organisationName: 'Brightline Systems',
      timeZone: 'Europe/London',
    })
  })
})
