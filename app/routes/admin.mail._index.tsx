import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Table, Td } from '~/components/data-table'
import { FilterForm, inputClass, PageHeader, SelectField } from '~/components/ui'
import { mailbox } from '~/domain/mail/mailbox.server'
import { MailboxQuerySchema } from '~/domain/mail/schema'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { requireAccess } from '~/http/guards.server'
import { queryOf } from '~/http/query'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { formatDateTime } from '~/platform/time'
import { EMAIL_STATUSES } from '~db/enums'

export const meta: MetaFunction = () => [{ title: 'Mailbox · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'mail.read')
  const parsed = MailboxQuerySchema.safeParse(queryOf(args.request))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Response(`${String(issue?.path[0] ?? 'query')}: ${issue?.message}`, { status: 400 })
  }
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const when = (at: Date | null) => (at ? formatDateTime(at, timeZone) : null)
  const page = mailbox(db, parsed.data)
  return {
    query: parsed.data,
    smtp: getEnv().SMTP !== null,
    nextBefore: page.nextBefore,
    rows: page.rows.map((m) => ({
      ...m,
      createdAt: when(m.createdAt),
      sentAt: when(m.sentAt),
      nextAttemptAt: m.status === 'pending' ? when(m.nextAttemptAt) : null,
    })),
  }
}

const STATUS_LABELS = { pending: 'Waiting', sent: 'Sent', kept: 'Kept', failed: 'Failed' } as const

export default function Mailbox() {
  const { rows, query, smtp, nextBefore } = useLoaderData<typeof loader>()
  const more = new URLSearchParams({
    ...(query.status ? { status: query.status } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(nextBefore ? { before: String(nextBefore) } : {}),
  })
  return (
    <div className="space-y-4">
      <PageHeader title="Mailbox" />
      <p className="max-w-3xl text-slate-700">
        Every e-mail Leadcourt wrote, newest first.{' '}
        {smtp
          ? 'They are sent through the SMTP server; a failed attempt is retried later.'
          : 'No SMTP server is configured (SMTP_HOST), so messages are kept here instead of sent.'}
      </p>
      <FilterForm label="Filter the mailbox" clearTo="/admin/mail">
        <SelectField
          name="status"
          label="Status"
          options={EMAIL_STATUSES.map((s) => [s, STATUS_LABELS[s]] as const)}
          defaultValue={query.status}
          emptyLabel="Any"
        />
        <div>
          <label htmlFor="mail-to" className="mb-1 block text-sm font-medium">
            Recipient
          </label>
          <input id="mail-to" name="to" defaultValue={query.to ?? ''} className={inputClass} />
        </div>
      </FilterForm>
      <Table
        caption="E-mails"
        columns={['To', 'Kind', 'Subject', 'Status', 'Created', 'Sent', 'Attempts', 'Last error']}
      >
        {rows.map((m) => (
          <tr key={m.id}>
            <Td>
              {m.toName}
              <span className="block text-slate-500">{m.toAddress}</span>
            </Td>
            <Td>{m.kind.replace(/_/g, ' ')}</Td>
            <Td>
              <Link to={`/admin/mail/${m.id}`} className="text-brand-700 underline">
                {m.subject}
              </Link>
            </Td>
            <Td>
              {STATUS_LABELS[m.status]}
              {m.nextAttemptAt ? (
                <span className="block text-slate-500">next try {m.nextAttemptAt}</span>
              ) : null}
            </Td>
            <Td>{m.createdAt}</Td>
            <Td>{m.sentAt ?? '—'}</Td>
            <Td>{m.attempts}</Td>
            <Td className="max-w-xs break-words">{m.lastError ?? '—'}</Td>
          </tr>
        ))}
      </Table>
      {rows.length === 0 ? <p className="text-slate-600">No e-mails match.</p> : null}
      {nextBefore ? (
        <Link to={`/admin/mail?${more}`} className="text-brand-700 underline">
          Older e-mails
        </Link>
      ) : null}
    </div>
  )
}
