import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { addWorkingHours } from '~/domain/sla/clock'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { loader as homeLoader } from '~/routes/_index'
import { action as caseAction, loader as caseLoader } from '~/routes/cases.$caseId'
import { loader as reviewLoader } from '~/routes/review._index'
import { auditEvents, cases, leads, notifications, votes } from '~db/schema'
import { allDayWeekdays, storeAllDayWeekdays } from '../support/calendar'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { createUser, rejectedLead, seedTeam } from '../support/factories'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { runJobs } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}

beforeAll(async () => {
  const db = getDb()
  await seedTeam()
  storeAllDayWeekdays(getDb())
  activateDefinition(db, ICP_CRITERIA)
  // Rita sells and sits on the committee (sales seat): she is recused from her own leads.
  await createUser({ name: 'Rita Ng', roles: ['rep', 'committee'], seat: 'sales' })
  for (const name of ['dana', 'omar', 'maya', 'ben', 'victor', 'clara', 'erin', 'felix', 'rita'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

/** A case: a lead handed to `rep` and rejected by them (or ignored). */
function openCase(
  rep = 'dana',
  fields: Record<string, string> = {},
  options: { ignored?: boolean; reason?: string; marketer?: string } = {},
) {
  const db = getDb()
  if (!options.ignored)
    return rejectedLead(rep, {
      fields,
      ...(options.marketer ? { marketer: options.marketer } : {}),
      reason: options.reason ?? 'No budget',
      notes: 'Says there is no budget',
      contactAttempts: 2,
    })
  const leadId = handOverLead(rep, fields, {
    marketer: options.marketer,
    at: new Date(Date.now() - 30 * 24 * 3_600_000),
  })
  sweepIgnoredLeads(db, new Date())
  const c = db.select().from(cases).where(eq(cases.leadId, leadId)).get()
  if (!c) throw new Error('no case')
  return { caseId: c.id, leadId }
}

const post = (caseId: number, fields: Record<string, string>, who: string) =>
  settle(() =>
    caseAction(
      postArgs(`/cases/${caseId}`, fields, { cookie: cookies[who] }, { caseId: String(caseId) }),
    ),
  )
const view = (caseId: number, who: string) =>
  settle(() =>
    caseLoader(getArgs(`/cases/${caseId}`, { cookie: cookies[who] }, { caseId: String(caseId) })),
  )
type Reply = ActionReply
const errorsOf = (r: unknown) => payloadOf<Reply>(r).result?.error ?? {}
const caseRow = (id: number) => getDb().select().from(cases).where(eq(cases.id, id)).get()
const leadRow = (id: number) => getDb().select().from(leads).where(eq(leads.id, id)).get()

// The ICP definition: company size (required) is met at 400 employees, e-mail (required) is
// met, engagement (advisory) is unknown unless given.
const vote = (caseId: number, who: string, fields: Record<string, string> = {}) =>
  post(
    caseId,
    {
      intent: 'vote',
      verdict: 'meets',
      rationale: 'Four hundred people and a working e-mail: a lead by our definition.',
      'finding.engagement': 'met',
      ...fields,
    },
    who,
  )
const notMeets = {
  verdict: 'does_not_meet',
  disposition: 'nurture',
  'finding.company_size': 'unmet',
  rationale: 'The company is a reseller; its real size is a dozen people.',
}

describe('marketing’s response', () => {
  it('a marketer contests with a brief, once; a rep or a member cannot answer', async () => {
    const { caseId } = openCase()
    expect(statusOf(await post(caseId, { intent: 'contest', brief: 'x' }, 'dana'))).toBe(403)
    expect(statusOf(await post(caseId, { intent: 'contest', brief: 'x' }, 'victor'))).toBe(403)
    const short = await post(caseId, { intent: 'contest', brief: 'too short' }, 'maya')
    expect(errorsOf(short).brief).toEqual([
      'Write the brief in a sentence or more: why the lead met the definition',
    ])
    const brief = 'They came to the webinar, asked for pricing and have 400 staff.'
    const ok = await post(caseId, { intent: 'contest', brief }, 'maya')
    expect(payloadOf<Reply>(ok).notice).toMatch(/Contested/)
    expect(caseRow(caseId)).toMatchObject({
      response: 'contested',
      brief,
      respondedBy: userId('maya'),
      status: 'in_review',
    })
    const twice = await post(caseId, { intent: 'contest', brief }, 'ben')
    expect(statusOf(twice)).toBe(400)
    expect(errorsOf(twice)['']).toEqual(['Marketing has already answered this case'])
    const concede = await post(caseId, { intent: 'concede', disposition: 'nurture' }, 'maya')
    expect(errorsOf(concede)['']).toEqual(['Marketing has already answered this case'])
  })

  it('conceding closes the case as "does not meet" with marketing’s disposition; no votes after', async () => {
    const { caseId, leadId } = openCase('omar', {}, { marketer: 'ben' })
    const missing = await post(caseId, { intent: 'concede' }, 'ben')
    expect(errorsOf(missing).disposition).toEqual(['Choose disqualified or nurture'])
    expect(statusOf(await post(caseId, { intent: 'concede', disposition: 'nurture' }, 'ben'))).toBe(
      200,
    )
    expect(caseRow(caseId)).toMatchObject({
      status: 'conceded',
      response: 'conceded',
      verdict: 'does_not_meet',
      disposition: 'nurture',
    })
    expect(leadRow(leadId)?.status).toBe('nurture')
    runJobs(getDb(), new Date())
    const told = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.caseId, caseId))
      .all()
      .filter((n) => n.kind === 'conceded')
    expect(told.map((n) => n.userId)).toEqual([userId('omar')])
    const late = await vote(caseId, 'victor')
    expect(statusOf(late)).toBe(400)
    expect(errorsOf(late)['']).toEqual(['Marketing conceded this case; it is closed'])
  })
})

describe('votes', () => {
  it('only committee members vote: a marketer or leadership gets 403, another rep 404', async () => {
    const { caseId } = openCase()
    expect(statusOf(await vote(caseId, 'maya'))).toBe(403)
    expect(statusOf(await vote(caseId, 'felix'))).toBe(403)
    expect(statusOf(await vote(caseId, 'omar'))).toBe(404)
    expect(statusOf(await vote(caseId, 'dana'))).toBe(403)
    expect(getDb().select().from(votes).where(eq(votes.caseId, caseId)).all()).toEqual([])
  })

  it('refuses a vote without rationale, verdict, disposition or the findings the data leaves open', async () => {
    const { caseId } = openCase('dana', { engagementScore: '' })
    const noRationale = await vote(caseId, 'victor', { rationale: '' })
    expect(errorsOf(noRationale).rationale).toEqual(['Write your rationale'])
    const noVerdict = await vote(caseId, 'victor', { verdict: '' })
    expect(errorsOf(noVerdict).verdict).toEqual([
      'Choose “Meets the definition” or “Does not meet the definition”',
    ])
    const noDisposition = await vote(caseId, 'victor', { ...notMeets, disposition: '' })
    expect(errorsOf(noDisposition).disposition).toEqual([
      'Choose the disposition for a lead that does not meet the definition',
    ])
    const noFinding = await vote(caseId, 'victor', { 'finding.engagement': '' })
    expect(statusOf(noFinding)).toBe(400)
    expect(errorsOf(noFinding)['finding.engagement']).toEqual([
      'Give your finding on “Engaged”: the lead’s data leaves it unknown',
    ])
  })

  it('a verdict against the member’s own findings needs a departure justification', async () => {
    const { caseId } = openCase()
    const departs = { ...notMeets, 'finding.company_size': '' }
    const refused = await vote(caseId, 'victor', departs)
    expect(errorsOf(refused).departureJustification).toEqual([
      'By your own findings the lead meets the definition. Give a departure justification, or change your findings or verdict',
    ])
    const ok = await vote(caseId, 'victor', {
      ...departs,
      departureJustification: 'A student project; the definition has no criterion for it.',
    })
    expect(statusOf(ok)).toBe(303)
    const [cast] = getDb().select().from(votes).where(eq(votes.caseId, caseId)).all()
    expect(cast).toMatchObject({
      verdict: 'does_not_meet',
      departureJustification: 'A student project; the definition has no criterion for it.',
      departures: ['*'],
    })
  })

  it('three votes with both seats decide by majority, in the vote’s transaction, with consequences', async () => {
    const { caseId, leadId } = openCase()
    const first = await vote(caseId, 'victor', notMeets)
    // Answered with a redirect to the case file, which says what happened.
    expect(statusOf(first)).toBe(303)
    expect(locationOf(first)).toBe(`/cases/${caseId}?notice=voted`)
    // Victor changes his mind, on the case opened from the review queue: still one vote, and
    // the case file he is sent back to still says where it was opened from (decision 37).
    const again = await settle(() =>
      caseAction(
        postArgs(
          `/cases/${caseId}?via=review`,
          {
            intent: 'vote',
            verdict: 'meets',
            rationale: 'Four hundred people and a working e-mail: a lead by our definition.',
            'finding.engagement': 'met',
          },
          { cookie: cookies.victor },
          { caseId: String(caseId) },
        ),
      ),
    )
    expect(locationOf(again)).toBe(`/cases/${caseId}?via=review&notice=voted`)
    expect(getDb().select().from(votes).where(eq(votes.caseId, caseId)).all()).toHaveLength(1)
    await vote(caseId, 'clara', notMeets)
    expect(caseRow(caseId)?.status).toBe('in_review')
    const page = payloadOf<{ waitingFor: string }>(await view(caseId, 'erin'))
    expect(page.waitingFor).toBe('1 more vote')
    const deciding = await vote(caseId, 'erin', { ...notMeets, disposition: 'disqualified' })
    expect(locationOf(deciding)).toBe(`/cases/${caseId}?notice=decided`)
    expect(caseRow(caseId)).toMatchObject({
      status: 'decided',
      verdict: 'does_not_meet',
      unanimous: false,
      decidedByChair: false,
      // Clara proposed nurture, Erin (the chair) disqualified: the tie goes to the chair.
      disposition: 'disqualified',
      completedEvaluation: 'does_not_meet',
      agreesWithDefinition: true,
      departures: [],
    })
    expect(caseRow(caseId)?.rationale).toContain('Clara Moreau: The company is a reseller')
    expect(leadRow(leadId)).toMatchObject({ status: 'disqualified', followUpDueAt: null })
    runJobs(getDb(), new Date())
    const told = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.caseId, caseId))
      .all()
      .filter((n) => n.kind === 'verdict')
      .map((n) => n.userId)
      .sort()
    expect(told).toEqual([userId('dana'), userId('maya')].sort())
    const decided = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'case.decided'))
      .all()
      .filter((e) => e.subjectId === String(caseId))
    expect(decided).toHaveLength(1)
    const after = await vote(caseId, 'victor', notMeets)
    expect(errorsOf(after)['']).toEqual(['The committee has decided this case; it is closed'])
  })

  it('"meets" returns the lead to the rep the deciding vote names, with a fresh return clock', async () => {
    const { caseId, leadId } = openCase()
    await vote(caseId, 'victor')
    await vote(caseId, 'clara')
    const before = Date.now()
    await vote(caseId, 'erin', { returnTo: String(userId('omar')) })
    const lead = leadRow(leadId)
    expect(lead).toMatchObject({ status: 'returned', ownerId: userId('omar') })
    const started = lead?.clockStartedAt as Date
    expect(started.getTime()).toBeGreaterThanOrEqual(before)
    expect(lead?.followUpDueAt).toEqual(
      addWorkingHours(started, 24, allDayWeekdays('Europe/London')),
    )
    expect(caseRow(caseId)).toMatchObject({
      verdict: 'meets',
      unanimous: true,
      returnedTo: userId('omar'),
      agreesWithDefinition: true,
    })
    runJobs(getDb(), new Date())
    // Dana's home shows the verdict and its rationale; the lead is in Omar's queue.
    type Home = {
      notifications: { caseId: number; verdict: string; rationale: string }[]
      queue: { rows: { id: number; status: string }[] }
    }
    const dana = payloadOf<Home>(await homeLoader(getArgs('/', { cookie: cookies.dana })))
    expect(dana.notifications.find((n) => n.caseId === caseId)).toMatchObject({
      verdict: 'meets',
      rationale: expect.stringContaining('Victor Lindqvist: Four hundred people'),
    })
    const omar = payloadOf<Home>(await homeLoader(getArgs('/', { cookie: cookies.omar })))
    expect(omar.queue.rows.find((r) => r.id === leadId)?.status).toBe('returned')
    // Omar now holds the lead, so he reads the case that sent it to him.
    expect(statusOf(await view(caseId, 'omar'))).toBe(200)
  })
})

describe('recusal', () => {
  it('a member who filed the rejection is recused automatically and cannot vote', async () => {
    const { caseId } = openCase('rita')
    const refused = await vote(caseId, 'rita')
    expect(statusOf(refused)).toBe(400)
    expect(errorsOf(refused)['']).toEqual([
      'You filed the rejection, so you are recused from this case',
    ])
    const page = payloadOf<{ me: { canVote: boolean; cannotVote: string } }>(
      await view(caseId, 'rita'),
    )
    expect(page.me).toMatchObject({
      canVote: false,
      cannotVote: 'You filed the rejection, so you are recused from this case',
    })
  })

  it('any member may recuse with a reason, before voting; then they cannot vote', async () => {
    const { caseId } = openCase()
    const noReason = await post(caseId, { intent: 'recuse', reason: ' ' }, 'victor')
    expect(errorsOf(noReason).reason).toEqual(['Say why you recuse yourself'])
    expect(
      statusOf(await post(caseId, { intent: 'recuse', reason: 'I know the buyer' }, 'victor')),
    ).toBe(200)
    const again = await vote(caseId, 'victor')
    expect(errorsOf(again)['']).toEqual(['You recused yourself from this case'])
    await vote(caseId, 'clara')
    const late = await post(caseId, { intent: 'recuse', reason: 'Second thoughts' }, 'clara')
    expect(errorsOf(late)['']).toEqual([
      'You have voted on this case; change your vote rather than recuse',
    ])
    // Victor's recusal leaves Rita as the only sales seat who can still vote.
    await vote(caseId, 'erin')
    const page = payloadOf<{ waitingFor: string }>(await view(caseId, 'erin'))
    expect(page.waitingFor).toBe('1 more vote')
    expect(caseRow(caseId)?.status).toBe('in_review')
  })
})

describe('reading cases', () => {
  it('the case’s rep reads the file without the votes; another rep gets 404; the committee sees votes', async () => {
    const { caseId, leadId } = openCase()
    await vote(caseId, 'victor')
    getDb().update(leads).set({ title: 'CFO' }).where(eq(leads.id, leadId)).run()
    type File = {
      timeline: { action: string; sentence: string }[]
      votes: unknown[] | null
      fields: { label: string; opened: string | null; current: string | null; changed: boolean }[]
    }
    const dana = payloadOf<File>(await view(caseId, 'dana'))
    expect(dana.votes).toBeNull()
    // Nor does the timeline tell her who voted what; the committee's does.
    expect(dana.timeline.map((e) => e.action)).not.toContain('case.vote_cast')
    expect(payloadOf<File>(await view(caseId, 'victor')).timeline.map((e) => e.sentence)).toEqual([
      'Dana Reyes rejected the lead and the case opened: No budget',
      'You voted that the lead meets the definition',
    ])
    expect(payloadOf<File>(await view(caseId, 'felix')).votes).toBeNull()
    expect(dana.fields.find((f) => f.label === 'Title')).toEqual({
      label: 'Title',
      opened: null,
      current: 'CFO',
      changed: true,
    })
    expect(statusOf(await view(caseId, 'omar'))).toBe(404)
    expect(payloadOf<File>(await view(caseId, 'clara')).votes).toHaveLength(1)
    expect(statusOf(await view(999_999, 'clara'))).toBe(404)
  })

  it('the review queue: most overdue first, "needs my vote" leaves out what I voted on; reps cannot open it', async () => {
    const ignored = openCase('omar', {}, { ignored: true })
    const { caseId } = openCase()
    await vote(caseId, 'clara')
    type Queue = { rows: { id: number; kind: string; voted: boolean }[] }
    const all = payloadOf<Queue>(await reviewLoader(getArgs('/review', { cookie: cookies.clara })))
    const due = all.rows.map((r) => r.id)
    expect(due).toContain(caseId)
    expect(due).toContain(ignored.caseId)
    const dueAt = (id: number) => caseRow(id)?.reviewDueAt.getTime() ?? 0
    expect(due.map(dueAt)).toEqual([...due.map(dueAt)].sort((a, b) => a - b))
    expect(all.rows.find((r) => r.id === caseId)?.voted).toBe(true)
    const mine = payloadOf<Queue>(
      await reviewLoader(getArgs('/review?needsMyVote=1', { cookie: cookies.clara })),
    )
    expect(mine.rows.map((r) => r.id)).not.toContain(caseId)
    expect(mine.rows.map((r) => r.id)).toContain(ignored.caseId)
    // Clara's home lists the first ten of the same queue.
    type Home = { toVote: { id: number }[] }
    const home = payloadOf<Home>(await homeLoader(getArgs('/', { cookie: cookies.clara })))
    expect(home.toVote.map((c) => c.id)).toEqual(mine.rows.slice(0, 10).map((r) => r.id))
    const ignoredOnly = payloadOf<Queue>(
      await reviewLoader(getArgs('/review?kind=ignored', { cookie: cookies.clara })),
    )
    expect(ignoredOnly.rows.every((r) => r.kind === 'ignored')).toBe(true)
    expect(
      statusOf(await settle(() => reviewLoader(getArgs('/review', { cookie: cookies.dana })))),
    ).toBe(403)
    expect(statusOf(await reviewLoader(getArgs('/review', { cookie: cookies.felix })))).toBe(200)
  })
})
