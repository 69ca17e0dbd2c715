// The forms on a case file: marketing's response, a committee member's vote, a recusal.
import { getInputProps, type SubmissionResult } from '@conform-to/react'
import {
  ConcedeSchema,
  ContestSchema,
  DISPOSITION_LABELS,
  RecuseSchema,
  VERDICT_LABELS,
  VERDICTS,
  VoteSchema,
} from '~/domain/cases/schema'
import type { CriterionResult } from '~/domain/definition/evaluator'
import { RESULT_LABELS } from '~/domain/definition/evaluator'
import { AndNextButton } from './and-next-button'
import { FormCard, useSchemaForm } from './forms'
import { Button, ErrorList, SelectInput, TextArea } from './ui'

type Reply = SubmissionResult<string[]> | null | undefined
const dispositions = Object.entries(DISPOSITION_LABELS)

export function ConcedeForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useSchemaForm(ConcedeSchema, { id: 'concede', lastResult })
  return (
    <FormCard form={form}>
      <h3 className="font-semibold">Concede</h3>
      <p className="text-sm text-slate-700">
        Marketing agrees the lead does not meet the definition. The case closes now.
      </p>
      <input type="hidden" name="intent" value="concede" />
      <SelectInput
        label="Disposition"
        meta={fields.disposition}
        options={dispositions}
        emptyLabel="Choose"
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary">
          Concede
        </Button>
        <AndNextButton>Concede and next</AndNextButton>
      </div>
    </FormCard>
  )
}

export function ContestForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useSchemaForm(ContestSchema, { id: 'contest', lastResult })
  return (
    <FormCard form={form}>
      <h3 className="font-semibold">Contest</h3>
      <input type="hidden" name="intent" value="contest" />
      <TextArea
        label="Brief"
        hint="Why the lead met the definition, for the committee."
        meta={fields.brief}
        rows={5}
      />
      <Button type="submit">Contest</Button>
    </FormCard>
  )
}

export function VoteForm({
  lastResult,
  criteria,
  reps,
  current,
}: {
  lastResult: Reply
  criteria: { key: string; label: string; required: boolean; result: CriterionResult }[]
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
      <h3 className="font-semibold">{current ? 'Change your vote' : 'Your vote'}</h3>
      <input type="hidden" name="intent" value="vote" />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Findings</legend>
        <p className="text-sm text-slate-600">
          Give a finding where the data left a criterion unknown; change one to dispute the
          automatic result.
        </p>
        {criteria.map((c) => (
          <SelectInput
            key={c.key}
            label={`${c.label} (${c.required ? 'required' : 'advisory'})`}
            meta={findings[c.key] as never}
            options={[
              ['met', 'Met'],
              ['unmet', 'Unmet'],
            ]}
            emptyLabel={
              c.result === 'unknown'
                ? 'Choose: unknown'
                : `As evaluated: ${RESULT_LABELS[c.result]}`
            }
          />
        ))}
      </fieldset>
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
        <Button type="submit">Cast vote</Button>
        <AndNextButton>Cast vote and next</AndNextButton>
      </div>
    </FormCard>
  )
}

export function RecuseForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useSchemaForm(RecuseSchema, { id: 'recuse', lastResult })
  return (
    <FormCard form={form}>
      <h3 className="font-semibold">Recuse</h3>
      <input type="hidden" name="intent" value="recuse" />
      <TextArea label="Reason" meta={fields.reason} rows={2} />
      <Button type="submit" variant="secondary">
        Recuse
      </Button>
    </FormCard>
  )
}
