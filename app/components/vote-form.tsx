// A committee member's vote, laid out beside what it asks about: each criterion (rule, the lead's
// value, the result) with "Your finding" next to it, and the verdict, rationale and "Cast vote"
// in an aside that stays in view on a wide screen. The schema refuses a verdict that contradicts
// the member's own findings unless they justify the departure.
import { getInputProps, getSelectProps, type SubmissionResult } from '@conform-to/react'
import type { ReactNode } from 'react'
import { DISPOSITION_LABELS, VERDICT_LABELS, VERDICTS, VoteSchema } from '~/domain/cases/schema'
import { RESULT_LABELS } from '~/domain/definition/evaluator'
import type { CriterionReading } from '~/domain/definition/reading'
import { AndNextButton } from './and-next-button'
import { CriteriaReadings } from './case-reading'
import { FormCard, useSchemaForm } from './forms'
import { Button, ErrorList, inputClass, SelectInput, TextArea } from './ui'

type Reply = SubmissionResult<string[]> | null | undefined
const dispositions = Object.entries(DISPOSITION_LABELS)

export function VoteForm({
  lastResult,
  title,
  intro,
  criteria,
  reps,
  current,
}: {
  lastResult: Reply
  /** The criteria's heading, e.g. "Against the definition (version 2)". */
  title: string
  /** A line under the heading: the overall result. */
  intro?: ReactNode
  criteria: CriterionReading[]
  reps: readonly (readonly [string, string])[]
  current: Record<string, unknown> | null
}) {
  const [form, fields] = useSchemaForm(VoteSchema, {
    id: 'vote',
    lastResult,
    defaultValue: current ?? undefined,
  })
  const findings = fields.finding.getFieldset()
  return (
    <FormCard form={form}>
      <input type="hidden" name="intent" value="vote" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <fieldset className="min-w-0 space-y-3">
          <legend className="text-lg font-semibold text-slate-900">{title}</legend>
          {intro}
          <p className="text-sm text-slate-700">
            Give your finding where the data left a criterion unknown; change one to dispute the
            automatic result.
          </p>
          <CriteriaReadings
            criteria={criteria}
            aside={(c) => {
              const meta = findings[c.key] as never as Parameters<typeof getSelectProps>[0]
              const { key, ...props } = getSelectProps(meta)
              return (
                <div>
                  <label
                    htmlFor={meta.id}
                    className="mb-1 block text-sm font-medium text-slate-800"
                  >
                    Your finding<span className="sr-only"> on {c.label}</span>
                  </label>
                  <select key={key} {...props} className={inputClass}>
                    <option value="">
                      {c.result === 'unknown'
                        ? 'Choose: unknown'
                        : `As evaluated: ${RESULT_LABELS[c.result]}`}
                    </option>
                    <option value="met">Met</option>
                    <option value="unmet">Not met</option>
                  </select>
                  <ErrorList id={meta.errorId} errors={meta.errors} />
                </div>
              )
            }}
          />
        </fieldset>
        <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <h3 className="font-semibold">{current ? 'Change your vote' : 'Your vote'}</h3>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">Verdict</legend>
            {VERDICTS.map((v) => {
              const { key, ...radio } = getInputProps(fields.verdict, { type: 'radio', value: v })
              return (
                <label key={v} className="flex items-center gap-2 text-sm">
                  <input key={key} {...radio} id={`${fields.verdict.id}-${v}`} />
                  {VERDICT_LABELS[v]}
                </label>
              )
            })}
            <ErrorList id={fields.verdict.errorId} errors={fields.verdict.errors} />
          </fieldset>
          <SelectInput
            label="Disposition"
            hint="For a lead that does not meet the definition."
            meta={fields.disposition}
            options={dispositions}
            emptyLabel="Choose"
          />
          <SelectInput
            label="Return to"
            hint="For a lead that meets the definition: the rep who gets it back."
            meta={fields.returnTo}
            options={reps}
            emptyLabel="The same rep"
          />
          <TextArea label="Rationale" meta={fields.rationale} rows={4} />
          <TextArea
            label="Departure justification"
            hint="Only when your verdict goes against your own findings: why the definition should not decide this lead."
            meta={fields.departureJustification}
            rows={3}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" className="flex-1">
              Cast vote
            </Button>
            <AndNextButton>Cast vote and next</AndNextButton>
          </div>
        </div>
      </div>
    </FormCard>
  )
}
