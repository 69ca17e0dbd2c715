import { describe, expect, it } from 'vitest'
import { getDb } from '~/lib/db.server'
import { getActiveVersion, getVersion } from '~/lib/definitions.server'
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

  it('has definition v1, signed off by Victor and Clara, and a year of leads for the three reps', () => {
    const version = getActiveVersion(getDb())
    expect(version?.number).toBe(1)
    expect(version?.criteria.map((c) => c.key)).toEqual([
      'company_size',
      'target_industry',
      'target_country',
      'seniority',
      'engagement',
      'timeline',
      'email',
    ])
    expect(
      getVersion(getDb(), version?.id ?? 0)?.signoffs.map((s) => [s.seat, s.userName]),
    ).toEqual([
      ['sales', 'Victor Lindqvist'],
      ['marketing', 'Clara Moreau'],
    ])
    const sqlite = getDb().$client
    expect(sqlite.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 360 })
    const owners = sqlite
      .prepare(
        'SELECT u.name, count(*) AS n FROM leads l JOIN users u ON u.id = l.owner_id GROUP BY 1 ORDER BY 1',
      )
      .all()
    expect(owners).toEqual([
      { name: 'Dana Reyes', n: 120 },
      { name: 'Lucy Chen', n: 120 },
      { name: 'Omar Haddad', n: 120 },
    ])
    const span = sqlite
      .prepare('SELECT (max(handed_over_at) - min(handed_over_at)) / 86400000.0 AS days FROM leads')
      .get() as { days: number }
    expect(span.days).toBeGreaterThan(350)
    expect(
      sqlite
        .prepare('SELECT count(DISTINCT source) AS n, count(DISTINCT campaign) AS c FROM leads')
        .get(),
    ).toEqual({ n: 6, c: 11 })
    // Every lead is judged against v1, which was in force when it was handed over.
    expect(
      sqlite
        .prepare(
          'SELECT count(*) AS n FROM leads WHERE definition_version_id IS NOT ? OR evaluation IS NULL',
        )
        .get(version?.id),
    ).toEqual({ n: 0 })
  })
})
