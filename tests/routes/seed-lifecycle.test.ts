// The demo's life after the verdict (decision 26): reminders, stages and hand-overs in the
// reports, conversions and rejections after contact, the buying group, the Nurture pool, and
// the definition's quality. The demo is seeded once for the file, as the server seeds it.
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '~/demo/seed.server'
import { getVersion } from '~/domain/definition/versions.server'
import { getSlaSettings } from '~/domain/settings/settings.server'
import { getDb } from '~/platform/db.server'

beforeAll(async () => {
  await seedDemo(getDb(), new Date())
}, 120_000)

describe('the demo after the verdict', () => {
  it('shows reminders: two reps’ fresh leads near the end of their clocks, a case near its review clock; the lead stays with a rep whose clock runs out', () => {
    const sqlite = getDb().$client
    expect(getSlaSettings(getDb())).toMatchObject({ reminderPercent: 25, onClockOut: 'stay' })
    expect(sqlite.prepare('SELECT count(*) AS n FROM cases WHERE lead_moved_on = 1').get()).toEqual(
      {
        n: 0,
      },
    )
    // Unread, on the home of the rep whose clock it is; still running, in its last quarter.
    const followUps = sqlite
      .prepare(
        `SELECT l.external_id AS lead, u.email AS rep, l.follow_up_due_at > ? AS running
         FROM notifications n JOIN leads l ON l.id = n.lead_id JOIN users u ON u.id = n.user_id
         WHERE n.kind = 'follow_up_reminder' AND n.read_at IS NULL AND n.case_id IS NULL
           AND l.external_id LIKE 'BL-REMIND-%' ORDER BY 1`,
      )
      .all(Date.now())
    expect(followUps).toEqual([
      { lead: 'BL-REMIND-1', rep: 'dana@brightline.test', running: 1 },
      { lead: 'BL-REMIND-2', rep: 'lucy@brightline.test', running: 1 },
    ])
    expect(
      sqlite
        .prepare(
          `SELECT count(*) AS n FROM follow_ups f JOIN leads l ON l.id = f.lead_id
           WHERE l.external_id IN ('BL-REMIND-1', 'BL-REMIND-2') AND f.reminded_at IS NOT NULL AND f.acted_at IS NULL`,
        )
        .get(),
    ).toEqual({ n: 2 })
    // Omar's rejection is in review, reminded, and every member who may vote was told.
    const review = sqlite
      .prepare(
        `SELECT c.id, c.status, c.review_reminded_at IS NOT NULL AS reminded, c.review_due_at > ? AS running
         FROM cases c JOIN leads l ON l.id = c.lead_id WHERE l.external_id = 'BL-REMIND-3'`,
      )
      .all(Date.now()) as { id: number }[]
    expect(review).toEqual([{ id: review[0]?.id, status: 'in_review', reminded: 1, running: 1 }])
    expect(
      sqlite
        .prepare(
          `SELECT u.email FROM notifications n JOIN users u ON u.id = n.user_id
           WHERE n.kind = 'review_reminder' AND n.case_id = ? AND n.read_at IS NULL ORDER BY 1`,
        )
        .all(review[0]?.id)
        .map((r) => (r as { email: string }).email),
    ).toEqual(['clara@brightline.test', 'erin@brightline.test', 'victor@brightline.test'])
  })

  it('splits its reports by stage and hand-over: the parts add up to the whole', async () => {
    const { accuracyReport } = await import('~/domain/reports/accuracy.server')
    const { sourceQualityReport } = await import('~/domain/reports/source-quality.server')
    const base = { period: 'quarter', by: 'reason', history: 'shown' } as const
    const range = { from: '2024-06-01', to: '2027-05-31' }
    const accuracy = (extra: object) =>
      accuracyReport(getDb(), { ...base, ...extra }, range, 'Europe/London').total
    const all = accuracy({})
    expect(all.opened).toBeGreaterThan(0)
    expect(all.ignored).toBeGreaterThan(0)
    expect(all.beforeContact + all.afterContact).toBe(all.opened)
    expect(accuracy({ stage: 'before_contact' }).opened).toBe(all.beforeContact)
    expect(accuracy({ stage: 'after_contact' }).opened).toBe(all.afterContact)
    expect(accuracy({ stage: 'ignored' }).ignored).toBe(all.ignored)
    const netNew = accuracy({ handOver: 'net_new' })
    const reEngaged = accuracy({ handOver: 're_engaged' })
    expect(netNew.opened + reEngaged.opened).toBe(all.opened)
    expect(netNew.decided + reEngaged.decided).toBe(all.decided)
    const sources = (extra: object) =>
      sourceQualityReport(getDb(), { ...base, ...extra }, range, 'Europe/London').bySource
    const handedOver = (rows: { handedOver: number }[]) =>
      rows.reduce((sum, r) => sum + r.handedOver, 0)
    const every = sources({})
    expect(handedOver(every)).toBeGreaterThan(0)
    expect(every.every((r) => r.netNew + r.reEngaged === r.handedOver)).toBe(true)
    expect(
      handedOver(sources({ handOver: 'net_new' })) +
        handedOver(sources({ handOver: 're_engaged' })),
    ).toBe(handedOver(every))
  })

  it('has the life after acceptance: converted leads, rejections after contact, and a buying group of seven', () => {
    const sqlite = getDb().$client
    const all = <T>(query: string, ...params: unknown[]) =>
      sqlite.prepare(query).all(...params) as T[]
    // Seven converted, five with an opportunity; each converted after it was accepted.
    expect(
      all(
        `SELECT count(*) AS n, count(opportunity_ref) AS refs, sum(opportunity_amount) AS amount,
                sum(converted_at > accepted_at) AS after
           FROM leads WHERE status = 'converted'`,
      ),
    ).toEqual([{ n: 7, refs: 5, amount: 491_500, after: 7 }])
    // Rejected after contact: the demo's three, each with its attempts logged, in review.
    const after = all<{ attempts: number; logged: number; status: string; lead: string }>(
      `SELECT c.contact_attempts AS attempts, c.status, l.status AS lead,
              (SELECT count(*) FROM contact_attempts a WHERE a.lead_id = c.lead_id) AS logged
         FROM cases c JOIN leads l ON l.id = c.lead_id WHERE c.after_contact = 1 ORDER BY c.id`,
    )
    expect(after).toEqual([
      { attempts: 3, logged: 3, status: 'in_review', lead: 'in_review' },
      { attempts: 2, logged: 2, status: 'in_review', lead: 'in_review' },
      { attempts: 4, logged: 4, status: 'in_review', lead: 'in_review' },
    ])
    // The buying group at Harbourline Freight: seven people, four being worked.
    expect(
      all(
        `SELECT count(*) AS n, sum(status = 'working') AS working, sum(status = 'converted') AS converted,
                sum(status = 'nurture') AS nurture
           FROM leads WHERE company_domain = 'harbourlinefreight.example'`,
      ),
    ).toEqual([{ n: 7, working: 5, converted: 1, nurture: 1 }])
    // Dana rejected the CFO as already worked, naming Omar's VP Operations; the committee
    // overturned it and returned her to Dana, who took her on.
    expect(
      all(
        `SELECT c.reason_label AS reason, worked.title AS worked, c.status, c.verdict,
                u.name AS returnedTo, l.status AS lead
           FROM cases c JOIN leads l ON l.id = c.lead_id JOIN leads worked ON worked.id = c.working_lead_id
           JOIN users u ON u.id = c.returned_to
          WHERE l.company_domain = 'harbourlinefreight.example'`,
      ),
    ).toEqual([
      {
        reason: 'Already working this account / duplicate',
        worked: 'VP Operations',
        status: 'decided',
        verdict: 'meets',
        returnedTo: 'Dana Reyes',
        lead: 'working',
      },
    ])
    // Every demo rejection for a reason that names the lead being worked names one in its group
    // (or its lead has no one else at its company).
    expect(
      all(
        `SELECT count(*) AS n FROM cases c JOIN reasons r ON r.id = c.reason_id JOIN leads l ON l.id = c.lead_id
          WHERE r.names_working_lead = 1 AND c.status <> 'imported' AND (c.working_lead_id IS NULL
            OR NOT EXISTS (SELECT 1 FROM leads w WHERE w.id = c.working_lead_id AND w.company_domain = l.company_domain AND w.id <> l.id))
            AND EXISTS (SELECT 1 FROM leads o WHERE o.company_domain = l.company_domain AND o.id <> l.id AND o.handed_over_at <= c.opened_at)`,
      ),
    ).toEqual([{ n: 0 }])
  })

  it('has a Nurture pool: every nurtured lead in it, three re-engaged, one handed back and accepted', () => {
    const sqlite = getDb().$client
    const nurtured = sqlite
      .prepare("SELECT count(*) AS n FROM leads WHERE status = 'nurture'")
      .get()
    const open = sqlite
      .prepare('SELECT count(*) AS n FROM nurture_stays WHERE ended_at IS NULL')
      .get()
    expect(open).toEqual(nurtured)
    expect((open as { n: number }).n).toBeGreaterThan(10)
    const flagged = sqlite
      .prepare(
        'SELECT lead_id AS leadId, reengaged_why AS why, ended_how AS endedHow, note FROM nurture_stays WHERE reengaged_at IS NOT NULL ORDER BY reengaged_at',
      )
      .all() as { leadId: number; why: string; endedHow: string | null; note: string | null }[]
    expect(flagged).toHaveLength(3)
    for (const stay of flagged) expect(JSON.parse(stay.why).join(' ')).toMatch(/Engagement score/)
    expect(flagged.map((s) => s.endedHow)).toEqual([null, null, 'handed_back'])
    expect(flagged[2]?.note).toMatch(/pricing guide/)
    const back = flagged[2]?.leadId
    expect(sqlite.prepare('SELECT status, reengaged FROM leads WHERE id = ?').get(back)).toEqual({
      status: 'working',
      reengaged: 1,
    })
    expect(
      sqlite
        .prepare(
          "SELECT action, reengaged FROM follow_ups WHERE lead_id = ? AND kind = 'hand_over' ORDER BY id DESC LIMIT 1",
        )
        .get(back),
    ).toEqual({ action: 'accepted', reengaged: 1 })
    // The marketers heard of the three; the rep of the one handed back.
    expect(
      sqlite
        .prepare(
          "SELECT kind, count(*) AS n FROM notifications WHERE kind IN ('reengaged', 'handed_back') GROUP BY kind ORDER BY kind",
        )
        .all(),
    ).toEqual([
      { kind: 'handed_back', n: 1 },
      { kind: 'reengaged', n: 3 },
    ])
  })

  it('shows the definition’s quality: outcomes for its hindsight, and v3 proposed with its impact', async () => {
    const { definitionReport } = await import('~/domain/reports/definition.server')
    const { computeVersionImpact } = await import('~/domain/definition/impact.server')
    const db = getDb()
    const v3 = db.$client
      .prepare("SELECT id, number, status FROM definition_versions WHERE status = 'proposed'")
      .all() as { id: number; number: number; status: string }[]
    expect(v3.map((v) => v.number)).toEqual([3])
    const proposed = getVersion(db, v3[0]?.id ?? 0)
    expect(proposed?.signoffs).toEqual([])
    expect(proposed?.criteria.find((c) => c.key === 'company_size')?.value).toBe(100)

    const now = new Date()
    const year = now.getFullYear()
    const { versions } = definitionReport(
      db,
      { period: 'quarter', by: 'reason', history: 'shown' },
      { from: `${year - 2}-01-01`, to: `${year + 1}-12-31` },
      'Europe/London',
    )
    // Both versions in force over the year judged leads whose fate is now known, and some
    // leads they turned away were real buyers all the same.
    expect(versions.map((v) => v.number)).toEqual([2, 1])
    for (const v of versions) {
      expect(v.leads).toBeGreaterThan(5)
      expect(v.table.does_not_meet.realBuyers).toBeGreaterThan(0)
      expect(v.meetsRealBuyerShare).not.toBeNull()
    }
    expect(
      versions.some((v) =>
        v.criteria.some((c) => c.unmetRealBuyers > 0 && c.key === 'company_size'),
      ),
    ).toBe(true)

    const impact = computeVersionImpact(db, {
      versionId: v3[0]?.id ?? 0,
      months: 12,
      now,
      timeZone: 'Europe/London',
    })
    expect(impact?.inForce?.number).toBe(2)
    expect(impact?.leads).toBeGreaterThan(300)
    expect(impact?.leadsChanged).toBeGreaterThan(0)
    expect(impact?.criteria.map((c) => [c.key, c.change, c.flips])).toEqual([
      ['company_size', 'changed', impact?.leadsChanged],
    ])
    expect(impact?.rejections.otherWay).toBeGreaterThan(0)
  })
})
