// What a rep does on their lead's page: accept it, reject it with a reason, log a contact attempt.
import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { OUTCOME_LABELS, OutcomeSchema } from '~/domain/cases/schema'
import {
  AcceptSchema,
  CHANNEL_LABELS,
  ContactAttemptSchema,
  MAX_CONTACT_ATTEMPTS,
  RejectSchema,
} from '~/domain/sales/schema'
import { FormCard, useSchemaForm } from './forms'
import { Button, Field, SelectInput, TextArea } from './ui'

type Reply = SubmissionResult<string[]> | null | undefined

export function AcceptLeadForm({ lastResult }: { lastResult: Reply }) {
  const [form] = useSchemaForm(AcceptSchema, { id: 'accept', lastResult })
  return (
    <Form method="post" id={form.id}>
      {form.errors?.length ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {form.errors.join(' ')}
        </p>
      ) : null}
      <Button type="submit" name="intent" value="accept">
        Accept lead
      </Button>
    </Form>
  )
}

export function RejectLeadForm({
  lastResult,
  reasons,
  loggedAttempts,
  ruledReason,
}: {
  lastResult: Reply
  reasons: { id: number; label: string; notesRequired: boolean }[]
  loggedAttempts: number
  ruledReason: string | null
}) {
  const [form, fields] = useSchemaForm(RejectSchema, {
    id: 'reject',
    lastResult,
    defaultValue: { contactAttempts: String(loggedAttempts) },
  })
  const needsNotes = reasons.filter((r) => r.notesRequired).map((r) => r.label)
  return (
    <FormCard form={form}>
      <h3 className="font-semibold text-slate-900">Reject lead</h3>
      <p className="text-sm text-slate-700">
        Rejecting opens a case: the committee rules whether the lead met the definition.
        {ruledReason
          ? ` The committee already ruled on ${ruledReason}; choose another reason.`
          : ''}
      </p>
      <input type="hidden" name="intent" value="reject" />
      <SelectInput
        label="Reason"
        meta={fields.reasonId}
        options={reasons.map((r) => [r.id, r.label] as const)}
        emptyLabel="Choose a reason"
      />
      <TextArea
        label="Notes"
        hint={
          needsNotes.length
            ? `What you found. Required for ${needsNotes.map((l) => `“${l}”`).join(', ')}.`
            : 'What you found.'
        }
        meta={fields.notes}
      />
      <Field
        label="Contact attempts"
        hint={`How many times you tried to reach them (0 to ${MAX_CONTACT_ATTEMPTS}); ${loggedAttempts} logged here.`}
        meta={fields.contactAttempts}
        type="number"
        min={0}
        max={MAX_CONTACT_ATTEMPTS}
      />
      <Button type="submit" variant="danger">
        Reject lead
      </Button>
    </FormCard>
  )
}

export function ContactAttemptForm({ lastResult, now }: { lastResult: Reply; now: string }) {
  const [form, fields] = useSchemaForm(ContactAttemptSchema, {
    id: 'log-contact',
    lastResult,
    defaultValue: { channel: 'call', at: now },
  })
  return (
    <FormCard form={form}>
      <h3 className="font-semibold text-slate-900">Log a contact attempt</h3>
      <input type="hidden" name="intent" value="log-contact" />
      <SelectInput label="Channel" meta={fields.channel} options={Object.entries(CHANNEL_LABELS)} />
      <Field label="When" meta={fields.at} type="datetime-local" max={now} />
      <TextArea label="Note" meta={fields.note} rows={2} />
      <Button type="submit" variant="secondary">
        Log contact attempt
      </Button>
    </FormCard>
  )
}

export function OutcomeForm({ lastResult, today }: { lastResult: Reply; today: string }) {
  const [form, fields] = useSchemaForm(OutcomeSchema, {
    id: 'record-outcome',
    lastResult,
    defaultValue: { occurredOn: today },
  })
  return (
    <FormCard form={form}>
      <h3 className="font-semibold text-slate-900">Record outcome</h3>
      <p className="text-sm text-slate-700">What became of this lead, months later.</p>
      <input type="hidden" name="intent" value="record-outcome" />
      <SelectInput
        label="Outcome"
        meta={fields.outcome}
        options={Object.entries(OUTCOME_LABELS)}
        emptyLabel="Choose"
      />
      <Field label="Date" meta={fields.occurredOn} type="date" max={today} />
      <TextArea label="Note" meta={fields.note} rows={2} />
      <Button type="submit">Record outcome</Button>
    </FormCard>
  )
}
