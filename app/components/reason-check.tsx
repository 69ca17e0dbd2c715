// Beside the reject form's reason: what the definition found for the criterion the chosen reason
// disputes, on this lead (decision 41). From the page's data: it changes with the reason, with
// no request.

/** What the definition found for the reason's criterion, and whether the notes must explain. */
export type ReasonCheckView = { text: string; noteRequired: boolean } | null

/** A reason as the reject form offers it. */
export type RejectReason = {
  id: number
  label: string
  notesRequired: boolean
  namesWorkingLead: boolean
  check: ReasonCheckView
}

export function ReasonCheckNote({ reason }: { reason: RejectReason | undefined }) {
  if (!reason) return null
  if (!reason.check)
    return (
      <p className="text-sm text-slate-600" aria-live="polite">
        “{reason.label}” disputes no criterion of the definition.
      </p>
    )
  return (
    <div
      aria-live="polite"
      className={
        reason.check.noteRequired
          ? 'rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950'
          : 'rounded-md border border-slate-200 bg-slate-50 p-2 text-sm text-slate-800'
      }
    >
      <p>
        <span className="font-medium">The definition on this reason’s criterion:</span>{' '}
        {reason.check.text}
      </p>
      {reason.check.noteRequired ? (
        <p>
          The definition finds this criterion met: say in the notes why “{reason.label}” applies.
        </p>
      ) : null}
    </div>
  )
}

/** The notes' hint: which reasons need them, and whether the chosen one does. */
export function notesHint(reasons: RejectReason[], chosen: RejectReason | undefined): string {
  if (chosen?.check?.noteRequired)
    return `Required: “${chosen.label}” disputes a criterion the definition finds met. What you found.`
  const needsNotes = reasons.filter((r) => r.notesRequired).map((r) => `“${r.label}”`)
  return needsNotes.length
    ? `What you found. Required for ${needsNotes.join(', ')}, and for a reason disputing a criterion the definition finds met.`
    : 'What you found. Required for a reason disputing a criterion the definition finds met.'
}
