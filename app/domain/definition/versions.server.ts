// Reading the lead definition's versions: their criteria, the version in force, one version
// with its sign-offs, the list.
import { asc, desc, eq, sql } from 'drizzle-orm'
import { recordAudit } from '~/platform/audit.server'
import { preparedQuery, type Queryable } from '~db/connection'
import { definitionCriteria, definitionSignoffs, definitionVersions, users } from '~db/schema'
import type { CriterionRule } from './evaluator'

type Criterion = CriterionRule & { id: number; description: string; position: number }

// A version's criteria and sign-offs are read by every lead page and case file: prepared once
// per connection.
const criteriaByVersion = (db: Queryable) =>
  db
    .select()
    .from(definitionCriteria)
    .where(eq(definitionCriteria.versionId, sql.placeholder('versionId')))
    .orderBy(asc(definitionCriteria.position), asc(definitionCriteria.id))
    .prepare()
const versionById = (db: Queryable) =>
  db
    .select()
    .from(definitionVersions)
    .where(eq(definitionVersions.id, sql.placeholder('versionId')))
    .prepare()
const signoffsOf = (db: Queryable) =>
  db
    .select({
      seat: definitionSignoffs.seat,
      signedAt: definitionSignoffs.signedAt,
      userName: users.name,
    })
    .from(definitionSignoffs)
    .innerJoin(users, eq(users.id, definitionSignoffs.userId))
    .where(eq(definitionSignoffs.versionId, sql.placeholder('versionId')))
    .orderBy(asc(definitionSignoffs.signedAt), asc(definitionSignoffs.id))
    .prepare()

export function criteriaOf(db: Queryable, versionId: number): Criterion[] {
  return preparedQuery(db, criteriaByVersion)
    .all({ versionId })
    .map((c) => ({
      id: c.id,
      key: c.key,
      label: c.label,
      description: c.description,
      field: c.field,
      operator: c.operator,
      value: c.value ?? null,
      required: c.required,
      position: c.position,
    }))
}

/** The version in force now, with its criteria, or null before any version is active. */
export function getActiveVersion(db: Queryable) {
  const version = db
    .select()
    .from(definitionVersions)
    .where(eq(definitionVersions.status, 'active'))
    .get()
  return version ? { ...version, criteria: criteriaOf(db, version.id) } : null
}

export function getVersion(db: Queryable, versionId: number) {
  const version = preparedQuery(db, versionById).get({ versionId })
  if (!version) return null
  const signoffs = preparedQuery(db, signoffsOf).all({ versionId })
  return { ...version, criteria: criteriaOf(db, versionId), signoffs }
}

export function listVersions(db: Queryable) {
  return db.select().from(definitionVersions).orderBy(desc(definitionVersions.number)).all()
}

/** Records a change to a version in the audit trail (drafting, proposal, sign-off). */
export function auditVersion(
  db: Queryable,
  actorId: number,
  action: string,
  versionId: number,
  now: Date,
  before?: unknown,
  after?: unknown,
) {
  recordAudit(
    db,
    { actorId, action, subjectType: 'definition_version', subjectId: versionId, before, after },
    now,
  )
}
