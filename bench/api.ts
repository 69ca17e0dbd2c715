// `npm run bench:api [-- --requests 2000] [-- --rows 10000]`: the REST API's throughput, in
// process, through the route actions with real Requests (the bearer guard, the rate count, the
// JSON body, the idempotency record, the upsert and its audit entry, the answer): single-lead
// upserts a second (without and with an Idempotency-Key), and the batch endpoint's rows a
// second as the runner's job writes them. On a fresh database with the demo seed. Express and
// the socket are not in the loop (see docs/performance.md for what they add). A benchmark, not
// a test. Writes bench/results/api.json.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { machine, writeResult } from './lib'

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    rows: { type: 'string', default: '10000' },
  },
})
const REQUESTS = Number(args.requests)
const ROWS = Number(args.rows)
const dir = mkdtempSync(join(tmpdir(), 'leadcourt-bench-api-'))
process.env.DATABASE_PATH = join(dir, 'api.db')
process.env.NODE_ENV = 'production'

const { getDb } = await import('~/platform/db.server')
const { prepareDatabase } = await import('~/domain/prepare.server')
const { seedDemo } = await import('~/demo/seed.server')
const { createApiToken } = await import('~/domain/api/tokens.server')
const { runLeadBatches } = await import('~/domain/api/lead-batches.server')
const leads = await import('~/routes/api.v1.leads._index')
const batch = await import('~/routes/api.v1.leads.batch')

const db = getDb()
prepareDatabase(db)
await seedDemo(db, new Date())
const made = createApiToken(
  db,
  null,
  { name: 'Bench', scopes: ['leads:write'], rate: 100_000 },
  new Date(),
)
if (!made.ok) throw new Error('no token')

const lead = (i: number, tag: string) => ({
  external_id: `${tag}-${i}`,
  email: `${tag.toLowerCase()}${i}@company${i % 500}.example`,
  first_name: 'Ada',
  last_name: `Bench ${i}`,
  title: 'VP Sales',
  company: `Company ${i % 500}`,
  company_domain: `company${i % 500}.example`,
  employee_count: 250,
  source: 'Webinar',
  campaign: 'Bench',
})

async function post(
  module: { action: (args: never) => unknown },
  path: string,
  body: unknown,
  key?: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${made.ok ? made.token : ''}`,
    'Content-Type': 'application/json',
  }
  if (key) headers['Idempotency-Key'] = key
  const request = new Request(`http://localhost${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  const context = { clientAddress: '127.0.0.1', now: () => new Date() }
  return (await module.action({ request, params: {}, context } as never)) as Response
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

async function singles(tag: string, keyed: boolean) {
  const times: number[] = []
  const started = performance.now()
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now()
    const answer = await post(
      leads,
      '/api/v1/leads',
      lead(i, tag),
      keyed ? `${tag}-${i}` : undefined,
    )
    if (answer.status !== 201) throw new Error(`${answer.status} ${await answer.text()}`)
    times.push(performance.now() - t)
  }
  const seconds = (performance.now() - started) / 1000
  times.sort((a, b) => a - b)
  return {
    requests: REQUESTS,
    perSecond: Math.round(REQUESTS / seconds),
    p50Ms: Number(percentile(times, 50).toFixed(2)),
    p99Ms: Number(percentile(times, 99).toFixed(2)),
  }
}

const single = await singles('S', false)
const keyed = await singles('K', true)

const rows = Array.from({ length: ROWS }, (_, i) => lead(i, 'B'))
const queuedAt = performance.now()
const answer = await post(batch, '/api/v1/leads/batch', { leads: rows })
if (answer.status !== 202) throw new Error(`${answer.status} ${await answer.text()}`)
const enqueueMs = performance.now() - queuedAt
const writing = performance.now()
let runs = 0
while (runLeadBatches(db, new Date()).more) runs++
const writeSeconds = (performance.now() - writing) / 1000
const result = {
  machine: machine(),
  single,
  singleWithIdempotencyKey: keyed,
  batch: {
    rows: ROWS,
    enqueueMs: Math.round(enqueueMs),
    runs,
    writeSeconds: Number(writeSeconds.toFixed(2)),
    rowsPerSecond: Math.round(ROWS / writeSeconds),
  },
}
console.table({
  'single upserts': { 'per second': single.perSecond, p50: single.p50Ms, p99: single.p99Ms },
  'with Idempotency-Key': { 'per second': keyed.perSecond, p50: keyed.p50Ms, p99: keyed.p99Ms },
  [`batch of ${ROWS}`]: { 'per second': result.batch.rowsPerSecond, p50: null, p99: null },
})
console.log(
  `Batch: enqueued in ${result.batch.enqueueMs} ms, written in ${result.batch.writeSeconds} s over ${runs} runs.`,
)
console.log(`Wrote ${writeResult('api', result)}`)
