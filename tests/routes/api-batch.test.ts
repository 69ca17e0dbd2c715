// Issue 17: POST /api/v1/leads/batch queues up to 10,000 leads (202 and a job); the runner's
// periodic job writes them a transaction at a time; GET /api/v1/jobs/{id} reports progress and
// the rows that failed (index, field, message, identifier), a page at a time, to its token only.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { periodicJobs } from '~/domain/jobs.server'
import { getDb } from '~/platform/db.server'
import { loader as jobLoader } from '~/routes/api.v1.jobs.$jobId'
import { action as batchAction } from '~/routes/api.v1.leads.batch'
import { apiJobs, leads } from '~db/schema'
import { apiToken, callApi, jsonOf } from '../support/api'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { runOnce } from '../support/jobs'
import { everySummary, rebuiltFromZero } from '../support/summaries-world'

const NOW = new Date('2026-11-28T10:00:00Z')
let token: string

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T00:00:00Z'))
  activateDefinition(getDb(), ICP_CRITERIA)
  token = apiToken(['leads:write']).token
})

type Job = {
  id: number
  status: string
  total: number
  done: number
  created: number
  updated: number
  unchanged: number
  failed: number
  errors: { row: number; field: string | null; message: string; identifier: string | null }[]
  next_errors_cursor: string | null
}
const send = (body: unknown, who = token) =>
  callApi(batchAction, 'POST', '/api/v1/leads/batch', { token: who, body, now: NOW })
const job = (id: number, query = '', who = token) =>
  callApi(jobLoader, 'GET', `/api/v1/jobs/${id}${query}`, {
    token: who,
    params: { jobId: String(id) },
    now: NOW,
  })
/** The runner's job, run until it has nothing left, as `npm run jobs` runs it. */
function runBatches() {
  const batches = periodicJobs(0).find((j) => j.name === 'api-batches')
  for (let i = 0; i < 100; i++) if (!runOnce(batches, getDb(), NOW).more) return
  throw new Error('the batches never finished')
}

describe('POST /api/v1/leads/batch and GET /api/v1/jobs/{id}', () => {
  it('queues the rows (202, Location), the runner writes them, the job reports counters and failed rows', async () => {
    await callApi((await import('~/routes/api.v1.leads._index')).action, 'POST', '/api/v1/leads', {
      token,
      body: { external_id: 'B-0', title: 'VP' },
      now: NOW,
    })
    const rows = [
      { external_id: 'B-1', email: 'b1@example.com', first_name: 'Bo' },
      { external_id: 'B-2', email: 'not-an-email' },
      { external_id: 'B-0', title: 'VP' },
      { external_id: 'B-0', title: 'CEO' },
      'not an object',
      { first_name: 'No keys' },
      { external_id: 'B-3', owner: 'nobody@brightline.test' },
      { external_id: 'B-4', colour: 'red' },
    ]
    const queued = await send({ leads: rows })
    expect(queued.status).toBe(202)
    const body = await jsonOf<Job>(queued)
    expect(queued.headers.get('Location')).toBe(`/api/v1/jobs/${body.id}`)
    expect(body).toMatchObject({ status: 'queued', total: 8, done: 0, errors: [] })
    expect(getDb().select().from(leads).where(eq(leads.externalId, 'B-1')).get()).toBeUndefined()

    runBatches()
    const report = await jsonOf<Job>(await job(body.id))
    expect(report).toMatchObject({
      status: 'done',
      total: 8,
      done: 8,
      created: 1,
      updated: 1,
      unchanged: 1,
      failed: 5,
      next_errors_cursor: null,
    })
    expect(report.errors.map((e) => [e.row, e.field, e.identifier])).toEqual([
      [1, 'email', 'B-2'],
      [4, 'lead', null],
      [5, 'external_id', null],
      [6, 'owner', 'B-3'],
      [7, 'colour', 'B-4'],
    ])
    expect(report.errors[0]?.message).toMatch(/not a valid e-mail/)
    expect(getDb().select().from(leads).where(eq(leads.externalId, 'B-0')).get()?.title).toBe('CEO')
    // Done, the rows are dropped.
    expect(getDb().select().from(apiJobs).where(eq(apiJobs.id, body.id)).get()?.input).toBeNull()
    // The batch's leads and their clocks were counted into the report summaries (set-based,
    // decision 36) as a rebuild from zero counts them.
    const counted = everySummary(getDb())
    expect(counted.summary_source_cells?.length).toBeGreaterThan(0)
    expect(rebuiltFromZero(getDb())).toEqual(counted)
  })

  it('marks a job failed, with the error, when even the row-by-row retry fails, and goes on to the next', async () => {
    const broken = await jsonOf<Job>(await send({ leads: [{ external_id: 'F-1' }] }))
    const after = await jsonOf<Job>(await send({ leads: [{ external_id: 'F-2' }] }))
    // A fault that is no row's: the job's progress cannot be saved, whichever way it is written.
    getDb().$client.exec(`CREATE TEMP TRIGGER stuck BEFORE UPDATE OF done ON api_jobs
      WHEN NEW.id = ${broken.id} BEGIN SELECT RAISE(ABORT, 'disk I/O trouble'); END`)
    try {
      runBatches()
    } finally {
      getDb().$client.exec('DROP TRIGGER stuck')
    }
    const failed = await jsonOf<Job & { error: string | null }>(await job(broken.id))
    expect(failed).toMatchObject({ status: 'failed', done: 0, error: 'disk I/O trouble' })
    const stored = getDb().select().from(apiJobs).where(eq(apiJobs.id, broken.id)).get()
    expect(stored?.finishedAt).toEqual(NOW)
    expect(stored?.input).toBeNull()
    expect(getDb().select().from(leads).where(eq(leads.externalId, 'F-1')).get()).toBeUndefined()
    expect(await jsonOf<Job>(await job(after.id))).toMatchObject({ status: 'done', created: 1 })
    expect(getDb().select().from(leads).where(eq(leads.externalId, 'F-2')).get()).toBeDefined()
  })

  it('pages the errors with a cursor, without gaps or repeats', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ external_id: `P-${i}`, email: `bad-${i}` }))
    const { id } = await jsonOf<Job>(await send({ leads: rows }))
    runBatches()
    const seen: number[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const query: string = `?errors_limit=3${cursor ? `&errors_cursor=${cursor}` : ''}`
      const page: Job = await jsonOf<Job>(await job(id, query))
      seen.push(...page.errors.map((e) => e.row))
      cursor = page.next_errors_cursor
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect((await job(id, '?errors_limit=0')).status).toBe(422)
  })

  it('answers 422 naming leads to none or more than 10,000, and 404 to another token or a bad id', async () => {
    const tooMany = await send({
      leads: Array.from({ length: 10_001 }, (_, i) => ({ external_id: `M-${i}` })),
    })
    expect(tooMany.status).toBe(422)
    expect((await jsonOf<{ errors: { field: string }[] }>(tooMany)).errors[0]?.field).toBe('leads')
    expect((await send({ leads: [] })).status).toBe(422)
    expect((await send([{ external_id: 'x' }])).status).toBe(422)
    const { id } = await jsonOf<Job>(await send({ leads: [{ external_id: 'O-1' }] }))
    const other = apiToken(['leads:read']).token
    expect((await job(id, '', other)).status).toBe(404)
    expect((await job(999999)).status).toBe(404)
    expect(
      (
        await callApi(jobLoader, 'GET', '/api/v1/jobs/01', {
          token,
          params: { jobId: '01' },
          now: NOW,
        })
      ).status,
    ).toBe(404)
    expect((await send({ leads: [{ external_id: 'x' }] }, other)).status).toBe(403)
  })
})
