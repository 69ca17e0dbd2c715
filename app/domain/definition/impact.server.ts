// "Impact of this version": what a draft or proposed version would have done to the leads
// handed over in the last `months` months, beside the version in force (docs/metrics.md,
// "Definition quality"). Runs on a report thread (decision 20): every lead is read once, a chunk
// of ids at a time in the primary key's order, and those of the window are evaluated against
// both versions (and, for their past cases, the version each case was judged against) on the
// same fields, so only the definitions differ.
import { monthsBefore } from '~/domain/sla/clock'
import type { DB } from '~db/connection'
import type { Verdict } from '~db/enums'
import { evaluatedFields, idChunks } from './lead-rows.server'
import { type ImpactFigures, multiEvaluator, versionImpact } from './quality'
import { criteriaOf, getActiveVersion, getVersion, listVersions } from './versions.server'

export type ImpactInput = { versionId: number; months: number; now: Date; timeZone: string }

type PastCaseRow = {
  leadId: number
  kind: 'rejected' | 'ignored'
  verdict: Verdict | null
  versionId: number | null
}

export type VersionImpact = ImpactFigures & {
  versionNumber: number
  inForce: { id: number; number: number } | null
  months: number
  /** The window's first instant (ms): hand-overs from then until now are counted. */
  from: number
}

/** The impact of version `versionId`, or null when there is no such version. */
export function computeVersionImpact(db: DB, input: ImpactInput): VersionImpact | null {
  const version = getVersion(db, input.versionId)
  if (!version) return null
  const active = getActiveVersion(db)
  const inForce = active && active.id !== version.id ? active : null
  // Every version, for the cases judged against it: one memoising evaluator each.
  const versions = new Map(
    listVersions(db).map((v) => {
      const criteria = criteriaOf(db, v.id)
      return [v.id, { criteria, evaluator: multiEvaluator([criteria]) }]
    }),
  )
  const fields = evaluatedFields([
    ...version.criteria,
    ...[...versions.values()].flatMap((v) => v.criteria),
  ])
  const impact = versionImpact(version.criteria, inForce?.criteria ?? null)
  const from = monthsBefore(input.now, input.months, input.timeZone).getTime()
  const window = { from, to: input.now.getTime() }
  // By the primary key's range: `+` keeps SQLite off the hand-over index, which would walk the
  // whole window for every chunk.
  const leadsOf = `
    SELECT l.id AS id, ${fields.select} FROM leads l
    WHERE l.id > @low AND l.id <= @high
      AND +l.handed_over_at >= @from AND +l.handed_over_at <= @to`
  const casesOf = `
    SELECT lead_id AS leadId, kind, verdict, definition_version_id AS versionId FROM cases
    WHERE lead_id > @low AND lead_id <= @high`
  for (const chunk of idChunks(db)) {
    // A chunk's cases first (a few hundred), by lead; then its leads, one row at a time.
    const cases = new Map<number, PastCaseRow[]>()
    for (const c of db.$client.prepare(casesOf).all(chunk) as PastCaseRow[]) {
      const list = cases.get(c.leadId)
      if (list) list.push(c)
      else cases.set(c.leadId, [c])
    }
    // Raw rows into one reused lead: a million row objects cost more than reading them.
    const rows = db.$client
      .prepare(leadsOf)
      .raw(true)
      .iterate({ ...chunk, ...window })
    for (const row of rows as Iterable<unknown[]>) {
      const lead = fields.rawLead(row, 1)
      const underProposed = impact.addLead(lead)
      for (const c of cases.get(row[0] as number) ?? []) {
        const judgedBy = c.versionId === null ? undefined : versions.get(c.versionId)
        const judged = judgedBy ? (judgedBy.evaluator.evaluate(lead)[0] ?? null) : null
        impact.addCase({ kind: c.kind, verdict: c.verdict, judged }, underProposed)
      }
    }
  }
  return {
    ...impact.result(),
    versionNumber: version.number,
    inForce: inForce ? { id: inForce.id, number: inForce.number } : null,
    months: input.months,
    from,
  }
}
