import { spawn } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/platform/db.server'
import { loader as auditLoader } from '~/routes/audit'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

beforeAll(async () => {
  await seedTeam(new Date('2026-11-20T10:00:00Z'))
})

type Audit = {
  total: number
  pageCount: number
  entries: {
    at: string
    when: string
    sentence: string
    subject: string
    subjectPath: string | null
    details: { field: string; before: string | null; after: string | null }[]
  }[]
}

describe('audit trail page', () => {
  it('leadership reads it, newest first, in words and in the organisation’s time zone', async () => {
    const cookie = await signInAs('felix@brightline.test')
    const page = payloadOf<Audit>(await auditLoader(getArgs('/audit', { cookie })))
    // The seed wrote the settings and ten users.
    expect(page.total).toBe(11)
    expect(page.entries[0]).toMatchObject({
      at: '2026-11-20T10:00:00.000Z',
      when: '20 Nov 2026, 10:00 GMT',
      sentence: 'Leadcourt added Sasha Ivanova as admin',
      subject: 'Sasha Ivanova',
    })
    expect(page.entries[0]?.subjectPath).toMatch(/^\/admin\/users\/\d+$/)
    // The fields in words, for the details: names people read, never keys or JSON.
    expect(page.entries[0]?.details).toContainEqual({
      key: 'roles',
      field: 'Roles',
      before: null,
      after: 'admin',
    })
    expect(page.entries[0]?.details).toContainEqual({
      key: 'isChair',
      field: 'Chair',
      before: null,
      after: 'No',
    })
    // Felix reads his own creation addressed to him.
    expect(page.entries.map((e) => e.sentence)).toContain('Leadcourt added you as leadership')
    expect(page.entries.at(-1)).toMatchObject({
      sentence: 'Leadcourt changed the organisation settings (organisation name and time zone)',
      subject: 'Organisation settings',
      subjectPath: null,
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

describe('npm run audit:verify', () => {
  const verify = () =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('node', ['--import', 'tsx', 'scripts/audit-verify.ts'], {
        env: { ...process.env, NODE_ENV: 'test' },
      })
      let out = ''
      child.stdout.on('data', (d) => {
        out += d
      })
      child.stderr.on('data', (d) => {
        out += d
      })
      child.on('close', (code) => resolve({ code, out }))
    })

  it('passes on the real trail, and names the first broken entry after a row is edited directly', async () => {
    const intact = await verify()
    expect(intact.code, intact.out).toBe(0)
    expect(intact.out).toMatch(/entries, chain intact/)
    const sqlite = getDb().$client
    const { id } = sqlite.prepare('SELECT min(id) + 2 AS id FROM audit_events').get() as {
      id: number
    }
    // Someone with the file drops the guard and rewrites history.
    sqlite.exec('DROP TRIGGER audit_events_no_update')
    sqlite.prepare("UPDATE audit_events SET action = 'user.forged' WHERE id = ?").run(id)
    const broken = await verify()
    expect(broken.code).toBe(1)
    expect(broken.out).toContain(`broken at entry ${id}`)
    // Two runs of the command through tsx: 8 s on a quiet machine, 19 s beside two busy cores.
  }, 90_000)
})
