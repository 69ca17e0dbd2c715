// The import's mapping step for source and campaign values, and its choice to hold back rows
// that do not meet the definition (decision 45). Fields of the mapping form: each value listed
// by the last preview is `value-<field>-<index>`, sent as `new` or `to:<existing value>`.
import type { Preview } from '~/domain/import/preview.server'
import { VALUE_FIELD_LABELS, type ValueField } from '~/domain/import/values'
import { Table, Td } from './data-table'
import { inputClass } from './ui'

type Errors = Record<string, string[] | undefined>

function FieldError({ name, errors }: { name: string; errors: Errors }) {
  const message = errors[name]?.[0]
  return message ? (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null
}

const plural = (field: ValueField) => (field === 'source' ? 'sources' : 'campaigns')

/** The values of the file that are new or only probably existing ones, each with its choice. */
export function ImportValues({
  values,
  existing,
  errors,
}: {
  values: NonNullable<Preview['values']>
  existing: Record<ValueField, string[]>
  errors: Errors
}) {
  const fields = values.filter((f) => f.values.length > 0)
  if (fields.length === 0) return null
  return (
    <fieldset className="mt-6 space-y-4">
      <legend className="text-base font-semibold">Sources and campaigns</legend>
      <p className="text-sm text-slate-700">
        A value spelt like an existing one but for capitals and spaces is stored as the existing
        one. A plural or a one- or two-letter slip is proposed below: keep the proposal, choose
        another existing value, or keep the file’s value as a new one. Every row of the import gets
        the value chosen here, so reports and filters show one value.
      </p>
      {fields.map(({ field, values: list, more }) => {
        const asked = list.flatMap((v, i) => (v.match.kind === 'same' ? [] : [{ v, i }]))
        const same = list.filter((v) => v.match.kind === 'same' && v.value !== v.choice)
        return (
          <div key={field} className="space-y-2">
            {asked.length ? (
              <Table
                caption={`${VALUE_FIELD_LABELS[field]} values in the file`}
                columns={['In the file', 'Rows', 'Import as']}
              >
                {asked.map(({ v, i }) => {
                  const name = `value-${field}-${i}`
                  return (
                    <tr key={v.key}>
                      <Td className="font-medium">
                        <label htmlFor={name}>{v.value}</label>
                        {v.others.length ? (
                          <span className="block text-xs text-slate-600">
                            also spelt {v.others.join(', ')}
                          </span>
                        ) : null}
                        {v.match.kind === 'near' ? (
                          <span className="block text-xs text-slate-600">
                            {v.match.why === 'plural'
                              ? `Probably “${v.match.to}” (plural)`
                              : `Probably “${v.match.to}” (spelling)`}
                          </span>
                        ) : null}
                      </Td>
                      <Td>{v.count.toLocaleString('en')}</Td>
                      <Td>
                        <select
                          id={name}
                          name={name}
                          defaultValue={v.choice === v.value ? 'new' : `to:${v.choice}`}
                          className={inputClass}
                          aria-invalid={errors[name] ? true : undefined}
                          aria-describedby={errors[name] ? `${name}-error` : undefined}
                        >
                          <option value="new">Keep “{v.value}” as a new value</option>
                          {existing[field].map((e) => (
                            <option key={e} value={`to:${e}`}>
                              {e}
                            </option>
                          ))}
                        </select>
                        <FieldError name={name} errors={errors} />
                      </Td>
                    </tr>
                  )
                })}
              </Table>
            ) : null}
            {same.length ? (
              <p className="text-sm text-slate-700">
                Stored as the existing {plural(field)}:{' '}
                {same.map((v) => `${v.value} → ${v.choice}`).join('; ')}.
              </p>
            ) : null}
            {more ? (
              <p className="text-sm text-slate-700">
                {more.toLocaleString('en')} more {plural(field)} are imported as they are, or as the
                existing value they equal but for capitals and spaces.
              </p>
            ) : null}
          </div>
        )
      })}
    </fieldset>
  )
}

/** Whether rows that do not meet the definition are imported or held back. */
export function HoldBackChoice({ holdBack, errors }: { holdBack: boolean; errors: Errors }) {
  return (
    <fieldset className="mt-6 space-y-2" aria-describedby="hold-back-hint">
      <legend className="text-base font-semibold">Rows that do not meet the definition</legend>
      <p id="hold-back-hint" className="text-sm text-slate-700">
        New leads are judged against the signed definition (a CRM’s history against the version in
        force when it was handed over). Held back rows are not imported; they are listed, with the
        criteria they fail, and can be downloaded.
      </p>
      {(
        [
          ['no', 'Import them'],
          ['yes', 'Hold them back'],
        ] as const
      ).map(([value, label]) => (
        <label key={value} className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="hold-back"
            value={value}
            defaultChecked={(value === 'yes') === holdBack}
          />
          {label}
        </label>
      ))}
      <FieldError name="hold-back" errors={errors} />
    </fieldset>
  )
}

const EVALUATION_WORDS = {
  meets: 'meets the definition',
  does_not_meet: 'does not meet the definition',
  undetermined: 'undetermined',
} as const

/** A previewed row's evaluation in words: met, or not met and the criteria that fail. */
export function RowEvaluationText({
  evaluation,
}: {
  evaluation: NonNullable<Preview['sample'][number]['evaluation']>
}) {
  return (
    <span>
      {EVALUATION_WORDS[evaluation.overall]}
      {evaluation.failing.length
        ? `: ${evaluation.failing
            .map((f) => `${f.label} not met (${f.rule}; the row has ${f.value ?? 'nothing'})`)
            .join('; ')}`
        : ''}
    </span>
  )
}
