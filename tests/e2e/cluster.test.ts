// Decision 31: the production build with WEB_CONCURRENCY=2 serves from two worker processes,
// one session good on both, while the job runner runs once, in the primary, and hands over the
// events the workers append; a worker that dies is replaced, and SIGTERM stops them all.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppServer, childPids, DEMO_PASSWORD, startApp } from './app-server'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-cluster-'))
const database = join(dir, 'cluster.db')
let app: AppServer
let cookie = ''

beforeAll(async () => {
  app = await startApp({
    DATABASE_PATH: database,
    WEB_CONCURRENCY: '2',
    EXPOSE_PROCESS_ID: 'true',
    // Plain http: the cookie comes back without a browser's leniency for Secure on localhost.
    COOKIE_SECURE: 'false',
  })
  const response = await fetch(`${app.url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: app.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'dana@brightline.test', password: DEMO_PASSWORD }),
  })
  cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  // The demo seed takes a minute or more on a loaded machine (startApp waits up to two).
}, 180_000)
afterAll(async () => {
  await app?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** One GET on a connection of its own (the cluster hands out connections, not requests). */
function getOnce(path: string): Promise<{ status: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const request = get(`${app.url}${path}`, { agent: false, headers: { Cookie: cookie } }, (r) => {
      r.resume()
      r.on('end', () =>
        resolve({ status: r.statusCode ?? 0, pid: Number(r.headers['x-leadcourt-process']) }),
      )
    })
    request.on('error', reject)
  })
}

/** Asks until `enough` says the answering processes suffice, or fails after `limit` requests. */
async function answeringProcesses(enough: (pids: Set<number>) => boolean, limit = 200) {
  const pids = new Set<number>()
  for (let i = 0; i < limit && !enough(pids); i++) {
    const answer = await getOnce('/leads')
    // Dana's session, created by whichever worker signed her in, is good on every worker.
    expect(answer.status).toBe(200)
    pids.add(answer.pid)
  }
  return pids
}

/** The processes that said they run the job runner. */
const runnerPids = () =>
  [...app.output().matchAll(/The job runner runs in process (\d+)\./g)].map((m) => Number(m[1]))

/** Polls `check` until it returns a value, for at most 90 s (a worker starts in 25 s at load 17). */
async function eventually<T>(check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 90_000
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Gave up waiting.\n${app.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the server as a cluster of two workers', () => {
  it('two workers, neither the primary, answer requests with one session; the runner is the primary', async () => {
    expect(cookie).toMatch(/^lc_session=/)
    const workers = childPids(app.pid)
    expect(workers).toHaveLength(2)
    const answered = await answeringProcesses((pids) => pids.size === 2)
    expect([...answered].sort()).toEqual([...workers].sort())
    expect(runnerPids()).toEqual([app.pid])
  })

  it("the primary's runner hands over an event a worker appended, once", async () => {
    const sqlite = new Database(database, { readonly: true })
    const one = <T>(query: string, ...params: unknown[]) =>
      sqlite.prepare(query).get(...params) as T
    try {
      // One of Dana's new leads, and the marketer answerable for it, who is told of the case.
      const lead = one<{ id: number; marketer: string }>(
        "SELECT l.id, m.email AS marketer FROM leads l JOIN users u ON u.id = l.owner_id JOIN users m ON m.id = l.marketer_id WHERE u.email = 'dana@brightline.test' AND l.status = 'new' AND l.follow_up_due_at > ? ORDER BY l.id LIMIT 1",
        Date.now() + 60 * 60_000,
      )
      const reason = one<{ id: number }>(
        'SELECT id FROM reasons WHERE active = 1 AND notes_required = 0 ORDER BY id LIMIT 1',
      )
      const response = await fetch(`${app.url}/leads/${lead.id}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          Cookie: cookie,
          Origin: app.url,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          intent: 'reject',
          reasonId: String(reason.id),
          contactAttempts: '2',
        }),
      })
      expect(response.status).toBeLessThan(400)
      const caseId = one<{ id: number }>('SELECT id FROM cases WHERE lead_id = ?', lead.id).id
      // Done once the outbox marks the case's events handled by every consumer.
      await eventually(() =>
        one<{ n: number }>(
          "SELECT count(*) AS n FROM outbox WHERE handled_at IS NULL AND type IN ('lead.rejected', 'case.opened')",
        ).n === 0
          ? true
          : undefined,
      )
      const told = sqlite
        .prepare(
          "SELECT u.email FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.case_id = ? AND n.kind = 'case_opened'",
        )
        .all(caseId)
      expect(told).toEqual([{ email: lead.marketer }])
    } finally {
      sqlite.close()
    }
  })

  it('a worker that dies is replaced; the runner stays where it was', async () => {
    const [victim, survivor] = childPids(app.pid) as [number, number]
    process.kill(victim, 'SIGKILL')
    const replacement = await eventually(() =>
      childPids(app.pid).find((pid) => pid !== victim && pid !== survivor),
    )
    const answered = await answeringProcesses((pids) => pids.has(replacement))
    expect(answered.has(replacement)).toBe(true)
    expect(answered.has(victim)).toBe(false)
    expect(app.output()).toContain(`Worker ${victim} was killed (SIGKILL); a new one starts in`)
    expect(runnerPids()).toEqual([app.pid])
  }, 120_000)

  it('SIGTERM to the primary stops every worker, then the primary', async () => {
    const workers = childPids(app.pid)
    expect(workers).toHaveLength(2)
    await app.stop()
    for (const pid of workers) expect(existsSync(`/proc/${pid}`)).toBe(false)
  })
})
