import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { castVote } from '~/domain/cases/cast-vote.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { getDb } from '~/platform/db.server'
import { auditEvents, cases, leads, notifications, votes } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { createUser, seedTeam } from '../support/factories'
import { runJobs } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'

beforeAll(async () => {
  const db = getDb()
  await seedTeam()
  activateDefinition(db, ICP_CRITERIA)
  // A fourth member, so that two different members can each cast the deciding vote.
  await createUser({ name: 'Sam Ortiz', roles: ['committee'], seat: 'marketing' })
})

type Voter = { child: ChildProcessWithoutNullStreams; ready: Promise<void>; done: Promise<string> }

function voter(caseId: number, email: string): Voter {
  const child = spawn(
    'node',
    ['--import', 'tsx', 'tests/support/cast-vote.ts', String(caseId), email],
    {
      env: { ...process.env, NODE_ENV: 'test' },
    },
  )
  let out = ''
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  child.stdout.on('data', (chunk) => {
    out += chunk
    if (out.includes('ready')) markReady()
  })
  let err = ''
  child.stderr.on('data', (chunk) => {
    err += chunk
  })
  const done = new Promise<string>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve(out.split('\n').find((l) => l.startsWith('{')) ?? '')
        : reject(new Error(err)),
    ),
  )
  return { child, ready, done }
}

describe('deciding is atomic', () => {
  it('two deciding votes from two processes at the same moment give one verdict and one set of consequences', async () => {
    const db = getDb()
    const leadId = handOverLead('dana')
    const reasonId = listReasons(db).find((r) => r.label === 'No need')?.id ?? 0
    const rejected = rejectLead(
      db,
      { id: userId('dana') },
      leadId,
      { reasonId, notes: 'No need', contactAttempts: 1 },
      new Date(),
    )
    if (!rejected.ok) throw new Error('rejection refused')
    const caseId = rejected.caseId
    const first = castVote(
      db,
      userId('victor'),
      caseId,
      {
        verdict: 'does_not_meet',
        disposition: 'nurture',
        rationale: 'Reseller',
        finding: { company_size: 'unmet', engagement: 'unmet' },
      },
      new Date(),
    )
    const second = castVote(
      db,
      userId('clara'),
      caseId,
      { verdict: 'meets', rationale: 'Big enough', finding: { engagement: 'met' } },
      new Date(),
    )
    expect([first.ok, second.ok]).toEqual([true, true])
    expect(db.select().from(cases).where(eq(cases.id, caseId)).get()?.status).toBe('in_review')

    // Erin and Sam each hold a vote that completes the rule (3 votes, both seats, a majority).
    const voters = [voter(caseId, 'erin@brightline.test'), voter(caseId, 'sam@brightline.test')]
    await Promise.all(voters.map((v) => v.ready))
    for (const v of voters) v.child.stdin.end('go\n')
    const outcomes = (await Promise.all(voters.map((v) => v.done))).map(
      (line) =>
        JSON.parse(line) as {
          result: { ok: boolean; decided?: boolean; fieldErrors?: Record<string, string[]> }
        },
    )
    // Both were released at once, each holding a vote that completes the rule: whichever took
    // the write lock first decided; the other waited for the lock and found the case closed.
    const winners = outcomes.filter((o) => o.result.ok)
    const losers = outcomes.filter((o) => !o.result.ok)
    expect(winners).toHaveLength(1)
    expect(winners[0]?.result.decided).toBe(true)
    expect(losers[0]?.result.fieldErrors?.form).toEqual([
      'The committee has decided this case; it is closed',
    ])

    expect(db.select().from(votes).where(eq(votes.caseId, caseId)).all()).toHaveLength(3)
    const decided = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'case.decided'))
      .all()
    expect(decided.filter((e) => e.subjectId === String(caseId))).toHaveLength(1)
    const disposed = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'lead.disposed'))
      .all()
    expect(disposed.filter((e) => e.subjectId === String(leadId))).toHaveLength(1)
    expect(db.select().from(leads).where(eq(leads.id, leadId)).get()?.status).toBe('nurture')
    runJobs(db, new Date())
    const verdicts = db
      .select()
      .from(notifications)
      .where(eq(notifications.caseId, caseId))
      .all()
      .filter((n) => n.kind === 'verdict')
    expect(verdicts.map((n) => n.userId).sort()).toEqual([userId('dana'), userId('maya')].sort())
  }, 60_000)
})
