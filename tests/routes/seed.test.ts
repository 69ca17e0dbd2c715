import { describe, expect, it } from 'vitest'
import { seedDemo } from '~/demo/seed.server'
import { getActiveVersion, getVersion } from '~/domain/definition/versions.server'
import { countUsers } from '~/domain/people/users.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { verifyAuditTrail } from '~/platform/audit.server'
import { getDb } from '~/platform/db.server'

describe('demo seed', () => {
  it('seeds an empty database once; a second start seeds nothing, even two at once', async () => {
    const [first, second] = await Promise.all([
      seedDemo(getDb(), new Date()),
      seedDemo(getDb(), new Date()),
    ])
    expect([first, second].sort()).toEqual([false, true])
    expect(countUsers(getDb())).toBe(10)
    expect(await seedDemo(getDb(), new Date())).toBe(false)
    expect(countUsers(getDb())).toBe(10)
    expect(getOrganisationSettings(getDb())).toEqual({
      organisationName: 'Brightline Systems',
      timeZone: 'Europe/London',
    })
    // A year of demo data in one go: seconds on a quiet machine, several times that on a busy one.
  }, 120_000)

  it('has definition v1, then v2 from mid-year, each signed off by Victor and Clara, and a year of leads', () => {
    const version = getActiveVersion(getDb())
    expect(version?.number).toBe(2)
    expect(version?.criteria.find((c) => c.key === 'engagement')?.value).toBe(50)
    expect(version?.criteria.map((c) => c.key)).toEqual([
      'company_size',
      'target_industry',
      'target_country',
      'seniority',
      'engagement',
      'timeline',
      'email',
    ])
    expect(
      getVersion(getDb(), version?.id ?? 0)?.signoffs.map((s) => [s.seat, s.userName]),
    ).toEqual([
      ['sales', 'Victor Lindqvist'],
      ['marketing', 'Clara Moreau'],
    ])
    const sqlite = getDb().$client
    // 360 leads across the year, the ten trade-show badge scans of PRODUCT.md's story, and the
    // sixteen of the life after acceptance (nine worked, seven in one buying group), and three
    // near the end of a clock (lifecycle-reminders.server.ts).
    expect(sqlite.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 389 })
    const owners = sqlite
      .prepare(
        'SELECT u.name, count(*) AS n FROM leads l JOIN users u ON u.id = l.owner_id GROUP BY 1 ORDER BY 1',
      )
      .all()
    expect(owners).toEqual([
      { name: 'Dana Reyes', n: 130 },
      { name: 'Lucy Chen', n: 130 },
      { name: 'Omar Haddad', n: 129 },
    ])
    const span = sqlite
      .prepare('SELECT (max(handed_over_at) - min(handed_over_at)) / 86400000.0 AS days FROM leads')
      .get() as { days: number }
    expect(span.days).toBeGreaterThan(350)
    expect(
      sqlite
        .prepare('SELECT count(DISTINCT source) AS n, count(DISTINCT campaign) AS c FROM leads')
        .get(),
    ).toEqual({ n: 6, c: 12 })
    // Every lead is judged against v1, which was in force when it was handed over.
    // Each lead is judged against the version in force when it was handed over: v1 until v2
    // was activated half a year ago, v2 since; a lead handed back from nurture (re-engaged) is
    // judged against the version in force when it was handed back (decision 26).
    const activatedAt = version?.activatedAt?.getTime() ?? 0
    expect(
      sqlite
        .prepare(
          `SELECT count(*) AS n FROM leads l JOIN definition_versions v ON v.id = l.definition_version_id
           WHERE l.evaluation IS NULL
              OR (l.reengaged = 0 AND v.number = 1 AND l.handed_over_at >= ?)
              OR (l.reengaged = 0 AND v.number = 2 AND l.handed_over_at < ?)`,
        )
        .get(activatedAt, activatedAt),
    ).toEqual({ n: 0 })
    const byVersion = sqlite
      .prepare(
        'SELECT v.number, count(*) AS n FROM leads l JOIN definition_versions v ON v.id = l.definition_version_id GROUP BY 1 ORDER BY 1',
      )
      .all() as { number: number; n: number }[]
    expect(byVersion.map((r) => r.number)).toEqual([1, 2])
    expect(byVersion.reduce((sum, r) => sum + r.n, 0)).toBe(389)
  })

  it('has a year of sales work: accepted, rejected with reasons and notes, ignored, and fresh leads', () => {
    const sqlite = getDb().$client
    const statuses = Object.fromEntries(
      (
        sqlite.prepare('SELECT status, count(*) AS n FROM leads GROUP BY status').all() as {
          status: string
          n: number
        }[]
      ).map((r) => [r.status, r.n]),
    )
    expect(statuses.new).toBeGreaterThanOrEqual(12)
    expect(statuses.working).toBeGreaterThan(180)
    const kinds = Object.fromEntries(
      (
        sqlite.prepare('SELECT kind, count(*) AS n FROM cases GROUP BY kind').all() as {
          kind: string
          n: number
        }[]
      ).map((r) => [r.kind, r.n]),
    )
    // Roughly a quarter rejected and one in twenty ignored, as in the field.
    expect(kinds.rejected).toBeGreaterThan(60)
    expect(kinds.rejected).toBeLessThan(150)
    expect(kinds.ignored).toBeGreaterThan(8)
    const open = sqlite
      .prepare("SELECT count(*) AS n FROM cases WHERE status = 'in_review'")
      .get() as {
      n: number
    }
    expect(statuses.in_review).toBe(open.n)
    // Every rejection has a reason and notes; ignored cases have neither.
    expect(
      sqlite
        .prepare(
          "SELECT count(*) AS n FROM cases WHERE kind = 'rejected' AND (reason_id IS NULL OR notes IS NULL OR notes = '')",
        )
        .get(),
    ).toEqual({ n: 0 })
    const reasons = sqlite.prepare('SELECT count(DISTINCT reason_id) AS n FROM cases').get() as {
      n: number
    }
    expect(reasons.n).toBeGreaterThanOrEqual(6)
    // Spread across the twelve months.
    const months = sqlite
      .prepare(
        "SELECT count(DISTINCT strftime('%Y-%m', opened_at / 1000, 'unixepoch')) AS n FROM cases",
      )
      .get() as { n: number }
    expect(months.n).toBeGreaterThanOrEqual(12)
    // Each rep has leads waiting in their queue, none of them overdue.
    expect(
      sqlite
        .prepare(
          'SELECT owner_id, count(*) AS n FROM leads WHERE follow_up_due_at > ? GROUP BY owner_id',
        )
        .all(Date.now()),
    ).toHaveLength(3)
    expect(
      sqlite.prepare('SELECT count(*) AS n FROM leads WHERE follow_up_due_at <= ?').get(Date.now()),
    ).toEqual({ n: 0 })
    const attempts = sqlite.prepare('SELECT count(*) AS n FROM contact_attempts').get() as {
      n: number
    }
    expect(attempts.n).toBeGreaterThan(300)
  })

  it('has a year of cases: answered, voted on, mostly upheld, some overturned and split, a few departures, some open and overdue', () => {
    const sqlite = getDb().$client
    const count = (where: string) =>
      (sqlite.prepare(`SELECT count(*) AS n FROM cases WHERE ${where}`).get() as { n: number }).n
    expect(count("status = 'conceded'")).toBeGreaterThan(5)
    const decided = count("status = 'decided'")
    expect(decided).toBeGreaterThan(60)
    const upheld = count("status = 'decided' AND verdict = 'does_not_meet'")
    const overturned = count("status = 'decided' AND verdict = 'meets'")
    expect(upheld).toBeGreaterThan(overturned)
    expect(overturned).toBeGreaterThan(5)
    expect(count("status = 'decided' AND unanimous = 0")).toBeGreaterThan(3)
    expect(count("response = 'contested' AND brief IS NOT NULL")).toBeGreaterThan(30)
    const departures = sqlite
      .prepare('SELECT count(*) AS n FROM votes WHERE departure_justification IS NOT NULL')
      .get() as { n: number }
    expect(departures.n).toBeGreaterThan(0)
    expect(count("status = 'in_review'")).toBeGreaterThan(3)
    expect(count(`status = 'in_review' AND review_due_at < ${Date.now()}`)).toBeGreaterThan(0)
    expect(count(`status = 'in_review' AND review_due_at > ${Date.now()}`)).toBeGreaterThan(0)
    // Every decided case has three votes from the three seats.
    expect(
      sqlite
        .prepare(
          "SELECT count(*) AS n FROM cases c WHERE status = 'decided' AND (SELECT count(DISTINCT seat) FROM votes v WHERE v.case_id = c.id) <> 3",
        )
        .get(),
    ).toEqual({ n: 0 })
    expect(verifyAuditTrail(getDb()).ok).toBe(true)
  })

  it('tells PRODUCT.md’s story: ten trade-show leads rejected as rubbish read 50% in hindsight', async () => {
    const { hindsightReport } = await import('~/domain/reports/hindsight.server')
    const { TRADE_SHOW_COHORT } = await import('~/demo/judicial.server')
    const report = hindsightReport(
      getDb(),
      { period: 'quarter', by: 'reason', history: 'shown', campaign: TRADE_SHOW_COHORT },
      { from: '2025-01-01', to: '2027-12-31' },
      'Europe/London',
    )
    expect(report.total).toMatchObject({
      rejected: 10,
      known: 10,
      realBuyers: 5,
      notBuyers: 5,
      rejectionAccuracy: 0.5,
    })
    expect(Object.fromEntries(report.outcomes.map((o) => [o.outcome, o.count]))).toEqual({
      won: 0,
      bought_elsewhere: 2,
      in_buying_process: 2,
      plans_to_buy: 1,
      no_plans: 4,
      not_a_fit: 1,
    })
  })

  it('shows accuracy improving after definition v2: rejections are upheld more often since', async () => {
    const { accuracyReport } = await import('~/domain/reports/accuracy.server')
    const version = getActiveVersion(getDb())
    const since = (version?.activatedAt ?? new Date(0)).toISOString().slice(0, 10)
    const report = (from: string, to: string) =>
      accuracyReport(
        getDb(),
        { period: 'quarter', by: 'reason', history: 'shown' },
        { from, to },
        'Europe/London',
      ).total
    // Reports span at most five years: four on either side of the signing covers the demo.
    const year = Number(since.slice(0, 4))
    const before = report(`${year - 4}${since.slice(4)}`, since)
    const after = report(since, `${year + 4}${since.slice(4)}`)
    expect(before.decided).toBeGreaterThan(20)
    expect(after.decided).toBeGreaterThan(20)
    expect((after.accuracy ?? 0) - (before.accuracy ?? 0)).toBeGreaterThan(0.08)
  })

  it('leaves e-mails in the mailbox, kept (no SMTP) by the first run of the mail job', async () => {
    const { periodicJobs } = await import('~/domain/jobs.server')
    const { runJobsOnce } = await import('~/platform/jobs/runner.server')
    const { emailMessages, emailPreferences } = await import('~db/schema')
    const db = getDb()
    const kinds = new Set(
      db
        .select()
        .from(emailMessages)
        .all()
        .map((m) => m.kind),
    )
    expect(kinds.has('awaiting_response')).toBe(true)
    expect(
      db
        .select()
        .from(emailPreferences)
        .all()
        .map((p) => [p.kind, p.enabled]),
    ).toEqual([
      ['daily_digest', true],
      ['daily_digest', true],
    ])
    const mailJob = periodicJobs(0, { mailer: () => null }).filter((j) => j.name === 'mail')
    await runJobsOnce(db, mailJob, () => new Date())
    const statuses = new Set(
      db
        .select()
        .from(emailMessages)
        .all()
        .map((m) => m.status),
    )
    expect(statuses).toEqual(new Set(['kept']))
  })

  it('has one example webhook endpoint, disabled, with nothing to send', async () => {
    const { listEndpoints } = await import('~/domain/webhooks/endpoints.server')
    const { webhookDeliveries } = await import('~db/schema')
    const endpoints = listEndpoints(getDb())
    expect(endpoints.map((e) => [e.url, e.disabledAt !== null])).toEqual([
      ['https://crm.example.com/leadcourt/webhooks', true],
    ])
    expect(getDb().select().from(webhookDeliveries).all()).toEqual([])
  })
})
