import { EVALUATION_LABELS } from '~/domain/definition/evaluator'
import { LEAD_STATUS_LABELS } from '~/domain/leads/schema'
import { CASE_KIND_LABELS, CASE_STAGE_LABELS, stageOf } from '~/domain/sales/schema'
import type { CaseKind, CaseStage, Evaluation, LeadStatus } from '~db/enums'
import { cx } from './ui'

const EVALUATION_STYLES: Record<Evaluation, string> = {
  meets: 'bg-green-50 text-green-800 ring-green-200',
  does_not_meet: 'bg-red-50 text-red-800 ring-red-200',
  undetermined: 'bg-amber-50 text-amber-900 ring-amber-200',
}

export function EvaluationBadge({ evaluation }: { evaluation: Evaluation | null }) {
  if (!evaluation) return <span className="text-slate-500">No definition in force</span>
  return (
    <span
      className={cx(
        'inline-block rounded px-2 py-0.5 text-xs font-medium ring-1',
        EVALUATION_STYLES[evaluation],
      )}
    >
      {EVALUATION_LABELS[evaluation]}
    </span>
  )
}

export function StatusBadge({ status }: { status: LeadStatus }) {
  return (
    <span className="inline-block rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">
      {LEAD_STATUS_LABELS[status]}
    </span>
  )
}

const CASE_KIND_STYLES: Record<CaseKind, string> = {
  rejected: 'bg-red-50 text-red-800 ring-red-200',
  ignored: 'bg-violet-50 text-violet-800 ring-violet-200',
}

/** Rejected and ignored cases look different everywhere. */
export function CaseKindBadge({ kind }: { kind: CaseKind }) {
  return (
    <span
      className={cx(
        'inline-block rounded px-2 py-0.5 text-xs font-medium ring-1',
        CASE_KIND_STYLES[kind],
      )}
    >
      {CASE_KIND_LABELS[kind]}
    </span>
  )
}

const CASE_STAGE_STYLES: Record<CaseStage, string> = {
  before_contact: 'bg-red-50 text-red-800 ring-red-200',
  after_contact: 'bg-orange-50 text-orange-900 ring-orange-200',
  ignored: 'bg-violet-50 text-violet-800 ring-violet-200',
}

/** A case's stage (decision 26): rejected before contact, rejected after contact, or ignored. */
export function CaseStageBadge({ kind, afterContact }: { kind: CaseKind; afterContact: boolean }) {
  const stage = stageOf({ kind, afterContact })
  return (
    <span
      className={cx(
        'inline-block rounded px-2 py-0.5 text-xs font-medium ring-1',
        CASE_STAGE_STYLES[stage],
      )}
    >
      {CASE_STAGE_LABELS[stage]}
    </span>
  )
}
