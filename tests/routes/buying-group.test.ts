// The buying group (decision 26): who sees which member, the lead being worked that an
// "already working this account" rejection names, the case lists' stage filter, and the reason
// catalog's flag. The clock is pinned.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listReasons } from '~/domain/reasons/reasons.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { HOUR } from '~/domain/sla/clock'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as createReasonAction } from '~/routes/admin.reasons._index'
import { loader as casesLoader } from '~/routes/cases._index'
import { loader as caseLoader } from '~/routes/cases.$caseId'
import { action as leadAction, loader as leadLoader } from '~/routes/leads.$leadId'
import { loader as reviewLoader } from '~/routes/review._index'
import { cases, reasons } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}
let T0: Date
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const DUPLICATE = 'Already working this account / duplicate'
const reasonId = (label: string) => listReasons(getDb()).find((r) => r.label === label)?.id ?? 0

beforeAll(async () => {
  await seedTeam()
  activateDefinition(getDb(), ICP_CRITERIA)
  for (const name of ['dana', 'omar', 'maya', 'victor', 'felix', 'sasha'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
  T0 = new Date(Math.ceil(Date.now() / HOUR) * HOUR + HOUR)
})

type Loader = (args: ReturnType<typeof getArgs>) => Promise<unknown>
const get = <T>(loader: Loader, path: string, who: string, params = {}) =>
  settle(() => loader(getArgs(path, { cookie: cookies[who], now: at(30) }, params))).then((r) =>
    payloadOf<T>(r),
  )
const reject = (leadId: number, fields: Record<string, string>, minutes = 10) =>
  settle(() =>
    leadAction(
      postArgs(
        `/leads/${leadId}`,
        {
          intent: 'reject',
          reasonId: String(reasonId(DUPLICATE)),
          notes: 'Omar is talking to their VP already',
          contactAttempts: '0',
          ...fields,
        },
        { cookie: cookies.dana, now: at(minutes) },
        { leadId: String(leadId) },
      ),
    ),
  )
const errorsOf = (result: unknown) => payloadOf<ActionReply>(result).result?.error ?? {}
const casesOf = (leadId: number) =>
  getDb().select().from(cases).where(eq(cases.leadId, leadId)).all()

let accounts = 0
/** Three people at Initech: Omar works the VP, Dana has a new lead and so has Omar. */
function initech() {
  accounts++
  const domain = `initech${accounts}.example`
  const person = (firstName: string, title: string) => ({
    firstName,
    lastName: 'Initech',
    title,
    companyDomain: domain,
    company: 'Initech',
    email: `${firstName.toLowerCase()}@${domain}`,
  })
  const vp = handOverLead('omar', person('Vera', 'VP Operations'), { at: at(-300) })
  acceptLead(getDb(), { id: userId('omar') }, vp, at(-240))
  const cfo = handOverLead('dana', person('Carl', 'CFO'), { at: at(-120) })
  const analyst = handOverLead('omar', person('Ana', 'Analyst'), { at: at(-60) })
  return { domain, vp, cfo, analyst }
}

type Group = {
  domain: string
  members: number
  working: number
  others: { id: number; name: string | null; canOpen: boolean; title: string | null }[]
}

describe('the buying group', () => {
  it('shows a rep titles, statuses and owners, and names only their own leads; a marketer every name', async () => {
    const { domain, vp, cfo, analyst } = initech()
    const path = `/leads/${cfo}`
    const mine = await get<{ buyingGroup: Group }>(leadLoader, path, 'dana', {
      leadId: String(cfo),
    })
    expect(mine.buyingGroup).toEqual({
      domain,
      members: 3,
      working: 1,
      others: [
        {
          id: analyst,
          name: null,
          canOpen: false,
          title: 'Analyst',
          status: 'new',
          ownerName: 'Omar Haddad',
        },
        {
          id: vp,
          name: null,
          canOpen: false,
          title: 'VP Operations',
          status: 'working',
          ownerName: 'Omar Haddad',
        },
      ],
    })
    const marketer = await get<{ buyingGroup: Group }>(leadLoader, path, 'maya', {
      leadId: String(cfo),
    })
    expect(marketer.buyingGroup.others.map((o) => [o.name, o.canOpen])).toEqual([
      ['Ana Initech', true],
      ['Vera Initech', true],
    ])
  })

  it('a lead without a company domain has no buying group', async () => {
    // A free-mail address gives no company domain.
    const alone = handOverLead('dana', { email: 'someone.alone@gmail.com' }, { at: at(-60) })
    const page = await get<{ buyingGroup: Group | null }>(leadLoader, `/leads/${alone}`, 'dana', {
      leadId: String(alone),
    })
    expect(page.buyingGroup).toBeNull()
  })
})

describe('rejecting as already worked names the lead being worked', () => {
  it('is required, must be another lead of the group, and is stored; the committee sees it', async () => {
    const { vp, cfo } = initech()
    const other = handOverLead('omar', {}, { at: at(-60) })
    const missing = await reject(cfo, {})
    expect(statusOf(missing)).toBe(400)
    expect(Object.keys(errorsOf(missing))).toEqual(['workingLeadId'])
    expect(errorsOf(missing).workingLeadId?.[0]).toMatch(/^Choose the lead at initech\d+\.example/)
    for (const wrong of [other, cfo, 999_999]) {
      const refused = await reject(cfo, { workingLeadId: String(wrong) })
      expect(statusOf(refused)).toBe(400)
      expect(errorsOf(refused).workingLeadId?.[0]).toMatch(/^Choose one of the other leads at/)
    }
    expect(errorsOf(await reject(cfo, { workingLeadId: 'vera' }))).toEqual({
      workingLeadId: ['Choose the lead being worked'],
    })
    expect(casesOf(cfo)).toEqual([])

    expect(statusOf(await reject(cfo, { workingLeadId: String(vp) }))).toBe(303)
    const [opened] = casesOf(cfo)
    expect(opened).toMatchObject({ workingLeadId: vp, afterContact: false, reasonLabel: DUPLICATE })

    const caseId = String(opened?.id)
    type File = {
      workingLead: unknown
      buyingGroup: { others: { id: number; isWorkingLead: boolean }[] }
    }
    const committee = await get<File>(caseLoader, `/cases/${caseId}`, 'victor', { caseId })
    expect(committee.workingLead).toEqual({
      id: vp,
      name: 'Vera Initech',
      canOpen: true,
      title: 'VP Operations',
      status: 'working',
      ownerName: 'Omar Haddad',
    })
    expect(committee.buyingGroup.others.find((o) => o.id === vp)?.isWorkingLead).toBe(true)
    // Dana's own case file: Omar's lead without its name.
    const rep = await get<File>(caseLoader, `/cases/${caseId}`, 'dana', { caseId })
    expect(rep.workingLead).toMatchObject({ id: vp, name: null, canOpen: false })
  })

  it('a reason that does not name one ignores the field; with no one else at the company, notes say who', async () => {
    const { vp, cfo } = initech()
    const noBudget = await reject(cfo, {
      reasonId: String(reasonId('No budget')),
      workingLeadId: String(vp),
    })
    expect(statusOf(noBudget)).toBe(303)
    expect(casesOf(cfo)[0]?.workingLeadId).toBeNull()

    const alone = handOverLead('dana', { companyDomain: 'solo-example.example' }, { at: at(-60) })
    const silent = await reject(alone, { notes: '' })
    expect(errorsOf(silent)).toEqual({
      notes: [
        'No other lead shares this lead’s company domain: say in the notes which lead or account is being worked',
      ],
    })
    expect(statusOf(await reject(alone, {}))).toBe(303)
    expect(casesOf(alone)[0]?.workingLeadId).toBeNull()
  })
})

describe('the case lists tell the stages apart', () => {
  type Rows = { rows: { id: number; kind: string; afterContact: boolean }[] }
  let ids: { before: number; after: number; ignored: number }

  beforeAll(async () => {
    const before = handOverLead('omar', {}, { at: at(-600) })
    const after = handOverLead('omar', {}, { at: at(-600) })
    acceptLead(getDb(), { id: userId('omar') }, after, at(-590))
    const reasonFields = { reasonId: String(reasonId('No budget')), notes: 'No budget' }
    for (const id of [before, after]) {
      const done = await settle(() =>
        leadAction(
          postArgs(
            `/leads/${id}`,
            { intent: 'reject', contactAttempts: '0', ...reasonFields },
            { cookie: cookies.omar, now: at(-500) },
            { leadId: String(id) },
          ),
        ),
      )
      if (statusOf(done) !== 303) throw new Error(JSON.stringify(payloadOf(done)))
    }
    // An old lead of Omar's whose clock ran out: the sweep opens an ignored case.
    const ignored = handOverLead('omar', {}, { at: at(-10 * 24 * 60) })
    sweepIgnoredLeads(getDb(), at(-400))
    const caseOf = (leadId: number) => casesOf(leadId)[0]?.id ?? 0
    ids = { before: caseOf(before), after: caseOf(after), ignored: caseOf(ignored) }
  })

  const listed = async (query: string, loader: Loader = casesLoader, who = 'felix') =>
    (await get<Rows>(loader, `/cases?${query}`, who)).rows.map((r) => r.id)

  it('filters by stage, and old `kind=` links still filter', async () => {
    const { before, after, ignored } = ids
    const only = (list: number[]) =>
      list.filter((id) => [before, after, ignored].includes(id)).sort((a, b) => a - b)
    expect(only(await listed('stage=before_contact'))).toEqual([before])
    expect(only(await listed('stage=after_contact'))).toEqual([after])
    expect(only(await listed('stage=ignored'))).toEqual([ignored])
    expect(only(await listed('stage=rejected'))).toEqual([before, after])
    expect(only(await listed('kind=rejected'))).toEqual([before, after])
    expect(only(await listed('kind=ignored'))).toEqual([ignored])
    expect(only(await listed('stage=sideways'))).toEqual([before, after, ignored])
    // The review queue too, and the rows carry what the Stage column shows.
    expect(only(await listed('stage=after_contact', reviewLoader, 'victor'))).toEqual([after])
    const rows = (await get<Rows>(casesLoader, '/cases?repId=0', 'felix')).rows
    expect(rows.find((r) => r.id === after)).toMatchObject({ kind: 'rejected', afterContact: true })
    expect(rows.find((r) => r.id === before)).toMatchObject({ afterContact: false })
  })
})

describe('the reason catalog', () => {
  it('an admin marks a reason as naming the lead being worked', async () => {
    const result = await settle(() =>
      createReasonAction(
        postArgs(
          '/admin/reasons',
          { label: 'Partner already owns it', namesWorkingLead: 'on' },
          { cookie: cookies.sasha, now: at(1) },
        ),
      ),
    )
    expect(statusOf(result)).toBe(302)
    const saved = getDb()
      .select()
      .from(reasons)
      .where(eq(reasons.label, 'Partner already owns it'))
      .get()
    expect(saved).toMatchObject({ namesWorkingLead: true, notesRequired: false })
    expect(listReasons(getDb()).find((r) => r.label === DUPLICATE)?.namesWorkingLead).toBe(true)
  })
})
