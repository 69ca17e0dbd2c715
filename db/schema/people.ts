import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { ROLES, SEATS } from '../enums'

import { createdAt } from './columns'

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    seat: text('seat', { enum: SEATS }),
    isChair: integer('is_chair', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' })
      .notNull()
      .default(false),
    // The failed sign-ins the user has not been told of yet (decision 22): the home page of
    // the first session signed in after the last of them shows them once and resets them.
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lastFailedSignInAt: integer('last_failed_sign_in_at', { mode: 'timestamp_ms' }),
    lastFailedSignInAddress: text('last_failed_sign_in_address'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_single_chair').on(t.isChair).where(sql`${t.isChair} = 1`),
    check(
      'users_seat_valid',
      sql`${t.seat} IS NULL OR ${t.seat} IN ('sales', 'marketing', 'executive')`,
    ),
    check('users_chair_has_seat', sql`${t.isChair} = 0 OR ${t.seat} IS NOT NULL`),
  ],
)

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    index('user_roles_role_idx').on(t.role, t.userId),
    check(
      'user_roles_role_valid',
      sql`${t.role} IN ('rep', 'marketer', 'committee', 'leadership', 'admin')`,
    ),
  ],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    index('sessions_last_used_idx').on(t.lastUsedAt),
    index('sessions_created_idx').on(t.createdAt),
  ],
)

export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    address: text('address').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.at),
    index('sign_in_attempts_address_idx').on(t.address, t.at),
  ],
)
