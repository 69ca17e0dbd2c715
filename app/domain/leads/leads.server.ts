import { and, asc, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm'
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core'
import { decodeCursor } from '~/domain/cursor'
import { evaluate } from '~/domain/definition/evaluator'
import { criteriaOf, getActiveVersion } from '~/domain/definition/versions.server'
import { type Role, seesAllLeads } from '~/domain/people/roles'
import type { FieldErrors } from '~/domain/result'
import {
  getOrganisationSettings,
  getSlaSettings,
  readSetting,
  writeSetting,
} from '~/domain/settings/settings.server'
import { addWorkingHours } from '~/domain/sla/clock'
import { auditTrail } from '~/platform/audit.server'
import { type DB, preparedStatement, type Queryable } from '~db/connection'
import type { CaseKind, Evaluation, LeadStatus, LifecycleStage } from '~db/enums'
import { cases, leads, userRoles, users } from '~db/schema'
import type { LeadFields } from './schema'

export type Lead = typeof leads.$inferSelect

/** The columns a list needs to name a lead (see `leadName`) and show its company. */
export const LEAD_NAME_COLUMNS = {
  externalId: leads.externalId,
  email: leads.email,
  firstName: leads.firstName,
  lastName: leads.lastName,
  company: leads.company,
}
type Viewer = { id: number; roles: readonly Role[] }

// ——— Owners ———

export function activeReps(db: Queryable) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'rep')))
    .where(eq(users.active, true))
    .orderBy(asc(users.id))
    .all()
}

/** A rep named by e-mail or by full name (any case); null when no active rep matches. */
export function findRep(
  reps: { id: number; name: string; email: string }[],
  owner: string,
): { id: number; name: string } | { reason: string } {
  const wanted = owner.trim().toLowerCase()
  const byEmail = reps.find((r) => r.email === wanted)
  if (byEmail) return byEmail
  const byName = reps.filter((r) => r.name.toLowerCase() === wanted)
  if (byName.length === 1) return byName[0] as (typeof reps)[number]
  return {
    reason:
      byName.length > 1
        ? `More than one active rep is called “${owner.trim()}”; name the owner by e-mail`
        : `No active rep is called or has the e-mail “${owner.trim()}”`,
  }
}

const ROUND_ROBIN_KEY = 'round_robin_last_rep'

/**
 * Hands unowned leads to the active reps in turn. Whose turn it is survives between calls
 * (a setting); `save` records it, once per transaction rather than once per lead.
 */
export function roundRobin(db: Queryable, reps: { id: number }[], now: Date) {
  let last = Number(readSetting(db, ROUND_ROBIN_KEY) ?? 0)
  return {
    next(): number | null {
      const rep = reps.find((r) => r.id > last) ?? reps[0]
      if (!rep) return null
      last = rep.id
      return rep.id
    },
    save() {
      writeSetting(db, ROUND_ROBIN_KEY, last, null, now)
    },
  }
}

// ——— Writing ———

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
export function companyDomainOf(
  fields: Pick<LeadFields, 'companyDomain' | 'email'>,
): string | null {
  if (fields.companyDomain) return fields.companyDomain
  const domain = fields.email?.split('@')[1]
  return domain && !FREE_MAIL.has(domain) ? domain : null
}

function columnsOf(fields: LeadFields, custom: Record<string, string>) {
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

/** The existing lead with this external id, else with this e-mail. */
export function findExisting(db: Queryable, fields: Pick<LeadFields, 'externalId' | 'email'>) {
  const matches = db
    .select()
    .from(leads)
    .where(
      or(
        fields.externalId ? eq(leads.externalId, fields.externalId) : undefined,
        fields.email ? eq(leads.email, fields.email) : undefined,
      ),
    )
    .limit(2)
    .all()
  return matches.find((l) => fields.externalId && l.externalId === fields.externalId) ?? matches[0]
}

type Keys = { id: number; externalId: string | null }

/**
 * The lead a row updates: the one with its external id, else the one with its e-mail. A row
 * whose external id and e-mail belong to two different leads, or whose e-mail belongs to a lead
 * with another external id, is a conflict people must resolve, never a silent re-keying.
 */
export function classifyMatch<L extends Keys>(
  fields: Pick<LeadFields, 'externalId' | 'email'>,
  byId: L | undefined,
  byEmail: L | undefined,
): { lead: L | null } | { conflict: string } {
  if (byId && byEmail && byId.id !== byEmail.id) {
    return {
      conflict: `The e-mail ${fields.email} belongs to another lead (external id ${byEmail.externalId ?? 'none'})`,
    }
  }
  if (!byId && byEmail?.externalId && fields.externalId) {
    return {
      conflict: `The e-mail ${fields.email} belongs to a lead with another external id (${byEmail.externalId})`,
    }
  }
  return { lead: byId ?? byEmail ?? null }
}

/** A lead's keys, and the import and line that last wrote it. */
export type MatchedLead = Keys & { importJobId: number | null; importLine: number | null }

const MATCH_COLUMNS =
  'id, external_id AS externalId, import_job_id AS importJobId, import_line AS importLine'

/**
 * The lead with an external id, and the lead with an e-mail, by two prepared statements rather
 * than a query built per row (a whole file is matched in the preview and again in the import).
 */
export function keyLookup(db: Queryable) {
  const byId = preparedStatement(db, `SELECT ${MATCH_COLUMNS} FROM leads WHERE external_id = ?`)
  const byEmail = preparedStatement(db, `SELECT ${MATCH_COLUMNS} FROM leads WHERE email = ?`)
  return {
    byId: (externalId: string) => byId.get(externalId) as MatchedLead | undefined,
    byEmail: (email: string) => byEmail.get(email) as MatchedLead | undefined,
  }
}

/** Matches rows to leads by their keys (see `classifyMatch`). */
export function keyMatcher(db: Queryable) {
  const find = keyLookup(db)
  return (fields: Pick<LeadFields, 'externalId' | 'email'>) =>
    classifyMatch(
      fields,
      fields.externalId ? find.byId(fields.externalId) : undefined,
      fields.email ? find.byEmail(fields.email) : undefined,
    )
}

/** Where an imported lead came from: the import and the line (to spot a lead twice in one file). */
export type ImportOrigin = { importJobId: number; importLine: number }

export type HandOver = {
  versionId: number | null
  criteria: ReturnType<typeof criteriaOf>
  /** The marketer handing the leads over (null when an admin does). */
  marketerId: number | null
  /** When the follow-up clock of a lead handed over at `at` runs out. */
  followUpDue: (at: Date) => Date
}

/** The user if they are an active marketer, else null. */
export function marketerOf(db: Queryable, userId: number | null): number | null {
  if (userId === null) return null
  const row = db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'marketer')))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .get()
  return row?.id ?? null
}

/**
 * What a hand-over by `byUserId` now means: the definition version in force, which every lead
 * handed over now is judged against; the marketer answerable; the follow-up SLA in force.
 */
export function currentHandOver(db: Queryable, byUserId: number | null): HandOver {
  const active = getActiveVersion(db)
  const { followUpHours } = getSlaSettings(db)
  const { timeZone } = getOrganisationSettings(db)
  // A batch of leads shares one instant, so the clock is worked out once per instant.
  let last: { at: number; due: Date } | null = null
  return {
    versionId: active?.id ?? null,
    criteria: active?.criteria ?? [],
    marketerId: marketerOf(db, byUserId),
    followUpDue(at) {
      if (last?.at !== at.getTime())
        last = { at: at.getTime(), due: addWorkingHours(at, followUpHours, timeZone) }
      return last.due
    },
  }
}

function evaluationOf(lead: Record<string, unknown>, handOver: HandOver): Evaluation | null {
  return handOver.versionId === null ? null : evaluate(lead, handOver.criteria).overall
}

const INSERT_LEAD = `INSERT INTO leads (external_id, email, first_name, last_name, phone, title,
    company, company_domain, industry, employee_count, country, source, campaign, lifecycle_stage,
    engagement_score, purchase_timeline_months, notes, custom, owner_id, marketer_id, status,
    handed_over_at, clock_started_at, follow_up_due_at, definition_version_id, evaluation,
    created_by, created_at, updated_at, import_job_id, import_line)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new',
    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const INSERT_HAND_OVER = `INSERT INTO follow_ups (lead_id, rep_id, kind, started_at, due_at)
  VALUES (?, ?, 'hand_over', ?, ?)`
const SET_ORIGIN = 'UPDATE leads SET import_job_id = ?, import_line = ? WHERE id = ?'

const INDEX_NEW_LEADS = `INSERT INTO leads_search (rowid, first_name, last_name, email, company, external_id)
  SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.external_id
  FROM leads_search_pending p JOIN leads l ON l.id = p.id`

/**
 * Indexes for search the leads inserted since it last ran, as they are now, in one statement
 * (the insert trigger notes each new lead: migration 0014). Every transaction that inserts
 * leads runs it before committing, once, after its last insert: one index write per
 * transaction instead of one per lead. Returns how many leads it indexed.
 */
export function indexNewLeads(db: Queryable): number {
  const { changes } = preparedStatement(db, INDEX_NEW_LEADS).run()
  preparedStatement(db, 'DELETE FROM leads_search_pending').run()
  return changes
}

/**
 * Writes leads inside one transaction: a new lead with its hand-over follow-up and its audit
 * entry, or a lead updated from a re-imported row. The statements are prepared once per
 * connection; the audit chain is read once and carried from entry to entry, so open one writer
 * per transaction and write every lead of that transaction through it (see `auditTrail`). The
 * audit entry is each lead's last write, so a row rolled back to its savepoint (the import's
 * retry) never leaves the carried hash ahead of the trail. The leads it inserts are searchable
 * once `indexNewLeads` has run in the same transaction.
 */
export function leadWriter(db: Queryable) {
  const audit = auditTrail(db)
  const insertLead = preparedStatement(db, INSERT_LEAD)
  const insertHandOver = preparedStatement(db, INSERT_HAND_OVER)
  const versions = new Map<number, ReturnType<typeof criteriaOf>>()
  const criteriaOfVersion = (id: number) => {
    const criteria = versions.get(id) ?? criteriaOf(db, id)
    versions.set(id, criteria)
    return criteria
  }
  return {
    /** Inserts a lead owned by `ownerId`, handed over now and judged against the version in force. */
    insert(
      actorId: number | null,
      fields: LeadFields,
      custom: Record<string, string>,
      ownerId: number,
      handOver: HandOver,
      now: Date,
      origin?: ImportOrigin,
    ): number {
      const c = columnsOf(fields, custom)
      const at = now.getTime()
      const due = handOver.followUpDue(now).getTime()
      const { lastInsertRowid } = insertLead.run(
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
        at,
        at,
        due,
        handOver.versionId,
        evaluationOf(c, handOver),
        actorId,
        at,
        at,
        origin?.importJobId ?? null,
        origin?.importLine ?? null,
      )
      const id = Number(lastInsertRowid)
      insertHandOver.run(id, ownerId, at, due)
      audit.append(
        {
          actorId,
          action: 'lead.created',
          subjectType: 'lead',
          subjectId: id,
          after: { ...c, ownerId, marketerId: handOver.marketerId },
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
          evaluation: version ? evaluate(merged, criteriaOfVersion(version)).overall : null,
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

export type LeadWriter = ReturnType<typeof leadWriter>

/**
 * Inserts one lead owned by `ownerId`, handed over now, with its follow-up clock, audit entry
 * and search index, all or nothing (see `leadWriter`); inside a transaction, as a savepoint.
 */
export function insertLead(db: Queryable, ...lead: Parameters<LeadWriter['insert']>): number {
  return db.transaction(
    (tx) => {
      const id = leadWriter(tx).insert(...lead)
      indexNewLeads(tx)
      return id
    },
    { behavior: 'immediate' },
  )
}

export type CreateLeadResult =
  | { ok: true; leadId: number }
  | { ok: false; fieldErrors: FieldErrors; existingLeadId?: number }

/** A marketer or admin adds one lead; a duplicate external id or e-mail is refused and points to the lead. */
export function createLead(
  db: DB,
  actorId: number,
  fields: LeadFields,
  now: Date,
): CreateLeadResult {
  return db.transaction(
    (tx) => {
      const existing = findExisting(tx, fields)
      if (existing) {
        const field =
          fields.externalId && existing.externalId === fields.externalId ? 'externalId' : 'email'
        const what = field === 'externalId' ? 'external id' : 'e-mail address'
        return {
          ok: false as const,
          fieldErrors: { [field]: [`A lead with this ${what} already exists`] },
          existingLeadId: existing.id,
        }
      }
      const reps = activeReps(tx)
      let ownerId: number | null
      if (fields.owner) {
        const rep = findRep(reps, fields.owner)
        if ('reason' in rep) return { ok: false as const, fieldErrors: { owner: [rep.reason] } }
        ownerId = rep.id
      } else {
        const turns = roundRobin(tx, reps, now)
        ownerId = turns.next()
        turns.save()
        if (!ownerId)
          return {
            ok: false as const,
            fieldErrors: { owner: ['There is no active rep to hand the lead to'] },
          }
      }
      return {
        ok: true as const,
        leadId: insertLead(tx, actorId, fields, {}, ownerId, currentHandOver(tx, actorId), now),
      }
    },
    { behavior: 'immediate' },
  )
}

// ——— Reading ———

export const LEAD_PAGE_SIZE = 50

export type LeadQuery = {
  q?: string
  status?: LeadStatus
  ownerId?: number
  source?: string
  campaign?: string
  lifecycleStage?: LifecycleStage
  evaluation?: Evaluation
  sort: 'newest' | 'oldest'
  after?: string
  before?: string
}

/**
 * "dana@acme" → `"dana" "acme"*`: every word must appear in one of the searched fields, the
 * last one as a prefix (it may still be being typed).
 */
export function searchExpression(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return words.length
    ? words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ')
    : null
}

const encodeCursor = (lead: { handedOverAt: Date; id: number }) =>
  `${lead.handedOverAt.getTime()}-${lead.id}`

// The full-text index over leads (created by a hand-written migration, so not in db/schema.ts).
const leadsSearch = sqliteTable('leads_search', { rowid: integer('rowid').notNull() })

/**
 * From how many matches a search walks the list's index instead of sorting its matches. At a
 * million leads, sorting the 25,000 matches of a first name took 133 ms and walking 14 ms; a
 * few hundred matches sort in a millisecond, where a walk could read far for them
 * (docs/performance.md, "Search").
 */
export const COMMON_SEARCH_MATCHES = 2000

/** Whether the full-text expression matches at least COMMON_SEARCH_MATCHES leads (counts no further). */
function isCommonSearch(db: Queryable, search: string): boolean {
  const row = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (
    SELECT 1 FROM leads_search WHERE leads_search MATCH ${search} LIMIT ${COMMON_SEARCH_MATCHES})`)
  return (row?.n ?? 0) >= COMMON_SEARCH_MATCHES
}

/** The SQL filter of a lead list (without search, which the query joins separately). */
export function leadFilter(
  viewer: Viewer,
  query: Omit<LeadQuery, 'sort' | 'after' | 'before' | 'q'>,
): SQL | undefined {
  return and(
    !seesAllLeads(viewer)
      ? eq(leads.ownerId, viewer.id)
      : query.ownerId
        ? eq(leads.ownerId, query.ownerId)
        : undefined,
    query.status ? eq(leads.status, query.status) : undefined,
    query.source ? eq(leads.source, query.source) : undefined,
    query.campaign ? eq(leads.campaign, query.campaign) : undefined,
    query.lifecycleStage ? eq(leads.lifecycleStage, query.lifecycleStage) : undefined,
    query.evaluation ? eq(leads.evaluation, query.evaluation) : undefined,
  )
}

/** The query behind one page of the lead list (the query-plan test reads it too). */
export function leadListQuery(db: Queryable, viewer: Viewer, query: LeadQuery) {
  const newestFirst = query.sort === 'newest'
  const after = decodeCursor(query.after)
  const before = decodeCursor(query.before)
  const cursor = after ?? before
  // Moving forward in the chosen order, or backward (then the rows are reversed afterwards).
  const forward = !before
  const descending = newestFirst === forward
  // A row-value comparison, so SQLite seeks straight to the cursor in the index.
  const beyond = cursor
    ? descending
      ? sql`(${leads.handedOverAt}, ${leads.id}) < (${cursor.at}, ${cursor.id})`
      : sql`(${leads.handedOverAt}, ${leads.id}) > (${cursor.at}, ${cursor.id})`
    : undefined
  const order = descending
    ? [desc(leads.handedOverAt), desc(leads.id)]
    : [asc(leads.handedOverAt), asc(leads.id)]
  const columns = {
    id: leads.id,
    ...LEAD_NAME_COLUMNS,
    source: leads.source,
    campaign: leads.campaign,
    status: leads.status,
    lifecycleStage: leads.lifecycleStage,
    evaluation: leads.evaluation,
    handedOverAt: leads.handedOverAt,
    ownerName: users.name,
    // Whether a lead in review was rejected or ignored: its one open case, by a unique index
    // (a subquery, so the join order that serves the sort stays as it is).
    caseKind: sql<CaseKind | null>`(SELECT ${cases.kind} FROM ${cases} WHERE ${cases.leadId} = ${leads.id} AND ${cases.status} = 'in_review')`,
  }
  const search = query.q ? searchExpression(query.q) : null
  // A list without search walks the index that serves its filter and order. So does a search
  // for a common word: it keeps the leads whose id is among the matches (a list SQLite builds
  // once; the unary plus keeps it from driving the query) and stops at a page. A rarer search
  // starts from the full-text index (CROSS JOIN fixes the order) and sorts only its matches.
  const walk = !search || isCommonSearch(db, search)
  const from = walk
    ? db.select(columns).from(leads).$dynamic()
    : db.select(columns).from(leadsSearch).crossJoin(leads).$dynamic()
  const matches = !search
    ? undefined
    : walk
      ? sql`+${leads.id} IN (SELECT rowid FROM leads_search WHERE leads_search MATCH ${search})`
      : and(sql`leads_search MATCH ${search}`, eq(leads.id, leadsSearch.rowid))
  const select = from
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(and(matches, leadFilter(viewer, query), beyond))
    .orderBy(...order)
    .limit(LEAD_PAGE_SIZE + 1)
  return { forward, cursor, select }
}

/**
 * One page of leads, ordered by hand-over then id, with keyset pagination: `after` and
 * `before` are cursors of the last and first rows of the neighbouring page, so a deep page
 * costs the same as the first.
 */
export function listLeads(db: Queryable, viewer: Viewer, query: LeadQuery) {
  const { forward, cursor, select } = leadListQuery(db, viewer, query)
  const rows = select.all()
  const more = rows.length > LEAD_PAGE_SIZE
  const page = rows.slice(0, LEAD_PAGE_SIZE)
  if (!forward) page.reverse()
  const first = page[0]
  const last = page.at(-1)
  return {
    rows: page,
    nextCursor: last && (forward ? more : true) ? encodeCursor(last) : null,
    prevCursor: first && (forward ? !!cursor : more) ? encodeCursor(first) : null,
  }
}

/**
 * The distinct values of a column by a loose index scan: one seek in the (column, …) index per
 * value, so 200 campaigns cost 200 seeks however many leads there are, where a DISTINCT reads
 * every lead (150 ms at a million). The plan test reads it too.
 */
export const distinctValuesSql = (column: 'source' | 'campaign') => `WITH RECURSIVE v(value) AS (
  SELECT min(${column}) FROM leads
  UNION ALL
  SELECT (SELECT min(${column}) FROM leads WHERE ${column} > v.value) FROM v WHERE v.value IS NOT NULL
) SELECT value FROM v WHERE value IS NOT NULL`

export function leadFilterOptions(db: Queryable) {
  const distinct = (column: 'source' | 'campaign') =>
    db.all<{ value: string }>(sql.raw(distinctValuesSql(column))).map((r) => r.value)
  return { sources: distinct('source'), campaigns: distinct('campaign') }
}

/** A lead the viewer may open, or null (a rep asking for another rep's lead gets nothing). */
export function getLeadForViewer(db: Queryable, viewer: Viewer, leadId: number) {
  const lead = db.select().from(leads).where(eq(leads.id, leadId)).get()
  if (!lead || (!seesAllLeads(viewer) && lead.ownerId !== viewer.id)) return null
  return lead
}

/** The query for other leads at the same company domain, newest first (read by the plan test too). */
export function sameCompanyQuery(
  db: Queryable,
  lead: { id: number; companyDomain: string },
  limit: number,
) {
  return db
    .select({
      id: leads.id,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      title: leads.title,
      status: leads.status,
      lifecycleStage: leads.lifecycleStage,
      ownerId: leads.ownerId,
      ownerName: users.name,
      handedOverAt: leads.handedOverAt,
    })
    .from(leads)
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(and(eq(leads.companyDomain, lead.companyDomain), ne(leads.id, lead.id)))
    .orderBy(desc(leads.handedOverAt), desc(leads.id))
    .limit(limit)
}

/** Other leads at the same company domain (the "we already work that account" check). */
export function sameCompanyLeads(
  db: Queryable,
  lead: Pick<Lead, 'id' | 'companyDomain'>,
  limit = 20,
) {
  return lead.companyDomain
    ? sameCompanyQuery(db, { id: lead.id, companyDomain: lead.companyDomain }, limit).all()
    : []
}
