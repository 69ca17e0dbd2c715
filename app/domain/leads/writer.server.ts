// The statements that write leads: an insert with its hand-over, an update from new values.
import { eq } from 'drizzle-orm'
import { evaluationMemo } from '~/domain/definition/evaluation-memo'
import type { CriterionRule } from '~/domain/definition/evaluator'
import { criteriaOf } from '~/domain/definition/versions.server'
import { type AuditSink, auditTrail } from '~/platform/audit.server'
import { preparedStatement, type Queryable } from '~db/connection'
import type { Evaluation } from '~db/enums'
import { leads } from '~db/schema'
import type { HandOver } from './hand-over.server'
import type { Lead } from './lead.server'
import { pendingRows, ROWS_PER_STATEMENT } from './pending-rows.server'
import type { LeadFields } from './schema'

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
])

/** The company domain: as given, else the e-mail's domain unless it is a free-mail provider. */
function companyDomainOf(fields: Pick<LeadFields, 'companyDomain' | 'email'>): string | null {
  if (fields.companyDomain) return fields.companyDomain
  const domain = fields.email?.split('@')[1]
  return domain && !FREE_MAIL.has(domain) ? domain : null
}

export function columnsOf(fields: LeadFields, custom: Record<string, string>) {
  return {
    externalId: fields.externalId ?? null,
    email: fields.email ?? null,
    firstName: fields.firstName ?? null,
    lastName: fields.lastName ?? null,
    phone: fields.phone ?? null,
    title: fields.title ?? null,
    company: fields.company ?? null,
    companyDomain: companyDomainOf(fields),
    industry: fields.industry ?? null,
    employeeCount: fields.employeeCount ?? null,
    country: fields.country ?? null,
    source: fields.source ?? null,
    campaign: fields.campaign ?? null,
    lifecycleStage: fields.lifecycleStage ?? null,
    engagementScore: fields.engagementScore ?? null,
    purchaseTimelineMonths: fields.purchaseTimelineMonths ?? null,
    notes: fields.notes ?? null,
    custom,
  }
}

/**
 * Where a writer's audit entries go: the trail, chained as they are written (the app), a sink
 * that batches an import's creations (`batchingSink`), or a generator's own sink that chains a
 * year's entries in time order (`npm run seed:large`).
 */
export type { AuditSink }

/**
 * A sink that holds a row's entries until `commit` appends them to `trail` (or `discard` drops
 * them, when the row's writes are rolled back to a savepoint): the carried hash never runs ahead
 * of the entries the trail keeps.
 */
export function rowAudit(trail: AuditSink) {
  let held: Parameters<AuditSink['append']>[] = []
  return {
    sink: { append: (...entry) => void held.push(entry) } satisfies AuditSink,
    commit() {
      for (const entry of held) trail.append(...entry)
      held = []
    },
    discard() {
      held = []
    },
  }
}

/** Where an imported lead came from: the import and the line (to spot a lead twice in one file). */
export type ImportOrigin = { importJobId: number; importLine: number }

/**
 * How a new lead enters Leadcourt. By default it is handed over now, waits for its rep with a
 * follow-up clock, and is judged against the version in force now. A lead from a CRM's past
 * (decision 25) keeps its hand-over time and is judged against the version in force then; it
 * waits with no clock (`clock: false`), or arrives as the CRM left it: accepted, converted, or
 * rejected before Leadcourt.
 */
export type Arrival = {
  handedOverAt: Date
  clock: boolean
  history: boolean
  status: 'new' | 'working' | 'converted' | 'rejected'
  acceptedAt: Date | null
}

/** The arrival of a lead handed over now: new, waiting for its rep with a running clock. */
const arrivingNow = (now: Date): Arrival => ({
  handedOverAt: now,
  clock: true,
  history: false,
  status: 'new',
  acceptedAt: null,
})

const LEAD_COLUMNS = [
  ...['external_id', 'email', 'first_name', 'last_name', 'phone', 'title', 'company'],
  ...['company_domain', 'industry', 'employee_count', 'country', 'source', 'campaign'],
  ...['lifecycle_stage', 'engagement_score', 'purchase_timeline_months', 'notes', 'custom'],
  ...['owner_id', 'marketer_id', 'status', 'handed_over_at', 'clock_started_at'],
  ...['follow_up_due_at', 'definition_version_id', 'evaluation', 'created_by', 'created_at'],
  ...['updated_at', 'import_job_id', 'import_line', 'accepted_at', 'history'],
] as const
const INSERT_LEAD = `INSERT INTO leads (${LEAD_COLUMNS.join(', ')})
  VALUES (${LEAD_COLUMNS.map(() => '?').join(', ')})`
const FOLLOW_UP_COLUMNS = ['lead_id', 'rep_id', 'kind', 'started_at', 'due_at'] as const
const INSERT_HAND_OVER = `INSERT INTO follow_ups (${FOLLOW_UP_COLUMNS.join(', ')})
  VALUES (?, ?, ?, ?, ?)`
const SET_ORIGIN = 'UPDATE leads SET import_job_id = ?, import_line = ? WHERE id = ?'
// The id the next lead gets (AUTOINCREMENT: one past the highest ever given).
const NEXT_LEAD_ID = `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'leads'), 0),
  coalesce((SELECT max(id) FROM leads), 0)) + 1 AS id`

/**
 * The leads a batched writer holds until it inserts them: their rows and follow-ups, and the
 * keys (external id, e-mail) they take, so that a row naming one of them is matched only after
 * they are written. Their ids are given by the writer, counting on from the table's next id:
 * the batched writer must be the only one inserting leads in its transaction.
 */
function heldLeads(db: Queryable) {
  const rows = pendingRows(db, 'leads', ['id', ...LEAD_COLUMNS])
  const followUps = pendingRows(db, 'follow_ups', FOLLOW_UP_COLUMNS)
  const keys = new Set<string>()
  let nextId: number | undefined
  const flush = () => {
    rows.flush()
    followUps.flush() // after the leads they refer to
    keys.clear()
  }
  return {
    add(values: unknown[], fields: LeadFields, followUp: [number, number, number] | null) {
      nextId ??= (preparedStatement(db, NEXT_LEAD_ID).get() as { id: number }).id
      const id = nextId++
      rows.add([id, ...values])
      if (followUp) followUps.add([id, followUp[0], 'hand_over', followUp[1], followUp[2]])
      if (fields.externalId) keys.add(`id:${fields.externalId}`)
      if (fields.email) keys.add(`email:${fields.email}`)
      if (rows.size >= ROWS_PER_STATEMENT) flush()
      return id
    },
    holds: (fields: Pick<LeadFields, 'externalId' | 'email'>) =>
      (fields.externalId !== undefined && keys.has(`id:${fields.externalId}`)) ||
      (fields.email !== undefined && keys.has(`email:${fields.email}`)),
    flush,
  }
}

/**
 * Writes leads inside one transaction: a new lead with its hand-over follow-up and its audit
 * entry, or a lead updated from a re-imported row. The statements are prepared once per
 * connection; the audit chain is read once and carried from entry to entry, so open one writer
 * per transaction and write every lead of that transaction through it (see `auditTrail`). The
 * upserter gives it a `rowAudit` sink, which appends a row's entries only once all of the row's
 * writes are done, so a row rolled back to its savepoint (the import's retry) never leaves the
 * carried hash ahead of the trail. The leads it inserts are searchable
 * once `indexNewLeads` has run in the same transaction. Use cases write through `upsertLead`
 * or `leadUpserter` (upsert-lead.server.ts), which decide what a write is.
 *
 * `batched`: new leads and their follow-ups are held and inserted a hundred at a time with
 * multi-row statements (`flush` writes what is held; the upserter calls it before anything
 * reads them and at the end). Evaluations are memoised per version for the writer's life.
 */
export function leadWriter(
  db: Queryable,
  audit: AuditSink = auditTrail(db),
  options: { batched?: boolean } = {},
) {
  const held = options.batched ? heldLeads(db) : null
  const versions = new Map<number, ReturnType<typeof criteriaOf>>()
  const criteriaOfVersion = (id: number) => {
    const criteria = versions.get(id) ?? criteriaOf(db, id)
    versions.set(id, criteria)
    return criteria
  }
  // The evaluator runs once per distinct input and version in a writer's transaction.
  const memos = new Map<number, ReturnType<typeof evaluationMemo>>()
  const evaluationOf = (
    lead: Record<string, unknown>,
    versionId: number | null,
    criteria: CriterionRule[],
  ): Evaluation | null => {
    if (versionId === null) return null
    const memo = memos.get(versionId) ?? evaluationMemo(criteria)
    memos.set(versionId, memo)
    return memo.overall(lead)
  }
  return {
    /** Whether the writer holds a lead, not yet inserted, with one of these keys (batched). */
    holds: (fields: Pick<LeadFields, 'externalId' | 'email'>) => held?.holds(fields) ?? false,

    /** Inserts the leads it holds (batched; nothing otherwise). Before reading them, and at the end. */
    flush() {
      held?.flush()
    },

    /**
     * Inserts a lead owned by `ownerId`, handed over as `arrival` says (now, by default) and
     * judged against the version in force at its hand-over.
     */
    insert(
      actorId: number | null,
      fields: LeadFields,
      custom: Record<string, string>,
      ownerId: number,
      handOver: HandOver,
      now: Date,
      origin?: ImportOrigin,
      arrival: Arrival = arrivingNow(now),
    ): number {
      const c = columnsOf(fields, custom)
      const at = arrival.handedOverAt.getTime()
      const due = arrival.clock ? handOver.followUpDue(arrival.handedOverAt).getTime() : null
      const judgedBy =
        arrival.handedOverAt.getTime() === now.getTime()
          ? handOver
          : handOver.inForceAt(arrival.handedOverAt)
      const values = [
        c.externalId,
        c.email,
        c.firstName,
        c.lastName,
        c.phone,
        c.title,
        c.company,
        c.companyDomain,
        c.industry,
        c.employeeCount,
        c.country,
        c.source,
        c.campaign,
        c.lifecycleStage,
        c.engagementScore,
        c.purchaseTimelineMonths,
        c.notes,
        JSON.stringify(custom),
        ownerId,
        handOver.marketerId,
        arrival.status,
        at,
        due === null ? null : at,
        due,
        judgedBy.versionId,
        evaluationOf(c, judgedBy.versionId, judgedBy.criteria),
        actorId,
        now.getTime(),
        now.getTime(),
        origin?.importJobId ?? null,
        origin?.importLine ?? null,
        arrival.acceptedAt?.getTime() ?? null,
        arrival.history ? 1 : 0,
      ]
      let id: number
      if (held) id = held.add(values, fields, due === null ? null : [ownerId, at, due])
      else {
        id = Number(preparedStatement(db, INSERT_LEAD).run(values).lastInsertRowid)
        if (due !== null)
          preparedStatement(db, INSERT_HAND_OVER).run(id, ownerId, 'hand_over', at, due)
      }
      audit.append(
        {
          actorId,
          // A lead of a CRM's past was handed over there, not by this import.
          action: arrival.history || at !== now.getTime() ? 'lead.imported' : 'lead.created',
          subjectType: 'lead',
          subjectId: id,
          after: {
            ...c,
            ownerId,
            marketerId: handOver.marketerId,
            ...(at === now.getTime() && arrival.clock
              ? {}
              : {
                  handedOverAt: arrival.handedOverAt,
                  status: arrival.status,
                  history: arrival.history,
                }),
          },
        },
        now,
      )
      return id
    },

    /**
     * Updates a lead from a re-imported row: fields the row fills in replace the stored ones,
     * blank cells keep what is stored, and the lead is judged again against its own version.
     * False when the row changes nothing (the lead only records the import it came from).
     */
    update(
      actorId: number | null,
      existing: Lead,
      fields: LeadFields,
      custom: Record<string, string>,
      now: Date,
      origin?: ImportOrigin,
    ): boolean {
      const columns = columnsOf(fields, custom)
      // A domain derived from the e-mail fills a blank; it never replaces one already stored.
      if (!fields.companyDomain && existing.companyDomain) columns.companyDomain = null
      const given = Object.fromEntries(
        Object.entries(columns).filter(([key, v]) => v !== null && key !== 'custom'),
      )
      const merged = { ...existing, ...given, custom: { ...existing.custom, ...custom } }
      const changed = Object.keys(given).filter(
        (k) => String(given[k]) !== String(existing[k as keyof Lead] ?? ''),
      )
      const customChanged = Object.entries(custom).some(([k, v]) => existing.custom[k] !== v)
      if (changed.length === 0 && !customChanged) {
        if (origin)
          preparedStatement(db, SET_ORIGIN).run(origin.importJobId, origin.importLine, existing.id)
        return false
      }
      const version = existing.definitionVersionId
      db.update(leads)
        .set({
          ...given,
          ...origin,
          custom: merged.custom,
          evaluation: version ? evaluationOf(merged, version, criteriaOfVersion(version)) : null,
          updatedAt: now,
        })
        .where(eq(leads.id, existing.id))
        .run()
      audit.append(
        {
          actorId,
          action: 'lead.updated',
          subjectType: 'lead',
          subjectId: existing.id,
          before: Object.fromEntries(changed.map((k) => [k, existing[k as keyof Lead]])),
          after: Object.fromEntries(changed.map((k) => [k, given[k]])),
        },
        now,
      )
      return true
    },
  }
}
