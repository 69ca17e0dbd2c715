// The parts of issue 16 together (decision 26). The hindsight of the definition judges a lead
// by the version in force at its first (net-new) hand-over, even after a hand-back from nurture
// re-judged it against a later version: v1 turned the lead away; it woke up, v2 let it through,
// and it converted. The real buyer v1 missed is v1's, not v2's. Source quality counts a
// hand-back once, even when its clock runs out and the lead goes on to the next rep (escalation
// starts another re-engaged clock). And the scorecard gives the rep a row for the conversion,
// though no lead came to her that month.
import { beforeAll, expect, it } from 'vitest'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { handBackLead } from '~/domain/nurture/hand-back.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { definitionReport } from '~/domain/reports/definition.server'
import { repScorecard } from '~/domain/reports/scorecard.server'
import { sourceQualityReport } from '~/domain/reports/source-quality.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { markConverted } from '~/domain/sales/mark-converted.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { updateSlaSettings } from '~/domain/settings/settings.server'
import { getDb } from '~/platform/db.server'
import { ALL_DAY_SLA } from '../support/calendar'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { handOverLead, userId } from '../support/leads'

const ok = <T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> => {
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result as Extract<T, { ok: true }>
}

let leadId = 0

beforeAll(async () => {
  const db = getDb()
  await seedTeam()
  // v1: at least 50 employees (required). The lead has 10: it does not meet.
  activateDefinition(db, ICP_CRITERIA, new Date('2025-12-01T09:00:00Z'))
  leadId = handOverLead('dana', { employeeCount: '10' }, { at: new Date('2026-01-12T09:00:00Z') })
  const reasonId = listReasons(db).find((r) => r.label === 'No budget')?.id ?? 0
  const rejected = ok(
    rejectLead(
      db,
      { id: userId('dana') },
      leadId,
      { reasonId, notes: 'Too small', contactAttempts: 0 },
      new Date('2026-01-12T10:00:00Z'),
    ),
  )
  ok(concedeCase(db, userId('maya'), rejected.caseId, 'nurture', new Date('2026-01-13T10:00:00Z')))
  // v2: at least 5 employees. Handed back under it, the lead meets it; then it converts.
  activateDefinition(
    db,
    ICP_CRITERIA.map((c) => (c.key === 'company_size' ? { ...c, value: 5 } : c)),
    new Date('2026-02-02T09:00:00Z'),
  )
  ok(
    handBackLead(
      db,
      { id: userId('maya') },
      { leadId, note: 'Asked for a demo' },
      new Date('2026-03-02T09:00:00Z'),
    ),
  )
  ok(acceptLead(db, { id: userId('dana') }, leadId, new Date('2026-03-02T10:00:00Z')))
  ok(markConverted(db, { id: userId('dana') }, leadId, {}, new Date('2026-05-12T10:00:00Z')))
})

it('counts a re-engaged lead under the version in force at its first hand-over', () => {
  const db = getDb()
  const lead = db.$client
    .prepare(
      'SELECT l.reengaged, l.evaluation, v.number FROM leads l JOIN definition_versions v ON v.id = l.definition_version_id WHERE l.id = ?',
    )
    .get(leadId)
  // The lead itself is judged by v2 now (its current hand-over)...
  expect(lead).toEqual({ reengaged: 1, evaluation: 'meets', number: 2 })
  const report = definitionReport(
    db,
    { period: 'month', by: 'reason', history: 'shown' },
    { from: '2026-01-01', to: '2026-06-30' },
    'UTC',
  )
  // ...but the report counts it where its net-new hand-over put it: v1 said "does not meet", and
  // it was a real buyer (a converted lead, with the earlier case's "in buying process" outcome).
  expect(report.versions.map((v) => [v.number, v.leads, v.realBuyers])).toEqual([[1, 1, 1]])
  expect(report.versions[0]?.table.does_not_meet).toEqual({ realBuyers: 1, notBuyers: 0 })
  expect(report.versions[0]?.realBuyersLetThrough).toBe(0)
})

it('counts a hand-back once in source quality when its clock runs out and the lead moves on', () => {
  const db = getDb()
  const other = handOverLead(
    'omar',
    { employeeCount: '10', source: 'Podcast' },
    { at: new Date('2026-01-19T09:00:00Z') },
  )
  const reasonId = listReasons(db).find((r) => r.label === 'No budget')?.id ?? 0
  const rejected = ok(
    rejectLead(
      db,
      { id: userId('omar') },
      other,
      { reasonId, notes: 'Too small', contactAttempts: 0 },
      new Date('2026-01-19T10:00:00Z'),
    ),
  )
  ok(concedeCase(db, userId('maya'), rejected.caseId, 'nurture', new Date('2026-01-20T10:00:00Z')))
  ok(
    handBackLead(
      db,
      { id: userId('maya') },
      { leadId: other, note: 'New budget' },
      new Date('2026-04-06T09:00:00Z'),
    ),
  )
  updateSlaSettings(
    db,
    userId('sasha'),
    { ...ALL_DAY_SLA, onClockOut: 'next_rep' },
    new Date('2026-04-06T09:30:00Z'),
  )
  const due = db.$client
    .prepare('SELECT follow_up_due_at AS due FROM leads WHERE id = ?')
    .get(other) as { due: number }
  expect(sweepIgnoredLeads(db, new Date(due.due))).toBe(1)
  const clocks = db.$client
    .prepare('SELECT kind, reengaged FROM follow_ups WHERE lead_id = ? ORDER BY id')
    .all(other)
  // The net-new clock, the hand-back's, and the escalation's (re-engaged, as its hand-over is).
  expect(clocks).toEqual([
    { kind: 'hand_over', reengaged: 0 },
    { kind: 'hand_over', reengaged: 1 },
    { kind: 'hand_over', reengaged: 1 },
  ])
  const podcast = sourceQualityReport(
    db,
    { period: 'quarter', by: 'reason', history: 'shown' },
    { from: '2026-01-01', to: '2026-06-30' },
    'UTC',
  ).bySource.find((r) => r.name === 'Podcast')
  expect(podcast).toMatchObject({ handedOver: 2, netNew: 1, reEngaged: 1 })
  updateSlaSettings(db, userId('sasha'), ALL_DAY_SLA, new Date('2026-04-10T09:00:00Z'))
})

it('gives a rep a scorecard row for a conversion in the range, with no lead handed to them in it', () => {
  // Dana's clocks started in January and on 2 March (and April's escalation, if the turn was
  // hers); she converted the lead on 12 May.
  const rows = repScorecard(
    getDb(),
    { period: 'month', by: 'reason', history: 'shown' },
    { from: '2026-05-01', to: '2026-05-31' },
    'UTC',
    new Date('2026-06-01T00:00:00Z'),
  )
  expect(rows.map((r) => [r.name, r.received, r.accepted, r.converted, r.conversionRate])).toEqual([
    ['Dana Reyes', 0, 0, 1, null],
  ])
})
