// The clocks family (decision 34): the follow-up and return clocks that have ended, per rep, day
// and month, working hour and minute, and in detail by the lead's source and campaign and the
// return's reason. Kept by the triggers of migration 0026 (clocks-sql.ts writes them) and
// counted again by the rebuild a chunk of follow-ups at a time.
import { CLOCKS_FAMILY, clockStatements } from './clocks-sql'
import { RANGE_AFTER, RANGE_UPTO, runForRange, type SummaryFamily } from './state.server'

export const CLOCKS_SUMMARIES: SummaryFamily = {
  name: CLOCKS_FAMILY,
  tables: [
    'summary_clock_counts',
    'summary_clock_hours',
    'summary_clock_minutes',
    'summary_clock_details',
  ],
  sources: ['follow_ups'],
  addRange(tx, _source, after, upto) {
    const range = `f.id > ${RANGE_AFTER} AND f.id <= ${RANGE_UPTO}`
    for (const statement of clockStatements(1, range, true)) runForRange(tx, statement, after, upto)
  },
}
