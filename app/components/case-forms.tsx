// The forms on a case file: marketing's response and a recusal (the vote is in vote-form.tsx).
import type { SubmissionResult } from '@conform-to/react'
import {
  ConcedeSchema,
  ContestSchema,
  DISPOSITION_LABELS,
  RecuseSchema,
} from '~/domain/cases/schema'
import { AndNextButton } from './and-next-button'
import { ConfirmSubmit } from './confirm-submit'
import { concedeConfirmation } from './confirmations'
import { FormCard, useSchemaForm } from './forms'
import { Button, SelectInput, TextArea } from './ui'

type Reply = SubmissionResult<string[]> | null | undefined
const dispositions = Object.entries(DISPOSITION_LABELS)

export function ConcedeForm({
  lastResult,
  caseId,
  rep,
  movedOnTo = null,
}: {
  lastResult: Reply
  caseId: number
  rep: string
  movedOnTo?: string | null
}) {
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
        <ConfirmSubmit
          confirm={concedeConfirmation(caseId, rep, movedOnTo)}
          variant="secondary"
          pendingLabel="Conceding…"
        >
          Concede
        </ConfirmSubmit>
        <AndNextButton
          confirm={concedeConfirmation(caseId, rep, movedOnTo)}
          pendingLabel="Conceding…"
        >
          Concede and next
        </AndNextButton>
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
