// The reports, each with the one capability that opens its page and its CSV twin.
// Shared by client and server: the reports index reads it too.
import type { Capability } from '~/domain/people/access'

export const REPORTS = {
  accuracy: { capability: 'reports.accuracy', path: '/reports/accuracy' },
  hindsight: { capability: 'reports.hindsight', path: '/reports/hindsight' },
  scorecard: { capability: 'reports.scorecard', path: '/reports/scorecard' },
  sources: { capability: 'reports.sources', path: '/reports/sources' },
  verdicts: { capability: 'reports.verdicts', path: '/reports/verdicts' },
  sla: { capability: 'reports.sla', path: '/reports/sla' },
  definition: { capability: 'reports.definition', path: '/reports/definition' },
} as const satisfies Record<string, { capability: Capability; path: string }>

export type ReportKey = keyof typeof REPORTS
