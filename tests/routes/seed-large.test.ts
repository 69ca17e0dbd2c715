// `npm run seed:large` run as people run it, on a small year, and its result read back: the
// shares the issue asks for, every lead's follow-up clock, the keys and the audit chain.
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedDemo } from '~/demo/seed.server'
import { verifyAuditTrail } from '~/platform/audit.server'
import { getDb } from '~/platform/db.server'
import { openDatabase } from '~db/connection'

const LEADS = 2000
const path = join(dirname(process.env.DATABASE_PATH ?? ''), 'large.db')

describe('seed:large', () => {
  it('writes a year of leads with the asked shares, a clock for every lead and an unbroken chain', async () => {
    const output = execFileSync(
      'node_modules/.bin/tsx',
      ['scripts/seed-large.ts', '--leads', String(LEADS), '--reps', '5', '--database', path],
      { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
    )
    expect(output).toMatch(/leads per second/)
    const db = openDatabase(path)
    const sqlite = db.$client
    const one = <T>(query: string) => sqlite.prepare(query).get() as T
    // The demo's leads come first (as many as the demo seed writes); the generated year follows.
    await seedDemo(getDb(), new Date())
    const demo = (getDb().$client.prepare('SELECT count(*) AS n FROM leads').get() as { n: number })
      .n
    expect(one<{ last: number }>(`SELECT max(id) AS last FROM leads`).last).toBe(demo + LEADS)
    expect(one<{ n: number }>('SELECT count(*) AS n FROM leads').n).toBe(demo + LEADS)
    expect(
      one<{ n: number }>(
        "SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'rep'",
      ).n,
    ).toBe(5)

    // Each generated lead has exactly one hand-over clock; how the reps acted on them.
    const handOvers = sqlite
      .prepare(
        `SELECT coalesce(f.action, 'waiting') AS action, count(*) AS n,
           sum(f.acted_at IS NOT NULL AND typeof(f.acted_at) <> 'integer') AS malformed,
           sum(f.acted_at < f.started_at) AS before_start
         FROM follow_ups f WHERE f.kind = 'hand_over' AND f.lead_id > ${demo}
         GROUP BY 1`,
      )
      .all() as { action: string; n: number; malformed: number; before_start: number }[]
    const count = Object.fromEntries(handOvers.map((row) => [row.action, row.n]))
    const share = Object.fromEntries(handOvers.map((row) => [row.action, row.n / LEADS]))
    expect(handOvers.reduce((sum, row) => sum + row.n, 0)).toBe(LEADS)
    expect(Object.keys(share).sort()).toEqual(['accepted', 'ignored', 'rejected', 'waiting'])
    expect(share.accepted).toBeGreaterThan(0.7)
    expect(share.accepted).toBeLessThan(0.8)
    expect(share.rejected).toBeGreaterThan(0.15)
    expect(share.rejected).toBeLessThan(0.25)
    expect(share.ignored).toBeGreaterThan(0.03)
    expect(share.ignored).toBeLessThan(0.08)
    expect(handOvers.map((row) => [row.action, row.malformed, row.before_start])).toEqual([
      ['accepted', 0, 0],
      ['ignored', 0, 0],
      ['rejected', 0, 0],
      ['waiting', 0, null],
    ])

    // Every rejected or ignored lead became a case; some were ruled, with votes.
    const cases = one<{ n: number; ruled: number; votes: number }>(
      `SELECT count(*) AS n, sum(c.verdict IS NOT NULL) AS ruled,
         (SELECT count(*) FROM votes) AS votes FROM cases c WHERE c.lead_id > ${demo}`,
    )
    expect(cases.n).toBe((count.rejected ?? 0) + (count.ignored ?? 0))
    expect(cases.ruled).toBeGreaterThan(0)
    expect(cases.votes).toBeGreaterThan(cases.ruled)

    // Search finds generated leads (indexed once per batch), and none is left waiting.
    const lead = one<{ id: number; last_name: string }>(
      `SELECT id, last_name FROM leads WHERE id = ${demo + LEADS}`,
    )
    const found = sqlite
      .prepare('SELECT rowid FROM leads_search WHERE leads_search MATCH ?')
      .all(`"${lead.last_name}"`) as { rowid: number }[]
    expect(found.map((row) => row.rowid)).toContain(lead.id)
    expect(one<{ n: number }>('SELECT count(*) AS n FROM leads_search_pending').n).toBe(0)

    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(verifyAuditTrail(db)).toMatchObject({ ok: true })
    sqlite.close()
  }, 300_000)
})
