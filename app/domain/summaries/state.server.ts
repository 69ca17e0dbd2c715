// The report summaries' state (decision 34): which time zone they were built for, and how far
// each family has counted each table it reads. The rows a family has counted are kept up to
// date by its triggers, in the transaction of the write; the rest are counted by the rebuild
// job, a chunk per transaction, after a time-zone change or when a family is new. A report reads
// a family's summaries only when the family is complete for the organisation's time zone, and
// its raw rows otherwise.
import { sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { localOffsets, summaryProgress, summaryZone } from '~db/schema'
import { offsetsOf } from './calendar'

/** The `upto` of a source whose every row, present and future, is counted. */
export const SUMMARY_COMPLETE = Number.MAX_SAFE_INTEGER

/** A table a summary family counts rows of (each has an integer `id`). */
export type SummarySource = 'follow_ups' | 'cases' | 'leads' | 'outcomes' | 'votes'

/**
 * A family of summary tables and the triggers that keep them (written in its migration): the
 * tables it clears on a rebuild, the sources it counts, and how to count a range of a source's
 * rows (ids after `after`, up to `upto`) into the tables, adding to what is there.
 */
export type SummaryFamily = {
  name: string
  tables: readonly string[]
  sources: readonly SummarySource[]
  addRange: (db: Queryable, source: SummarySource, after: number, upto: number) => void
}

/** The largest id of `source` (0 when empty). */
export const maxId = (db: Queryable, source: SummarySource) =>
  db.get<{ id: number | null }>(sql`SELECT max(id) AS id FROM ${sql.identifier(source)}`)?.id ?? 0

/** The ids a range statement counts: after `RANGE_AFTER`, up to and including `RANGE_UPTO`. */
export const RANGE_AFTER = ':range_after'
export const RANGE_UPTO = ':range_upto'

/**
 * Runs one of a family's range statements (its text names the range by RANGE_AFTER and
 * RANGE_UPTO) with the range bound as parameters: the text is the same for every batch and
 * rebuild step, so the connection's statement cache prepares it once (decision 35).
 */
export function runForRange(db: Queryable, statement: string, after: number, upto: number) {
  const parts = statement.split(/(:range_after|:range_upto)\b/)
  db.run(
    sql.join(
      parts.map((part) =>
        part === RANGE_AFTER
          ? sql`${Math.trunc(after)}`
          : part === RANGE_UPTO
            ? sql`${Math.trunc(upto)}`
            : sql.raw(part),
      ),
    ),
  )
}

/** Writes the zone's offsets into `local_offsets` and records the zone. */
export function writeCalendar(db: Queryable, timeZone: string) {
  db.delete(localOffsets).run()
  const offsets = offsetsOf(timeZone)
  for (let i = 0; i < offsets.length; i += 400)
    db.insert(localOffsets)
      .values(offsets.slice(i, i + 400))
      .run()
  db.insert(summaryZone)
    .values({ id: 1, timeZone })
    .onConflictDoUpdate({ target: summaryZone.id, set: { timeZone } })
    .run()
}

/**
 * Empties `family`'s summaries and starts counting its sources from the first row; a source
 * with no rows is complete at once. Run inside the write transaction that makes it necessary.
 */
export function resetFamily(db: Queryable, family: SummaryFamily) {
  for (const table of family.tables) db.run(sql`DELETE FROM ${sql.identifier(table)}`)
  for (const source of family.sources) {
    const upto = maxId(db, source) === 0 ? SUMMARY_COMPLETE : 0
    db.insert(summaryProgress)
      .values({ family: family.name, source, upto })
      .onConflictDoUpdate({
        target: [summaryProgress.family, summaryProgress.source],
        set: { upto },
      })
      .run()
  }
}

/** A new time zone: its calendar, and every family counted again from the first row. */
export function resetSummaries(
  db: Queryable,
  families: readonly SummaryFamily[],
  timeZone: string,
) {
  writeCalendar(db, timeZone)
  for (const family of families) resetFamily(db, family)
}

const zoneOf = (db: Queryable) =>
  db.select({ timeZone: summaryZone.timeZone }).from(summaryZone).get()?.timeZone

/** Whether `local_offsets` holds the zone's offsets as this process's time-zone data gives them. */
function calendarMatches(db: Queryable, timeZone: string) {
  const stored = db
    .select({ fromAt: localOffsets.fromAt, offsetMs: localOffsets.offsetMs })
    .from(localOffsets)
    .orderBy(localOffsets.fromAt)
    .all()
  const expected = offsetsOf(timeZone)
  return (
    stored.length === expected.length &&
    stored.every(
      (row, i) => row.fromAt === expected[i]?.fromAt && row.offsetMs === expected[i]?.offsetMs,
    )
  )
}

/** How far `family` has counted each of its sources. */
export const progressOf = (db: Queryable, family: string) =>
  db
    .select({ source: summaryProgress.source, upto: summaryProgress.upto })
    .from(summaryProgress)
    .where(sql`${summaryProgress.family} = ${family}`)
    .all()

/**
 * At start-up (prepareDatabase): the calendar for the organisation's zone, and every family
 * that has no progress yet (new with a migration) started. Reads first, and writes only when
 * something is missing, so an up-to-date database is prepared without the write lock.
 */
export function prepareSummaries(
  db: Queryable,
  families: readonly SummaryFamily[],
  timeZone: string,
) {
  // Another zone, or the same zone under other rules (a Node upgrade brings new tzdata: a
  // country that drops summer time): the calendar the triggers place rows by is rewritten.
  const stale = () => zoneOf(db) !== timeZone || !calendarMatches(db, timeZone)
  const missing = () =>
    families.filter((family) => progressOf(db, family.name).length < family.sources.length)
  if (!stale() && missing().length === 0) return
  db.transaction(
    (tx) => {
      if (zoneOf(tx) !== timeZone || !calendarMatches(tx, timeZone))
        return resetSummaries(tx, families, timeZone)
      for (const family of families)
        if (progressOf(tx, family.name).length < family.sources.length) resetFamily(tx, family)
    },
    { behavior: 'immediate' },
  )
}

/** Whether `family`'s summaries hold every row, for `timeZone`: the reports may read them. */
export function summariesComplete(db: Queryable, family: SummaryFamily, timeZone: string) {
  if (zoneOf(db) !== timeZone) return false
  const progress = progressOf(db, family.name)
  return (
    progress.length === family.sources.length && progress.every((p) => p.upto === SUMMARY_COMPLETE)
  )
}

/**
 * A report's figures in one read transaction (one snapshot): from `family`'s summaries when they
 * are complete for `timeZone` and `answers` (the filters are ones they hold), else from the raw
 * rows (the fallback during a rebuild, and the tests' oracle).
 */
export function fromSummariesOr<T>(
  db: Queryable,
  family: SummaryFamily,
  timeZone: string,
  answers: boolean,
  read: { summaries: (tx: Queryable) => T; raw: (tx: Queryable) => T },
): T {
  return db.transaction(
    (tx) =>
      answers && summariesComplete(tx, family, timeZone) ? read.summaries(tx) : read.raw(tx),
    { behavior: 'deferred' },
  )
}

/**
 * One step of the rebuild: up to `chunk` rows of the first source not yet complete, counted in
 * one immediate transaction. The source is complete once the step reaches its last row: the
 * transaction holds the write lock, so no row can be added after it unseen; rows added later
 * are counted by the triggers. `done` is the rows counted, `more` whether any source waits.
 */
export function rebuildStep(
  db: Queryable,
  families: readonly SummaryFamily[],
  chunk: number,
): { done: number; more: boolean } {
  return db.transaction(
    (tx) => {
      for (const family of families) {
        for (const { source, upto } of progressOf(tx, family.name)) {
          if (upto === SUMMARY_COMPLETE) continue
          const last = maxId(tx, source as SummarySource)
          const to = Math.min(upto + chunk, last)
          if (to > upto) family.addRange(tx, source as SummarySource, upto, to)
          const next = to >= last ? SUMMARY_COMPLETE : to
          setProgress(tx, family, source, next)
          const more = next !== SUMMARY_COMPLETE || !summaryStateComplete(tx)
          return { done: Math.max(0, to - upto), more }
        }
      }
      return { done: 0, more: false }
    },
    { behavior: 'immediate' },
  )
}

/** Records that `family` has counted `source` up to `upto`. */
export function setProgress(db: Queryable, family: SummaryFamily, source: string, upto: number) {
  db.update(summaryProgress)
    .set({ upto })
    .where(
      sql`${summaryProgress.family} = ${family.name} AND ${summaryProgress.source} = ${source}`,
    )
    .run()
}

const summaryStateComplete = (db: Queryable) =>
  (db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM summary_progress WHERE upto <> ${SUMMARY_COMPLETE}`,
  )?.n ?? 0) === 0

/**
 * How far the rebuild is, in rows: `done` of `total` over every family and source, or null when
 * every family is complete. For the Settings page's progress.
 */
export function rebuildProgress(
  db: Queryable,
  families: readonly SummaryFamily[],
): { done: number; total: number } | null {
  let done = 0
  let total = 0
  let pending = false
  for (const family of families) {
    for (const { source, upto } of progressOf(db, family.name)) {
      const last = maxId(db, source as SummarySource)
      total += last
      done += Math.min(upto, last)
      if (upto !== SUMMARY_COMPLETE) pending = true
    }
  }
  return pending ? { done, total } : null
}
