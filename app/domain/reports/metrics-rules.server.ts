// The metrics page's first sections: the rules every report shares, imported history, stage and
// hand-over (the sections' one source: see metrics.server.ts).
import type { MetricSection } from './metrics.server'

export const RULE_SECTIONS: MetricSection[] = [
  {
    id: 'shared-rules',
    title: 'Shared rules',
    blocks: [
      {
        kind: 'list',
        items: [
          {
            text: "**Time zone.** Periods are calendar periods in the organisation's time zone (Settings): a week runs from Monday 00:00 local time, a month from the 1st at 00:00, a quarter from the 1st of January, April, July or October. A day on which the clocks change is 23 or 25 hours long; an instant belongs to the local calendar day it falls on (23:30 UTC on 31 March 2026 is 00:30 BST on 1 April, and counts in April).",
          },
          {
            text: '**Range.** `from` and `to` are calendar dates, inclusive. The report covers every period that touches the range, from the start of the period containing `from` to the end of the period containing `to`. Without a range: from the first of the month eleven months ago to today.',
          },
          {
            text: "**Cohort.** A case belongs to the period in which it **opened** (the moment the rep rejected the lead, or the sweep escalated it), whatever happened later. A cohort's figures can therefore change after the period ends, as its cases are decided.",
          },
          {
            text: '**Filters.** Rep (the rep whose case it is), reason (the reason the rep chose), source and campaign (the lead\'s, copied onto the case when it opened), imported history (shown, the default, or hidden: see below), and the stage and hand-over of a case (see "Stage and hand-over"). A rep who holds no other role sees their own figures only, whatever the URL says. Which filter narrows which section of each report is in the table at the end.',
          },
          {
            text: '**Empty periods** are listed, with zero counts and no percentage (shown as "—"), never dropped.',
          },
          {
            text: "**Intervals.** A rate of `successes` out of `n` comes with its 95% Wilson score interval, where the true rate likely lies: 8 of 10 reads 80% with an interval of 49.0% to 94.3%, 1 of 1 reads 100% with 20.7% to 100%. Charts shade it around the rate, so a period with few cases shows a wide band; a period of fewer than 10 cases is marked \"few cases\" in words as well. The `n` of each rate: accuracy's decided, compliance's in time + breached (follow-up, return) or decided + open and overdue (review), hindsight's outcome known, acceptance's received.",
          },
          {
            text: "**Definition versions.** Time charts mark the period in which each version of the lead definition took effect (was signed off: `definition_versions.activated_at`), in the organisation's time zone.",
          },
        ],
      },
    ],
  },
  {
    id: 'imported-history',
    title: 'Imported history',
    blocks: [
      {
        kind: 'paragraph',
        text: "An import can bring a CRM's past (decision 25): leads handed over before the import's cut-off, **recorded as history** (`leads.history`: no clock, judged by the definition version in force at their hand-over), and the CRM's rejections, which become **imported cases** (status `imported`, \"imported, not reviewed\": kind `rejected`, the CRM's reason, no verdict, no review clock). A lead handed over after the cut-off, or worked now, is not history, but a rejection the CRM made before the import is still an imported case. Both count in their **real cohorts**: a history lead in the period of its hand-over as the file gives it, an imported case in the period the CRM rejected the lead, never in the period of the import.",
      },
      {
        kind: 'paragraph',
        text: 'The imported-history filter (`history=shown`, the default, or `history=hidden`; anything else is refused, naming the field) hides both: leads recorded as history leave every count of leads, and imported cases every count of cases, outcomes known included. Once the committee takes an imported case up, it is an ordinary case (in review, then decided) and counts as one, whatever the filter, in its cohort still: the period the CRM rejected the lead.',
      },
      {
        kind: 'paragraph',
        text: 'How each report treats them when shown:',
      },
      {
        kind: 'list',
        items: [
          {
            text: '**Rejection accuracy**: an imported case is an opened rejection without a verdict. It is not "still open" (that is a case in review), so it has a column of its own: imported, not reviewed.',
          },
          {
            text: '**Source and campaign quality**: a history lead is a lead handed over in its period; an imported case makes its lead a rejected lead, neither confirmed bad nor good.',
          },
          {
            text: '**Hindsight**: an imported case is a rejected case like another; with an outcome (an import\'s converted flag on a rejected lead is a "won"), it has a known outcome, which is how hindsight works from the first day. It has no verdict, so it is never among the verdicts with outcome.',
          },
          {
            text: '**Verdicts**: imported cases have no verdict and were not conceded: nothing here counts them, and hiding them changes nothing.',
          },
          {
            text: '**SLA report and rep scorecard**: history leads start no clock, so no follow-up figure counts them, and hiding them changes nothing. Imported cases have no review clock: the review rows leave them out whatever the filter. No verdict on one returns its lead, so no return clock counts under its reason.',
          },
        ],
      },
    ],
  },
  {
    id: 'stage-and-hand-over',
    title: 'Stage and hand-over',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Issue 16 (decision 26) tells apart how a case came about and which hand-over it followed.',
      },
      {
        kind: 'list',
        items: [
          {
            text: "**Stage** (`stage=before_contact|after_contact|ignored`; absent or empty: every stage, labelled \"All\"; anything else is refused with a 400 naming the field). A case is **rejected before contact** (kind `rejected`, `after_contact = 0`: the rep rejected a new or returned lead), **rejected after contact** (kind `rejected`, `after_contact = 1`: the rep accepted the lead, worked it, then rejected it), or **ignored** (kind `ignored`: the follow-up clock ran out). The filter keeps the cases of that stage wherever cases are counted: rejection accuracy, verdicts, hindsight, the SLA report's review rows, source quality's rejected and confirmed columns, and the scorecard's rejection columns and accuracy. It never narrows clocks or leads handed over: a clock or a hand-over has no stage. Reports over rejections only (accuracy's rates, hindsight, the scorecard's accuracy) have nothing to count under \"Ignored\", except where a column counts ignored cases.",
          },
          {
            text: '**Hand-over** (`handOver=net_new|re_engaged`, labels "Net-new" and "Re-engaged"; absent or empty: both). Every hand-over of a lead to Sales is **net-new** (its first: at `leads.handed_over_at`, which a later hand-back never moves) or **re-engaged** (handed back from the Nurture pool: the hand-over clock it starts, a `follow_ups` row of kind `hand_over` with `reengaged = 1`, at its `started_at`). The same split, consistently:',
            items: [
              "a **case** counts by `cases.reengaged`: re-engaged when it opened while the lead's current hand-over was re-engaged;",
              "a **hand-over clock** (SLA follow-up rows, the scorecard's received, accepted, rejected before contact, ignored) by `follow_ups.reengaged`; return clocks are neither, and the filter leaves them alone;",
              'a **lead handed over** (source quality) is one hand-over of each kind it had: net-new in the period of `handed_over_at`, re-engaged in the period of each re-engaged clock, with the source, campaign, owner and history flag of its lead;',
              'a **conversion** by `leads.reengaged`: the hand-over the lead was converted on.',
            ],
          },
        ],
      },
    ],
  },
]
