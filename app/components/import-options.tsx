// The import preview's questions about a CRM file's past (decision 25): the order of its dates,
// whether old leads are history, and what each status value becomes. Part of the mapping form,
// so one "Check the preview" sends the columns and these choices together.
import type { CrmPreview } from '~/domain/import/crm-preview.server'
import { DATE_ORDER_LABELS, DATE_ORDERS } from '~/domain/import/dates'
import { targetName } from '~/domain/import/mapping'
import { STATUS_ACTION_LABELS } from '~/domain/import/options'
import { Table, Td } from './data-table'
import { ErrorList, inputClass } from './ui'

type Errors = Record<string, string[] | undefined>

const ORDER_SAYS = {
  'day-first': 'written day first (the file settles it)',
  'month-first': 'written month first (the file settles it)',
  ambiguous: 'numeric, and every one could be day first or month first',
  none: 'written with the month named or as ISO 8601, so their order is clear',
  conflict: 'written both ways',
} as const

function DateColumns({ crm, errors }: { crm: CrmPreview; errors: Errors }) {
  const numeric = crm.dates.some((d) => d.order !== 'none')
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">Dates</legend>
      {crm.dates.map((d) => (
        <div key={d.column} className="space-y-1">
          <p className="text-sm">
            <span className="font-medium">
              “{d.column}” ({targetName(d.target)})
            </span>
            : {ORDER_SAYS[d.order]}
            {d.order === 'day-first' && d.dayFirstLine ? ` (line ${d.dayFirstLine})` : ''}
            {d.order === 'month-first' && d.monthFirstLine ? ` (line ${d.monthFirstLine})` : ''}
            {d.order !== 'none' && crm.dateOrder && d.order === 'ambiguous'
              ? `; read ${crm.dateOrder === 'day-first' ? 'day first' : 'month first'}, as chosen or remembered`
              : ''}
          </p>
          <Table
            caption={`“${d.column}” (${targetName(d.target)}): ${ORDER_SAYS[d.order]}`}
            columns={['Line', 'As written', 'Read as']}
          >
            {d.samples.map((s) => (
              <tr key={s.line}>
                <Td>{s.line}</Td>
                <Td>{s.text}</Td>
                <Td className={s.error ? 'text-red-700' : undefined}>{s.read ?? s.error}</Td>
              </tr>
            ))}
          </Table>
        </div>
      ))}
      {numeric ? (
        <div>
          <label htmlFor="date-order" className="mb-1 block text-sm font-medium">
            How does this file write numeric dates?
          </label>
          {crm.needsDateOrder ? (
            <p className="mb-1 text-sm text-amber-800" id="date-order-hint">
              Every numeric date in this file could be read either way: choose before importing.
            </p>
          ) : null}
          <select
            id="date-order"
            name="date-order"
            defaultValue={crm.dateOrder ?? ''}
            className={inputClass}
            aria-invalid={errors['date-order'] ? true : undefined}
            aria-describedby={crm.needsDateOrder ? 'date-order-hint' : undefined}
          >
            <option value="">Choose…</option>
            {DATE_ORDERS.map((order) => (
              <option key={order} value={order}>
                {DATE_ORDER_LABELS[order]}
              </option>
            ))}
          </select>
          <ErrorList errors={errors['date-order']} />
        </div>
      ) : null}
    </fieldset>
  )
}

function History({ crm, errors }: { crm: CrmPreview; errors: Errors }) {
  const choices = [
    [
      'history',
      'Record as history: they keep their hand-over time, are judged against the definition in force then, start no clock and never become ignored cases',
    ],
    ['work', 'Work them now: handed over today, each with a follow-up clock'],
  ] as const
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">
        {crm.handOverMapped ? 'Leads handed over before the cut-off' : 'Leads from this file'}
      </legend>
      {crm.handOverMapped ? (
        <div>
          <label htmlFor="cutoff" className="mb-1 block text-sm">
            Cut-off (leads handed over before this day; by default, those whose follow-up time has
            already run out)
          </label>
          <input
            id="cutoff"
            name="cutoff"
            type="date"
            defaultValue={crm.cutoff}
            className={inputClass}
            aria-invalid={errors.cutoff ? true : undefined}
          />
          <ErrorList errors={errors.cutoff} />
        </div>
      ) : (
        <p className="text-sm text-slate-700">
          No column holds the hand-over time, so every lead is handed over at the import.
        </p>
      )}
      {choices.map(([value, label]) => (
        <label key={value} className="flex items-start gap-2 text-sm">
          <input type="radio" name="history" value={value} defaultChecked={crm.history === value} />
          <span>{label}</span>
        </label>
      ))}
      <ErrorList errors={errors.history} />
    </fieldset>
  )
}

type OptionsProps = {
  crm: CrmPreview
  reasons: { id: number; label: string }[]
  errors: Errors
}

function Statuses({ crm, reasons, errors }: OptionsProps) {
  const options = [
    ...(['leave', 'waiting', 'accepted', 'converted'] as const).map(
      (a) => [a, STATUS_ACTION_LABELS[a]] as const,
    ),
    ...reasons.map((r) => [`rejected:${r.id}`, `Rejected: ${r.label}`] as const),
  ]
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">What the CRM’s statuses mean</legend>
      <p className="text-sm text-slate-700">
        A rejection becomes a case imported, not reviewed: the reports count it as a rejection
        without a verdict, and the committee can take it up. A converted flag on a rejected lead
        records that it was won all the same.
      </p>
      {crm.statuses.map((s, c) => (
        <div key={s.column} className="space-y-1">
          <p className="text-sm font-medium">Column “{s.column}”</p>
          <Table caption={`“${s.column}”`} columns={['Value', 'Rows', 'Becomes']}>
            {s.values.map((v, i) => {
              const name = `status-${c}-${i}`
              // A meaning remembered from an earlier import whose reason is no longer active.
              const stale = !options.some(([value]) => value === v.choice)
              return (
                <tr key={v.value}>
                  <Td>
                    <label htmlFor={name}>{v.value}</label>
                  </Td>
                  <Td>{v.count}</Td>
                  <Td>
                    <select
                      id={name}
                      name={name}
                      defaultValue={v.choice}
                      className={inputClass}
                      aria-invalid={errors[name] ? true : undefined}
                    >
                      {stale ? (
                        <option value={v.choice}>Rejected: a reason no longer active</option>
                      ) : null}
                      {options.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <ErrorList errors={errors[name]} />
                  </Td>
                </tr>
              )
            })}
            {s.more > 0 ? (
              <tr>
                <Td colSpan={3} className="text-slate-600">
                  {s.more} more rows hold rarer values: each gets its CRM’s usual meaning, or is
                  left as it is.
                </Td>
              </tr>
            ) : null}
          </Table>
        </div>
      ))}
    </fieldset>
  )
}

/** The questions, once a preview has read the file. */
export function ImportOptions({ crm, reasons, errors }: OptionsProps) {
  return (
    <div id="crm-knew" className="mt-6 space-y-5 border-t border-slate-200 pt-4">
      <h3 className="text-lg font-semibold">What the CRM knew</h3>
      {Object.keys(errors).some((field) => field !== '') ? (
        <p className="text-sm text-red-700" role="alert">
          Some answers below need another look.
        </p>
      ) : null}
      {crm.dates.length ? <DateColumns crm={crm} errors={errors} /> : null}
      <History crm={crm} errors={errors} />
      {crm.statuses.length ? <Statuses crm={crm} reasons={reasons} errors={errors} /> : null}
    </div>
  )
}

/** What the new leads become, as counted by the preview. */
export function CrmBecomes({ crm }: { crm: CrmPreview }) {
  const b = crm.becomes
  const rows = [
    ['Recorded as history', b.history],
    ['Waiting for Sales with a follow-up clock', b.waitingWithClock],
    ['Waiting for Sales without a clock (history)', b.waitingWithoutClock],
    ['Accepted', b.accepted],
    ['Converted', b.converted],
    ['Rejected (imported, not reviewed)', b.rejected],
    ['Won after a rejection', b.won],
  ] as const
  return (
    <div className="space-y-2">
      <h3 className="font-medium">What the new leads become</h3>
      {b.overdue ? (
        <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" role="note">
          {b.overdue} of the leads waiting with a clock were handed over so long ago that their
          follow-up time has already run out: they become ignored cases at the next sweep. Move the
          cut-off later, or record them as history, if they were worked in the CRM.
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
        {rows.map(([label, n]) => (
          <div key={label} className="rounded-md bg-slate-50 p-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold">{n}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">
        Leads recorded as history are counted again under what they became.
      </p>
      {crm.rejectedByReason.length ? (
        <Table caption="Rejections by reason" columns={['Reason', 'Leads']}>
          {crm.rejectedByReason.map((r) => (
            <tr key={r.reasonId}>
              <Td>{r.label}</Td>
              <Td>{r.count}</Td>
            </tr>
          ))}
        </Table>
      ) : null}
    </div>
  )
}
