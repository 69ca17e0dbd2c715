import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
} from '@conform-to/react'
import { Link } from '@remix-run/react'
import { describeRule, OPERATOR_LABELS, operatorTakes } from '~/domain/definition/evaluator'
import { CriterionSchema, formatRuleValue, parseRuleValue } from '~/domain/definition/schema'
import { CUSTOM_PREFIX, LEAD_FIELDS } from '~/domain/leads/fields'
import type { Operator } from '~db/enums'
import { OPERATORS } from '~db/enums'
import type { CriterionView } from './criteria-list'
import { FormCard, useSchemaForm } from './forms'
import { Button, ErrorList, Field, inputClass } from './ui'

const VALUE_HINTS = {
  list: 'Several values, separated by commas.',
  number: 'A number.',
  single: 'The value to compare with (case and spaces do not matter).',
  none: '',
} as const

/** The form-based rule builder: pick a field, an operator and a value, and read the rule in plain words. */
export function CriterionBuilder({
  editing,
  lastResult,
}: {
  editing: CriterionView | null
  lastResult?: SubmissionResult<string[]> | null
}) {
  const custom = editing?.field.startsWith(CUSTOM_PREFIX) ?? false
  const [form, fields] = useSchemaForm(CriterionSchema, {
    lastResult,
    defaultValue: editing
      ? {
          criterionId: String(editing.id),
          key: editing.key,
          label: editing.label,
          description: editing.description,
          field: custom ? CUSTOM_PREFIX : editing.field,
          customAttribute: custom ? editing.field.slice(CUSTOM_PREFIX.length) : '',
          operator: editing.operator,
          value: formatRuleValue(editing.value),
          required: editing.required ? 'on' : '',
        }
      : { operator: 'equals', required: 'on' },
  })
  const operator = (fields.operator.value ?? 'equals') as Operator
  const takes = operatorTakes(OPERATORS.includes(operator) ? operator : 'equals')
  const field =
    fields.field.value === CUSTOM_PREFIX
      ? `${CUSTOM_PREFIX}${fields.customAttribute.value ?? '…'}`
      : (fields.field.value ?? '')
  const preview = field
    ? describeRule({ field, operator, value: parseRuleValue(operator, fields.value.value ?? '') })
    : 'Choose a field to see the rule in plain words.'
  const { key: fieldKey, ...fieldProps } = getSelectProps(fields.field)
  const { key: operatorKey, ...operatorProps } = getSelectProps(fields.operator)
  const { key: descriptionKey, ...descriptionProps } = getTextareaProps(fields.description)
  const { key: requiredKey, ...requiredProps } = getInputProps(fields.required, {
    type: 'checkbox',
  })
  return (
    <FormCard form={form}>
      <h3 className="text-lg font-semibold">
        {editing ? `Change “${editing.label}”` : 'Add a criterion'}
      </h3>
      <input type="hidden" name="intent" value="save-criterion" />
      {editing ? <input type="hidden" name="criterionId" value={editing.id} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Label"
          meta={fields.label}
          hint="What people call it, e.g. “Ideal customer size”."
        />
        <Field
          label="Key"
          meta={fields.key}
          hint="A short id, e.g. company_size; it links the rejection reasons."
        />
      </div>
      <div>
        <label
          htmlFor={fields.description.id}
          className="mb-1 block text-sm font-medium text-slate-800"
        >
          Description
        </label>
        <textarea key={descriptionKey} {...descriptionProps} rows={2} className={inputClass} />
        <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          <label
            htmlFor={fields.field.id}
            className="mb-1 block text-sm font-medium text-slate-800"
          >
            Field
          </label>
          <select key={fieldKey} {...fieldProps} className={inputClass}>
            <option value="">Choose a field…</option>
            {LEAD_FIELDS.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
            <option value={CUSTOM_PREFIX}>Custom attribute…</option>
          </select>
          <ErrorList id={fields.field.errorId} errors={fields.field.errors} />
        </div>
        <div>
          <label
            htmlFor={fields.operator.id}
            className="mb-1 block text-sm font-medium text-slate-800"
          >
            Operator
          </label>
          <select key={operatorKey} {...operatorProps} className={inputClass}>
            {OPERATORS.map((op) => (
              <option key={op} value={op}>
                {OPERATOR_LABELS[op]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.operator.errorId} errors={fields.operator.errors} />
        </div>
        {takes === 'none' ? null : (
          <Field label="Value" meta={fields.value} hint={VALUE_HINTS[takes]} />
        )}
      </div>
      {fields.field.value === CUSTOM_PREFIX ? (
        <Field
          label="Custom attribute"
          meta={fields.customAttribute}
          hint="Its name as imported, e.g. Lead Quality."
        />
      ) : null}
      <div className="flex items-start gap-2">
        <input
          key={requiredKey}
          {...requiredProps}
          aria-describedby={`${fields.required.id}-about`}
          className="mt-1"
        />
        <div className="text-sm">
          <label htmlFor={fields.required.id} className="font-medium">
            Required
          </label>
          <p id={`${fields.required.id}-about`} className="text-slate-600">
            A lead must meet every required criterion; advisory ones inform the committee only.
          </p>
        </div>
      </div>
      <p className="rounded-md bg-slate-50 p-3 text-sm" aria-live="polite">
        <span className="font-medium">In plain words: </span>
        {preview}
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit">{editing ? 'Save criterion' : 'Add criterion'}</Button>
        {editing ? (
          <Link to="?" className="text-sm text-brand-700 underline">
            Cancel
          </Link>
        ) : null}
      </div>
    </FormCard>
  )
}
