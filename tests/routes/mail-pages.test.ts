// The e-mail pages: /account/email (everyone chooses what they receive; saved and audited; a
// kind their roles do not receive, or not a kind at all, is a 400) and /admin/mail (admins read
// the mailbox, filter it, open one message; everyone else gets a 403).
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { entryItems, navigationFor } from '~/http/navigation'
import { getDb } from '~/platform/db.server'
import { action as emailAction, loader as emailLoader } from '~/routes/account.email'
import { loader as mailboxLoader } from '~/routes/admin.mail._index'
import { loader as messageLoader } from '~/routes/admin.mail.$messageId'
import { auditEvents, emailMessages, emailPreferences } from '~db/schema'
import { rejectedLead, seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { runJobs } from '../support/jobs'
import { userId } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}
const NOW = new Date('2026-11-23T10:00:00Z')

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T09:00:00Z'))
  for (const name of ['dana', 'maya', 'sasha', 'felix'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
  rejectedLead('dana', {
    at: new Date('2026-11-23T09:00:00Z'),
    handedOverAt: new Date('2026-11-23T08:00:00Z'),
    fields: { firstName: 'Ana', lastName: 'Silva', company: '<Globex & Co>' },
  })
  runJobs(getDb(), new Date('2026-11-23T09:00:00Z'))
})

const save = (who: string, kinds: string[]) =>
  settle(() =>
    emailAction(postArgs('/account/email', { kinds }, { cookie: cookies[who], now: NOW })),
  )

describe('/account/email', () => {
  it('shows the kinds a person’s roles receive, with the defaults', async () => {
    const page = payloadOf<{ kinds: { kind: string; enabled: boolean }[] }>(
      await settle(() => emailLoader(getArgs('/account/email', { cookie: cookies.dana }))),
    )
    expect(page.kinds.map((k) => [k.kind, k.enabled])).toEqual([
      ['verdict', true],
      ['clock_reminder', true],
      ['daily_digest', false],
    ])
    expect(statusOf(await settle(() => emailLoader(getArgs('/account/email'))))).toBe(302)
  })

  it('saves the choice and audits what changed', async () => {
    const reply = await save('dana', ['verdict', 'daily_digest'])
    expect(statusOf(reply)).toBe(200)
    expect(payloadOf<{ notice: string }>(reply).notice).toBe('Your e-mail choices are saved.')
    const rows = getDb()
      .select({ kind: emailPreferences.kind, enabled: emailPreferences.enabled })
      .from(emailPreferences)
      .where(eq(emailPreferences.userId, userId('dana')))
      .all()
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.enabled]))).toEqual({
      verdict: true,
      clock_reminder: false,
      daily_digest: true,
    })
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'email_preferences.updated'),
          eq(auditEvents.actorId, userId('dana')),
        ),
      )
      .all()
    expect(audit.map((a) => [a.subjectId, a.before, a.after])).toEqual([
      [
        String(userId('dana')),
        { clock_reminder: true, daily_digest: false },
        { clock_reminder: false, daily_digest: true },
      ],
    ])
    // Nothing ticked: everything off.
    expect(statusOf(await save('dana', []))).toBe(200)
  })

  it('refuses a kind the roles do not receive, or not a kind, with a 400 naming the field', async () => {
    const stray = await save('dana', ['webhook_disabled'])
    expect(statusOf(stray)).toBe(400)
    expect(payloadOf<{ result: { error: Record<string, string[]> } }>(stray).result.error).toEqual({
      kinds: ['Not an e-mail your roles receive: webhook_disabled'],
    })
    const bogus = await save('dana', ['spam'])
    expect(statusOf(bogus)).toBe(400)
    expect(JSON.stringify(payloadOf(bogus))).toContain('Choose kinds of e-mail from the list')
  })
})

describe('/admin/mail', () => {
  type Mailbox = { rows: { id: number; toAddress: string; subject: string; status: string }[] }
  const list = (who: string, query = '') =>
    settle(() => mailboxLoader(getArgs(`/admin/mail${query}`, { cookie: cookies[who] })))

  it('is for admins: the mailbox with its filters, and one message read safely', async () => {
    expect(statusOf(await list('maya'))).toBe(403)
    expect(statusOf(await list('felix'))).toBe(403)
    const all = payloadOf<Mailbox>(await list('sasha'))
    expect(all.rows.map((m) => [m.toAddress, m.subject, m.status])).toEqual([
      [
        'maya@brightline.test',
        'Case opened: Dana Reyes rejected Ana Silva (<Globex & Co>)',
        'pending',
      ],
    ])
    expect(payloadOf<Mailbox>(await list('sasha', '?status=sent')).rows).toEqual([])
    expect(payloadOf<Mailbox>(await list('sasha', '?to=MAYA')).rows.length).toBe(1)
    expect(statusOf(await list('sasha', '?status=lost'))).toBe(400)

    const id = all.rows[0]?.id as number
    const open = (who: string, messageId: string) =>
      settle(() =>
        messageLoader(getArgs(`/admin/mail/${messageId}`, { cookie: cookies[who] }, { messageId })),
      )
    const message = payloadOf<{ text: string; html: string; link: string }>(
      await open('sasha', String(id)),
    )
    expect(message.html).toContain('&lt;Globex &amp; Co&gt;')
    expect(message.text).toContain('Ana Silva (<Globex & Co>)')
    expect(statusOf(await open('dana', String(id)))).toBe(403)
    expect(statusOf(await open('sasha', '999999'))).toBe(404)
    expect(getDb().select().from(emailMessages).where(eq(emailMessages.id, id)).get()?.status).toBe(
      'pending',
    )
  })

  it('has one line in the admin navigation', () => {
    expect(
      navigationFor(['admin'])
        .flatMap(entryItems)
        .filter((i) => i.to === '/admin/mail'),
    ).toEqual([{ to: '/admin/mail', label: 'Mailbox', capability: 'mail.read' }])
    expect(
      navigationFor(['marketer'])
        .flatMap(entryItems)
        .some((i) => i.to === '/admin/mail'),
    ).toBe(false)
  })
})
