// The demo's definition quality (issue 16): what became of some rejected and ignored leads
// (outcomes), so the hindsight of the definition has something to say about v1 and v2; and a
// proposed version v3, drafted from v2 with a bigger ideal customer (100 employees, not 50),
// waiting for the committee's sign-off, so its page shows "Impact of this version".
import { sql } from 'drizzle-orm'
import { saveCriterion, startDraft } from '~/domain/definition/drafting.server'
import { proposeVersion } from '~/domain/definition/proposal.server'
import { criteriaOf } from '~/domain/definition/versions.server'
import { recordOutcome } from '~/domain/outcomes/outcomes.server'
import { localDate } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import type { Evaluation, Outcome } from '~db/enums'

const DAY = 86_400_000

function must<T extends { ok: boolean }>(result: T, what: string): T {
  if (!result.ok) throw new Error(`The demo could not ${what}: ${JSON.stringify(result)}`)
  return result
}

// What became of a lead, by what its version said and its turn: mostly what the definition
// foresaw, but a third of the leads it turned away were real buyers all the same.
const FATES: Record<Evaluation, Outcome[]> = {
  meets: ['won', 'in_buying_process', 'won', 'no_plans'],
  does_not_meet: ['bought_elsewhere', 'not_a_fit', 'no_plans'],
  undetermined: ['plans_to_buy', 'not_a_fit'],
}

/** Outcomes of every third case older than six weeks without one, then v3 proposed. */
export function seedDefinitionQuality(
  db: Queryable,
  now: Date,
  id: (email: string) => number,
  timeZone: string,
) {
  const marketer = id('maya@brightline.test')
  const known = db.all<{ leadId: number; evaluation: Evaluation | null }>(sql`
    SELECT DISTINCT c.lead_id AS leadId, l.evaluation AS evaluation
    FROM cases c JOIN leads l ON l.id = c.lead_id
    WHERE c.opened_at < ${now.getTime() - 42 * DAY}
      AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.lead_id = c.lead_id)
    ORDER BY c.lead_id`)
  const turns: Record<Evaluation, number> = { meets: 0, does_not_meet: 0, undetermined: 0 }
  const occurredOn = localDate(new Date(now.getTime() - 10 * DAY), timeZone)
  known.forEach(({ leadId, evaluation }, i) => {
    if (i % 3 !== 0 || evaluation === null) return
    const fates = FATES[evaluation]
    const outcome = fates[turns[evaluation]++ % fates.length] as Outcome
    must(
      recordOutcome(
        db,
        marketer,
        leadId,
        { outcome, occurredOn },
        new Date(now.getTime() - 9 * DAY),
      ),
      'record an outcome',
    )
  })

  const admin = id('sasha@brightline.test')
  const at = new Date(now.getTime() - 2 * DAY)
  const draft = startDraft(db, admin, 'active', at)
  if (!draft.ok) throw new Error('The demo definition v3 could not be drafted')
  const size = criteriaOf(db, draft.versionId).find((c) => c.key === 'company_size')
  if (!size) throw new Error('The demo definition has no company size criterion')
  must(
    saveCriterion(
      db,
      admin,
      draft.versionId,
      {
        ...size,
        criterionId: size.id,
        value: 100,
        description:
          'At least 100 employees. Proposed after a year of cases: companies of 50 to 100 rarely had the budget.',
      },
      at,
    ),
    'change v3',
  )
  must(proposeVersion(db, admin, draft.versionId, at), 'propose v3')
}
