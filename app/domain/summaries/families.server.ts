// The summary families the reports read (decision 34), each with its tables, the triggers of
// its migration and its rebuild. The rebuild job and start-up walk this list.
import { CASES_FAMILY } from './cases.server'
import { CLOCKS_SUMMARIES } from './clocks.server'
import { hindsightFamily } from './hindsight.server'
import { sourcesFamily } from './sources.server'
import type { SummaryFamily } from './state.server'

export const SUMMARY_FAMILIES: readonly SummaryFamily[] = [
  CLOCKS_SUMMARIES,
  CASES_FAMILY,
  sourcesFamily,
  hindsightFamily,
]
