// The rows an import could not write: a page of them, and every one for the downloadable report.
import { and, asc, count, eq, gt } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { importErrors } from '~db/schema'

const ERRORS_PAGE_SIZE = 100

export function importErrorPage(db: Queryable, jobId: number, limit = ERRORS_PAGE_SIZE) {
  const rows = db
    .select({
      line: importErrors.line,
      reason: importErrors.reason,
      identifier: importErrors.identifier,
    })
    .from(importErrors)
    .where(eq(importErrors.jobId, jobId))
    .orderBy(asc(importErrors.line))
    .limit(limit)
    .all()
  const total =
    db.select({ n: count() }).from(importErrors).where(eq(importErrors.jobId, jobId)).get()?.n ?? 0
  return { rows, total }
}

/**
 * Every failed row of an import, in line order, for the downloadable report (written by the
 * one CSV writer, app/platform/csv.ts, which keeps formulas out). Fetched a thousand at a time so that
 * no statement stays open on the shared connection while the response streams.
 */
export function* importErrorRows(db: Queryable, jobId: number) {
  let after = 0
  for (;;) {
    const rows = db
      .select({
        line: importErrors.line,
        identifier: importErrors.identifier,
        reason: importErrors.reason,
      })
      .from(importErrors)
      .where(and(eq(importErrors.jobId, jobId), gt(importErrors.line, after)))
      .orderBy(asc(importErrors.line))
      .limit(1000)
      .all()
    if (rows.length === 0) return
    yield* rows
    after = rows.at(-1)?.line ?? after
  }
}
