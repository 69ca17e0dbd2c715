// Bulk concede (decision 43): marketing concedes the cases chosen on the cases list with one
// disposition, each by `concedeCase` in its own short transaction; a case that cannot be
// conceded (closed, answered already, not the viewer's to see) is listed with why.
import { eq, inArray } from 'drizzle-orm'
import { type BulkOutcome, runEach } from '~/domain/bulk/bulk'
import { leadName } from '~/domain/leads/fields'
import { LEAD_NAME_COLUMNS } from '~/domain/leads/lead.server'
import type { Role } from '~/domain/people/roles'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import type { Disposition } from '~db/enums'
import { cases, leads } from '~db/schema'
import { caseForViewer } from './case-file.server'
import { concedeCase } from './respond-to-case.server'

type Viewer = { id: number; roles: readonly Role[] }

/** The cases' leads (for an outcome) and how a bulk answer names each: "Case 12 (Ada Byron)". */
export function casesOf(db: Queryable, viewer: Viewer, caseIds: readonly number[]) {
  const rows = caseIds.length
    ? db
        .select({ caseId: cases.id, id: leads.id, ...LEAD_NAME_COLUMNS })
        .from(cases)
        .innerJoin(leads, eq(cases.leadId, leads.id))
        .where(inArray(cases.id, [...caseIds]))
        .all()
    : []
  const seen = new Map(
    rows
      .filter((r) => caseForViewer(db, viewer, r.caseId))
      .map((r) => [r.caseId, { leadId: r.id, name: `Case ${r.caseId} (${leadName(r)})` }]),
  )
  return {
    name: (id: number) => seen.get(id)?.name ?? `Case ${id}`,
    leadOf: (id: number) => seen.get(id)?.leadId ?? null,
  }
}

/** There is no such case, as the viewer may see: the same words for either (no leak). */
export const noCase = (id: number) => refuse(`There is no case ${id} you may open`)

/** Concedes each case with `disposition`: what was done, and what was refused and why. */
export function bulkConcede(
  db: Queryable,
  viewer: Viewer,
  caseIds: readonly number[],
  disposition: Disposition,
  now: Date,
): Result<BulkOutcome> {
  const found = casesOf(db, viewer, caseIds)
  return runEach(caseIds, found.name, (id) =>
    found.leadOf(id) === null ? noCase(id) : concedeCase(db, viewer.id, id, disposition, now),
  )
}
