// The summary families the reports read (decision 34), each with its tables, the triggers of
// its migration and its rebuild. The rebuild job and start-up walk this list.
import { CLOCKS_SUMMARIES } from './clocks.server'
import type { SummaryFamily } from './state.server'

export const SUMMARY_FAMILIES: readonly SummaryFamily[] = [CLOCKS_SUMMARIES]
