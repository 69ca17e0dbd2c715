// `npm run bench:import [-- --rows 100000] [-- --file path.csv]`: imports a CSV through the same
// route actions as the "Import leads" page (upload, mapping, preview, start) into a fresh
// database, and prints rows per second, time and peak memory. A benchmark, not a test.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, file: { type: 'string' } },
})
const dir = mkdtempSync(join(tmpdir(), 'leadcourt-bench-'))
process.env.DATABASE_PATH = join(dir, 'bench.db')
process.env.NODE_ENV = 'production'

const { migrateDatabase } = await import('~db/connection')
const { getDb } = await import('~/lib/db.server')
const { seedDemo } = await import('~/lib/demo-seed.server')
const { getImportJob } = await import('~/lib/import/importer.server')
const signIn = await import('~/routes/sign-in')
const upload = await import('~/routes/imports.new')
const job = await import('~/routes/imports.$jobId')

/** A Salesforce-style export of `rows` leads: every tenth row has a problem to report. */
function generate(rows: number): string {
  const path = join(dir, `leads-${rows}.csv`)
  const lines = [
    'Lead ID,First Name,Last Name,Email,Title,Company,Website,Industry,No. of Employees,Country,Lead Source,Campaign,Lead Score,Description',
  ]
  for (let i = 0; i < rows; i++) {
    const email = i % 10 === 9 ? 'not-an-email' : `person${i}@company${i % 5000}.example`
    lines.push(
      `BENCH${i},First${i},Last${i},${email},VP Sales,"Company ${i % 5000}, Inc",company${i % 5000}.example,Software,${50 + (i % 900)},Germany,Webinar,Campaign ${i % 200},${i % 101},"Imported lead number ${i}"`,
    )
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

const ORIGIN = 'http://localhost'
const context = { clientAddress: '127.0.0.1' }
const post = (path: string, body: FormData | URLSearchParams, cookie: string) =>
  new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: { Origin: ORIGIN, Cookie: cookie },
  })

const path = args.file ?? generate(Number(args.rows))
const size = statSync(path).size
const db = getDb()
migrateDatabase(db)
await seedDemo(db, new Date())
const signedIn = (await signIn.action({
  request: new Request(`${ORIGIN}/sign-in`, {
    method: 'POST',
    headers: { Origin: ORIGIN },
    body: new URLSearchParams({ email: 'maya@brightline.test', password: 'demo-password' }),
  }),
  params: {},
  context,
})) as Response
const cookie = (signedIn.headers.get('Set-Cookie') ?? '').split(';')[0] as string

const started = performance.now()
const form = new FormData()
form.append(
  'file',
  new Blob([await import('node:fs').then((fs) => fs.readFileSync(path))]),
  basename(path),
)
const uploaded = (await upload.action({
  request: post('/imports/new', form, cookie),
  params: {},
  context,
})) as Response
const jobId = Number(uploaded.headers.get('Location')?.split('/').pop())
if (!jobId) throw new Error(`Upload refused: ${JSON.stringify(uploaded)}`)
const uploadedAt = performance.now()

const mapping = getImportJob(db, jobId)?.mapping ?? {}
const fields = new URLSearchParams({ intent: 'save-mapping' })
for (const [i, target] of Object.values(mapping).entries()) fields.set(`column-${i}`, target)
await job.action({
  request: post(`/imports/${jobId}`, fields, cookie),
  params: { jobId: String(jobId) },
  context,
})
const previewedAt = performance.now()

await job.action({
  request: post(`/imports/${jobId}`, new URLSearchParams({ intent: 'start' }), cookie),
  params: { jobId: String(jobId) },
  context,
})
let finished = getImportJob(db, jobId)
let importPeakRss = process.memoryUsage().rss
while (finished?.status === 'running') {
  await new Promise((r) => setTimeout(r, 50))
  importPeakRss = Math.max(importPeakRss, process.memoryUsage().rss)
  finished = getImportJob(db, jobId)
}
const doneAt = performance.now()
if (finished?.status !== 'done') throw new Error(`Import ${finished?.status}: ${finished?.error}`)

const rows = finished.created + finished.updated + finished.unchanged + finished.failed
const seconds = (ms: number) => (ms / 1000).toFixed(2)
console.table({
  file: { value: basename(path) },
  'file size (MB)': { value: (size / 1024 / 1024).toFixed(1) },
  rows: { value: rows },
  created: { value: finished.created },
  failed: { value: finished.failed },
  'upload + checks (s)': { value: seconds(uploadedAt - started) },
  'preview of every row (s)': { value: seconds(previewedAt - uploadedAt) },
  'import (s)': { value: seconds(doneAt - previewedAt) },
  'import rows per second': { value: Math.round(rows / ((doneAt - previewedAt) / 1000)) },
  'total (s)': { value: seconds(doneAt - started) },
  'resident memory during the import, peak (MB)': {
    value: Math.round(importPeakRss / 1024 / 1024),
  },
  'resident memory, whole run peak (MB)': {
    value: Math.round(process.resourceUsage().maxRSS / 1024),
  },
})
db.$client.close()
rmSync(dir, { recursive: true, force: true })
