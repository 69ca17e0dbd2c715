// The lead list: filters, search and keyset pages.
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core'
import { decodeCursor } from '~/domain/cursor'
import { type Role, seesAllLeads } from '~/domain/people/roles'
import type { Queryable } from '~db/connection'
import type { CaseKind, Evaluation, LeadStatus, LifecycleStage } from '~db/enums'
import { cases, leads, users } from '~db/schema'
import { LEAD_NAME_COLUMNS } from './lead.server'

type Viewer = { id: number; roles: readonly Role[] }

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
function searchExpression(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return words.length
    ? words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ')
    : null
}

const encodeCursor = (lead: { handedOverAt: Date; id: number }) =>
  `${lead.handedOverAt.getTime()}-${lead.id}`

// The full-text index over leads (created by a hand-written migration, so not in db/schema/).
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
function leadFilter(
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
    caseKind: sql<CaseKind | null>`(SELECT ${cases.kind} FROM ${cases} WHERE ${cases.leadId} = ${leads.id} AND ${cases.status} = 'in_review' AND ${cases.leadMovedOn} = 0)`,
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
