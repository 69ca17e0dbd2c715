// The metrics page's sections on clocks and the rest: follow-up clocks, the SLA report, the rep
// scorecard, the Nurture pool, leadership's home, which filter narrows what (the sections' one
// source: see metrics.server.ts).
import type { MetricSection } from './metrics.server'

export const CLOCK_SECTIONS: MetricSection[] = [
  {
    id: 'follow-up-clocks',
    title: 'Follow-up clocks',
    blocks: [
      {
        kind: 'paragraph',
        text: "Every hand-over of a lead to a rep, and every return of a lead by the committee, starts a **clock** (a row of `follow_ups`): when it started, when it runs out (the follow-up SLA of 48 working hours for a hand-over, the return SLA of 24 for a return, as set when it started), and when and how the rep first acted: accepted, rejected, or ignored (the sweep escalated it). Its **working time** is the working time from start to first action (Saturdays and Sundays in the organisation's time zone do not count). Clocks of leads handed over before clocks were kept have no working time and are left out of medians.",
      },
      {
        kind: 'paragraph',
        text: "**Medians and percentiles** use the nearest-rank method: sort the values; the median is the value at rank ⌈n/2⌉ (for an even count, the lower of the two middle values) and the 90th percentile the value at rank ⌈0.9 n⌉. No values: no median. Working times are ranked **to the minute**: each is taken in whole minutes first (rounded down: 59 min 59 s is 59 minutes), so the follow-up, return and review medians and 90th percentiles and the scorecard's median are whole minutes, read alike from the clocks and cases and from the summaries' histograms of minutes (decision 34).",
      },
    ],
  },
  {
    id: 'sla-report',
    title: 'SLA report',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Cohort: the period the clock **started** (follow-up and return) or the case **opened** (review).',
      },
      {
        kind: 'paragraph',
        text: 'The reason filter keeps the review clocks of cases rejected for that reason and the **return** clocks of leads returned by a verdict on such a case (a return clock counts under the reason of the case that sent the lead back). Follow-up clocks start at hand-over, before any reason, so the reason filter leaves them alone.',
      },
      {
        kind: 'table',
        head: ['figure', 'definition'],
        rows: [
          ['clocks', 'clocks started in the period'],
          ['in time', 'the rep accepted or rejected before the clock ran out'],
          [
            'breached',
            'the lead was ignored, or accepted or rejected after the clock ran out, or the clock ran out with nothing done yet',
          ],
          ['running', 'clocks still running now'],
          ['compliance', 'in time ÷ (in time + breached); running clocks are not judged yet'],
          [
            'median, 90th percentile',
            'working time to the first accept or reject (ignored leads are breaches, not times)',
          ],
          [
            'review: decided, decided in time',
            'cases with a verdict or a concession; of those, the ones decided by their review due time (5 working days from opening by default; for a case imported from a CRM, from when the committee took it up)',
          ],
          [
            'review: open and overdue',
            'cases still open whose review due time has passed (an imported case not taken up has no review clock and is never overdue)',
          ],
          ['review: compliance', 'decided in time ÷ (decided + open and overdue)'],
          [
            'review: median to verdict',
            'working time from opening (or, for an imported case, from its take-up) to the verdict or concession',
          ],
        ],
      },
      {
        kind: 'paragraph',
        text: 'The return rows are the follow-up figures for clocks started by a return.',
      },
    ],
  },
  {
    id: 'rep-scorecard',
    title: 'Rep scorecard',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Per rep, over the **hand-over** clocks started in the range (rep, source, campaign and hand-over filters apply); a row for each rep who received a lead in the range, or who rejected a lead after contact or marked one converted in it (such work ends no clock of the range: the row then reads 0 received).',
      },
      {
        kind: 'table',
        head: ['figure', 'definition'],
        rows: [
          [
            'received',
            'leads handed to the rep (hand-over clocks started in the range, net-new and re-engaged)',
          ],
          ['accepted / rejected before contact / ignored', 'how each of those clocks ended'],
          [
            'rejected after contact',
            'the rep\'s rejections after contact opened in the range (cases, cohort as in "Rejection accuracy": a rejection after contact ends no clock)',
          ],
          ['acceptance', "accepted ÷ received (the field's benchmark is 90% or more)"],
          [
            'rejection accuracy',
            'as in "Rejection accuracy", over the rep\'s rejected cases opened in the range',
          ],
          [
            'converted',
            "leads the rep owns that were marked converted in the range (by `converted_at`); leads imported from a CRM's history have no `converted_at` and never count",
          ],
          [
            'conversion rate',
            'of the clocks counted as accepted, the share whose lead the rep has marked converted since (at any time up to now): accepted converted ÷ accepted; no value when nothing was accepted',
          ],
          ['median to first action', 'median working time to accept or reject'],
          ['follow-up SLA', "compliance as in the SLA report, over the rep's hand-over clocks"],
        ],
      },
      {
        kind: 'paragraph',
        text: "The conversion rate's cohort is the leads accepted in the range, so a lead accepted in March and converted in May raises March's rate when read in May; \"converted\" is the conversions made in the range, whenever the lead was accepted. A lead accepted on its return from the committee (a return clock) can count as converted but is not among the accepted hand-overs. The stage filter keeps the rejection columns of its stage (the others read 0) and narrows the accuracy; received, accepted, the conversions and the times are not cases and stay. The hand-over filter keeps the clocks of its kind, the cases of its kind, and the conversions by the lead's current hand-over. The reason filter does not apply (every reason), nor does imported history to the clocks (history leads start none); hidden history leaves out history leads' conversions.",
      },
      {
        kind: 'paragraph',
        text: 'A rep who holds no other role sees only their own row.',
      },
    ],
  },
  {
    id: 'nurture-pool',
    title: 'Nurture pool',
    blocks: [
      {
        kind: 'paragraph',
        text: "The pool (`/nurture`) lists every lead with an **open stay** (a row of `nurture_stays` with no `ended_at`). A stay opens when a case closes with the disposition `nurture`, by a verdict or by marketing's concession (`closeCase`), with a snapshot of the lead as it entered; it ends when the lead is handed back to Sales (`ended_how` `handed_back` by a marketer, or `auto_handed_back` by the app).",
      },
      {
        kind: 'list',
        items: [
          {
            text: '**In the pool**: the number of open stays. **Re-engaged**: open stays with `reengaged_at` set. The marketer\'s home shows the second ("N re-engaged leads in the Nurture pool").',
          },
          {
            text: '**Order**: re-engaged stays first, then the others; within each, the stay that started first, then by id (keyset pages of 25).',
          },
          {
            text: '**Age in the pool**: whole days from the stay\'s start to now (`floor((now − started_at) / 24 h)`, calendar time, not working time); under a day reads "less than a day".',
          },
          {
            text: "**What changed since**: the fields engagement score, title, employee count, purchase timeline and lifecycle stage whose value now differs from the stay's snapshot (blank counts as a value).",
          },
          {
            text: "**New contacts at the company**: leads with the same company domain whose hand-over time is at or after the stay's start, other than the lead itself (leads handed over at any status count; a lead without a domain shows none).",
          },
          {
            text: '**Against the definition now**: the lead as it is now, evaluated against the version in force now (not the version of its hand-over).',
          },
          {
            text: '**Re-engaged** (flagged once per stay, by `upsertLead`: an import or an edit of a lead in nurture): the write made the lead meet the version in force when it did not before ("Meets the definition vN"), or lifted its engagement score from below the threshold in Settings (70 by default; blank counts as below) to at least it ("Engagement score 40 → 82"). A stay already flagged is not flagged again; a change made while the lead is not in nurture is never checked.',
          },
          {
            text: '**Re-engaged hand-over**: a lead handed back (`leads.reengaged = 1`, its new `follow_ups` row `reengaged = 1`) is a re-engaged hand-over, not net-new; `handed_over_at` stays its first hand-over, so it stays in its net-new cohort, and the clock of the hand-back is the follow-up SLA in force when it was handed back. A case opened on it has `cases.reengaged = 1`.',
          },
        ],
      },
    ],
  },
  {
    id: 'leadership-home',
    title: 'Leadership home',
    blocks: [
      {
        kind: 'paragraph',
        text: "What a user with the leadership role sees first on the home page (issue 19, decision 39). Each tile's figure is the figure of the report it links to, under the query of that link (period quarter, from the first day of the quarter four quarters before this one to today), taken from that report: never counted apart.",
      },
      {
        kind: 'table',
        head: ['tile', 'definition'],
        rows: [
          [
            'rejection accuracy',
            'accuracy (see "Rejection accuracy") of this quarter and of the last, with its interval, and the change between them in percentage points',
          ],
          [
            'follow-up SLA compliance',
            "the SLA report's follow-up compliance of this quarter and of the last",
          ],
          [
            'review SLA compliance',
            "the SLA report's review compliance of this quarter and of the last",
          ],
          [
            'open and overdue cases',
            "of the cases opened in the five quarters (the SLA report's review rows): those still in review (cases opened − decided) and, of them, those past their review due time (open and overdue)",
          ],
          [
            'hindsight accuracy',
            "hindsight accuracy of rejections over the five quarters (the report's total)",
          ],
          [
            'acceptance rate',
            'accepted ÷ received over every rep\'s row of the scorecard (its "All reps" row), for this quarter to today and for the last quarter; "below the 90% benchmark" under 0.9',
          ],
          ['Nurture pool', 'leads in the Nurture pool now (see "Nurture pool": in the pool)'],
        ],
      },
    ],
  },
  {
    id: 'which-filter-narrows-what',
    title: 'Which filter narrows what',
    blocks: [
      {
        kind: 'paragraph',
        text: "Each report's sections (its CSV's `section` column) and the filters that narrow them; a filter not listed leaves the section as it is. The app’s tests check every cell of this table, and every figure under every filter, against a computation from its world.",
      },
      {
        kind: 'table',
        head: [
          'report',
          'section',
          'rep',
          'reason',
          'source',
          'campaign',
          'imported history',
          'stage',
          'hand-over',
        ],
        rows: [
          ['rejection accuracy', 'periods, total, breakdown', '✓', '✓', '✓', '✓', '✓', '✓', '✓'],
          [
            'source and campaign quality',
            'periods, by source, by campaign',
            '✓ (owner now)',
            '✓ (hand-overs rejected for it)',
            '✓',
            '✓',
            '✓',
            '✓ (rejection columns)',
            '✓',
          ],
          ['hindsight', 'periods, total, outcomes', '✓', '✓', '✓', '✓', '✓', '✓', '✓'],
          [
            'verdicts',
            'periods, total, departures, participation',
            '✓',
            '✓',
            '✓',
            '✓',
            '— (no verdict)',
            '✓',
            '✓',
          ],
          [
            'SLA',
            'follow-up',
            '✓',
            '— (before any reason)',
            '✓',
            '✓',
            '— (no clock)',
            '— (a clock has no stage)',
            '✓',
          ],
          ['SLA', 'review', '✓', '✓', '✓', '✓', '— (never reviewed)', '✓', '✓'],
          [
            'SLA',
            'return',
            '✓',
            "✓ (the returning case's)",
            '✓',
            '✓',
            '— (no clock)',
            '—',
            '— (neither kind)',
          ],
          [
            'rep scorecard',
            'every column',
            '✓',
            '— (every reason)',
            '✓',
            '✓',
            '— (no clock, no verdict; only a history lead’s conversion, if any)',
            '✓ (rejection columns, accuracy)',
            '✓',
          ],
        ],
      },
    ],
  },
]
