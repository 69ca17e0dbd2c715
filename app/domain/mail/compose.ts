// What an e-mail says (decision 30): pure functions from the facts of an event to a subject, a
// plain text, a simple HTML twin (every value escaped) and the absolute link to the page. Every
// message ends with why it was sent and where to change what one receives.

export type Composed = { subject: string; text: string; html: string; link: string }

type Draft = {
  subject: string
  /** The recipient's name, for the greeting. */
  to: string
  /** Paragraphs, in plain words. */
  body: string[]
  /** The page, as a path on the site ("/cases/12"), and the words of its link. */
  path: string
  action: string
  /** Why the recipient gets it, completing "You receive this because …". */
  why: string
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

/** Where everyone changes what they receive. */
export const PREFERENCES_PATH = '/account/email'

/** The footer line: why this was sent, and where to change it. */
export function whyLine(origin: string, why: string): string {
  return `You receive this because ${why}; change what you receive at ${origin}${PREFERENCES_PATH}`
}

/** Renders a draft: the text, and the HTML with every value escaped. */
export function compose(origin: string, draft: Draft): Composed {
  const link = `${origin}${draft.path}`
  const preferences = `${origin}${PREFERENCES_PATH}`
  const text = [
    `Hello ${draft.to},`,
    '',
    ...draft.body.flatMap((p) => [p, '']),
    `${draft.action}: ${link}`,
    '',
    '--',
    whyLine(origin, draft.why),
    '',
  ].join('\n')
  const e = escapeHtml
  const html = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif; line-height: 1.5; color: #1f2937">',
    `<p>Hello ${e(draft.to)},</p>`,
    ...draft.body.map((p) => `<p>${e(p)}</p>`),
    `<p><a href="${e(link)}">${e(draft.action)}</a></p>`,
    '<hr>',
    `<p style="font-size: 12px; color: #6b7280">You receive this because ${e(draft.why)}; change what you receive at <a href="${e(preferences)}">${e(preferences)}</a></p>`,
    '</body></html>',
    '',
  ].join('\n')
  return { subject: draft.subject, text, html, link }
}

/** A lead as the messages name it: "Ana Silva (Globex)". */
export function leadLabel(name: string, company: string | null): string {
  return company ? `${name} (${company})` : name
}

export type CaseFacts = {
  caseId: number
  lead: string
  kind: 'rejected' | 'ignored'
  repName: string
  reason: string | null
}

export function caseOpenedMail(origin: string, to: string, facts: CaseFacts, why: string) {
  const opened =
    facts.kind === 'ignored'
      ? `${facts.repName} let the follow-up clock run out on ${facts.lead}`
      : `${facts.repName} rejected ${facts.lead}`
  return compose(origin, {
    subject: `Case opened: ${opened}`,
    to,
    body: [
      facts.kind === 'ignored'
        ? `${opened}, so a case is open.`
        : `${opened}${facts.reason ? `: ${facts.reason}` : ''}.`,
      'Concede it, or contest it with a brief for the committee.',
    ],
    path: `/cases/${facts.caseId}`,
    action: 'Open the case',
    why,
  })
}

export type VerdictFacts = {
  caseId: number
  lead: string
  /** The committee's verdict, or 'conceded' when Marketing conceded the case. */
  outcome: 'meets' | 'does_not_meet' | 'conceded'
  disposition: 'disqualified' | 'nurture' | null
  returnedTo: string | null
}

const DISPOSED = { disqualified: 'disqualified', nurture: 'sent to the Nurture pool' } as const

export function verdictMail(origin: string, to: string, facts: VerdictFacts, why: string) {
  const subject =
    facts.outcome === 'conceded'
      ? `Marketing conceded: ${facts.lead}`
      : `Verdict: ${facts.lead} ${facts.outcome === 'meets' ? 'meets' : 'does not meet'} the definition`
  const body =
    facts.outcome === 'conceded'
      ? ['Marketing conceded the case: the lead does not meet the definition.']
      : [
          `The committee decided that ${facts.lead} ${facts.outcome === 'meets' ? 'meets' : 'does not meet'} the lead definition.`,
        ]
  if (facts.returnedTo) body.push(`The lead returns to ${facts.returnedTo} with a fresh clock.`)
  if (facts.disposition) body.push(`The lead is ${DISPOSED[facts.disposition]}.`)
  return compose(origin, {
    subject,
    to,
    body,
    path: `/cases/${facts.caseId}`,
    action: 'Open the case',
    why,
  })
}

export function followUpReminderMail(
  origin: string,
  to: string,
  facts: { leadId: number; lead: string; left: string; due: string },
) {
  return compose(origin, {
    subject: `Reminder: ${facts.left} left to accept or reject ${facts.lead}`,
    to,
    body: [
      `The follow-up clock on ${facts.lead} runs out on ${facts.due} (${facts.left} of working time left).`,
      'Accept or reject the lead before then, or it goes to a case.',
    ],
    path: `/leads/${facts.leadId}`,
    action: 'Open the lead',
    why: 'the lead is in your queue',
  })
}

export function reviewReminderMail(
  origin: string,
  to: string,
  facts: { caseId: number; lead: string; left: string; due: string },
) {
  return compose(origin, {
    subject: `Reminder: ${facts.left} left to vote on the case on ${facts.lead}`,
    to,
    body: [
      `The review clock of the case on ${facts.lead} runs out on ${facts.due} (${facts.left} of working time left), and your vote is not in.`,
    ],
    path: `/cases/${facts.caseId}`,
    action: 'Open the case',
    why: 'you sit on the committee and have not voted on this case',
  })
}

export function awaitingResponseMail(
  origin: string,
  to: string,
  facts: CaseFacts & { opened: string; due: string },
  why: string,
) {
  return compose(origin, {
    subject: `Waiting for your response: the case on ${facts.lead}`,
    to,
    body: [
      `The case on ${facts.lead}, opened on ${facts.opened} (${facts.repName}${facts.reason ? `: ${facts.reason}` : ''}), has no response from Marketing yet.`,
      `Its review clock runs out on ${facts.due}. Concede it, or contest it with a brief.`,
    ],
    path: `/cases/${facts.caseId}`,
    action: 'Open the case',
    why,
  })
}

export function webhookDisabledMail(
  origin: string,
  to: string,
  facts: { endpointId: number; url: string; reason: string },
) {
  return compose(origin, {
    subject: `Webhook endpoint disabled: ${facts.url}`,
    to,
    body: [
      `The webhook endpoint ${facts.url} was disabled: ${facts.reason}.`,
      'No events are sent to it until an admin enables it again.',
    ],
    path: `/admin/webhooks/${facts.endpointId}`,
    action: 'Open the endpoint',
    why: 'you are an admin of Leadcourt',
  })
}

export function digestMail(origin: string, to: string, facts: { day: string; sections: string[] }) {
  return compose(origin, {
    subject: `Your Leadcourt digest for ${facts.day}`,
    to,
    body: facts.sections.length ? facts.sections : ['Nothing waits for you today.'],
    path: '/',
    action: 'Open Leadcourt',
    why: 'you chose the daily digest',
  })
}
