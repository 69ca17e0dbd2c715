import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { OPERATORS, SEATS, VERSION_STATUSES } from '../enums'

import { inList } from './columns'
import { users } from './people'

export const definitionVersions = sqliteTable(
  'definition_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: integer('number').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    basedOnId: integer('based_on_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    proposedAt: integer('proposed_at', { mode: 'timestamp_ms' }),
    activatedAt: integer('activated_at', { mode: 'timestamp_ms' }),
    supersededAt: integer('superseded_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('definition_versions_number_unique').on(t.number),
    // At most one active version, and at most one version being drafted or proposed.
    uniqueIndex('definition_versions_one_active').on(t.status).where(sql`${t.status} = 'active'`),
    uniqueIndex('definition_versions_one_open')
      .on(sql`(1)`)
      .where(sql`${t.status} IN ('draft', 'proposed')`),
    check('definition_versions_status_valid', sql`${t.status} IN (${inList(VERSION_STATUSES)})`),
  ],
)

export const definitionCriteria = sqliteTable(
  'definition_criteria',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => definitionVersions.id),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    field: text('field').notNull(),
    operator: text('operator', { enum: OPERATORS }).notNull(),
    value: text('value', { mode: 'json' }).$type<string | number | string[] | null>(),
    required: integer('required', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    uniqueIndex('definition_criteria_key_unique').on(t.versionId, t.key),
    index('definition_criteria_version_idx').on(t.versionId, t.position),
    check('definition_criteria_operator_valid', sql`${t.operator} IN (${inList(OPERATORS)})`),
  ],
)

export const definitionSignoffs = sqliteTable(
  'definition_signoffs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => definitionVersions.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    seat: text('seat', { enum: SEATS }).notNull(),
    signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('definition_signoffs_seat_unique').on(t.versionId, t.seat)],
)
