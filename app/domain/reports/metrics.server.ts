// The metrics' definitions as people read them in the app (/reports/metrics), section by
// section. This is their one source: docs/metrics.md carries the same text, and a unit test
// (tests/unit/metrics-page.test.ts) fails when the two differ. Text may hold **bold** and
// `code`, nothing more (the page renders those two, metricsText in the component).
// The sections are written in three files, in the page's order.

import type { MetricSectionId } from './metric-links'
import { CASE_SECTIONS } from './metrics-cases.server'
import { CLOCK_SECTIONS } from './metrics-clocks.server'
import { RULE_SECTIONS } from './metrics-rules.server'

export type MetricListItem = { text: string; items?: string[] }
export type MetricBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: MetricListItem[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
export type MetricSection = { id: MetricSectionId; title: string; blocks: MetricBlock[] }

export const METRIC_SECTIONS: MetricSection[] = [
  ...RULE_SECTIONS,
  ...CASE_SECTIONS,
  ...CLOCK_SECTIONS,
]
