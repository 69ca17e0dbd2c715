// A batch of writes counted into the report summaries set-based (decision 36): instead of each
// new row firing its family's triggers (a lead insert runs the `sources` trigger, about 0.3 ms a
// lead at a million leads), the rows the batch adds are counted after it with the rebuild's
// grouped `addRange`, one set of statements per family and source.
import type { Queryable } from '~db/connection'
import { SUMMARY_FAMILIES } from './families.server'
import {
  maxId,
  progressOf,
  SUMMARY_COMPLETE,
  type SummaryFamily,
  type SummarySource,
  setProgress,
} from './state.server'

/**
 * Runs `write` (a batch of inserts and updates) and counts the rows it adds into the summaries
 * afterwards, in one savepoint of the caller's immediate transaction. For every source a family
 * has counted completely, its progress is set back to the source's last row before the batch:
 * the triggers (guarded by `id <= upto`) then skip the batch's new rows, and still follow every
 * change to the rows counted before, exactly as they do while a rebuild is behind. After the
 * write, the new rows (ids after that last row) are counted by the family's `addRange` and the
 * source is complete again — a rebuild step over the batch, in the same transaction, so no
 * reader (a WAL snapshot) ever sees the rows without their counts, and a write that throws rolls
 * both back. A source still being rebuilt is left alone: its rebuild counts the new rows later.
 * Must be the only thing writing in the transaction while it runs (it holds the write lock).
 */
export function countedAsBatch<T>(
  db: Queryable,
  write: () => T,
  families: readonly SummaryFamily[] = SUMMARY_FAMILIES,
): T {
  return db.transaction((tx) => {
    const held: { family: SummaryFamily; source: SummarySource; last: number }[] = []
    for (const family of families)
      for (const { source, upto } of progressOf(tx, family.name)) {
        if (upto !== SUMMARY_COMPLETE) continue
        const last = maxId(tx, source as SummarySource)
        setProgress(tx, family, source, last)
        held.push({ family, source: source as SummarySource, last })
      }
    const result = write()
    for (const { family, source, last } of held) {
      const now = maxId(tx, source)
      if (now > last) family.addRange(tx, source, last, now)
      setProgress(tx, family, source, SUMMARY_COMPLETE)
    }
    return result
  })
}
