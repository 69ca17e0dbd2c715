// The metrics' definitions as people read them in the app (/reports/metrics), section by
// section. This is their one source: docs/metrics.md carries the same text, and a unit test
// (tests/unit/metrics-page.test.ts) fails when the two differ. Text may hold **bold** and
// `code`, nothing more (the page renders those two, metricsText in the component).
import type { MetricSectionId } from './metric-links'

export type MetricListItem = { text: string; items?: string[] }
export type MetricBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: MetricListItem[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
export type MetricSection = { id: MetricSectionId; title: string; blocks: MetricBlock[] }

export const METRIC_SECTIONS: MetricSection[] = [
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
            text: "**Intervals.** A rate of `successes` out of `n` comes with its 95% Wilson score interval, where the true rate likely lies (`app/domain/reports/wilson.ts`): 8 of 10 reads 80% with an interval of 49.0% to 94.3%, 1 of 1 reads 100% with 20.7% to 100%. Charts shade it around the rate, so a period with few cases shows a wide band; a period of fewer than 10 cases is marked \"few cases\" in words as well. The `n` of each rate: accuracy's decided, compliance's in time + breached (follow-up, return) or decided + open and overdue (review), hindsight's outcome known, acceptance's received.",
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
  {
    id: 'rejection-accuracy',
    title: 'Rejection accuracy',
    blocks: [
      {
        kind: 'paragraph',
        text: "Over **rejected** cases only (a case of kind `rejected`: a rep's decision). Ignored cases are not rejections and do not count here.",
      },
      {
        kind: 'table',
        head: ['figure', 'definition'],
        rows: [
          ['opened', 'rejected cases that opened in the period'],
          [
            'rejected before contact / after contact',
            'of those, by stage (opened = before + after)',
          ],
          [
            'ignored',
            'ignored cases that opened in the period: beside the rejections, in no other column and not in the accuracy',
          ],
          [
            'decided',
            'of those, cases with an outcome: decided by the committee, or conceded by marketing',
          ],
          [
            'upheld',
            'decided cases whose result is "does not meet the definition", conceded cases included',
          ],
          ['overturned', 'decided cases whose result is "meets the definition"'],
          ['still open', 'of those opened, cases still in review'],
          [
            'imported, not reviewed',
            'of those opened, rejections imported from a CRM and not taken up (see "Imported history")',
          ],
          ['accuracy', 'upheld ÷ decided; no value when nothing was decided'],
        ],
      },
      {
        kind: 'paragraph',
        text: '`opened = decided + still open + imported`, and `decided = upheld + overturned`. The breakdown by rep, reason, source or campaign applies the same definitions over the whole range; the total row likewise. Ignored cases have no reason: by reason they are the row "No reason", and a reason filter leaves them out. Under the stage "Ignored" only the ignored column counts; under a rejection stage the ignored column is zero.',
      },
    ],
  },
  {
    id: 'source-and-campaign-quality',
    title: 'Source and campaign quality',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Over **hand-overs** in the period, net-new and re-engaged (see "Stage and hand-over"): a lead counts once for its first hand-over (cohort by `handed_over_at`, the moment the lead was handed to Sales), whatever its status now, and once more for each time it was handed back from the Nurture pool (cohort by that re-engaged clock\'s start).',
      },
      {
        kind: 'table',
        head: ['figure', 'definition'],
        rows: [
          ['handed over', 'hand-overs to Sales in the period: net-new + re-engaged'],
          ['net-new / re-engaged', 'of those, by kind'],
          [
            'rejected',
            'of those, hand-overs a rep rejected at least once (ignored leads are not rejected)',
          ],
          [
            'confirmed bad',
            'rejected hand-overs with a rejection that was upheld: ruled "does not meet" or conceded',
          ],
          [
            'confirmed good',
            'rejected hand-overs with a rejection the committee overturned ("meets")',
          ],
          [
            'confirmed-bad rate',
            'confirmed bad ÷ handed over; no value when nothing was handed over',
          ],
        ],
      },
      {
        kind: 'paragraph',
        text: 'A hand-over\'s rejections are the cases opened on it: for the net-new one, the lead\'s net-new cases (`cases.reengaged = 0`, a return and a second rejection included); for a re-engaged one, the lead\'s re-engaged cases opened from that hand-back until the lead\'s next one. A lead rejected twice on one hand-over (returned, then rejected again for another reason) counts once in each column it qualifies for, so confirmed bad and confirmed good can both include it. The stage filter chooses which cases count as its rejections (under "Ignored": the ignored cases, which makes "rejected" read "ignored"); it does not narrow handed over. The rep filter keeps leads the rep owns now; the reason filter keeps hand-overs rejected at least once for that reason (and only those count as handed over). Re-engaged cases are opened in Leadcourt, never imported, so hiding imported history hides the history leads\' re-engaged hand-overs only. Marketers, the committee, leadership and admins see this report; reps do not.',
      },
    ],
  },
  {
    id: 'hindsight',
    title: 'Hindsight',
    blocks: [
      {
        kind: 'paragraph',
        text: "Over **rejected** cases opened in the period (cohort by the month the case opened, as for accuracy), each with its lead's **latest** outcome as known today (the outcome with the latest date; on the same date, the one recorded last). Won, bought elsewhere, in a buying process and plans to buy mean the lead was a **real buyer**; no plans and not a fit mean it was not.",
      },
      {
        kind: 'table',
        head: ['figure', 'definition'],
        rows: [
          ['rejected', 'rejected cases opened in the period'],
          ['outcome known', 'of those, cases whose lead has an outcome'],
          ['real buyers / not buyers', 'cases with a known outcome, by what it says'],
          [
            'hindsight accuracy of rejections',
            'not buyers ÷ outcome known; no value when none is known',
          ],
          [
            'verdicts with outcome',
            'cases ruled on (decided or conceded) whose lead has an outcome',
          ],
          [
            'verdicts right',
            'of those, "does not meet" with a not-a-buyer outcome, or "meets" with a real buyer',
          ],
          ['hindsight accuracy of verdicts', 'verdicts right ÷ verdicts with outcome'],
        ],
      },
      {
        kind: 'paragraph',
        text: 'The outcomes table counts the latest outcome of each rejected case\'s lead in the range. A lead rejected twice counts once per case. Outcomes are per lead, so a lead rejected, sent to nurture, handed back (re-engaged) and rejected again has one known outcome that counts for **every** case of the lead: its earlier (net-new) rejection and its re-engaged one alike. When a rep marks a lead converted that had earlier cases, the same transaction records the outcome "in a buying process", so the hindsight of those rejections counts it as a real buyer; a conversion without an outcome is not read here. Hindsight counts rejections only: under the stage "Ignored" it is empty. The demo\'s trade-show cohort (campaign "Logistics Tech Expo — badge scans") reads 50%: of ten rejected as rubbish, five were real buyers.',
      },
    ],
  },
  {
    id: 'definition-quality',
    title: 'Definition quality',
    blocks: [
      {
        kind: 'paragraph',
        text: "Two views ask whether the lead definition is any good (issue 16). Both evaluate leads with the definition's own evaluator (`app/domain/definition/evaluator.ts`), on the lead's fields as they are now, and both run on a report thread (decision 20), reading leads a chunk of ids at a time.",
      },
      {
        kind: 'paragraph',
        text: "**Known fate.** A lead's latest outcome (the latest `occurred_on`, then the last recorded) if it has one: a *real buyer* when the outcome is won, bought elsewhere, in a buying process or plans to buy; not a buyer when no plans or not a fit. A lead with no outcome whose status is `converted` is a real buyer. Any other lead's fate is not known, and it is not counted.",
      },
      {
        kind: 'heading',
        text: 'Is the definition any good? (hindsight of the definition)',
      },
      {
        kind: 'paragraph',
        text: "`/reports/definition` and its CSV. Leads handed over from the first day of the range (00:00 in the organisation's time zone) to the end of its last day, with a known fate; filters: rep (the lead's owner), source, campaign, imported history hidden. The period and the reason do not apply. Per version in force at the lead's first (net-new) hand-over (`leads.definition_version_id`, what it said: `leads.evaluation`; for a lead handed back from nurture, which was re-judged at its hand-back, the version and evaluation of its first case, opened on the net-new hand-over):",
      },
      {
        kind: 'table',
        head: ['Figure', 'Definition'],
        rows: [
          [
            'The 3 × 2 table',
            'Leads by what the version said (meets / does not meet / undetermined) × real buyer or not',
          ],
          [
            '"Meets" leads that were real buyers',
            'real buyers it said meet ÷ leads it said meet; "—" when it said none meet',
          ],
          [
            'Real buyers let through',
            'real buyers it said meet ÷ all its real buyers. An undetermined real buyer was *not* let through: it went to people to judge',
          ],
          ['Real buyer share (per row of the table)', 'real buyers ÷ leads in that row'],
          [
            'Per criterion: unmet',
            'leads of this version for which the criterion (by key, as the version has it, required or advisory) evaluates to "not met" (an unknown field is not "not met")',
          ],
          [
            'Per criterion: real buyers all the same',
            'of those, the real buyers; the share is real buyers ÷ unmet, "—" when none was unmet',
          ],
          [
            'Not judged',
            'leads with a known fate handed over when no version was in force (not in any version)',
          ],
        ],
      },
      {
        kind: 'paragraph',
        text: 'A criterion whose unmet leads are often real buyers is the signal that it should change.',
      },
    ],
  },
  {
    id: 'verdicts',
    title: 'Verdicts',
    blocks: [
      {
        kind: 'paragraph',
        text: "Over cases opened in the period (rejected and ignored alike; cohort by the month the case opened). A **verdict** is the committee's decision (status decided); a concession by marketing is not a verdict and is counted apart.",
      },
      {
        kind: 'table',
        head: ['figure', 'definition'],
        rows: [
          ['decided', 'cases the committee decided'],
          ['meets / disqualified / nurture', 'decided cases by result and disposition'],
          [
            'agree',
            'decided cases whose verdict equals the evaluation completed by the majority findings (decision 11)',
          ],
          ['agreement', 'agree ÷ decided; no value when nothing was decided'],
          [
            'unanimous / split',
            'decided cases where every counted vote had the verdict / where some did not',
          ],
          ["chair's casting vote", 'decided cases where a tie went to the chair'],
          ['conceded', 'cases marketing conceded'],
          [
            'departures per criterion',
            'over decided cases in the range, how many verdicts departed on each criterion; "no criterion" where a "does not meet" verdict went against a lead the definition finds good',
          ],
          [
            'participation',
            "per committee member: votes on the range's decided cases ÷ decided cases; recusals shown beside",
          ],
        ],
      },
    ],
  },
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
        text: "The pool (`/nurture`, `app/domain/nurture/pool.server.ts`) lists every lead with an **open stay** (a row of `nurture_stays` with no `ended_at`). A stay opens when a case closes with the disposition `nurture`, by a verdict or by marketing's concession (`closeCase`), with a snapshot of the lead as it entered; it ends when the lead is handed back to Sales (`ended_how` `handed_back` by a marketer, or `auto_handed_back` by the app).",
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
        text: "Each report's sections (its CSV's `section` column) and the filters that narrow them; a filter not listed leaves the section as it is. tests/routes/report-filters.test.ts checks every cell of this table, and every figure under every filter, against a computation from its world.",
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
