import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
} from '@remix-run/react'
import { useEffect } from 'react'
import { Table, Td } from '~/components/data-table'
import { CrmBecomes, ImportOptions } from '~/components/import-options'
import { HoldBackChoice, ImportValues, RowEvaluationText } from '~/components/import-values'
import { Alert, Button, Card, inputClass, PageHeader } from '~/components/ui'
import { importOptionsForm } from '~/domain/import/crm-context.server'
import { importJobPage } from '~/domain/import/job-page.server'
import { getImportJob, type ImportJob as Job } from '~/domain/import/jobs.server'
import { TARGET_LABELS, TARGETS } from '~/domain/import/mapping'
import { changedSincePreview, type Preview, saveMapping } from '~/domain/import/preview.server'
import { beginImport, launchImport } from '~/domain/import/run.server'
import { ImportOptionsSchema, mappingFromForm } from '~/domain/import/schema'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { idParam } from '~/http/params'
import { formErrorOf, refusalOf } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatCount } from '~/platform/numbers'
import type { DB } from '~db/connection'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Import ${data?.job.fileName ?? ''} · Leadcourt` },
]

function findJob(params: Record<string, string | undefined>) {
  const job = getImportJob(getDb(), idParam(params, 'jobId'))
  if (!job) throw new Response('Not found', { status: 404 })
  return job
}

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'imports.run')
  const page = await importJobPage(getDb(), idParam(args.params, 'jobId'))
  if (!page) throw new Response('Not found', { status: 404 })
  return page
}

type JobContext = IntentContext & {
  db: DB
  job: Job
  now: Date
  clock: () => Date
}

/** The values a status field was sent with (more than one is refused). */
const statusField = (formData: FormData) => (name: string) =>
  formData.getAll(name).filter((v): v is string => typeof v === 'string')

/** The mapping step's source and campaign fields, with the values the last preview listed. */
const valueFields = (formData: FormData, job: Job) => ({
  sent: [...formData.entries()].filter(([name]) => name.startsWith('value-')),
  shown: (job.preview as Preview | null)?.values ?? null,
})

// The step the job is at: map the columns (then preview), or start the import.
const INTENTS = {
  'save-mapping': intent({
    // The options' refusals name their fields (date-order, cutoff, status-…), shown beside them.
    schema: ImportOptionsSchema,
    run: async (fields, c: JobContext & { formData: FormData }) => {
      const shown = (c.job.preview as Preview | null)?.crm ?? null
      const chosen = importOptionsForm(
        c.db,
        fields,
        statusField(c.formData),
        shown,
        c.now,
        valueFields(c.formData, c.job),
      )
      if (!chosen.ok) return { ok: false as const, fieldErrors: refusalOf(chosen) }
      const mapping = mappingFromForm(c.formData, c.job.headers)
      const saved = await saveMapping(c.db, c.job.id, mapping, chosen.options, c.now)
      return saved.ok
        ? redirect(`/imports/${c.job.id}#preview`)
        : { ok: false as const, fieldErrors: refusalOf(saved) }
    },
  }),
  start: intent({
    schema: ImportOptionsSchema,
    formLevel: true,
    run: (fields, c: JobContext & { formData: FormData }) => {
      // "Import leads" sends the mapping form: a change not yet previewed is not imported.
      if (c.formData.has('column-0')) {
        const shown = (c.job.preview as Preview | null)?.crm ?? null
        const chosen = importOptionsForm(
          c.db,
          fields,
          statusField(c.formData),
          shown,
          c.now,
          valueFields(c.formData, c.job),
        )
        const mapping = mappingFromForm(c.formData, c.job.headers)
        if (!chosen.ok || changedSincePreview(c.job, mapping, chosen.options))
          return {
            ok: false as const,
            fieldErrors: {
              form: [
                'You changed the mapping or the answers since the preview: check the preview again, then import',
              ],
            },
          }
      }
      const started = beginImport(c.db, c.user.id, c.job.id, c.now)
      if (!started.ok) return { ok: false as const, fieldErrors: refusalOf(started) }
      // The import carries on after this response; the page shows its progress.
      launchImport(c.db, c.job.id, c.clock)
      return redirect(`/imports/${c.job.id}`)
    },
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'imports.run')
  const job = findJob(args.params)
  const formData = await readForm(args.request)
  const ctx = { user, db: getDb(), job, now: nowOf(args.context), clock: args.context.now }
  return dispatchIntent(formData, { ...ctx, formData }, INTENTS)
}

function Progress({ percent, lines }: { percent: number; lines: number }) {
  const revalidator = useRevalidator()
  useEffect(() => {
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), 1000)
    return () => clearInterval(timer)
  }, [revalidator])
  return (
    <Card title="Importing">
      <progress max={100} value={percent} className="w-full" aria-label="Import progress">
        {percent}%
      </progress>
      <p className="mt-2 text-sm text-slate-700" aria-live="polite">
        {percent}% of the file read, up to line {lines}. You can leave this page; the import carries
        on and this page shows where it is when you come back.
      </p>
    </Card>
  )
}

export default function ImportJob() {
  const { job, preview, samples, errors, heldBack, reasons, existing, holdBack } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const fieldErrors = (actionData?.result?.error ?? {}) as Record<string, string[] | undefined>
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  return (
    <div className="space-y-6">
      <PageHeader title={`Import: ${job.fileName}`}>
        <Link to="/imports" className="text-sm text-brand-700 underline">
          All imports
        </Link>
      </PageHeader>
      {formErrorOf(actionData) ? <Alert tone="error">{formErrorOf(actionData)}</Alert> : null}

      {job.status === 'uploaded' ? (
        <Card title="1. What each column holds">
          <p className="mb-3 text-sm text-slate-700">
            Columns Leadcourt recognises are already mapped. Anything else is kept as a custom
            attribute unless you choose a field or ignore it.
          </p>
          <Form method="post" id="mapping-form">
            <Table caption="Column mapping" columns={['Column', 'First values', 'Import as']}>
              {job.headers.map((header, i) => (
                <tr key={header}>
                  <Td className="font-medium">
                    <label htmlFor={`column-${i}`}>{header}</label>
                  </Td>
                  <Td className="text-slate-600">{samples[i]?.join(' · ') || '—'}</Td>
                  <Td>
                    <select
                      id={`column-${i}`}
                      name={`column-${i}`}
                      defaultValue={job.mapping[header] ?? 'custom'}
                      className={inputClass}
                    >
                      {TARGETS.map((t) => (
                        <option key={t} value={t}>
                          {TARGET_LABELS[t]}
                        </option>
                      ))}
                    </select>
                  </Td>
                </tr>
              ))}
            </Table>
            {preview?.crm ? (
              <ImportOptions crm={preview.crm} reasons={reasons} errors={fieldErrors} />
            ) : null}
            {preview?.values && existing ? (
              <ImportValues values={preview.values} existing={existing} errors={fieldErrors} />
            ) : null}
            {preview ? <HoldBackChoice holdBack={holdBack} errors={fieldErrors} /> : null}
            <Button
              type="submit"
              name="intent"
              value="save-mapping"
              className="mt-4"
              disabled={busy}
            >
              {busy ? 'Checking every row…' : preview ? 'Check the preview again' : 'Preview'}
            </Button>
          </Form>
        </Card>
      ) : null}

      {job.status === 'uploaded' && preview ? (
        <section
          id="preview"
          aria-labelledby="preview-title"
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="preview-title" className="text-lg font-semibold">
            2. Preview — nothing has been written yet
          </h2>
          <p className="text-slate-800">
            {preview.rows} rows: {preview.rows - preview.failing - (preview.judged?.heldBack ?? 0)}{' '}
            will be imported, {preview.failing} will fail
            {preview.judged?.holdBack ? `, ${preview.judged.heldBack} will be held back` : ''}.
          </p>
          {preview.judged ? (
            <p className="text-slate-800">
              Of the new leads, {preview.judged.meets} meet the definition,{' '}
              {preview.judged.doesNotMeet} do not and {preview.judged.undetermined} are undetermined
              (a criterion’s field is blank).
            </p>
          ) : (
            <p className="text-slate-800">No definition is in force: new leads are not judged.</p>
          )}
          {preview.groups.length ? (
            <Table caption="Why rows will fail" columns={['Problem', 'Rows', 'For example']}>
              {preview.groups.map((g) => (
                <tr key={g.group}>
                  <Td>{g.group}</Td>
                  <Td>{g.count}</Td>
                  <Td>
                    Line {g.line}: {g.example}
                  </Td>
                </tr>
              ))}
            </Table>
          ) : null}
          {preview.crm ? <CrmBecomes crm={preview.crm} /> : null}
          <h3 className="font-medium">The first rows as they will be stored</h3>
          <ol className="space-y-2 text-sm">
            {preview.sample.map((row) => (
              <li key={row.line} className="rounded-md border border-slate-200 p-2">
                <span className="font-medium">Line {row.line}</span> — goes to: {row.owner}
                {row.error ? <span className="text-red-700"> — will fail: {row.error}</span> : null}
                {row.heldBack ? (
                  <span className="text-amber-800"> — will be held back: {row.heldBack}</span>
                ) : row.evaluation ? (
                  <>
                    {' '}
                    — <RowEvaluationText evaluation={row.evaluation} />
                  </>
                ) : null}
                {row.becomes ? <span> — {row.becomes}</span> : null}
                <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                  {[...row.fields, ...row.custom].map(([k, v]) => (
                    <div key={k}>
                      <dt className="inline text-slate-600">{k}: </dt>
                      <dd className="inline">{v}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
          {/* Sends the mapping form: a change made above and not previewed is refused. */}
          <div className="space-y-2">
            {formErrorOf(actionData) ? <Alert tone="error">{formErrorOf(actionData)}</Alert> : null}
            {preview.crm ? (
              <p className="text-sm text-slate-700">
                <a href="#crm-knew" className="text-brand-700 underline">
                  Check what the CRM knew
                </a>{' '}
                (dates, history, statuses) before importing.
              </p>
            ) : null}
            <Button type="submit" form="mapping-form" name="intent" value="start" disabled={busy}>
              Import leads
            </Button>
          </div>
        </section>
      ) : null}

      {job.status === 'running' ? <Progress percent={job.percent} lines={job.linesDone} /> : null}

      {job.status === 'failed' ? <Alert tone="error">The import stopped: {job.error}</Alert> : null}

      {job.status !== 'uploaded' ? (
        <Card title={job.status === 'done' ? 'Report' : 'So far'}>
          <dl className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
            {(
              [
                ['Created', job.created],
                ['Updated', job.updated],
                ['Unchanged', job.unchanged],
                ['Failed', job.failed],
              ] as const
            ).map(([label, n]) => (
              <div key={label} className="rounded-md bg-slate-50 p-3">
                <dt className="text-slate-600">{label}</dt>
                <dd className="text-2xl font-semibold">{formatCount(n)}</dd>
              </div>
            ))}
          </dl>
          {job.status === 'done' && preview?.crm && preview.crm.becomes.rejected > 0 ? (
            <p className="mt-3 text-sm">
              The CRM’s rejections are cases imported, not reviewed:{' '}
              <Link to="/cases?status=imported" className="text-brand-700 underline">
                see them in Cases
              </Link>
              .
            </p>
          ) : null}
          {heldBack && heldBack.total > 0 ? (
            <div className="mt-4 space-y-2">
              <p className="text-sm">
                {formatCount(heldBack.total)} {heldBack.total === 1 ? 'row was' : 'rows were'} held
                back for not meeting the definition:{' '}
                <a
                  href={`/imports/${job.id}/held-back.csv`}
                  className="text-brand-700 underline"
                  download
                >
                  download the held back rows as CSV
                </a>
                {firstShown(heldBack.total, heldBack.rows.length)}
              </p>
              <LineRows caption="Rows held back, by line number" rows={heldBack.rows} />
            </div>
          ) : null}
          {errors && errors.total > 0 ? (
            <div className="mt-4 space-y-2">
              <p className="text-sm">
                <a
                  href={`/imports/${job.id}/errors.csv`}
                  className="text-brand-700 underline"
                  download
                >
                  Download the {formatCount(errors.total)} failed rows as CSV
                </a>
                {firstShown(errors.total, errors.rows.length)}
              </p>
              <LineRows caption="Rows that failed, by line number" rows={errors.rows} />
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  )
}

/** What a page says when it lists only the first rows of a longer list. */
function firstShown(total: number, shown: number) {
  return total > shown ? ` (the first ${formatCount(shown)} are shown below)` : ''
}

/** Rows of the file by line number, with why each was not imported. */
function LineRows({
  caption,
  rows,
}: {
  caption: string
  rows: { line: number; identifier: string | null; reason: string }[]
}) {
  return (
    <Table caption={caption} columns={['Line', 'Lead', 'Reason']}>
      {rows.map((e) => (
        <tr key={e.line}>
          <Td>{e.line}</Td>
          <Td>{e.identifier ?? '—'}</Td>
          <Td>{e.reason}</Td>
        </tr>
      ))}
    </Table>
  )
}
