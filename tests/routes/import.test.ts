import { mkdtempSync, openAsBlob, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { getImportJob, MAX_UPLOAD_BYTES } from '~/domain/import/jobs.server'
import type { Preview } from '~/domain/import/preview.server'
import { runImport } from '~/domain/import/run.server'
import { type ActionReply, formErrorOf } from '~/http/reply'
import { verifyAuditTrail } from '~/platform/audit.server'
import { getDb } from '~/platform/db.server'
import { action as jobAction, loader as jobLoader } from '~/routes/imports.$jobId'
import { loader as errorsLoader } from '~/routes/imports.$jobId.errors[.csv]'
import { action as uploadAction } from '~/routes/imports.new'
import { loader as leadLoader } from '~/routes/leads.$leadId'
import { followUps, importJobs, leads, users } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import {
  getArgs,
  locationOf,
  ORIGIN,
  payloadOf,
  postArgs,
  settle,
  statusOf,
  uploadArgs,
} from '../support/http'
import { waitForImport } from '../support/imports'
import { signInAs } from '../support/users'

// Imports are real work: thousands of rows written and re-read, a 256 MB upload streamed until
// it is refused. Seconds on a quiet machine, past 30 s on a busy one (decision 18).
vi.setConfig({ testTimeout: 120_000 })

const cookies: Record<string, string> = {}
beforeAll(async () => {
  await seedTeam()
  activateDefinition(getDb(), ICP_CRITERIA)
  for (const name of ['maya', 'dana']) cookies[name] = await signInAs(`${name}@brightline.test`)
})

// A Salesforce lead export with the usual trouble: a quoted comma and newline, a "Select"
// placeholder, a bad e-mail, an unknown owner, a repeated lead, a ragged row, no identifier.
const SALESFORCE = [
  'Lead ID,First Name,Last Name,Email,Company,Website,No. of Employees,Lead Source,Lead Owner,Rating,Description',
  '00Q001,Ana,Silva,ana@northwind.example,Northwind,https://www.northwind.example,51-200,Trade Show,dana@brightline.test,Hot,"Met at booth 4, wants a demo"',
  '00Q002,Ben,Ode,ben@contoso.example,"Contoso, Ltd",contoso.example,"1,200",Webinar,Omar Haddad,Warm,"two',
  'line note"',
  '00Q003,Cy,Bad,not-an-email,Initech,,10,Webinar,,Cold,',
  '00Q004,Di,Ghost,di@globex.example,Globex,,500,Paid Search,ghost@brightline.test,,',
  '00Q001,Ana,Again,ana2@northwind.example,Northwind,,51,Trade Show,,,',
  '00Q006,Ed,Short,ed@x.example,Short Co',
  ',No,Identifier,,Nameless,,,Webinar,,,',
  '00Q008,Flo,Select,flo@umbrella.example,Umbrella,,Select,Select,,Select,',
  '',
].join('\r\n')

type JobPage = {
  job: {
    id: number
    status: string
    mapping: Record<string, string>
    created: number
    updated: number
    unchanged: number
    failed: number
  }
  preview: Preview | null
  errors: {
    total: number
    rows: { line: number; reason: string; identifier: string | null }[]
  } | null
}

async function upload(content: string | Buffer, name = 'salesforce-leads.csv', who = 'maya') {
  return settle(() =>
    uploadAction(uploadArgs('/imports/new', { name, content }, { cookie: cookies[who] })),
  )
}
const jobPage = async (id: number, who = 'maya') =>
  payloadOf<JobPage>(
    await jobLoader(getArgs(`/imports/${id}`, { cookie: cookies[who] }, { jobId: String(id) })),
  )
const onJob = (id: number, fields: Record<string, string>, who = 'maya') =>
  settle(() =>
    jobAction(postArgs(`/imports/${id}`, fields, { cookie: cookies[who] }, { jobId: String(id) })),
  )
const mappingFields = (page: JobPage, overrides: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries(page.job.mapping).map(([header, target], i) => [
      `column-${i}`,
      overrides[header] ?? target,
    ]),
  )

async function importFile(content: string, overrides: Record<string, string> = {}) {
  const uploaded = await upload(content)
  expect(statusOf(uploaded)).toBe(302)
  const id = Number(locationOf(uploaded)?.split('/').pop())
  const page = await jobPage(id)
  expect(
    statusOf(await onJob(id, { intent: 'save-mapping', ...mappingFields(page, overrides) })),
  ).toBe(302)
  const previewed = await jobPage(id)
  expect(locationOf(await onJob(id, { intent: 'start' }))).toBe(`/imports/${id}`)
  await waitForImport(id)
  return { id, preview: previewed.preview as Preview, report: await jobPage(id) }
}

/** How many leads last written by import `jobId` a search for `word` finds. */
const searchable = (word: string, jobId: number) =>
  (
    getDb()
      .$client.prepare(
        'SELECT count(*) AS n FROM leads_search s JOIN leads l ON l.id = s.rowid WHERE leads_search MATCH ? AND l.import_job_id = ?',
      )
      .get(word, jobId) as { n: number }
  ).n
const waitingForSearch = () =>
  (getDb().$client.prepare('SELECT count(*) AS n FROM leads_search_pending').get() as { n: number })
    .n
describe('importing a Salesforce export', () => {
  let firstJob: number

  it('recognises the CRM headers, keeps unknown ones as custom attributes', async () => {
    const uploaded = await upload(SALESFORCE)
    const id = Number(locationOf(uploaded)?.split('/').pop())
    expect((await jobPage(id)).job.mapping).toEqual({
      'Lead ID': 'externalId',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      Company: 'company',
      Website: 'companyDomain',
      'No. of Employees': 'employeeCount',
      'Lead Source': 'source',
      'Lead Owner': 'owner',
      Rating: 'custom',
      Description: 'notes',
    })
  })

  it('previews before writing, imports the good rows, and reports each bad row by line', async () => {
    const before = getDb().select({ n: count() }).from(leads).get()?.n
    const { id, preview, report } = await importFile(SALESFORCE)
    firstJob = id
    expect(preview.rows).toBe(8)
    expect(preview.failing).toBe(5)
    expect(preview.groups.map((g) => [g.group, g.count])).toEqual(
      expect.arrayContaining([
        ['Invalid Email', 1],
        ['Unknown owner', 1],
        ['Repeated in the file', 1],
        ['Wrong number of values', 1],
        ['No external id or e-mail', 1],
      ]),
    )
    expect(preview.groups.find((g) => g.group === 'Repeated in the file')).toMatchObject({
      example: 'Same lead as line 2; only the first is imported',
      line: 7,
    })
    expect(preview.sample[0]).toMatchObject({ line: 2, owner: 'Dana Reyes' })
    expect(preview.sample[0]?.fields).toContainEqual(['Employee count', '51'])
    expect(preview.sample[0]?.custom).toEqual([['Rating', 'Hot']])

    expect(report.job).toMatchObject({
      status: 'done',
      created: 3,
      updated: 0,
      unchanged: 0,
      failed: 5,
    })
    expect(getDb().select({ n: count() }).from(leads).get()?.n).toBe((before ?? 0) + 3)
    expect(report.errors?.rows).toEqual([
      { line: 5, identifier: '00Q003', reason: '“not-an-email” is not a valid e-mail address' },
      {
        line: 6,
        identifier: '00Q004',
        reason: 'No active rep is called or has the e-mail “ghost@brightline.test”',
      },
      { line: 7, identifier: '00Q001', reason: 'Same lead as line 2; only the first is imported' },
      { line: 8, identifier: null, reason: 'The row has 5 values but the header has 11 columns' },
      {
        line: 9,
        identifier: null,
        reason: 'Give an external id or an e-mail address: a lead needs one to be identified',
      },
    ])

    const ana = getDb().select().from(leads).where(eq(leads.externalId, '00Q001')).get()
    const owner = (email: string) =>
      getDb().select().from(users).where(eq(users.email, email)).get()?.id
    expect(ana).toMatchObject({
      companyDomain: 'northwind.example',
      employeeCount: 51,
      ownerId: owner('dana@brightline.test'),
      notes: 'Met at booth 4, wants a demo',
      custom: { Rating: 'Hot' },
    })
    const ben = getDb().select().from(leads).where(eq(leads.externalId, '00Q002')).get()
    expect(ben).toMatchObject({
      company: 'Contoso, Ltd',
      employeeCount: 1200,
      notes: 'two\r\nline note',
      ownerId: owner('omar@brightline.test'),
    })
    const flo = getDb().select().from(leads).where(eq(leads.externalId, '00Q008')).get()
    expect(flo).toMatchObject({
      employeeCount: null,
      source: null,
      custom: {},
      evaluation: 'undetermined',
    })
  })

  it('a formula in the file comes back in the report as text, not as a formula', async () => {
    const { id } = await importFile('Lead ID,Email\n=HYPERLINK("http://evil.test"),not-mail\n')
    const response = (await errorsLoader(
      getArgs(`/imports/${id}/errors.csv`, { cookie: cookies.maya }, { jobId: String(id) }),
    )) as Response
    expect((await response.text()).split('\n')[1]).toBe(
      `2,"'=HYPERLINK(""http://evil.test"")",“not-mail” is not a valid e-mail address`,
    )
  })

  it('the failed rows download as CSV', async () => {
    const response = (await errorsLoader(
      getArgs(
        `/imports/${firstJob}/errors.csv`,
        { cookie: cookies.maya },
        { jobId: String(firstJob) },
      ),
    )) as Response
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="salesforce-leads-failed-rows.csv"',
    )
    expect((await response.text()).split('\n').slice(0, 3)).toEqual([
      'line,lead,reason',
      '5,00Q003,“not-an-email” is not a valid e-mail address',
      '6,00Q004,No active rep is called or has the e-mail “ghost@brightline.test”',
    ])
  })

  it('re-importing the same file updates nothing and duplicates nothing; a changed row updates', async () => {
    const before = getDb().select({ n: count() }).from(leads).get()?.n
    const again = await importFile(SALESFORCE)
    expect(again.report.job).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 5 })
    const changed = await importFile(
      SALESFORCE.replace('Met at booth 4, wants a demo', 'Demo booked'),
    )
    expect(changed.report.job).toMatchObject({ created: 0, updated: 1, unchanged: 2, failed: 5 })
    expect(getDb().select({ n: count() }).from(leads).get()?.n).toBe(before)
    expect(getDb().select().from(leads).where(eq(leads.externalId, '00Q001')).get()?.notes).toBe(
      'Demo booked',
    )
  })

  it('remembers a mapping for the next file with the same headers', async () => {
    const first = await upload(SALESFORCE)
    const id = Number(locationOf(first)?.split('/').pop())
    await onJob(id, {
      intent: 'save-mapping',
      ...mappingFields(await jobPage(id), { Rating: 'ignore' }),
    })
    await onJob(id, { intent: 'start' })
    await waitForImport(id)
    const next = await upload(SALESFORCE, 'next-week.csv')
    expect((await jobPage(Number(locationOf(next)?.split('/').pop()))).job.mapping.Rating).toBe(
      'ignore',
    )
  })

  it('“Import leads” refuses a mapping changed since the preview, and imports one that is not', async () => {
    const uploaded = await upload(SALESFORCE, 'changed.csv')
    const id = Number(locationOf(uploaded)?.split('/').pop())
    const page = await jobPage(id)
    await onJob(id, { intent: 'save-mapping', ...mappingFields(page) })
    const previewed = await jobPage(id)
    const changed = await onJob(id, {
      intent: 'start',
      ...mappingFields(previewed, { 'Last Name': 'ignore' }),
    })
    expect(statusOf(changed)).toBe(400)
    expect(formErrorOf(payloadOf<ActionReply>(changed))).toBe(
      'You changed the mapping or the answers since the preview: check the preview again, then import',
    )
    expect(getImportJob(getDb(), id)?.status).toBe('uploaded')
    // The history choice as the preview showed it is no change.
    const same = await onJob(id, { intent: 'start', ...mappingFields(previewed), history: 'work' })
    expect(statusOf(same)).toBe(302)
    await waitForImport(id)
  })

  it('a mapping without an identifier, or with a field twice, is refused', async () => {
    const uploaded = await upload(SALESFORCE)
    const id = Number(locationOf(uploaded)?.split('/').pop())
    const page = await jobPage(id)
    const noId = await onJob(id, {
      intent: 'save-mapping',
      ...mappingFields(page, { 'Lead ID': 'ignore', Email: 'custom' }),
    })
    expect(formErrorOf(payloadOf<ActionReply>(noId))).toBe(
      'Map a column to External id or to Email: every lead needs one of them',
    )
    const twice = await onJob(id, {
      intent: 'save-mapping',
      ...mappingFields(page, { 'Last Name': 'firstName' }),
    })
    expect(formErrorOf(payloadOf<ActionReply>(twice))).toBe(
      'Two columns are mapped to “firstName”; map one of them elsewhere or ignore it',
    )
    const early = await onJob(id, { intent: 'start' })
    expect(formErrorOf(payloadOf<ActionReply>(early))).toBe('Check the preview before importing')
    expect(getImportJob(getDb(), id)?.status).toBe('uploaded')
  })
})

describe('a large file', () => {
  const auditedLeads = (jobId: number, action: string) =>
    (
      getDb()
        .$client.prepare(
          `SELECT count(*) AS n FROM audit_events WHERE action = ? AND subject_type = 'lead'
             AND subject_id IN (SELECT CAST(id AS TEXT) FROM leads WHERE import_job_id = ?)`,
        )
        .get(action, jobId) as { n: number }
    ).n

  /** The leads of an import listed as created in batched entries (one entry per transaction). */
  const batchedLeads = (jobId: number) =>
    getDb()
      .$client.prepare(
        `SELECT count(*) AS n, count(DISTINCT e.id) AS entries FROM audit_events e, json_each(e.after, '$.members') m
             WHERE e.action = 'lead.created' AND e.subject_type = 'batch:lead'
             AND json_extract(m.value, '$.id') IN (SELECT CAST(id AS TEXT) FROM leads WHERE import_job_id = ?)`,
      )
      .get(jobId) as { n: number; entries: number }

  it('lists each new lead in a chained audit entry per batch, writes one follow-up per lead, and the chain verifies', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      i % 100 === 99 ? `BULK-${i},not-mail,Bulk Ltd` : `BULK-${i},bulk${i}@bulk.example,Bulk Ltd`,
    )
    const file = ['Lead ID,Email,Company', ...rows, ''].join('\n')
    const listedBefore = verifyAuditTrail(getDb())
    const { id, report } = await importFile(file)
    expect(report.job).toMatchObject({ status: 'done', created: 2970, failed: 30 })
    // Each lead's creation listed once, in batched entries (a batch's one lead would be its own).
    const batched = batchedLeads(id)
    expect(batched.n + auditedLeads(id, 'lead.created')).toBe(2970)
    expect(batched.entries).toBeGreaterThan(0)
    expect(batched.entries).toBeLessThan(batched.n / 10)
    const followUps = getDb()
      .$client.prepare(
        "SELECT count(*) AS n FROM follow_ups WHERE kind = 'hand_over' AND lead_id IN (SELECT id FROM leads WHERE import_job_id = ?)",
      )
      .get(id) as { n: number }
    expect(followUps.n).toBe(2970)
    expect(verifyAuditTrail(getDb())).toMatchObject({
      ok: true,
      members: (listedBefore.ok ? listedBefore.members : Number.NaN) + batched.n,
    })
    // Every created lead is searchable (indexed once per batch), and none is left waiting.
    expect(searchable('bulk', id)).toBe(2970)
    expect(waitingForSearch()).toBe(0)

    // Every tenth lead changed: one update entry for each, chained after the others.
    const changed = await importFile(
      file.replace(/^(BULK-\d*0),(\S+),Bulk Ltd$/gm, '$1,$2,Bulk Holdings'),
    )
    expect(changed.report.job).toMatchObject({ created: 0, updated: 300, unchanged: 2670 })
    expect(auditedLeads(changed.id, 'lead.updated')).toBe(300)
    expect(verifyAuditTrail(getDb())).toMatchObject({ ok: true })
    expect(searchable('holdings', changed.id)).toBe(300)

    // The lead's page shows its creation, listed in its batch's entry, then its update.
    const timeline = async (externalId: string) => {
      const lead = getDb().select().from(leads).where(eq(leads.externalId, externalId)).get()
      const page = await settle(() =>
        leadLoader(
          getArgs(`/leads/${lead?.id}`, { cookie: cookies.maya }, { leadId: String(lead?.id) }),
        ),
      )
      return payloadOf<{ timeline: { sentence: string }[] }>(page).timeline.map((e) => e.sentence)
    }
    // Maya reads her own import as hers; the rep is the round robin's (earlier tests move it on).
    const handed = expect.stringMatching(
      /^You handed the lead to (Dana Reyes|Omar Haddad|Lucy Chen)$/,
    )
    expect(await timeline('BULK-5')).toEqual([handed])
    expect(await timeline('BULK-10')).toEqual([handed, 'You changed the lead’s company'])
  })

  it('a row the database refuses fails alone, with its reason, and the chain stays whole', async () => {
    const db = getDb()
    db.$client.exec(`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON leads
      WHEN NEW.external_id = 'REFUSED-7' BEGIN SELECT RAISE(ABORT, 'refused by the database'); END`)
    try {
      const rows = Array.from({ length: 20 }, (_, i) => `REFUSED-${i},refused${i}@acme.example`)
      const { id, report } = await importFile(['Lead ID,Email', ...rows, ''].join('\n'))
      expect(report.job).toMatchObject({ status: 'done', created: 19, failed: 1 })
      expect(report.errors?.rows).toEqual([
        {
          line: 9,
          identifier: 'REFUSED-7',
          reason: 'The row could not be saved: refused by the database',
        },
      ])
      expect(auditedLeads(id, 'lead.created')).toBe(19)
      expect(verifyAuditTrail(db)).toMatchObject({ ok: true })
      // Written row by row after the refusal: each searchable, the refused one nowhere.
      expect(searchable('refused', id)).toBe(19)
      expect(waitingForSearch()).toBe(0)
    } finally {
      db.$client.exec('DROP TRIGGER temp.refuse_one')
    }
  })
})

describe('rows that would re-key or merge leads', () => {
  it('an external id and an e-mail of two different leads is a row error, not a crash', async () => {
    const file = [
      'Lead ID,Email,Company',
      // 00Q002 is Ben's lead; ana@northwind.example is Ana's (00Q001).
      '00Q002,ana@northwind.example,Contoso',
      // A new external id with Ana's e-mail would re-key her lead.
      '00Q999,ana@northwind.example,Northwind',
      '00Q010,new.person@initech.example,Initech',
      '',
    ].join('\n')
    const { preview, report } = await importFile(file)
    expect(preview.groups.map((g) => [g.group, g.count])).toEqual([
      ['Identifiers of two different leads', 2],
    ])
    expect(report.job).toMatchObject({ status: 'done', created: 1, failed: 2 })
    expect(report.errors?.rows).toEqual([
      {
        line: 2,
        identifier: '00Q002',
        reason: 'The e-mail ana@northwind.example belongs to another lead (external id 00Q001)',
      },
      {
        line: 3,
        identifier: '00Q999',
        reason:
          'The e-mail ana@northwind.example belongs to a lead with another external id (00Q001)',
      },
    ])
    expect(getDb().select().from(leads).where(eq(leads.externalId, '00Q001')).get()?.email).toBe(
      'ana@northwind.example',
    )
  })

  it('a lead repeated by its id or by its e-mail is imported once; the preview names the line the import will', async () => {
    const file = [
      'Lead ID,Email,Company',
      '00Q201,first@hooli.example,Hooli',
      ',second@hooli.example,Hooli',
      // The first lead's id with a new e-mail, then the second lead's e-mail (neither has an id).
      '00Q201,third@hooli.example,Hooli',
      ',second@hooli.example,Hooli',
      '',
    ].join('\n')
    const { preview, report } = await importFile(file)
    expect(preview.groups).toEqual([
      {
        group: 'Repeated in the file',
        count: 2,
        example: 'Same lead as line 2; only the first is imported',
        line: 4,
      },
    ])
    expect(report.job).toMatchObject({ status: 'done', created: 2, failed: 2 })
    expect(report.errors?.rows?.map((row) => [row.line, row.reason])).toEqual([
      [4, 'Same lead as line 2; only the first is imported'],
      [5, 'Same lead as line 3; only the first is imported'],
    ])
  })

  it('keys shared with earlier rows of the file fail as the import will fail them', async () => {
    const file = [
      'Lead ID,Email,Company',
      '00Q301,one@umbrella.example,Umbrella',
      '00Q302,two@umbrella.example,Umbrella',
      // Line 2's e-mail under a new id; line 2's id with line 3's e-mail.
      '00Q303,one@umbrella.example,Umbrella',
      '00Q301,two@umbrella.example,Umbrella',
      '',
    ].join('\n')
    const { preview, report } = await importFile(file)
    const reasons = [
      'The e-mail one@umbrella.example belongs to a lead with another external id (00Q301)',
      'The e-mail two@umbrella.example belongs to another lead (external id 00Q302)',
    ]
    expect(preview.groups).toEqual([
      { group: 'Identifiers of two different leads', count: 2, example: reasons[0], line: 4 },
    ])
    expect(report.job).toMatchObject({ status: 'done', created: 2, failed: 2 })
    expect(report.errors?.rows?.map((row) => [row.line, row.reason])).toEqual([
      [4, reasons[0]],
      [5, reasons[1]],
    ])
  })

  it('a quote that is never closed is reported with its line, before anything is written', async () => {
    const uploaded = await upload(
      'Lead ID,Email\n00Q100,a@b.example\n00Q101,"b@c.example\n00Q102,c@d.example\n',
    )
    const id = Number(locationOf(uploaded)?.split('/').pop())
    const refused = await onJob(id, { intent: 'save-mapping', ...mappingFields(await jobPage(id)) })
    expect(statusOf(refused)).toBe(400)
    expect(formErrorOf(payloadOf<ActionReply>(refused))).toBe(
      'The file cannot be read from line 3: a quote (") is opened but never closed.',
    )
    expect(getDb().select().from(leads).where(eq(leads.externalId, '00Q100')).get()).toBeUndefined()
  })

  it('an import interrupted by a restart resumes after its last committed line, without duplicates', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `RESUME-${i},resume${i}@acme.example`)
    const uploaded = await upload(['Lead ID,Email', ...rows, ''].join('\n'))
    const id = Number(locationOf(uploaded)?.split('/').pop())
    await onJob(id, { intent: 'save-mapping', ...mappingFields(await jobPage(id)) })
    await onJob(id, { intent: 'start' })
    await waitForImport(id)
    // Simulate a crash after the first batch: forget what came after line 501 and run again.
    const db = getDb()
    const lost = sql`(SELECT ${leads.id} FROM ${leads} WHERE ${leads.importJobId} = ${id} AND ${leads.importLine} > 501)`
    db.delete(followUps).where(sql`${followUps.leadId} IN ${lost}`).run()
    db.delete(leads).where(sql`${leads.importJobId} = ${id} AND ${leads.importLine} > 501`).run()
    db.update(importJobs)
      .set({ status: 'running', linesDone: 501, created: 500, finishedAt: null })
      .where(eq(importJobs.id, id))
      .run()
    await runImport(db, id)
    expect(getImportJob(db, id)).toMatchObject({
      status: 'done',
      created: 1200,
      failed: 0,
      linesDone: 1201,
    })
    expect(
      db.select({ n: count() }).from(leads).where(sql`${leads.externalId} LIKE 'RESUME-%'`).get()
        ?.n,
    ).toBe(1200)
  })
})

describe('files that are not usable', () => {
  it.each([
    ['empty', '', 'The file is empty.'],
    ['header only', 'Email,Company\r\n', 'The file has a header row but no leads.'],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /Excel workbook/],
    ['Windows-1252', Buffer.from('Email,Name\nz@x.co,Zo\xeb\n', 'latin1'), /not UTF-8 text/],
  ])('%s gets a clear message and no job', async (_, content, message) => {
    const response = await upload(content as string | Buffer)
    expect(statusOf(response)).toBe(400)
    expect(formErrorOf(payloadOf<ActionReply>(response))).toMatch(message)
  })

  it('a file over 256 MB is refused', async () => {
    // A sparse file, sent from disk as a browser streams it: the test holds none of it.
    const dir = mkdtempSync(join(tmpdir(), 'leadcourt-big-'))
    const path = join(dir, 'big.csv')
    writeFileSync(path, '')
    truncateSync(path, MAX_UPLOAD_BYTES + 1)
    const body = new FormData()
    body.append('file', await openAsBlob(path), 'big.csv')
    const request = new Request(`${ORIGIN}/imports/new`, {
      method: 'POST',
      headers: { Origin: ORIGIN, Cookie: cookies.maya as string },
      body,
    })
    const response = await settle(() =>
      uploadAction({
        request,
        params: {},
        context: { clientAddress: '203.0.113.7', now: () => new Date() },
      }),
    )
    rmSync(dir, { recursive: true, force: true })
    expect(statusOf(response)).toBe(400)
    expect(formErrorOf(payloadOf<ActionReply>(response))).toBe(
      'The file is larger than 256 MB. Split it into smaller files and import each.',
    )
  })

  it('reps cannot import or see imports', async () => {
    expect(statusOf(await upload(SALESFORCE, 'x.csv', 'dana'))).toBe(403)
    expect(
      statusOf(
        await settle(() =>
          jobLoader(getArgs('/imports/1', { cookie: cookies.dana }, { jobId: '1' })),
        ),
      ),
    ).toBe(403)
  })
})
