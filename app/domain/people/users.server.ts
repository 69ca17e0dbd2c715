import { and, asc, count, eq, ne } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import {
  generateTemporaryPassword,
  hashPassword,
  passwordWeakness,
  verifyPassword,
} from '~/platform/password.server'
import { createSession, endUserSessions } from '~/platform/session.server'
import type { DB, Queryable } from '~db/connection'
import { type Role, userRoles, users } from '~db/schema'
import type { UserInput } from './schema'

type UserSnapshot = Omit<UserInput, 'seat'> & { seat: UserInput['seat'] | null; active: boolean }

function snapshot(db: Queryable, userId: number): UserSnapshot | null {
  const user = db.select().from(users).where(eq(users.id, userId)).get()
  if (!user) return null
  const roles = db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.role))
    .all()
    .map((r) => r.role)
  return {
    name: user.name,
    email: user.email,
    roles,
    seat: user.seat,
    isChair: user.isChair,
    active: user.active,
  }
}

function emailTaken(db: Queryable, email: string, exceptUserId?: number): boolean {
  const where =
    exceptUserId === undefined
      ? eq(users.email, email)
      : and(eq(users.email, email), ne(users.id, exceptUserId))
  return db.select({ id: users.id }).from(users).where(where).get() !== undefined
}

function activeAdminCount(db: Queryable): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'admin')))
      .where(eq(users.active, true))
      .get()?.n ?? 0
  )
}

function releaseChair(db: Queryable, actorId: number | null, chairId: number, now: Date) {
  db.update(users).set({ isChair: false }).where(eq(users.id, chairId)).run()
  recordAudit(
    db,
    {
      actorId,
      action: 'user.chair_released',
      subjectType: 'user',
      subjectId: chairId,
      before: { isChair: true },
      after: { isChair: false },
    },
    now,
  )
}

/** Makes `userId` the chair, releasing the previous chair (there is only ever one). */
function takeChair(db: Queryable, actorId: number | null, userId: number | null, now: Date) {
  const previous = db.select({ id: users.id }).from(users).where(eq(users.isChair, true)).get()
  if (previous && previous.id !== userId) releaseChair(db, actorId, previous.id, now)
}

function writeRoles(db: Queryable, userId: number, roles: Role[]) {
  db.delete(userRoles).where(eq(userRoles.userId, userId)).run()
  db.insert(userRoles)
    .values([...new Set(roles)].map((role) => ({ userId, role })))
    .run()
}

/** Inserts a user with a password hash already computed (hashing is async; transactions are not). */
export function insertUser(
  db: Queryable,
  actorId: number | null,
  input: UserInput,
  credentials: { passwordHash: string; mustChangePassword: boolean },
  now: Date,
  options: { onlyIfFirst?: boolean } = {},
): Result<{ userId: number }> {
  return db.transaction(
    (tx) => {
      if (options.onlyIfFirst && countUsers(tx) > 0) {
        return refuse('Leadcourt has been set up already; sign in instead')
      }
      if (emailTaken(tx, input.email))
        return refuse('A user with this e-mail already exists', 'email')
      if (input.isChair) takeChair(tx, actorId, null, now)
      const { id } = tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          seat: input.seat ?? null,
          isChair: input.isChair,
          passwordHash: credentials.passwordHash,
          mustChangePassword: credentials.mustChangePassword,
          createdAt: now,
        })
        .returning({ id: users.id })
        .get()
      writeRoles(tx, id, input.roles)
      recordAudit(
        tx,
        {
          actorId,
          action: 'user.created',
          subjectType: 'user',
          subjectId: id,
          after: snapshot(tx, id),
        },
        now,
      )
      return { ok: true as const, userId: id }
    },
    { behavior: 'immediate' },
  )
}

/** An admin adds someone: they get a one-time temporary password to change at first sign-in. */
export async function createUser(
  db: DB,
  actorId: number,
  input: UserInput,
  now: Date,
): Promise<Result<{ userId: number; temporaryPassword: string }>> {
  if (emailTaken(db, input.email)) return refuse('A user with this e-mail already exists', 'email')
  const temporaryPassword = generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword)
  const result = insertUser(db, actorId, input, { passwordHash, mustChangePassword: true }, now)
  return result.ok ? { ...result, temporaryPassword } : result
}

export function updateUser(
  db: DB,
  actorId: number,
  userId: number,
  input: UserInput,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const before = snapshot(tx, userId)
      if (!before) return refuse('That user does not exist')
      if (emailTaken(tx, input.email, userId)) {
        return refuse('A user with this e-mail already exists', 'email')
      }
      if (
        before.active &&
        before.roles.includes('admin') &&
        !input.roles.includes('admin') &&
        activeAdminCount(tx) <= 1
      ) {
        return refuse('This is the last active admin; make someone else an admin first', 'roles')
      }
      if (input.isChair) takeChair(tx, actorId, userId, now)
      tx.update(users)
        .set({
          name: input.name,
          email: input.email,
          seat: input.seat ?? null,
          isChair: input.isChair,
        })
        .where(eq(users.id, userId))
        .run()
      writeRoles(tx, userId, input.roles)
      recordAudit(
        tx,
        {
          actorId,
          action: 'user.updated',
          subjectType: 'user',
          subjectId: userId,
          before,
          after: snapshot(tx, userId),
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** Deactivating ends every session of the user at once; nothing is deleted. */
export function setUserActive(
  db: DB,
  actorId: number,
  userId: number,
  active: boolean,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const before = snapshot(tx, userId)
      if (!before) return refuse('That user does not exist')
      if (before.active === active) return { ok: true as const }
      if (!active && userId === actorId) return refuse('You cannot deactivate yourself')
      if (!active && before.roles.includes('admin') && activeAdminCount(tx) <= 1) {
        return refuse('This is the last active admin; make someone else an admin first')
      }
      tx.update(users).set({ active }).where(eq(users.id, userId)).run()
      if (!active) endUserSessions(tx, userId)
      // A deactivated chair cannot break ties; the committee has no chair until one is named.
      if (!active && before.isChair) releaseChair(tx, actorId, userId, now)
      recordAudit(
        tx,
        {
          actorId,
          action: active ? 'user.reactivated' : 'user.deactivated',
          subjectType: 'user',
          subjectId: userId,
          before: { active: before.active },
          after: { active },
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** Issues a one-time temporary password that must be changed at next sign-in; ends the user's sessions. */
export async function resetPassword(
  db: DB,
  actorId: number,
  userId: number,
  now: Date,
): Promise<Result<{ temporaryPassword: string }>> {
  if (actorId === userId) {
    return refuse('To change your own password, use Change password; it asks for the current one')
  }
  const temporaryPassword = generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword)
  return db.transaction(
    (tx) => {
      if (!snapshot(tx, userId)) return refuse('That user does not exist')
      tx.update(users)
        .set({ passwordHash, mustChangePassword: true })
        .where(eq(users.id, userId))
        .run()
      endUserSessions(tx, userId)
      recordAudit(
        tx,
        { actorId, action: 'user.password_reset', subjectType: 'user', subjectId: userId },
        now,
      )
      return { ok: true as const, temporaryPassword }
    },
    { behavior: 'immediate' },
  )
}

/** Changes one's own password; every session of the user ends and a fresh one is returned. */
export async function changePassword(
  db: DB,
  userId: number,
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<Result<{ sessionId: string }>> {
  const user = db
    .select({ passwordHash: users.passwordHash, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    return refuse('That is not your current password', 'currentPassword')
  }
  if (input.currentPassword === input.newPassword) {
    return refuse('Choose a password different from the current one', 'newPassword')
  }
  const weakness = await passwordWeakness(input.newPassword, user)
  if (weakness) return refuse(weakness, 'newPassword')
  const passwordHash = await hashPassword(input.newPassword)
  const sessionId = db.transaction(
    (tx) => {
      tx.update(users)
        .set({ passwordHash, mustChangePassword: false })
        .where(eq(users.id, userId))
        .run()
      endUserSessions(tx, userId)
      recordAudit(
        tx,
        {
          actorId: userId,
          action: 'user.password_changed',
          subjectType: 'user',
          subjectId: userId,
        },
        now,
      )
      return createSession(tx, userId, now)
    },
    { behavior: 'immediate' },
  )
  return { ok: true, sessionId }
}

export function countUsers(db: Queryable): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0
}

export function listUsers(db: DB) {
  const rows = db.select().from(users).orderBy(asc(users.name)).all()
  const roles = db.select().from(userRoles).all()
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    seat: u.seat,
    isChair: u.isChair,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    roles: roles.filter((r) => r.userId === u.id).map((r) => r.role),
  }))
}

export function getUserForAdmin(db: DB, userId: number) {
  const user = snapshot(db, userId)
  return user ? { id: userId, ...user } : null
}

export function findUserForSignIn(db: DB, email: string) {
  return db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .get()
}
