import { rmSync } from 'node:fs'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { Alert, Button, Card, inputClass, PageHeader, Table, Td } from '~/components/ui'
import { importOutcomes, type OutcomeImport } from '~/domain/outcomes/import.server'
import { requireAccess } from '~/http/guards.server'
import { refusedAtForm, succeeded } from '~/http/intents.server'
import { formErrorOf } from '~/http/reply'
import { receiveCsvUpload } from '~/http/upload.server'
import { nowOf } from '~/load-context'
import { csvText } from '~/platform/csv'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Import outcomes · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'outcomes.record')
  return null
}

type Summary = Extract<OutcomeImport, { ok: true }> & { failedCsv: string }

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  const user = await requireAccess(args, 'outcomes.record')
  const upload = await receiveCsvUpload(request, user.id)
  if (!upload.ok) return refusedAtForm<Summary>('import', upload)
  try {
    const result = await importOutcomes(getDb(), user.id, upload.path, nowOf(args.context))
    if (!result.ok) return refusedAtForm<Summary>('import', result)
    const failedCsv = csvText([
      ['line', 'lead', 'reason'],
      ...result.failed.map((f) => [f.line, f.identifier, f.reason]),
    ])
    return succeeded<Summary>('import', null, null, { ...result, failedCsv })
  } finally {
    // The file has been read; nothing refers to it afterwards.
    rmSync(upload.path, { force: true })
  }
}

export default function ImportOutcomes() {
  const reply = useActionData<typeof action>()
  const summary = reply?.payload
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Import outcomes">
        <Link to="/hindsight" className="text-sm text-brand-700 underline">
          Hindsight due
        </Link>
      </PageHeader>
      <p className="text-slate-700">
        A CSV with a row per lead: its <strong>External id</strong> or <strong>Email</strong>, the{' '}
        <strong>Outcome</strong> (won, bought elsewhere, in buying process, plans to buy, no plans,
        not a fit), the <strong>Date</strong> (2026-07-01 or 01/07/2026) and, if you like, a{' '}
        <strong>Note</strong>. Rows already recorded are left as they are.
      </p>
      <Form method="post" encType="multipart/form-data" className="space-y-3">
        <label htmlFor="outcomes-file" className="block text-sm font-medium">
          CSV file
        </label>
        <input
          id="outcomes-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          className={inputClass}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import outcomes'}
        </Button>
      </Form>
      {formErrorOf(reply) ? <Alert tone="error">{formErrorOf(reply)}</Alert> : null}
      {summary ? (
        <Card title="Report">
          <p className="mb-3 text-sm" role="status">
            {summary.recorded} recorded, {summary.unchanged} already recorded,{' '}
            {summary.failed.length} failed.
          </p>
          {summary.failed.length ? (
            <>
              <a
                href={`data:text/csv;charset=utf-8,${encodeURIComponent(summary.failedCsv)}`}
                download="outcomes-failed-rows.csv"
                className="mb-3 inline-block text-sm text-brand-700 underline"
              >
                Download the failed rows
              </a>
              <Table caption="Rows that were not imported" columns={['Line', 'Lead', 'Reason']}>
                {summary.failed.map((f) => (
                  <tr key={f.line}>
                    <Td>{f.line}</Td>
                    <Td>{f.identifier || '—'}</Td>
                    <Td>{f.reason}</Td>
                  </tr>
                ))}
              </Table>
            </>
          ) : null}
        </Card>
      ) : null}
    </div>
  )
}
