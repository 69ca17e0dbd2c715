import { rmSync } from 'node:fs'
import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { Table, Td } from '~/components/data-table'
import { useSchemaForm } from '~/components/forms'
import {
  Alert,
  Button,
  Card,
  ErrorList,
  inputClass,
  PageHeader,
  SelectInput,
} from '~/components/ui'
import { DATE_ORDER_LABELS, DATE_ORDERS } from '~/domain/import/dates'
import { importOutcomes, type OutcomeImport } from '~/domain/outcomes/import.server'
import { OutcomeImportSchema } from '~/domain/outcomes/schema'
import { requireAccess } from '~/http/guards.server'
import { type IntentContext, intent, refusedAtForm, runAction } from '~/http/intents.server'
import { type ActionReply, formErrorOf } from '~/http/reply'
import { receiveCsvUpload } from '~/http/upload.server'
import { nowOf } from '~/load-context'
import { csvFileName, csvText } from '~/platform/csv'
import { getDb } from '~/platform/db.server'
import { formatCount } from '~/platform/numbers'

export const meta: MetaFunction = () => [{ title: 'Import outcomes · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'outcomes.record')
  return null
}

type Summary = Extract<OutcomeImport, { ok: true }> & { failedCsv: string; failedCsvName: string }

const IMPORT_OUTCOMES = intent({
  schema: OutcomeImportSchema,
  run: (v, c: IntentContext & { now: Date; path: string }) =>
    importOutcomes(getDb(), c.user.id, c.path, { dateOrder: v.dateOrder ?? null }, c.now),
  payload: (done): Summary => ({
    ...done,
    failedCsv: csvText([
      ['line', 'lead', 'reason'],
      ...done.failed.map((f) => [f.line, f.identifier, f.reason]),
    ]),
    failedCsvName: csvFileName('outcomes', 'failed rows'),
  }),
})

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  const user = await requireAccess(args, 'outcomes.record')
  const upload = await receiveCsvUpload(request, user.id)
  if (!upload.ok) return refusedAtForm<Summary>('import', upload)
  try {
    const ctx = { user, now: nowOf(args.context), path: upload.path }
    return await runAction(upload.fields, ctx, IMPORT_OUTCOMES, 'import')
  } finally {
    // The file has been read; nothing refers to it afterwards.
    rmSync(upload.path, { force: true })
  }
}

const ORDER_OPTIONS = DATE_ORDERS.map((order) => [order, DATE_ORDER_LABELS[order]] as const)

export default function ImportOutcomes() {
  // The action may answer with a Response (as any intent may), which leaves its data untyped.
  const reply: ActionReply<Summary> | undefined = useActionData<typeof action>()
  const summary = reply?.payload
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useSchemaForm(OutcomeImportSchema, {
    id: 'import-outcomes',
    lastResult: reply?.result,
  })
  const fileErrors = reply?.result?.error?.file
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
        not a fit), the <strong>Date</strong> and, if you like, a <strong>Note</strong>. Dates may
        be written as CRMs export them (2026-07-01, 2026-07-01 14:30, 1 Jul, 2026 14:30:00, Jul 1,
        2026 2:30 PM, 01/07/2026 or 7/1/2026); a time without a zone is read in the organisation’s
        time zone. Rows already recorded are left as they are.
      </p>
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-3"
        {...getFormProps(form)}
      >
        <div>
          <label htmlFor="outcomes-file" className="block text-sm font-medium">
            CSV file
          </label>
          <input
            id="outcomes-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby={fileErrors?.length ? 'outcomes-file-error' : undefined}
            className={inputClass}
          />
          <ErrorList id="outcomes-file-error" errors={fileErrors} />
        </div>
        <SelectInput
          label="Order of numeric dates"
          hint="Only needed when the file’s dates are numbers that could be read either way, such as 12/01/2026. Choose the file again when you change it."
          meta={fields.dateOrder}
          options={ORDER_OPTIONS}
          emptyLabel="Not needed"
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import outcomes'}
        </Button>
      </Form>
      {formErrorOf(reply) ? <Alert tone="error">{formErrorOf(reply)}</Alert> : null}
      {summary ? (
        <Card title="Report">
          <p className="mb-3 text-sm" role="status">
            {formatCount(summary.recorded)} recorded, {formatCount(summary.unchanged)} already
            recorded, {formatCount(summary.failed.length)} failed.
            {summary.dateOrder
              ? ` Numeric dates were read ${summary.dateOrder === 'day-first' ? 'day first' : 'month first'}.`
              : ''}
          </p>
          {summary.readings.length ? (
            <Table
              caption="How the first rows’ dates were read"
              columns={['Line', 'In the file', 'Read as', 'Format']}
            >
              {summary.readings.map((r) => (
                <tr key={r.line}>
                  <Td>{r.line}</Td>
                  <Td>{r.text}</Td>
                  <Td>{r.date}</Td>
                  <Td>{r.format}</Td>
                </tr>
              ))}
            </Table>
          ) : null}
          {summary.failed.length ? (
            <>
              <a
                href={`data:text/csv;charset=utf-8,${encodeURIComponent(summary.failedCsv)}`}
                download={summary.failedCsvName}
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
