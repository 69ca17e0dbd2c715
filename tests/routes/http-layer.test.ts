// The HTTP layer itself: the access table as the guards apply it, the clock of the load
// context reaching loaders, and the dispatcher's answer to an intent no page knows.
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS, seedDemo } from '~/demo/seed.server'
import { ACCESS, CAPABILITIES, type Capability, can } from '~/domain/people/access'
import type { Role } from '~/domain/people/roles'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { loader as homeLoader } from '~/routes/_index'
import { loader as reasonsLoader } from '~/routes/admin.reasons._index'
import { action as settingsAction, loader as settingsLoader } from '~/routes/admin.settings'
import { loader as usersLoader } from '~/routes/admin.users._index'
import { loader as auditLoader } from '~/routes/audit'
import { loader as casesLoader } from '~/routes/cases._index'
import { loader as definitionLoader, action as startDraftAction } from '~/routes/definition._index'
import { loader as hindsightLoader } from '~/routes/hindsight._index'
import { loader as outcomesImportLoader } from '~/routes/hindsight.import'
import { loader as importsLoader } from '~/routes/imports._index'
import { loader as leadsLoader } from '~/routes/leads._index'
import { loader as leadLoader } from '~/routes/leads.$leadId'
import { loader as newLeadLoader } from '~/routes/leads.new'
import { loader as reportsLoader } from '~/routes/reports._index'
import { loader as accuracyLoader } from '~/routes/reports.accuracy'
import { loader as accuracyCsv } from '~/routes/reports.accuracy[.csv]'
import { loader as definitionReportLoader } from '~/routes/reports.definition'
import { loader as definitionCsv } from '~/routes/reports.definition[.csv]'
import { loader as hindsightReportLoader } from '~/routes/reports.hindsight'
import { loader as hindsightCsv } from '~/routes/reports.hindsight[.csv]'
import { loader as scorecardLoader } from '~/routes/reports.scorecard'
import { loader as scorecardCsv } from '~/routes/reports.scorecard[.csv]'
import { loader as slaLoader } from '~/routes/reports.sla'
import { loader as slaCsv } from '~/routes/reports.sla[.csv]'
import { loader as sourcesLoader } from '~/routes/reports.sources'
import { loader as sourcesCsv } from '~/routes/reports.sources[.csv]'
import { loader as verdictsLoader } from '~/routes/reports.verdicts'
import { loader as verdictsCsv } from '~/routes/reports.verdicts[.csv]'
import { loader as reviewLoader } from '~/routes/review._index'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { handOverLead } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}

beforeAll(async () => {
  await seedDemo(getDb(), new Date(), { data: false })
  for (const u of DEMO_USERS) cookies[u.email] = await signInAs(u.email)
})

type Call = (cookie: string) => Promise<unknown>
const get =
  (fn: (args: ReturnType<typeof getArgs>) => Promise<unknown>, path: string): Call =>
  (cookie) =>
    settle(() => fn(getArgs(path, { cookie })))

// For each capability, a page (or CSV, or action) its guard opens; capabilities that need a
// particular lead, case or version are checked where those are tested (sales, judicial,
// definition), and those that only narrow what a page shows by the pages that show it.
const GUARDED: Partial<Record<Capability, Call[]>> = {
  'leads.read': [get(homeLoader, '/'), get(leadsLoader, '/leads')],
  'cases.read': [get(casesLoader, '/cases')],
  'definition.read': [get(definitionLoader, '/definition')],
  'leads.create': [get(newLeadLoader, '/leads/new')],
  'imports.run': [get(importsLoader, '/imports')],
  'review.read': [get(reviewLoader, '/review')],
  'outcomes.record': [get(outcomesImportLoader, '/hindsight/import')],
  'hindsight.read': [get(hindsightLoader, '/hindsight')],
  'reports.read': [get(reportsLoader, '/reports')],
  'reports.accuracy': [
    get(accuracyLoader, '/reports/accuracy'),
    get(accuracyCsv, '/reports/accuracy.csv'),
  ],
  'reports.hindsight': [
    get(hindsightReportLoader, '/reports/hindsight'),
    get(hindsightCsv, '/reports/hindsight.csv'),
  ],
  'reports.scorecard': [
    get(scorecardLoader, '/reports/scorecard'),
    get(scorecardCsv, '/reports/scorecard.csv'),
  ],
  'reports.sources': [
    get(sourcesLoader, '/reports/sources'),
    get(sourcesCsv, '/reports/sources.csv'),
  ],
  'reports.verdicts': [
    get(verdictsLoader, '/reports/verdicts'),
    get(verdictsCsv, '/reports/verdicts.csv'),
  ],
  'reports.sla': [get(slaLoader, '/reports/sla'), get(slaCsv, '/reports/sla.csv')],
  'reports.definition': [
    get(definitionReportLoader, '/reports/definition'),
    get(definitionCsv, '/reports/definition.csv'),
  ],
  'audit.read': [get(auditLoader, '/audit')],
  'users.manage': [get(usersLoader, '/admin/users')],
  'reasons.manage': [get(reasonsLoader, '/admin/reasons')],
  'settings.manage': [get(settingsLoader, '/admin/settings')],
  'definition.draft': [
    (cookie) =>
      settle(() => startDraftAction(postArgs('/definition', { from: 'nowhere' }, { cookie }))),
  ],
}

describe('the access table', () => {
  it('names every role it grants, and no capability without a holder', () => {
    for (const capability of CAPABILITIES) expect(ACCESS[capability].length).toBeGreaterThan(0)
  })

  const cases = Object.entries(GUARDED).flatMap(([capability, calls]) =>
    DEMO_USERS.map((u) => [capability as Capability, u.email, u.roles as Role[], calls] as const),
  )
  it.each(cases)('%s: %s', async (capability, email, roles, calls) => {
    const allowed = can({ roles }, capability)
    for (const call of calls ?? []) {
      const status = statusOf(await call(cookies[email] as string))
      if (allowed) expect(status).not.toBe(403)
      else expect(status).toBe(403)
    }
  })
})

describe('the clock of the load context', () => {
  it('reaches the lead page: the follow-up clock is read at the pinned instant', async () => {
    const handedOver = new Date('2026-03-02T09:00:00Z') // a Monday morning in London
    const leadId = handOverLead('dana', {}, { at: handedOver })
    const page = (now: Date) =>
      settle(() =>
        leadLoader(
          getArgs(
            `/leads/${leadId}`,
            { cookie: cookies['dana@brightline.test'], now },
            { leadId: String(leadId) },
          ),
        ),
      )
    type Lead = { clock: { label: string; overdue: boolean }; today: string }
    const soon = payloadOf<Lead>(await page(new Date('2026-03-02T10:00:00Z')))
    expect(soon.clock).toMatchObject({ label: '15 working hours left', overdue: false })
    expect(soon.today).toBe('2026-03-02')
    const late = payloadOf<Lead>(await page(new Date('2026-03-09T10:00:00Z')))
    expect(late.clock).toMatchObject({ label: 'Overdue by 3 working days', overdue: true })
    expect(late.today).toBe('2026-03-09')
  })

  it('reaches the guard: a session idle for more than 30 days at the pinned instant is over', async () => {
    const cookie = await signInAs('omar@brightline.test')
    const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000)
    const home = await settle(() => homeLoader(getArgs('/', { cookie, now: later })))
    expect(statusOf(home)).toBe(302)
  })
})

describe('the intent dispatcher', () => {
  it('answers an intent the page does not know with 400, naming the field `intent`', async () => {
    const reply = await settle(() =>
      settingsAction(
        postArgs(
          '/admin/settings',
          { intent: 'explode' },
          { cookie: cookies['sasha@brightline.test'] },
        ),
      ),
    )
    expect(statusOf(reply)).toBe(400)
    expect(payloadOf<ActionReply>(reply)).toEqual({
      intent: null,
      result: { status: 'error', error: { intent: ['Unknown action'] } },
      notice: null,
      payload: null,
    })
  })
})
