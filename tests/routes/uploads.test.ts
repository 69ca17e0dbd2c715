// Uploads that never become imports: the job runner deletes them a day on (never a file an
// import waiting or running still needs), and each person may keep only so many waiting.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getImportJob } from '~/domain/import/jobs.server'
import { pendingUploads, userUploadDirectory } from '~/domain/import/uploads.server'
import { periodicJobs } from '~/domain/jobs.server'
import { type ActionReply, formErrorOf } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { runJobsOnce } from '~/platform/jobs/runner.server'
import { uploadDirectory } from '~/platform/uploads.server'
import { action as uploadAction } from '~/routes/imports.new'
import { auditEvents, importJobs } from '~db/schema'
import { seedTeam } from '../support/factories'
import { locationOf, payloadOf, settle, statusOf, uploadArgs } from '../support/http'
import { userId } from '../support/leads'
import { signInAs } from '../support/users'

const NOW = new Date('2026-11-27T12:00:00Z')
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3600_000)
const CSV = 'Email,First Name,Last Name,Company\r\nada@globex.example,Ada,Byron,Globex\r\n'

const cookies: Record<string, string> = {}
beforeAll(async () => {
  await seedTeam(hoursAgo(48))
  for (const name of ['maya', 'ben', 'sasha'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

/** Uploads CSV as `who` at `at` through the page's action; returns the job id, or the refusal. */
async function upload(
  who: string,
  at: Date,
): Promise<{ jobId: number } | { status: number; message: string | null }> {
  const result = await settle(() =>
    uploadAction(
      uploadArgs(
        '/imports/new',
        { name: 'leads.csv', content: CSV },
        { cookie: cookies[who], now: at },
      ),
    ),
  )
  const location = locationOf(result)
  if (location) return { jobId: Number(location.split('/').pop()) }
  return { status: statusOf(result), message: formErrorOf(payloadOf<ActionReply>(result)) }
}
const jobId = async (who: string, at: Date) => {
  const uploaded = await upload(who, at)
  if (!('jobId' in uploaded)) throw new Error(JSON.stringify(uploaded))
  return uploaded.jobId
}
const fileOf = (id: number) => getImportJob(getDb(), id)?.filePath as string
/** A file in `directory`, last written `hours` ago. */
function fileAged(directory: string, name: string, hours: number, content = CSV) {
  mkdirSync(directory, { recursive: true })
  const path = join(directory, name)
  writeFileSync(path, content)
  utimesSync(path, hoursAgo(hours), hoursAgo(hours))
  return path
}
const age = (path: string, hours: number) => utimesSync(path, hoursAgo(hours), hoursAgo(hours))
const sweep = () =>
  runJobsOnce(
    getDb(),
    periodicJobs(0).filter((job) => job.name === 'uploads'),
    () => NOW,
  )

describe('the sweep of uploads', () => {
  it('deletes what no import needs after 24 hours, keeps the rest, and is idempotent', async () => {
    const mine = userUploadDirectory(uploadDirectory(), userId('maya'))
    const orphanOld = fileAged(mine, 'orphan-25h.csv', 25)
    const orphanYoung = fileAged(mine, 'orphan-23h.csv', 23)
    const fromBefore = fileAged(uploadDirectory(), 'from-before-folders.csv', 25)
    // Uploaded 23 hours ago and not started yet; its file last written 25 hours ago.
    const waiting = await jobId('maya', hoursAgo(23))
    age(fileOf(waiting), 25)
    // Uploaded 30 hours ago and running (a long import, or one resumed after a restart).
    const running = await jobId('maya', hoursAgo(30))
    getDb().update(importJobs).set({ status: 'running' }).where(eq(importJobs.id, running)).run()
    age(fileOf(running), 30)
    // Uploaded 25 hours ago and never started: it expires.
    const abandoned = await jobId('maya', hoursAgo(25))
    age(fileOf(abandoned), 25)
    // Imported 26 hours ago: its errors are rows, the file is no longer read.
    const done = await jobId('maya', hoursAgo(26))
    getDb().update(importJobs).set({ status: 'done' }).where(eq(importJobs.id, done)).run()
    age(fileOf(done), 26)

    expect(await sweep()).toEqual({ uploads: 4 })
    expect(existsSync(orphanOld)).toBe(false)
    expect(existsSync(fromBefore)).toBe(false)
    expect(existsSync(fileOf(abandoned))).toBe(false)
    expect(existsSync(fileOf(done))).toBe(false)
    expect(existsSync(orphanYoung)).toBe(true)
    expect(existsSync(fileOf(waiting))).toBe(true)
    expect(existsSync(fileOf(running))).toBe(true)
    expect(getImportJob(getDb(), abandoned)).toMatchObject({
      status: 'failed',
      finishedAt: NOW,
      error:
        'Not started within 24 hours of the upload, so the file was deleted. Upload it again to import it.',
    })
    expect(getImportJob(getDb(), waiting)?.status).toBe('uploaded')
    expect(
      getDb()
        .select({ action: auditEvents.action, subjectId: auditEvents.subjectId })
        .from(auditEvents)
        .where(eq(auditEvents.action, 'import.expired'))
        .all(),
    ).toEqual([{ action: 'import.expired', subjectId: String(abandoned) }])

    // Again at the same instant: nothing left to do.
    expect(await sweep()).toEqual({ uploads: 0 })
    expect(readdirSync(mine).sort()).toEqual(
      [orphanYoung, fileOf(waiting), fileOf(running)].map((p) => p.split('/').pop()).sort(),
    )
  })
})

describe('the quota of uploads waiting to be imported', () => {
  it('refuses the eleventh waiting upload and says what to do', async () => {
    for (let i = 0; i < 10; i++) await jobId('ben', hoursAgo(1))
    const folder = userUploadDirectory(uploadDirectory(), userId('ben'))
    expect(readdirSync(folder)).toHaveLength(10)
    expect(await upload('ben', hoursAgo(1))).toEqual({
      status: 400,
      message:
        'You have 10 uploads waiting to be imported, the most one person may have. Start the imports you uploaded (Imports), or upload again later: uploads not imported within 24 hours are deleted.',
    })
    expect(readdirSync(folder)).toHaveLength(10)
    // One of them started: it is no longer waiting, and another upload is taken.
    const first = getDb()
      .select({ id: importJobs.id })
      .from(importJobs)
      .where(eq(importJobs.createdBy, userId('ben')))
      .get()?.id as number
    getDb().update(importJobs).set({ status: 'running' }).where(eq(importJobs.id, first)).run()
    expect(await upload('ben', hoursAgo(1))).toHaveProperty('jobId')
  })

  it('uploads sent at the same time cannot pass the quota together', async () => {
    const waiting = () => pendingUploads(getDb(), uploadDirectory(), userId('maya')).files
    while (waiting() < 8) await jobId('maya', hoursAgo(1))
    // Eight waiting, room for two: five sent at once all pass the check made before the body.
    const results = await Promise.all(Array.from({ length: 5 }, () => upload('maya', hoursAgo(1))))
    const accepted = results.filter((r) => 'jobId' in r)
    expect(accepted.length).toBeLessThanOrEqual(2)
    for (const refused of results.filter((r) => !('jobId' in r)))
      expect(refused).toMatchObject({ status: 400 })
    expect(waiting()).toBe(8 + accepted.length)
  })

  it('refuses an upload that takes the MB waiting past the quota, and keeps nothing of it', async () => {
    const folder = userUploadDirectory(uploadDirectory(), userId('sasha'))
    // A file waiting (uploaded, not yet an import) 10 bytes short of 1024 MB (sparse).
    const big = fileAged(folder, 'big.csv', 1, '')
    truncateSync(big, 1024 * 1024 * 1024 - 10)
    expect(await upload('sasha', hoursAgo(1))).toEqual({
      status: 400,
      message:
        'Your uploads waiting to be imported would take 1025 MB, more than the 1024 MB one person may have. Start the imports you uploaded (Imports), or upload again later: uploads not imported within 24 hours are deleted.',
    })
    expect(readdirSync(folder)).toEqual(['big.csv'])
  })
})
