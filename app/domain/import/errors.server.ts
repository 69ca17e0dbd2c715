// The rows an import could not write, and those it held back for not meeting the definition
// (decision 45, stored beside them with a reason that starts HELD_BACK): a page of each, and
// every one for the downloadable reports.
import { and, asc, count, eq, gt, like, notLike, type SQL } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { importErrors } from '~db/schema'
import { HELD_BACK } from './judging.server'

const ERRORS_PAGE_SIZE = 100

/** Failed rows, or rows held back. */
export type NotImported = 'failed' | 'held'

const kindIs = (kind: NotImported): SQL =>
  kind === 'held'
    ? like(importErrors.reason, `${HELD_BACK}%`)
    : notLike(importErrors.reason, `${HELD_BACK}%`)

export function importErrorPage(
  db: Queryable,
  jobId: number,
  kind: NotImported = 'failed',
  limit = ERRORS_PAGE_SIZE,
) {
  const where = and(eq(importErrors.jobId, jobId), kindIs(kind))
  const rows = db
    .select({
      line: importErrors.line,
      reason: importErrors.reason,
      identifier: importErrors.identifier,
    })
    .from(importErrors)
    .where(where)
    .orderBy(asc(importErrors.line))
    .limit(limit)
    .all()
  const total = db.select({ n: count() }).from(importErrors).where(where).get()?.n ?? 0
  return { rows, total }
}

/**
 * Every failed (or held back) row of an import, in line order, for the downloadable report
 * (written by the one CSV writer, app/platform/csv.ts, which keeps formulas out). Fetched a
 * thousand at a time so that no statement stays open on the shared connection while the
 * response streams.
 */
export function* importErrorRows(db: Queryable, jobId: number, kind: NotImported = 'failed') {
  let after = 0
  for (;;) {
    const rows = db
      .select({
        line: importErrors.line,
        identifier: importErrors.identifier,
        reason: importErrors.reason,
      })
      .from(importErrors)
      .where(and(eq(importErrors.jobId, jobId), gt(importErrors.line, after), kindIs(kind)))
      .orderBy(asc(importErrors.line))
      .limit(1000)
      .all()
    if (rows.length === 0) return
    yield* rows
    after = rows.at(-1)?.line ?? after
  }
}
