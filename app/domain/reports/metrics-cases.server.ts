// The metrics page's sections on cases and leads: rejection accuracy, source and campaign quality,
// hindsight, definition quality, verdicts (the sections' one source: see metrics.server.ts).
import type { MetricSection } from './metrics.server'

export const CASE_SECTIONS: MetricSection[] = [
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
        text: "Two views ask whether the lead definition is any good (issue 16). Both evaluate leads with the definition's own evaluator, on the lead's fields as they are now, and both run on a report thread (decision 20), reading leads a chunk of ids at a time.",
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
            "members' departures per criterion",
            'over the same decided cases, how many votes departed on each criterion: a vote whose verdict is not the one its member\'s own findings give, counted once per criterion it departs on (decision 41); not counted, shown "—", when the range holds more than 10,000 decided cases',
          ],
          [
            'participation',
            "per committee member: votes on the range's decided cases ÷ decided cases; recusals shown beside",
          ],
        ],
      },
    ],
  },
]
