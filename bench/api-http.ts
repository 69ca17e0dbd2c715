// `npm run bench:api-http [-- --requests 3000]`: the REST API over HTTP, against the production
// build (Express, the socket, the origin and header middleware, the route, the job runner in the
// same process), on a fresh demo database: single-lead upserts a second with autocannon (one
// connection for latency, ten for throughput; each request a new lead), then one batch of
// 10,000 leads sent to POST /api/v1/leads/batch and written by the server's job runner, polled
// through GET /api/v1/jobs/{id}. Run `npm run build` first. Writes bench/results/api-http.json.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { createApiToken } from '~/domain/api/tokens.server'
import { openDatabase } from '~db/connection'
import { startApp } from '../tests/e2e/app-server'
import { machine, writeResult } from './lib'

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '3000' },
    rows: { type: 'string', default: '10000' },
  },
})
const REQUESTS = Number(args.requests)
const ROWS = Number(args.rows)

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-bench-api-http-'))
const databasePath = join(dir, 'api.db')
const app = await startApp({ DATABASE_PATH: databasePath })
const db = openDatabase(databasePath)
const made = createApiToken(
  db,
  null,
  { name: 'Bench', scopes: ['leads:write', 'leads:read'], rate: 1_000_000 },
  new Date(),
)
if (!made.ok) throw new Error(JSON.stringify(made.fieldErrors))
const headers = { Authorization: `Bearer ${made.token}`, 'Content-Type': 'application/json' }

let n = 0
const lead = () => {
  n += 1
  return JSON.stringify({
    external_id: `BENCH-${n}`,
    email: `bench${n}@example.com`,
    first_name: 'Bench',
    last_name: `Lead ${n}`,
    company: `Company ${n % 500}`,
    title: 'VP Operations',
    employee_count: 200,
    industry: 'Logistics',
    country: 'Ireland',
    source: 'Webinar',
  })
}

async function upserts(connections: number, amount: number) {
  const result = await autocannon({
    url: `${app.url}/api/v1/leads`,
    method: 'POST',
    headers,
    connections,
    amount,
    requests: [{ setupRequest: (request) => ({ ...request, body: lead() }) }],
  })
  const non2xx = result.non2xx + result.errors
  return {
    connections,
    requests: result.requests.total,
    perSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: non2xx,
  }
}

const single = await upserts(1, Math.round(REQUESTS / 3))
const ten = await upserts(10, REQUESTS)

const rows = Array.from({ length: ROWS }, () => JSON.parse(lead()))
const sentAt = performance.now()
const queued = await fetch(`${app.url}/api/v1/leads/batch`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ leads: rows }),
})
if (queued.status !== 202) throw new Error(`batch: ${queued.status} ${await queued.text()}`)
const acceptedMs = performance.now() - sentAt
const jobId = ((await queued.json()) as { id: number }).id
type Job = {
  status: string
  created: number
  failed: number
  started_at: string
  finished_at: string
}
let job: Job
for (;;) {
  const response = await fetch(`${app.url}/api/v1/jobs/${jobId}`, { headers })
  job = (await response.json()) as Job
  if (job.status === 'done' || job.status === 'failed') break
  await new Promise((resolve) => setTimeout(resolve, 100))
}
const writeSeconds = (Date.parse(job.finished_at) - Date.parse(job.started_at)) / 1000
const batch = {
  rows: ROWS,
  acceptedMs: Math.round(acceptedMs),
  status: job.status,
  created: job.created,
  failed: job.failed,
  writeSeconds,
  rowsPerSecond: Math.round(ROWS / writeSeconds),
  endToEndSeconds: Math.round((performance.now() - sentAt) / 100) / 10,
}

await app.stop()
db.$client.close()
rmSync(dir, { recursive: true, force: true })

console.log('POST /api/v1/leads over HTTP (each request a new lead):')
console.table([single, ten])
console.log('POST /api/v1/leads/batch, written by the server’s job runner:')
console.table([batch])
console.log(writeResult('api-http', { machine: machine(), upserts: [single, ten], batch }))
