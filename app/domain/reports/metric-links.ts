// Where each figure's definition is read in the app: the metrics page and its sections' anchors
// (the sections themselves: metrics.server.ts). Shared by the server and the browser.

export const METRICS_PATH = '/reports/metrics'

export const METRIC_SECTION_IDS = [
  'shared-rules',
  'imported-history',
  'stage-and-hand-over',
  'rejection-accuracy',
  'source-and-campaign-quality',
  'hindsight',
  'definition-quality',
  'verdicts',
  'follow-up-clocks',
  'sla-report',
  'rep-scorecard',
  'nurture-pool',
  'leadership-home',
  'which-filter-narrows-what',
] as const
export type MetricSectionId = (typeof METRIC_SECTION_IDS)[number]

/** The link to a section of the metrics page: "/reports/metrics#rejection-accuracy". */
export const metricHref = (id: MetricSectionId) => `${METRICS_PATH}#${id}`
