// What the dialogs before the irreversible clicks say (decision 44), from what the domain does:
// rejecting opens a case (open-case.server.ts), conceding closes one (close-case.server.ts),
// proposing freezes a version until it is signed off or withdrawn (proposal.server.ts).
import { ConcedeSchema } from '~/domain/cases/schema'
import { RejectSchema } from '~/domain/sales/schema'
import type { Confirmation } from './confirm-submit'

/** The text of the option chosen in the form's select `name`, if one is. */
function chosen(form: HTMLFormElement, name: string): string | null {
  const field = form.elements.namedItem(name)
  if (!(field instanceof HTMLSelectElement) || !field.value) return null
  return field.selectedOptions[0]?.text ?? null
}

/** The rep rejects a lead (and "Reject and next" asks the same). */
export const REJECT_CONFIRMATION: Confirmation = {
  title: 'Reject this lead?',
  consequence: (form) => {
    const reason = chosen(form, 'reasonId')
    return (
      <>
        <p>
          {reason ? `Rejecting it as “${reason}”` : 'Rejecting it'} opens a case for the review
          committee. The lead leaves your queue and its follow-up clock stops; marketing is told and
          may concede or contest the case.
        </p>
        <p>
          If the committee rules that the lead met the definition, it comes back to Sales. A
          rejection cannot be withdrawn.
        </p>
      </>
    )
  },
  confirmLabel: 'Yes, reject the lead',
  schema: RejectSchema,
}

const DISPOSED = {
  disqualified: 'The lead is disqualified: it leaves Sales for good.',
  nurture: 'The lead goes back to marketing, into the nurture pool.',
} as const

/** Marketing concedes case `caseId`, filed by `rep`; `movedOnTo`: the lead went on to that rep. */
export function concedeConfirmation(
  caseId: number,
  rep: string,
  movedOnTo: string | null = null,
): Confirmation {
  return {
    title: `Concede case ${caseId}?`,
    consequence: (form) => {
      const field = form.elements.namedItem('disposition')
      const disposition = field instanceof HTMLSelectElement ? field.value : ''
      const lead = movedOnTo
        ? `The lead stays with ${movedOnTo}, who has it now.`
        : disposition === 'disqualified' || disposition === 'nurture'
          ? DISPOSED[disposition]
          : 'The lead is disqualified or goes to nurture, as you choose.'
      return (
        <>
          <p>
            Conceding closes case {caseId} in {rep}’s favour: the lead does not meet the definition,
            and the committee will not rule on it. {lead}
          </p>
          <p>{rep} is told. A closed case cannot be reopened.</p>
        </>
      )
    },
    confirmLabel: 'Yes, concede',
    schema: ConcedeSchema,
  }
}

/** An admin proposes draft version `number` for sign-off. */
export function proposeConfirmation(number: number): Confirmation {
  return {
    title: `Propose version ${number}?`,
    consequence: (
      <>
        <p>
          Proposing freezes version {number}: its criteria can no longer be changed. It becomes the
          active definition once a sales-seat and a marketing-seat committee member have each signed
          it off.
        </p>
        <p>Until then an admin can withdraw it to draft; sign-offs given so far then lapse.</p>
      </>
    ),
    confirmLabel: 'Yes, propose',
  }
}
