// The kinds of e-mail (decision 30): what each is, who it is for, and whether it is on for a
// person who has not chosen. Read by the preferences page, the consumer and the digest.
import type { EmailKind, Role } from '~db/enums'

export type EmailKindInfo = {
  kind: EmailKind
  label: string
  description: string
  /** The roles it can reach; the preferences page offers it to people holding one of them. */
  roles: readonly Role[]
  /** On unless the person turned it off (the digest is off unless chosen). */
  enabledByDefault: boolean
}

export const EMAIL_KIND_INFO: readonly EmailKindInfo[] = [
  {
    kind: 'case_opened',
    label: 'A case opened on your lead',
    description: 'A rep rejected a lead you handed over, or let its clock run out.',
    roles: ['marketer'],
    enabledByDefault: true,
  },
  {
    kind: 'verdict',
    label: 'A verdict',
    description:
      'The committee decided a case on a rejection you filed or a lead you handed over, or Marketing conceded it.',
    roles: ['rep', 'marketer'],
    enabledByDefault: true,
  },
  {
    kind: 'clock_reminder',
    label: 'A clock about to run out',
    description:
      'Your follow-up clock on a lead (reps), or the review clock of a case you have not voted on (committee), has its last share left.',
    roles: ['rep', 'committee'],
    enabledByDefault: true,
  },
  {
    kind: 'awaiting_response',
    label: 'A case waiting for your response',
    description:
      'A case on your lead has had no response from Marketing for half its review clock.',
    roles: ['marketer'],
    enabledByDefault: true,
  },
  {
    kind: 'daily_digest',
    label: 'The daily digest',
    description:
      'One e-mail each morning with what waits for you: your queue and clocks, cases to answer, votes due, the figures.',
    roles: ['rep', 'marketer', 'committee', 'leadership', 'admin'],
    enabledByDefault: false,
  },
  {
    kind: 'webhook_disabled',
    label: 'A webhook endpoint disabled',
    description: 'An endpoint answered 410 Gone or failed for three days, and was turned off.',
    roles: ['admin'],
    enabledByDefault: true,
  },
]

export function kindInfo(kind: EmailKind): EmailKindInfo {
  return EMAIL_KIND_INFO.find((k) => k.kind === kind) as EmailKindInfo
}

/** The kinds that can reach someone with these roles, in the order above. */
export function kindsForRoles(roles: readonly Role[]): EmailKindInfo[] {
  return EMAIL_KIND_INFO.filter((k) => k.roles.some((r) => roles.includes(r)))
}
