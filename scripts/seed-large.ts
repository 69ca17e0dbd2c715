// `npm run seed:large -- --leads 1000000 --reps 50 [--database data/large-1000000.db]`
//
// Fills a new database with a large sales team's year, for the benchmarks (docs/performance.md):
// the demo (users, definition v1 and v2, reasons, settings) plus `--reps` reps, 20 sources,
// 200 campaigns and `--leads` leads handed over across the past year. About a fifth are
// rejected and one in twenty ignored; their cases carry marketing's answers, the committee's
// votes and verdicts, and outcomes for a share of the older ones. Every change has its audit
// entry, chained in time order, so `npm run audit:verify` passes on the result.
//
// It writes rows with prepared statements in large transactions (with `synchronous=OFF` while
// it fills: a generator, not the app, and a crash means running it again) and is deterministic
// for a given --seed.
import { rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Closing } from '~/domain/cases/close-case.server'
import type { CastVote } from '~/domain/cases/decide-case.server'
import type { Criterion } from '~/domain/cases/deciding'
import type { HandOver } from '~/domain/leads/hand-over.server'
import type { LeadFields } from '~/domain/leads/schema'
import type { AuditContent, AuditEntry } from '~/platform/audit.server'
import type { CaseKind, Evaluation, LifecycleStage, Seat, Verdict } from '~db/enums'

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '1000000' },
    reps: { type: 'string', default: '50' },
    database: { type: 'string' },
    seed: { type: 'string', default: '7' },
  },
})
const LEADS = Number(args.leads)
const REPS = Number(args.reps)
if (!Number.isInteger(LEADS) || LEADS < 1000) throw new Error('--leads must be 1000 or more')
if (!Number.isInteger(REPS) || REPS < 3) throw new Error('--reps must be 3 or more')
const path = args.database ?? `data/large-${LEADS}.db`
for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
process.env.DATABASE_PATH = path

const { getDb } = await import('~/platform/db.server')
const { prepareDatabase } = await import('~/domain/prepare.server')
const { seedDemo } = await import('~/demo/seed.server')
const { random } = await import('~/demo/data.server')
const { criteriaOf } = await import('~/domain/definition/versions.server')
const { chainHash } = await import('~/platform/audit.server')
const { addWorkingHours, workingMsBetween, HOUR } = await import('~/domain/sla/clock')
const { getSlaSettings, getWorkingCalendar } = await import('~/domain/settings/settings.server')
const { LEAD_FIELD_KEYS } = await import('~/domain/leads/fields')
const { leadUpserter } = await import('~/domain/leads/upsert-lead.server')
const { countedAsBatch } = await import('~/domain/summaries/batch.server')
const { evaluate } = await import('~/domain/definition/evaluator')
// Cases close through the domain's rules: the deciding rule, the verdict's record, the case's
// closing columns and audit entries (app/domain/cases).
const { decisionOf } = await import('~/domain/cases/decide-case.server')
const { caseClosedAudit, closedCaseFields, leadDisposedAudit } = await import(
  '~/domain/cases/close-case.server'
)
const { checkVote } = await import('~/domain/cases/deciding')
const { getCommitteeSettings } = await import('~/domain/settings/settings.server')

let started = performance.now()
const NOW = new Date()
const DAY = 24 * HOUR
const YEAR = 365 * DAY
const db = getDb()
prepareDatabase(db)
await seedDemo(db, NOW)
const demoSeconds = (performance.now() - started) / 1000
started = performance.now()
const sqlite = db.$client
sqlite.pragma('synchronous = OFF')
sqlite.pragma('cache_size = -1000000')
sqlite.pragma('temp_store = MEMORY')
// A lead's votes and notifications are written before its lead and case rows; every key is
// checked once at the end instead (foreign_key_check).
sqlite.pragma('foreign_keys = OFF')
const rng = random(Number(args.seed))
const calendar = getWorkingCalendar(db)
const sla = getSlaSettings(db)

// ——— People ———

type Row = Record<string, unknown>
const all = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[]
const idOf = (email: string) =>
  (sqlite.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: number }).id
const passwordHash = (
  sqlite.prepare('SELECT password_hash FROM users WHERE email = ?').get('dana@brightline.test') as {
    password_hash: string
  }
).password_hash
// Names as varied as a real CRM's: 40 first names, 1,000 surnames (the commonest surname of a
// real population is about 1%; here each is 0.1%), so a search by name finds what it would.
const FIRST = [
  ...['Alex', 'Sam', 'Jordan', 'Priya', 'Mateo', 'Ines', 'Kai', 'Noor', 'Tom', 'Zoe'],
  ...['Anna', 'Ben', 'Chloe', 'David', 'Emma', 'Farah', 'George', 'Hana', 'Ivan', 'Julia'],
  ...['Karl', 'Lena', 'Marco', 'Nina', 'Oscar', 'Paula', 'Rafael', 'Sofia', 'Tariq', 'Uma'],
  ...['Victor', 'Wei', 'Ximena', 'Yusuf', 'Zara', 'Aiko', 'Bruno', 'Carmen', 'Dmitri', 'Elif'],
]
const SURNAME_STARTS =
  'Ander Bern Cald Dun Eck Fisch Garr Holm Ing Jans Kell Lind Marsh Nord Olm Pett Quinn Ross Stein Thorn Ulm Vance Wald Yard Zell Ash Brook Crane Dale Everh Ford Grey Hart Ives Kemp Lowe Mill North Oak Penn'.split(
    ' ',
  )
const SURNAME_ENDS =
  'son man ley ton sen berg ford wood er ini ström ez ova aki ridge dale more well field stone holt mann quist lund ard'.split(
    ' ',
  )
const LAST = SURNAME_STARTS.flatMap((start) => SURNAME_ENDS.map((end) => start + end))
const addUser = sqlite.prepare(
  'INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id',
)
const addRole = sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'rep')")
const demoReps = all<{ id: number }>(
  "SELECT user_id AS id FROM user_roles WHERE role = 'rep' ORDER BY user_id",
)
sqlite.transaction(() => {
  for (let i = demoReps.length + 1; i <= REPS; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`
    const { id } = addUser.get(
      `rep${String(i).padStart(3, '0')}@brightline.test`,
      name,
      passwordHash,
      NOW.getTime() - YEAR - 30 * DAY,
    ) as { id: number }
    addRole.run(id)
  }
})()
const reps = all<{ id: number }>(
  "SELECT user_id AS id FROM user_roles WHERE role = 'rep' ORDER BY user_id",
).map((r) => r.id)
const marketers = [idOf('maya@brightline.test'), idOf('ben@brightline.test')]
const committee = [
  { id: idOf('victor@brightline.test'), seat: 'sales', isChair: 0 },
  { id: idOf('clara@brightline.test'), seat: 'marketing', isChair: 0 },
  { id: idOf('erin@brightline.test'), seat: 'executive', isChair: 1 },
]
const reasons = all<{ id: number; label: string; requiresNotes: number }>(
  'SELECT id, label, notes_required AS requiresNotes FROM reasons WHERE active = 1 ORDER BY id',
)
const versions = all<{ id: number; activatedAt: number }>(
  "SELECT id, activated_at AS activatedAt FROM definition_versions WHERE activated_at IS NOT NULL AND status IN ('active', 'superseded') ORDER BY activated_at",
).map((v) => ({ ...v, criteria: criteriaOf(db, v.id) }))
const versionAt = (at: number) =>
  [...versions].reverse().find((v) => v.activatedAt <= at) ?? versions[0]

// ——— Sources, campaigns, companies ———

const SOURCES = [
  'Trade show',
  'Webinar',
  'Paid search',
  'Paid social',
  'Content download',
  'Referral',
  'Partner',
  'Organic search',
  'Direct',
  'Email nurture',
  'Events — roundtable',
  'Review site',
  'Cold outbound list',
  'Free trial',
  'Demo request',
  'Chatbot',
  'Podcast',
  'Co-marketing',
  'Analyst referral',
  'Community',
]
const THEMES = ['RevOps', 'Forecasting', 'Pipeline', 'CFO', 'Data quality']
const campaigns = SOURCES.map((source, s) =>
  Array.from(
    { length: 10 },
    (_, c) => `${source} — ${THEMES[c % 5]} Q${(c % 4) + 1} #${s * 10 + c}`,
  ),
)
// How good each source's leads are, so source quality differs as it does in life.
const sourceQuality = SOURCES.map((_, s) => 0.25 + ((s * 37) % 50) / 100)
const INDUSTRIES = ['Software', 'Financial Services', 'Healthcare', 'Manufacturing', 'Logistics']
const OTHER_INDUSTRIES = ['Retail', 'Education', 'Hospitality', 'Government', 'Agriculture']
const COUNTRIES = ['United Kingdom', 'Germany', 'France', 'Netherlands', 'United States', 'Canada']
const OTHER_COUNTRIES = ['Brazil', 'India', 'Japan', 'South Africa']
const SENIOR = ['VP Sales', 'Director of Operations', 'Head of RevOps', 'CFO', 'Chief of Staff']
const JUNIOR = ['Sales Development Rep', 'Marketing Intern', 'Analyst', 'Student', 'Coordinator']
const companies = Array.from({ length: Math.max(1000, Math.round(LEADS / 25)) }, (_, i) => ({
  name: `${LAST[i % LAST.length]} ${['Systems', 'Group', 'Labs', 'Logistics', 'Health'][i % 5]} ${i}`,
  domain: `company${i}.example`,
  industry: rng.chance(0.7) ? rng.pick(INDUSTRIES) : rng.pick(OTHER_INDUSTRIES),
  country: rng.chance(0.8) ? rng.pick(COUNTRIES) : rng.pick(OTHER_COUNTRIES),
  employees: rng.chance(0.75) ? rng.int(50, 5000) : rng.int(2, 49),
}))

// ——— Time ———

/** Working-hours arithmetic is exact but not free; a year has only ~9,000 distinct hours. */
const dueCache = new Map<string, number>()
function addWorking(at: number, hours: number): number {
  const hourStart = at - (at % HOUR)
  const key = `${hourStart}:${hours}`
  let due = dueCache.get(key)
  if (due === undefined) {
    due = addWorkingHours(new Date(hourStart), hours, calendar).getTime()
    dueCache.set(key, due)
  }
  return due + (at - hourStart)
}
const workingMs = (from: number, to: number) =>
  workingMsBetween(new Date(from), new Date(to), calendar)

/** A working moment near `at`: weekends move to the next Monday, hours fall between 8 and 18. */
function workingMoment(at: number): number {
  const d = new Date(at)
  const weekday = d.getUTCDay()
  if (weekday === 6) d.setUTCDate(d.getUTCDate() + 2)
  if (weekday === 0) d.setUTCDate(d.getUTCDate() + 1)
  d.setUTCHours(rng.int(8, 17), rng.int(0, 59), rng.int(0, 59), 0)
  return d.getTime()
}

// ——— Statements ———

const insert = (table: string, columns: string[]) =>
  sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  )
// Leads are written by the app's lead upserter (a lead handed over, its clock, its audit entry);
// what became of each lead afterwards is then set on it.
const setLeadState = sqlite.prepare(`UPDATE leads SET status = ?, accepted_at = ?, updated_at = ?,
  clock_started_at = ?, follow_up_due_at = ? WHERE id = ?`)
const evaluationOf = sqlite.prepare('SELECT evaluation FROM leads WHERE id = ?')
const setHandOverActed = sqlite.prepare(`UPDATE follow_ups SET acted_at = ?, action = ?,
  working_ms = ? WHERE lead_id = ? AND kind = 'hand_over'`)
const insertFollowUp = insert('follow_ups', [
  'lead_id',
  'rep_id',
  'kind',
  'started_at',
  'due_at',
  'acted_at',
  'action',
  'working_ms',
])
const insertCase = insert('cases', [
  'id',
  'lead_id',
  'kind',
  'status',
  'reason_id',
  'reason_label',
  'notes',
  'contact_attempts',
  'filed_by',
  'rep_id',
  'marketer_id',
  'definition_version_id',
  'evaluation',
  'lead_snapshot',
  'source',
  'campaign',
  'opened_at',
  'review_due_at',
  'response',
  'brief',
  'responded_by',
  'responded_at',
  'verdict',
  'disposition',
  'rationale',
  'decided_at',
  'unanimous',
  'decided_by_chair',
  'completed_evaluation',
  'agrees_with_definition',
  'departures',
  'returned_to',
  'review_working_ms',
])
const insertVote = insert('votes', [
  'case_id',
  'member_id',
  'seat',
  'is_chair',
  'verdict',
  'disposition',
  'findings',
  'rationale',
  'departures',
  'cast_at',
  'updated_at',
])
const insertAttempt = insert('contact_attempts', [
  'lead_id',
  'user_id',
  'channel',
  'at',
  'created_at',
])
const insertNotification = insert('notifications', [
  'user_id',
  'kind',
  'case_id',
  'lead_id',
  'created_at',
  'read_at',
])
const insertOutcome = insert('outcomes', [
  'lead_id',
  'outcome',
  'occurred_on',
  'recorded_by',
  'recorded_at',
])
const insertAudit = insert('audit_events', [
  'at',
  'actor_id',
  'action',
  'subject_type',
  'subject_id',
  'before',
  'after',
  'hash',
])

// ——— The audit trail, in time order ———
// Every event of a lead happens on or after the day it was handed over, so entries wait in
// per-day buckets and a day is written once the generator has moved past it.

type Entry = AuditContent
const buckets = new Map<number, Entry[]>()
let previousHash = (
  sqlite.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as {
    hash: string
  }
).hash
let auditCount = 0
function audit(
  at: number,
  actorId: number | null,
  action: string,
  subject: [string, number],
  before: unknown,
  after: unknown,
) {
  const day = Math.floor(at / DAY)
  const entry: Entry = {
    at,
    actorId,
    action,
    subjectType: subject[0],
    subjectId: String(subject[1]),
    before: before == null ? null : JSON.stringify(before),
    after: after == null ? null : JSON.stringify(after),
  }
  const bucket = buckets.get(day)
  if (bucket) bucket.push(entry)
  else buckets.set(day, [entry])
}
function flushAudit(beforeDay: number) {
  const days = [...buckets.keys()].filter((d) => d < beforeDay).sort((a, b) => a - b)
  for (const day of days) {
    const entries = (buckets.get(day) as Entry[]).sort((a, b) => a.at - b.at)
    for (const e of entries) {
      previousHash = chainHash(previousHash, e)
      insertAudit.run(
        e.at,
        e.actorId,
        e.action,
        e.subjectType,
        e.subjectId,
        e.before,
        e.after,
        previousHash,
      )
      auditCount++
    }
    buckets.delete(day)
  }
}

// ——— Leads and what became of them ———

/** The lead writer's audit entries join the generator's, to be chained in time order. */
const auditSink = {
  append: (e: AuditEntry, at: Date) =>
    audit(
      at.getTime(),
      e.actorId,
      e.action,
      [e.subjectType, Number(e.subjectId)],
      e.before,
      e.after,
    ),
}
/** A hand-over as it was at the time: the version then in force, the marketer, the SLA clock. */
const handOvers = new Map<string, HandOver>()
function handOverAt(version: (typeof versions)[number], marketerId: number): HandOver {
  const key = `${version.id}:${marketerId}`
  const known = handOvers.get(key)
  if (known) return known
  const made: HandOver = {
    versionId: version.id,
    criteria: version.criteria,
    marketerId,
    followUpDue: (at) => new Date(addWorking(at.getTime(), sla.followUpHours)),
    inForceAt: () => ({ versionId: version.id, criteria: version.criteria }),
  }
  handOvers.set(key, made)
  return made
}
let nextCaseId =
  (sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM cases').get() as { id: number }).id + 1
const start = NOW.getTime() - YEAR
const tally = { accepted: 0, rejected: 0, ignored: 0, waiting: 0, open: 0, votes: 0, outcomes: 0 }
const localDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

const committeeRule = getCommitteeSettings(db)
const names = new Map(
  all<{ id: number; name: string }>('SELECT id, name FROM users').map((u) => [u.id, u.name]),
)
const auditOf = (at: number, e: AuditEntry) =>
  audit(at, e.actorId, e.action, [e.subjectType, Number(e.subjectId)], e.before, e.after)
/** The domain's closing columns as the statement takes them: instants in ms, booleans as 0/1. */
const closedRow = (closing: Closing, at: number, reviewMs: number): Row =>
  Object.fromEntries(
    Object.entries(closedCaseFields(closing, new Date(at), reviewMs)).map(([key, value]) => [
      key,
      value instanceof Date
        ? value.getTime()
        : typeof value === 'boolean'
          ? Number(value)
          : Array.isArray(value)
            ? JSON.stringify(value)
            : value,
    ]),
  )

function decideCase(
  c: { id: number; leadId: number; repId: number; marketerId: number; openedAt: number },
  lead: Record<string, unknown>,
  version: { criteria: Criterion[] & Parameters<typeof evaluate>[1] } | undefined,
  evaluation: Evaluation,
  kind: CaseKind,
): Row {
  const conceded = rng.chance(0.15)
  const answeredAt = c.openedAt + rng.int(2, 30) * HOUR
  const decidedAt = answeredAt + rng.int(4, 120) * HOUR
  if (conceded) {
    const disposition = rng.chance(0.6) ? 'disqualified' : 'nurture'
    const closing: Closing = { how: 'conceded', by: c.marketerId, disposition }
    auditOf(answeredAt, caseClosedAudit(c.id, closing))
    auditOf(answeredAt, leadDisposedAudit(c, closing, 'in_review'))
    return closedRow(closing, answeredAt, workingMs(c.openedAt, answeredAt))
  }
  audit(answeredAt, c.marketerId, 'case.contested', ['case', c.id], null, { brief: 'Contested' })
  // The committee mostly agrees with the definition's reading: a lead that misses it is
  // usually upheld as a rejection; an ignored lead that meets it usually goes back to Sales.
  const upheldChance =
    kind === 'ignored'
      ? 0.3
      : evaluation === 'does_not_meet'
        ? 0.88
        : evaluation === 'undetermined'
          ? 0.6
          : 0.25
  const intended: Verdict = rng.chance(upheldChance) ? 'does_not_meet' : 'meets'
  const disposition =
    intended === 'does_not_meet' ? (rng.chance(0.6) ? 'disqualified' : 'nurture') : null
  const dissenter = rng.chance(0.2) ? rng.int(0, 2) : -1
  const criteria = version?.criteria ?? []
  const automatic = evaluate(lead, criteria).criteria
  const cast: CastVote[] = committee.map((member, i) => {
    const own: Verdict =
      i === dissenter ? (intended === 'meets' ? 'does_not_meet' : 'meets') : intended
    const castAt = decidedAt - (2 - i) * HOUR
    // Each member settles what the lead's data leaves unknown the way they vote.
    const findings = Object.fromEntries(
      automatic
        .filter((a) => a.result !== 'met' && a.result !== 'unmet')
        .map((a) => [a.key, own === 'meets' ? 'met' : 'unmet'] as const),
    )
    const rationale =
      own === intended ? 'Read against the definition in force.' : 'I read the lead differently.'
    const check = checkVote(criteria, automatic, {
      findings,
      verdict: own,
      departureJustification: rationale,
    })
    insertVote.run(
      c.id,
      member.id,
      member.seat,
      member.isChair,
      own,
      own === 'does_not_meet' ? (disposition ?? 'nurture') : null,
      JSON.stringify(findings),
      rationale,
      JSON.stringify(check.ok ? check.departures : []),
      castAt,
      castAt,
    )
    audit(castAt, member.id, 'case.vote_cast', ['case', c.id], null, { verdict: own })
    tally.votes++
    return {
      id: i,
      memberId: member.id,
      seat: member.seat as Seat,
      isChair: member.isChair === 1,
      verdict: own,
      disposition: own === 'does_not_meet' ? (disposition ?? 'nurture') : null,
      findings,
      rationale,
      returnTo: null,
    }
  })
  const outcome = decisionOf(cast, committeeRule, { criteria, automatic }, names)
  if (!outcome.decided) throw new Error(`Case ${c.id} waits for ${outcome.waitingFor}`)
  const closing: Closing = {
    ...outcome.closing,
    returnTo: outcome.closing.verdict === 'meets' ? c.repId : null,
  }
  auditOf(decidedAt, caseClosedAudit(c.id, closing))
  if (closing.returnTo === null) auditOf(decidedAt, leadDisposedAudit(c, closing, 'in_review'))
  return {
    ...closedRow(closing, decidedAt, workingMs(c.openedAt, decidedAt)),
    response: 'contested',
    respondedAt: answeredAt,
  }
}

const OUTCOME_WEIGHTS = [
  ['won', 0.03],
  ['bought_elsewhere', 0.12],
  ['in_buying_process', 0.1],
  ['plans_to_buy', 0.1],
  ['no_plans', 0.45],
  ['not_a_fit', 0.2],
] as const
function pickOutcome(): string {
  let r = rng.next()
  for (const [outcome, weight] of OUTCOME_WEIGHTS) {
    r -= weight
    if (r < 0) return outcome
  }
  return 'no_plans'
}

const BATCH = 5000
let lastReport = performance.now()
for (let from = 0; from < LEADS; from += BATCH) {
  // Each batch's rows are counted into the report summaries after it, set-based (decision 36).
  sqlite.transaction(() =>
    countedAsBatch(db, () => {
      const upserters = new Map(
        marketers.map((m) => [m, leadUpserter(db, m, { audit: auditSink })]),
      )
      for (let i = from; i < Math.min(from + BATCH, LEADS); i++) {
        const at = Math.min(
          workingMoment(start + Math.floor(((i + rng.next()) / LEADS) * (YEAR - DAY))),
          NOW.getTime() - HOUR,
        )
        const s = rng.int(0, SOURCES.length - 1)
        const company = rng.pick(companies)
        const good = rng.chance(sourceQuality[s] as number)
        const first = rng.pick(FIRST)
        const last = rng.pick(LAST)
        const lead: LeadFields = {
          externalId: `00Q${String(i).padStart(9, '0')}`,
          email: rng.chance(0.97)
            ? `${first}.${last}.${i}@${company.domain}`.toLowerCase()
            : undefined,
          firstName: first,
          lastName: last,
          title: good || rng.chance(0.4) ? rng.pick(SENIOR) : rng.pick(JUNIOR),
          company: company.name,
          companyDomain: company.domain,
          industry: good ? rng.pick(INDUSTRIES) : rng.chance(0.9) ? company.industry : undefined,
          employeeCount: good ? Math.max(50, company.employees) : company.employees,
          country: good ? rng.pick(COUNTRIES) : company.country,
          source: SOURCES[s] as string,
          campaign: rng.pick(campaigns[s] as string[]),
          lifecycleStage: rng.pick<LifecycleStage>(['lead', 'mql', 'mql', 'sql']),
          engagementScore: good ? rng.int(50, 100) : rng.int(0, 70),
          purchaseTimelineMonths: good
            ? rng.int(1, 12)
            : rng.chance(0.8)
              ? rng.int(1, 24)
              : undefined,
          phone: undefined,
          notes: undefined,
          owner: undefined,
        }
        const version = versionAt(at)
        const ownerId = reps[i % reps.length] as number
        const marketerId = marketers[i % marketers.length] as number
        const due = addWorking(at, sla.followUpHours)
        const written = (upserters.get(marketerId) as ReturnType<typeof leadUpserter>).upsert(
          lead,
          { ownerId, handOver: handOverAt(version as (typeof versions)[number], marketerId) },
          new Date(at),
        )
        if (!written.ok)
          throw new Error(`Lead ${i} was refused: ${JSON.stringify(written.fieldErrors)}`)
        const id = written.leadId
        // Judged by the writer against the version then in force.
        const { evaluation } = evaluationOf.get(id) as { evaluation: Evaluation }

        // What the rep did: most act within the clock; the newest leads still wait.
        const acted = at + rng.int(1, 60) * HOUR * (rng.chance(0.85) ? 0.5 : 1)
        const rejectChance =
          evaluation === 'does_not_meet' ? 0.33 : evaluation === 'undetermined' ? 0.2 : 0.07
        const fate =
          due > NOW.getTime() && (acted > NOW.getTime() || rng.chance(0.5))
            ? 'waiting'
            : due <= NOW.getTime() && rng.chance(0.05)
              ? 'ignored'
              : rng.chance(rejectChance)
                ? 'rejected'
                : 'accepted'
        let status = 'working'
        let acceptedAt: number | null = null
        let followUpDue: number | null = null
        // In the statement's column order: acted_at, action, working_ms.
        const followUp: [number | null, string | null, number | null] = [null, null, null]
        if (fate === 'waiting') {
          status = 'new'
          followUpDue = due
          tally.waiting++
        } else if (fate === 'accepted') {
          acceptedAt = Math.min(acted, NOW.getTime() - 60_000)
          followUp.splice(0, 3, acceptedAt, 'accepted', workingMs(at, acceptedAt))
          setHandOverActed.run(...followUp, id)
          audit(
            acceptedAt,
            ownerId,
            'lead.accepted',
            ['lead', id],
            { status: 'new' },
            { status: 'working' },
          )
          tally.accepted++
        } else {
          const kind = fate as CaseKind
          const openedAt = kind === 'ignored' ? due : Math.min(acted, due - 60_000)
          followUp.splice(0, 3, openedAt, kind, workingMs(at, openedAt))
          setHandOverActed.run(...followUp, id)
          const caseId = nextCaseId++
          const reason = kind === 'rejected' ? rng.pick(reasons) : null
          const attempts = kind === 'rejected' ? rng.int(0, 4) : null
          for (let a = 0; a < Math.min(attempts ?? 0, 3); a++) {
            const attemptAt = at + Math.floor(((a + 1) / 4) * (openedAt - at))
            insertAttempt.run(
              id,
              ownerId,
              rng.pick(['call', 'email', 'meeting']),
              attemptAt,
              attemptAt,
            )
          }
          const reviewDue = addWorking(openedAt, sla.reviewDays * 24)
          const c = { id: caseId, leadId: id, repId: ownerId, marketerId, openedAt }
          audit(
            openedAt,
            reason ? ownerId : null,
            kind === 'rejected' ? 'lead.rejected' : 'lead.ignored',
            ['lead', id],
            { status: 'new' },
            { status: 'in_review', caseId },
          )
          audit(openedAt, reason ? ownerId : null, 'case.opened', ['case', caseId], null, {
            kind,
            leadId: id,
            reason: reason?.label ?? null,
          })
          insertNotification.run(marketerId, 'case_opened', caseId, id, openedAt, openedAt + DAY)
          const open = openedAt > NOW.getTime() - 10 * DAY && rng.chance(0.7)
          const ruling: Row = open
            ? { status: 'in_review' }
            : decideCase(c, lead, version, evaluation, kind)
          if (open) tally.open++
          const decidedAt = ruling.decidedAt as number | undefined
          status =
            ruling.status === 'in_review'
              ? 'in_review'
              : ((ruling.disposition as string) ?? 'working')
          if (ruling.verdict === 'meets' && decidedAt) {
            // Back to Sales on a return clock; the rep takes it up.
            const returnDue = addWorking(decidedAt, sla.returnHours)
            const taken = Math.min(decidedAt + rng.int(1, 30) * HOUR, NOW.getTime() - 60_000)
            audit(
              decidedAt,
              null,
              'lead.returned',
              ['lead', id],
              { status: 'in_review', ownerId },
              { status: 'returned', ownerId },
            )
            if (taken <= decidedAt) {
              status = 'returned'
              followUpDue = returnDue
              insertFollowUp.run(id, ownerId, 'return', decidedAt, returnDue, null, null, null)
            } else {
              status = 'working'
              acceptedAt = taken
              insertFollowUp.run(
                id,
                ownerId,
                'return',
                decidedAt,
                returnDue,
                taken,
                'accepted',
                workingMs(decidedAt, taken),
              )
              audit(
                taken,
                ownerId,
                'lead.accepted',
                ['lead', id],
                { status: 'returned' },
                { status: 'working' },
              )
            }
          }
          if (decidedAt) {
            for (const user of [ownerId, marketerId])
              insertNotification.run(
                user,
                ruling.status === 'conceded' ? 'conceded' : 'verdict',
                caseId,
                id,
                decidedAt,
                decidedAt + DAY < NOW.getTime() ? decidedAt + DAY : null,
              )
            if (decidedAt < NOW.getTime() - 182 * DAY && rng.chance(0.3)) {
              const learnt = decidedAt + rng.int(150, 200) * DAY
              if (learnt < NOW.getTime()) {
                insertOutcome.run(id, pickOutcome(), localDay(learnt), marketerId, learnt)
                tally.outcomes++
              }
            }
          }
          const reasonNotes = reason?.requiresNotes
            ? 'Explained to the committee in the call notes.'
            : null
          insertCase.run(
            caseId,
            id,
            kind,
            ruling.status,
            reason?.id ?? null,
            reason?.label ?? null,
            reasonNotes,
            attempts,
            reason ? ownerId : null,
            ownerId,
            marketerId,
            version?.id ?? null,
            evaluation,
            JSON.stringify({
              ...Object.fromEntries(LEAD_FIELD_KEYS.map((k) => [k, (lead as Row)[k] ?? null])),
              custom: {},
              status: 'new',
              ownerId,
            }),
            lead.source,
            lead.campaign,
            openedAt,
            reviewDue,
            ruling.response ?? null,
            ruling.response === 'contested' ? 'The lead fits: see the engagement history.' : null,
            ruling.response ? marketerId : null,
            ruling.respondedAt ?? null,
            ruling.verdict ?? null,
            ruling.disposition ?? null,
            ruling.rationale ?? null,
            decidedAt ?? null,
            ruling.unanimous ?? null,
            ruling.decidedByChair ?? null,
            ruling.completedEvaluation ?? null,
            ruling.agreesWithDefinition ?? null,
            ruling.departures ?? null,
            ruling.returnedTo ?? null,
            ruling.reviewWorkingMs ?? null,
          )
          tally[kind]++
        }
        if (status !== 'new')
          setLeadState.run(
            status,
            acceptedAt,
            Math.max(at, acceptedAt ?? at),
            status === 'returned' ? at : null,
            followUpDue,
            id,
          )
      }
      // Search is indexed once per batch, as the app does (migration 0014).
      for (const upserter of upserters.values()) upserter.finish()
      flushAudit(Math.floor((start + ((from + BATCH) / LEADS) * (YEAR - DAY)) / DAY) - 1)
    }),
  )()
  if (performance.now() - lastReport > 10_000 || from + BATCH >= LEADS) {
    lastReport = performance.now()
    const done = Math.min(from + BATCH, LEADS)
    const seconds = (performance.now() - started) / 1000
    console.log(
      `${done.toLocaleString('en')} leads, ${Math.round(done / seconds).toLocaleString('en')} a second`,
    )
  }
}
sqlite.transaction(() => flushAudit(Number.POSITIVE_INFINITY))()
const violations = sqlite.pragma('foreign_key_check') as unknown[]
if (violations.length > 0)
  throw new Error(
    `The generator broke ${violations.length} foreign keys: ${JSON.stringify(violations.slice(0, 3))}`,
  )
sqlite.pragma('foreign_keys = ON')
sqlite.pragma('synchronous = FULL')
sqlite.pragma('wal_checkpoint(TRUNCATE)')
sqlite.close()

const seconds = (performance.now() - started) / 1000
console.table({
  database: { value: path },
  leads: { value: LEADS },
  reps: { value: reps.length },
  'accepted (share)': {
    value: `${tally.accepted} (${((100 * tally.accepted) / LEADS).toFixed(1)}%)`,
  },
  'rejected (share)': {
    value: `${tally.rejected} (${((100 * tally.rejected) / LEADS).toFixed(1)}%)`,
  },
  'ignored (share)': { value: `${tally.ignored} (${((100 * tally.ignored) / LEADS).toFixed(1)}%)` },
  'waiting for their rep': { value: tally.waiting },
  'cases still in review': { value: tally.open },
  votes: { value: tally.votes },
  outcomes: { value: tally.outcomes },
  'audit entries': { value: auditCount },
  'demo seed first (s)': { value: demoSeconds.toFixed(1) },
  'large year (s)': { value: seconds.toFixed(1) },
  'leads per second': { value: Math.round(LEADS / seconds) },
})
