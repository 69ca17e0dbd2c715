import { getSelectProps } from '@conform-to/react'
import { LIFECYCLE_LABELS, LIFECYCLE_STAGES } from '~/domain/leads/fields'
import type { LeadFieldsSchema } from '~/domain/leads/schema'
import type { useSchemaForm } from './forms'
import { ErrorList, Field, inputClass } from './ui'

/**
 * The fields of a lead after its keys, from the name to the purchase timeline: the same on
 * "Add lead" and "Edit lead" (the form's grid holds them).
 */
export function LeadProfileFields({
  fields,
}: {
  fields: ReturnType<typeof useSchemaForm<typeof LeadFieldsSchema>>[1]
}) {
  const { key: stageKey, ...stageProps } = getSelectProps(fields.lifecycleStage)
  return (
    <>
      <Field label="First name" meta={fields.firstName} />
      <Field label="Last name" meta={fields.lastName} />
      <Field label="Title" meta={fields.title} />
      <Field label="Phone" meta={fields.phone} type="tel" />
      <Field label="Company" meta={fields.company} />
      <Field
        label="Company domain"
        meta={fields.companyDomain}
        hint="e.g. acme.com; taken from the e-mail when blank."
      />
      <Field label="Industry" meta={fields.industry} />
      <Field label="Employee count" meta={fields.employeeCount} inputMode="numeric" />
      <Field label="Country" meta={fields.country} />
      <Field label="Source" meta={fields.source} hint="Trade show, webinar, paid search, …" />
      <Field label="Campaign" meta={fields.campaign} />
      <div>
        <label
          htmlFor={fields.lifecycleStage.id}
          className="mb-1 block text-sm font-medium text-slate-800"
        >
          Lifecycle stage
        </label>
        <select key={stageKey} {...stageProps} className={inputClass}>
          <option value="">Not known</option>
          {LIFECYCLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {LIFECYCLE_LABELS[s]}
            </option>
          ))}
        </select>
        <ErrorList id={fields.lifecycleStage.errorId} errors={fields.lifecycleStage.errors} />
      </div>
      <Field
        label="Engagement score"
        meta={fields.engagementScore}
        hint="0 to 100."
        inputMode="numeric"
      />
      <Field
        label="Purchase timeline (months)"
        meta={fields.purchaseTimelineMonths}
        inputMode="numeric"
      />
    </>
  )
}
