// A new time zone saved in Settings recounts the report summaries (decision 34): the page shows
// the recount's progress, the reports read the raw rows meanwhile, and the runner's summaries
// job counts every row again in the new zone's calendar, a step at a time, until it is done.
import { beforeAll, expect, it } from 'vitest'
import { periodicJobs } from '~/domain/jobs.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { summariesComplete } from '~/domain/summaries/state.server'
import { getDb } from '~/platform/db.server'
import { action as settingsAction, loader as settingsLoader } from '~/routes/admin.settings'
import { rejectedLead, seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { runOnce } from '../support/jobs'
import { signInAs } from '../support/users'

let admin: string
const now = new Date('2026-11-27T15:00:00Z')

beforeAll(async () => {
  await seedTeam()
  admin = await signInAs('sasha@brightline.test')
  rejectedLead('dana@brightline.test', { at: now })
  rejectedLead('omar@brightline.test', { at: now })
})

const progress = async () =>
  payloadOf<{ summaries: { done: number; total: number } | null }>(
    await settle(() => settingsLoader(getArgs('/admin/settings', { cookie: admin }))),
  ).summaries

it('shows the recount after a new time zone, and the job ends it', async () => {
  expect(await progress()).toBeNull()
  const zone = 'Asia/Tokyo'
  const saved = await settle(() =>
    settingsAction(
      postArgs(
        '/admin/settings',
        { intent: 'organisation', organisationName: 'Brightline Systems', timeZone: zone },
        { cookie: admin },
      ),
    ),
  )
  expect(statusOf(saved)).toBe(200)
  const started = await progress()
  expect(started?.done).toBe(0)
  expect(started?.total).toBeGreaterThan(0)
  for (const family of SUMMARY_FAMILIES)
    expect(summariesComplete(getDb(), family, zone)).toBe(false)

  const job = periodicJobs(60).find((j) => j.name === 'summaries')
  let runs = 0
  while (runOnce(job, getDb(), now).more)
    if (++runs > 1000) throw new Error('The recount never ends')
  expect(await progress()).toBeNull()
  for (const family of SUMMARY_FAMILIES) expect(summariesComplete(getDb(), family, zone)).toBe(true)
  // Saving the same zone again recounts nothing.
  await settle(() =>
    settingsAction(
      postArgs(
        '/admin/settings',
        { intent: 'organisation', organisationName: 'Brightline', timeZone: zone },
        { cookie: admin },
      ),
    ),
  )
  expect(await progress()).toBeNull()
})
