// One way to write a lead: create it, or update the lead its keys name. The form (through
// `createLead`), the import, the demo and `npm run seed:large` write leads here, and so will the
// API. `upsertLead` writes one lead in its own transaction; `leadUpserter` writes many in the
// caller's transaction with statements prepared once.
import { eq, sql } from 'drizzle-orm'
import { openImportedCase } from '~/domain/cases/open-case.server'
import { getActiveVersion } from '~/domain/definition/versions.server'
import { noticeReengagement } from '~/domain/nurture/notice-reengagement.server'
import { recordImportedWin } from '~/domain/outcomes/outcomes.server'
import { type Result, refuse } from '~/domain/result'
import { type AuditEntry, auditTrail, batchingSink } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'
import { currentHandOver, type HandOver } from './hand-over.server'
import type { Lead } from './lead.server'
import { type classifyMatch, keyMatcher, type MatchedLead } from './matching.server'
import { activeReps, findRep, roundRobin } from './owners.server'
import type { LeadFields } from './schema'
import { indexNewLeads } from './search-index.server'
import {
  type Arrival,
  type AuditSink,
  type ImportOrigin,
  leadWriter,
  rowAudit,
} from './writer.server'

type UpsertOptions = {
  /** Attributes beyond the lead's fields (an import's unmapped columns). */
  custom?: Record<string, string>
  /** The import and line the lead comes from (a lead met twice in one file is written once). */
  origin?: ImportOrigin
  /** Hands a new lead to this user, not to the rep its fields name or the next in turn (seeds, tests). */
  ownerId?: number
  /** The hand-over a new lead is judged by, when not the one in force now (a seed replaying a year). */
  handOver?: HandOver
  /** How a new lead arrives, when not handed over now with a clock (a CRM's history). */
  arrival?: Arrival
  /** What a CRM's history says happened to a new lead before Leadcourt: rejected, and won. */
  past?: Past
}

/** A rejection a CRM made before Leadcourt, and a win after it (app/domain/import/crm-row.ts). */
export type Past = {
  rejected: { reason: { id: number; label: string }; at: Date } | null
  won: { on: string } | null
}

type UpsertResult = Result<{ leadId: number; outcome: 'created' | 'updated' | 'unchanged' }>

type Rep = ReturnType<typeof activeReps>[number]

/**
 * What a write of `fields` does, decided alike by the import's preview (which writes nothing)
 * and by the write: it is refused (keys of two different leads; a line repeating an earlier
 * line of the same import; an owner who is no active rep), it updates the lead its keys matched,
 * or it creates a lead for the rep it names (null: the next rep in turn).
 */
export type UpsertFate =
  | { refused: 'conflict' | 'repeated' | 'owner'; reason: string }
  | { updates: MatchedLead }
  | { creates: { id: number; name: string } | null }

export function upsertFate(
  match: ReturnType<typeof classifyMatch<MatchedLead>>,
  fields: LeadFields,
  reps: () => Rep[],
  origin?: ImportOrigin,
): UpsertFate {
  if ('conflict' in match) return { refused: 'conflict', reason: match.conflict }
  const found = match.lead
  if (
    origin &&
    found?.importJobId === origin.importJobId &&
    found.importLine !== origin.importLine
  ) {
    return {
      refused: 'repeated',
      reason: `Same lead as line ${found.importLine}; only the first is imported`,
    }
  }
  if (found) return { updates: found }
  if (!fields.owner) return { creates: null }
  const rep = findRep(reps(), fields.owner)
  return 'reason' in rep ? { refused: 'owner', reason: rep.reason } : { creates: rep }
}

const REFUSED_FIELD = { conflict: 'email', repeated: 'form', owner: 'owner' } as const

/** A lead's creation: the entries a batched upserter lists in one entry per transaction. */
const isCreation = (entry: AuditEntry) =>
  entry.subjectType === 'lead' &&
  (entry.action === 'lead.created' || entry.action === 'lead.imported')

/**
 * Writes leads in the caller's transaction. A lead whose keys match a stored one is updated
 * (fields given replace the stored ones, blanks keep them; it keeps its owner and hand-over);
 * otherwise a lead is created, handed over at `now` to the rep named, or the next in turn, with
 * its follow-up clock, evaluation and audit entry. Call `finish` once after the last write: it
 * writes what is held, indexes the new leads for search and saves whose turn it is. The writer
 * carries the audit chain, so nothing else may append to the trail in the transaction between
 * (see `leadWriter`).
 *
 * `batched` (the import, the API's batch job): the new leads are inserted with multi-row
 * statements, a hundred at a time or before anything reads them (a later row naming one of
 * their keys, a case opened for one), and their creations are listed in one audit entry per
 * run of them (`batchingSink`). The leads it returns ids for exist once `finish` has run. A
 * batched upserter must be the only writer of leads in its transaction.
 */
export function leadUpserter(
  tx: Queryable,
  actorId: number | null,
  options: { audit?: AuditSink; batched?: boolean } = {},
) {
  const trail = options.audit ?? auditTrail(tx)
  const batch = options.batched ? batchingSink(trail, isCreation) : null
  // A row's entries (the lead's, its imported case's, its win's) reach the trail once all its
  // rows are written: a row rolled back to its savepoint leaves the chain where it was.
  const row = rowAudit(batch ?? trail)
  const audit = row.sink
  const writer = leadWriter(tx, audit, { batched: Boolean(options.batched) })
  const lookUpKeys = keyMatcher(tx)
  /** The stored leads with these keys, once any lead held with one of them is written. */
  const matchKeys = (fields: LeadFields) => {
    if (writer.holds(fields)) writer.flush()
    return lookUpKeys(fields)
  }
  let reps: Rep[] | undefined
  const repsNow = () => {
    reps ??= activeReps(tx)
    return reps
  }
  let turns: ReturnType<typeof roundRobin> | undefined
  let handOver: HandOver | undefined
  let readLead: { get(values: { id: number }): Lead | undefined } | undefined
  const leadById = (id: number) => {
    writer.flush()
    readLead ??= tx
      .select()
      .from(leads)
      .where(eq(leads.id, sql.placeholder('id')))
      .prepare()
    // Matched or written in this transaction a moment ago, so it is there.
    return readLead.get({ id }) as Lead
  }
  /** The CRM's past of a lead just created: its imported case, and its win. */
  const recordPast = (leadId: number, past: Past, origin: ImportOrigin | undefined, now: Date) => {
    if (!past.rejected && !past.won) return
    writer.flush() // the case and the win refer to the lead
    if (past.rejected)
      openImportedCase(
        tx,
        leadById(leadId),
        { ...past.rejected, importJobId: origin?.importJobId ?? null },
        audit,
        now,
      )
    if (past.won) recordImportedWin(tx, audit, actorId, leadId, past.won.on, now)
  }
  let version: ReturnType<typeof getActiveVersion> | undefined
  /** A nurtured lead the write changed may have woken up (decision 26): the Nurture pool's check. */
  const checkReengaged = (before: Lead, now: Date) => {
    version ??= getActiveVersion(tx)
    handOver ??= currentHandOver(tx, actorId)
    noticeReengagement(
      tx,
      before,
      leadById(before.id),
      {
        audit,
        handOver,
        version,
        nextRep: () => {
          turns ??= roundRobin(tx, repsNow(), now)
          return turns.next()
        },
      },
      now,
    )
  }
  return {
    /** What a write of `fields` would do, without writing (the keys only). */
    fateOf: (fields: LeadFields, origin?: ImportOrigin) =>
      upsertFate(matchKeys(fields), fields, repsNow, origin),
    upsert(fields: LeadFields, options: UpsertOptions, now: Date): UpsertResult {
      try {
        const result = write(fields, options, now)
        row.commit()
        return result
      } catch (error) {
        row.discard()
        throw error
      }
    },
    /**
     * Writes the leads and audit entries held, indexes the leads created for search and saves
     * whose turn it is: once, after the last write.
     */
    finish() {
      writer.flush()
      batch?.flush()
      indexNewLeads(tx)
      turns?.save()
    },
  }

  function write(fields: LeadFields, options: UpsertOptions, now: Date): UpsertResult {
    const { custom = {}, origin } = options
    // Keys first (cheap); the whole lead is read only when the write updates one.
    const fate = upsertFate(matchKeys(fields), fields, repsNow, origin)
    if ('refused' in fate) return refuse(fate.reason, REFUSED_FIELD[fate.refused])
    if ('updates' in fate) {
      const existing = leadById(fate.updates.id)
      const changed = writer.update(actorId, existing, fields, custom, now, origin)
      // Only leads in nurture are checked: an import of other leads pays nothing for it.
      if (changed && existing.status === 'nurture') checkReengaged(existing, now)
      return { ok: true, leadId: existing.id, outcome: changed ? 'updated' : 'unchanged' }
    }
    let ownerId = options.ownerId ?? fate.creates?.id
    if (ownerId === undefined) {
      turns ??= roundRobin(tx, repsNow(), now)
      ownerId = turns.next() ?? undefined
    }
    if (!ownerId) return refuse('There is no active rep to hand the lead to', 'owner')
    assertConsistent(options.arrival, options.past)
    // The version in force now: one activated during a long import applies from then on.
    if (!options.handOver) handOver ??= currentHandOver(tx, actorId)
    const by = (options.handOver ?? handOver) as HandOver
    const leadId = writer.insert(actorId, fields, custom, ownerId, by, now, origin, options.arrival)
    if (options.past) recordPast(leadId, options.past, origin, now)
    return { ok: true, leadId, outcome: 'created' }
  }
}

/** An arrival and a past that say the same: a lead rejected before Leadcourt has its rejection,
 * and history has no clock. Only a bug makes them disagree. */
function assertConsistent(arrival: Arrival | undefined, past: Past | undefined) {
  if (!arrival && !past) return
  const rejected = arrival?.status === 'rejected'
  if (rejected !== Boolean(past?.rejected) || (arrival?.history && arrival.clock))
    throw new Error('A lead’s arrival and its past disagree')
}

/**
 * Creates or updates one lead (see `leadUpserter`), all or nothing, in an immediate transaction
 * (inside a caller's transaction, a savepoint).
 */
export function upsertLead(
  db: Queryable,
  actorId: number | null,
  fields: LeadFields,
  options: UpsertOptions,
  now: Date,
): UpsertResult {
  return db.transaction(
    (tx) => {
      const upserter = leadUpserter(tx, actorId)
      const result = upserter.upsert(fields, options, now)
      upserter.finish()
      return result
    },
    { behavior: 'immediate' },
  )
}

/** The id of the lead a write created or updated; a refusal throws (seeds and tests, whose input is known good). */
export function writtenLeadId(result: UpsertResult): number {
  if (!result.ok) throw new Error(`The lead was not written: ${JSON.stringify(result.fieldErrors)}`)
  return result.leadId
}

export type LeadUpserter = ReturnType<typeof leadUpserter>
