import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/ui'
import { mailMessage } from '~/domain/mail/mailbox.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { requireAccess } from '~/http/guards.server'
import { idParam } from '~/http/params'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'E-mail · Mailbox · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'mail.read')
  const db = getDb()
  const found = mailMessage(db, idParam(args.params, 'messageId'))
  if (!found) throw new Response('Not found', { status: 404 })
  const { timeZone } = getOrganisationSettings(db)
  const m = found.message
  return {
    id: m.id,
    to: `${found.toName} <${m.toAddress}>`,
    kind: m.kind,
    subject: m.subject,
    status: m.status,
    link: m.link,
    text: m.text,
    html: m.html,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: formatDateTime(m.createdAt, timeZone),
    sentAt: m.sentAt ? formatDateTime(m.sentAt, timeZone) : null,
  }
}

/**
 * One message, read safely: its plain text as text, and its HTML as source (React escapes
 * both), never rendered as markup in the app's own page.
 */
export default function MailMessage() {
  const m = useLoaderData<typeof loader>()
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/admin/mail" className="text-sm text-brand-700 underline">
        Back to the mailbox
      </Link>
      <PageHeader title={m.subject} />
      <dl className="grid grid-cols-[8rem_1fr] gap-1 text-sm">
        <dt className="font-medium">To</dt>
        <dd>{m.to}</dd>
        <dt className="font-medium">Kind</dt>
        <dd>{m.kind.replace(/_/g, ' ')}</dd>
        <dt className="font-medium">Status</dt>
        <dd>
          {m.status}
          {m.attempts ? ` after ${m.attempts} attempt(s)` : ''}
          {m.lastError ? ` (last error: ${m.lastError})` : ''}
        </dd>
        <dt className="font-medium">Created</dt>
        <dd>{m.createdAt}</dd>
        <dt className="font-medium">Sent</dt>
        <dd>{m.sentAt ?? '—'}</dd>
        <dt className="font-medium">Link</dt>
        <dd className="break-all">{m.link}</dd>
      </dl>
      <pre
        className="whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-4 text-sm"
        data-testid="mail-text"
      >
        {m.text}
      </pre>
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">
          The HTML version (source)
        </summary>
        <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-lg border border-slate-200 bg-slate-50 p-4 text-xs">
          {m.html}
        </pre>
      </details>
    </div>
  )
}
