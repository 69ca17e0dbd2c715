import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/lib/db.server'
import { seedDemo } from '~/lib/demo-seed.server'
import { loader as auditLoader } from '~/routes/audit'
import { getArgs, payloadOf, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

beforeAll(async () => {
  await seedDemo(getDb(), new Date('2026-11-20T10:00:00Z'), { data: false })
})

type Audit = {
  total: number
  pageCount: number
  entries: {
    when: string
    who: string
    what: string
    subject: string
    changes: { field: string; after: string | null }[]
  }[]
}

describe('audit trail page', () => {
  it('leadership reads it, newest first, in words and in the organisation’s time zone', async () => {
    const cookie = await signInAs('felix@brightline.test')
    const page = payloadOf<Audit>(await auditLoader(getArgs('/audit', { cookie })))
    // The seed wrote the settings and ten users.
    expect(page.total).toBe(11)
    expect(page.entries[0]).toMatchObject({
      when: '20 Nov 2026, 10:00 GMT',
      who: 'System',
      what: 'User added',
      subject: 'Sasha Ivanova',
    })
    expect(page.entries[0]?.changes).toContainEqual({
      field: 'roles',
      before: null,
      after: 'admin',
    })
    expect(page.entries.at(-1)).toMatchObject({
      what: 'Settings changed',
      subject: 'Organisation settings',
    })
  })

  it('a rep or a marketer gets 403', async () => {
    for (const email of ['dana@brightline.test', 'maya@brightline.test']) {
      const cookie = await signInAs(email)
      expect(statusOf(await settle(() => auditLoader(getArgs('/audit', { cookie }))))).toBe(403)
    }
  })

  it('a page number beyond the end or nonsense shows a sensible page', async () => {
    const cookie = await signInAs('sasha@brightline.test')
    const nonsense = payloadOf<Audit & { page: number }>(
      await auditLoader(getArgs('/audit?page=abc', { cookie })),
    )
    expect(nonsense.page).toBe(1)
    const beyond = payloadOf<Audit>(await auditLoader(getArgs('/audit?page=99', { cookie })))
    expect(beyond.entries).toEqual([])
  })
})
