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

/** A demo user's session cookie. */
async function signIn(email: string) {
  const response = await fetch(`${app.url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: app.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  })
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

beforeAll(async () => {
  app = await startApp({
    DATABASE_PATH: database,
    WEB_CONCURRENCY: '2',
    EXPOSE_PROCESS_ID: 'true',
    // Plain http: the cookie comes back without a browser's leniency for Secure on localhost.
    COOKIE_SECURE: 'false',
  })
  cookie = await signIn('dana@brightline.test')
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
          // A reason may dispute a criterion the lead meets: a note then (decision 41).
          notes: 'Not a fit on the first call',
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

  it('an import started through a worker runs in the primary, and finishes though that worker dies', async () => {
    const maya = await signIn('maya@brightline.test')
    const post = (path: string, body: FormData | URLSearchParams) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: maya, Origin: app.url },
        body,
      })
    // 3,000 new leads: long enough to be under way when the worker goes.
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `cluster-${i},lead${i}@cluster.example,Lead,${i},Cluster Co ${i},Webinar`,
    )
    const csv = ['Id,Email,First Name,Last Name,Company,Source', ...rows].join('\n')
    const file = new FormData()
    file.append('file', new Blob([csv], { type: 'text/csv' }), 'cluster-leads.csv')
    const uploaded = await post('/imports/new', file)
    expect(uploaded.status, await uploaded.text()).toBe(302)
    const path = uploaded.headers.get('location') ?? ''
    expect(path).toMatch(/^\/imports\/\d+$/)
    const jobId = Number(path.split('/').pop())
    const mapping = ['externalId', 'email', 'firstName', 'lastName', 'company', 'source']
    const saved = await post(
      path,
      new URLSearchParams({
        intent: 'save-mapping',
        ...Object.fromEntries(mapping.map((target, i) => [`column-${i}`, target])),
      }),
    )
    expect(saved.status, await saved.text()).toBe(302)
    const started = await post(path, new URLSearchParams({ intent: 'start' }))
    expect(started.status, await started.text()).toBe(302)
    const starter = Number(started.headers.get('x-leadcourt-process'))
    const workers = childPids(app.pid)
    expect(workers).toContain(starter)
    process.kill(starter, 'SIGKILL')
    const sqlite = new Database(database, { readonly: true })
    try {
      const job = () =>
        sqlite
          .prepare('SELECT status, created, error FROM import_jobs WHERE id = ?')
          .get(jobId) as {
          status: string
          created: number
          error: string | null
        }
      const finished = await eventually(() => (job().status === 'running' ? undefined : job()))
      expect(finished).toEqual({ status: 'done', created: 3000, error: null })
    } finally {
      sqlite.close()
    }
    // The next test starts from two workers serving again.
    const replacement = await eventually(() =>
      childPids(app.pid).find((pid) => !workers.includes(pid)),
    )
    await answeringProcesses((pids) => pids.has(replacement))
  }, 180_000)

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
