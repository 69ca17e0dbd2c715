// What each e-mail says: exact subjects, links and why-lines, and HTML that escapes everything.
import { describe, expect, it } from 'vitest'
import {
  caseOpenedMail,
  digestMail,
  escapeHtml,
  followUpReminderMail,
  reviewReminderMail,
  verdictMail,
  webhookDisabledMail,
} from '~/domain/mail/compose'
import { kindsForRoles } from '~/domain/mail/kinds'

const ORIGIN = 'https://court.example.com'
const CASE = {
  caseId: 12,
  lead: 'Ana Silva (Globex)',
  kind: 'rejected' as const,
  repName: 'Dana Reyes',
  reason: 'No budget',
}

describe('e-mail messages', () => {
  it('a case opened: subject, text with the link and the why-line', () => {
    const mail = caseOpenedMail(ORIGIN, 'Maya Patel', CASE, 'you handed over this lead')
    expect(mail.subject).toBe('Case opened: Dana Reyes rejected Ana Silva (Globex)')
    expect(mail.link).toBe('https://court.example.com/cases/12')
    expect(mail.text).toBe(
      [
        'Hello Maya Patel,',
        '',
        'Dana Reyes rejected Ana Silva (Globex): No budget.',
        '',
        'Concede it, or contest it with a brief for the committee.',
        '',
        'Open the case: https://court.example.com/cases/12',
        '',
        '--',
        'You receive this because you handed over this lead; change what you receive at https://court.example.com/account/email',
        '',
      ].join('\n'),
    )
    expect(mail.html).toContain('<a href="https://court.example.com/cases/12">Open the case</a>')
    const ignored = caseOpenedMail(ORIGIN, 'Maya', { ...CASE, kind: 'ignored' }, 'x')
    expect(ignored.subject).toBe(
      'Case opened: Dana Reyes let the follow-up clock run out on Ana Silva (Globex)',
    )
  })

  it('verdicts and concessions', () => {
    const meets = verdictMail(
      ORIGIN,
      'Dana',
      { ...CASE, outcome: 'meets', disposition: null, returnedTo: 'Dana Reyes' },
      'you rejected this lead',
    )
    expect(meets.subject).toBe('Verdict: Ana Silva (Globex) meets the definition')
    expect(meets.text).toContain('The lead returns to Dana Reyes with a fresh clock.')
    const not = verdictMail(
      ORIGIN,
      'Dana',
      { ...CASE, outcome: 'does_not_meet', disposition: 'nurture', returnedTo: null },
      'you rejected this lead',
    )
    expect(not.subject).toBe('Verdict: Ana Silva (Globex) does not meet the definition')
    expect(not.text).toContain('The lead is sent to the Nurture pool.')
    const conceded = verdictMail(
      ORIGIN,
      'Dana',
      { ...CASE, outcome: 'conceded', disposition: 'disqualified', returnedTo: null },
      'you rejected this lead',
    )
    expect(conceded.subject).toBe('Marketing conceded: Ana Silva (Globex)')
  })

  it('reminders, the digest and a disabled webhook', () => {
    const facts = { lead: 'Ana Silva (Globex)', left: '10 h', due: '24 Nov 2026, 17:00 GMT' }
    const rep = followUpReminderMail(ORIGIN, 'Dana', { ...facts, leadId: 7 })
    expect(rep.subject).toBe('Reminder: 10 h left to accept or reject Ana Silva (Globex)')
    expect(rep.link).toBe('https://court.example.com/leads/7')
    expect(rep.text).toContain('You receive this because the lead is in your queue;')
    const member = reviewReminderMail(ORIGIN, 'Erin', { ...facts, caseId: 12 })
    expect(member.subject).toBe('Reminder: 10 h left to vote on the case on Ana Silva (Globex)')
    expect(member.text).toContain(
      'You receive this because you sit on the committee and have not voted on this case;',
    )
    const digest = digestMail(ORIGIN, 'Felix', { day: '28 Nov 2026', sections: [] })
    expect(digest.subject).toBe('Your Leadcourt digest for 28 Nov 2026')
    expect(digest.text).toContain('Nothing waits for you today.')
    expect(digest.link).toBe('https://court.example.com/')
    const hook = webhookDisabledMail(ORIGIN, 'Sasha', {
      endpointId: 3,
      url: 'https://crm.example/hook',
      reason: 'answered 410 Gone',
    })
    expect(hook.subject).toBe('Webhook endpoint disabled: https://crm.example/hook')
    expect(hook.link).toBe('https://court.example.com/admin/webhooks/3')
  })

  it('escapes every value in the HTML', () => {
    const mail = caseOpenedMail(
      ORIGIN,
      '<b>Maya</b>',
      { ...CASE, lead: 'Bobby "Tables" <script>alert(1)</script> & Co', reason: "it's <i>" },
      'you <handed> over',
    )
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).not.toContain('<b>Maya')
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co')
    expect(mail.html).toContain('it&#39;s &lt;i&gt;')
    expect(mail.html).toContain('you &lt;handed&gt; over')
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;')
  })

  it('offers each role its kinds', () => {
    expect(kindsForRoles(['rep']).map((k) => k.kind)).toEqual([
      'verdict',
      'clock_reminder',
      'daily_digest',
    ])
    expect(kindsForRoles(['admin']).map((k) => k.kind)).toEqual([
      'daily_digest',
      'webhook_disabled',
    ])
  })
})
