import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ActionReply, formErrorOf } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { loader as homeLoader } from '~/routes/_index'
import { action as passwordAction } from '~/routes/account.password'
import { action as settingsAction } from '~/routes/admin.settings'
import { action as editAction, loader as editLoader } from '~/routes/admin.users.$userId'
import { action as newAction } from '~/routes/admin.users.new'
import { action as signInAction } from '~/routes/sign-in'
import { auditEvents, sessions, users } from '~db/schema'
import { seedTeam } from '../support/factories'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { PASSWORD, signInAs } from '../support/users'

let admin: string

beforeAll(async () => {
  await seedTeam()
  admin = await signInAs('sasha@brightline.test')
})

const userId = (email: string) =>
  getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? 0

const auditFor = (id: number) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, String(id)))
    .all()

type CreateResult = ActionReply<{ id: number; name: string; temporaryPassword: string }>
type EditResult = ActionReply<{ temporaryPassword: string }>

const createUser = (fields: Record<string, string | string[]>, cookie = admin) =>
  settle(() => newAction(postArgs('/admin/users/new', fields, { cookie })))

const edit = (id: number, fields: Record<string, string | string[]>, cookie = admin) =>
  settle(() =>
    editAction(postArgs(`/admin/users/${id}`, fields, { cookie }, { userId: String(id) })),
  )

describe('creating users', () => {
  it('creates a committee member with a one-time temporary password, and audits it', async () => {
    const result = await createUser({
      name: 'Nadia Stone',
      email: ' Nadia@Brightline.TEST ',
      roles: ['committee', 'leadership'],
      seat: 'sales',
    })
    expect(statusOf(result)).toBe(200)
    const { payload: created } = payloadOf<CreateResult>(result)
    expect(created?.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
    const row = getDb()
      .select()
      .from(users)
      .where(eq(users.id, created?.id ?? 0))
      .get()
    expect(row).toMatchObject({
      email: 'nadia@brightline.test',
      seat: 'sales',
      mustChangePassword: true,
    })
    const audit = auditFor(created?.id ?? 0)
    expect(audit.map((a) => a.action)).toEqual(['user.created'])
    expect(audit[0]?.after).toMatchObject({ roles: ['committee', 'leadership'], seat: 'sales' })
    expect(JSON.stringify(audit)).not.toContain('password')

    // The temporary password works once, then must be changed before anything else.
    const signIn = await settle(() =>
      signInAction(
        postArgs('/sign-in', {
          email: 'nadia@brightline.test',
          password: created?.temporaryPassword ?? '',
        }),
      ),
    )
    expect(locationOf(signIn)).toBe('/account/password')
    const cookie = ((signIn as Response).headers.get('Set-Cookie') ?? '').split(';')[0] as string
    expect(locationOf(await settle(() => homeLoader(getArgs('/', { cookie }))))).toBe(
      '/account/password',
    )
    const mismatch = await settle(() =>
      passwordAction(
        postArgs(
          '/account/password',
          {
            currentPassword: created?.temporaryPassword ?? '',
            newPassword: 'a-brand-new-password',
            confirmPassword: 'something-else-entirely',
          },
          { cookie },
        ),
      ),
    )
    expect(statusOf(mismatch)).toBe(400)
    expect(payloadOf<CreateResult>(mismatch).result?.error?.confirmPassword).toEqual([
      'The two new passwords do not match',
    ])
    const changed = await settle(() =>
      passwordAction(
        postArgs(
          '/account/password',
          {
            currentPassword: created?.temporaryPassword ?? '',
            newPassword: 'a-brand-new-password',
            confirmPassword: 'a-brand-new-password',
          },
          { cookie },
        ),
      ),
    )
    expect(locationOf(changed)).toBe('/?password=changed')
    const fresh = ((changed as Response).headers.get('Set-Cookie') ?? '').split(';')[0] as string
    expect(statusOf(await settle(() => homeLoader(getArgs('/', { cookie: fresh }))))).toBe(200)
    await signInAs('nadia@brightline.test', 'a-brand-new-password')
  })

  it('invalid input gets 400 with an error on each wrong field, and creates nothing', async () => {
    const before = getDb().select().from(users).all().length
    const result = await createUser({
      name: ' ',
      email: 'not-an-email',
      roles: ['committee'],
      isChair: 'on',
    })
    expect(statusOf(result)).toBe(400)
    const error = payloadOf<CreateResult>(result).result?.error
    expect(error?.name).toEqual(['Enter a name'])
    expect(error?.email).toEqual(['Enter a valid e-mail address, like name@company.com'])
    expect(error?.seat).toEqual(['A committee member needs a seat'])
    expect(getDb().select().from(users).all()).toHaveLength(before)
  })

  it('refuses a seat for someone not on the committee, and an unknown role', async () => {
    const result = await createUser({
      name: 'Pat',
      email: 'pat@brightline.test',
      roles: ['rep', 'janitor'],
      seat: 'sales',
    })
    expect(statusOf(result)).toBe(400)
    const error = payloadOf<CreateResult>(result).result?.error
    expect(error?.['roles[1]']).toEqual(['Choose roles from the list'])
  })

  it('a double submit creates one user; the second is refused as a duplicate', async () => {
    const fields = { name: 'Quinn Hale', email: 'quinn@brightline.test', roles: ['rep'] }
    const [a, b] = await Promise.all([createUser(fields), createUser(fields)])
    const statuses = [statusOf(a), statusOf(b)].sort()
    expect(statuses).toEqual([200, 400])
    const refused = statusOf(a) === 400 ? a : b
    expect(payloadOf<CreateResult>(refused).result?.error?.email).toEqual([
      'A user with this e-mail already exists',
    ])
    expect(
      getDb().select().from(users).where(eq(users.email, 'quinn@brightline.test')).all(),
    ).toHaveLength(1)
  })

  it('only admins may create users', async () => {
    const marketer = await signInAs('maya@brightline.test')
    const result = await createUser(
      { name: 'X', email: 'x@brightline.test', roles: ['rep'] },
      marketer,
    )
    expect(statusOf(result)).toBe(403)
  })
})

describe('changing users', () => {
  it('changes roles and seat, moves the chair, and audits before and after', async () => {
    const victor = userId('victor@brightline.test')
    const erin = userId('erin@brightline.test')
    const result = await edit(victor, {
      intent: 'save',
      name: 'Victor Lindqvist',
      email: 'victor@brightline.test',
      roles: ['committee', 'rep'],
      seat: 'sales',
      isChair: 'on',
    })
    expect(payloadOf<EditResult>(result).notice).toBe('Changes saved.')
    const db = getDb()
    expect(db.select().from(users).where(eq(users.id, victor)).get()?.isChair).toBe(true)
    expect(db.select().from(users).where(eq(users.id, erin)).get()?.isChair).toBe(false)
    const updated = auditFor(victor).find((a) => a.action === 'user.updated')
    expect(updated?.before).toMatchObject({ roles: ['committee'], isChair: false })
    expect(updated?.after).toMatchObject({ roles: ['committee', 'rep'], isChair: true })
    expect(auditFor(erin).map((a) => a.action)).toContain('user.chair_released')
    // Put the chair back.
    await edit(erin, {
      intent: 'save',
      name: 'Erin Walsh',
      email: 'erin@brightline.test',
      roles: ['committee'],
      seat: 'executive',
      isChair: 'on',
    })
  })

  it('refuses to remove the last admin’s admin role or deactivate them', async () => {
    const sasha = userId('sasha@brightline.test')
    const demote = await edit(sasha, {
      intent: 'save',
      name: 'Sasha Ivanova',
      email: 'sasha@brightline.test',
      roles: ['leadership'],
    })
    expect(statusOf(demote)).toBe(400)
    expect(payloadOf<EditResult>(demote).result?.error?.roles).toEqual([
      'This is the last active admin; make someone else an admin first',
    ])
    const self = await edit(sasha, { intent: 'deactivate' })
    expect(statusOf(self)).toBe(400)
    expect(formErrorOf(payloadOf<EditResult>(self))).toBe('You cannot deactivate yourself')
  })

  it('deactivating a user ends all their sessions at once and stops sign-in; reactivating lets them back', async () => {
    const lucy = userId('lucy@brightline.test')
    const phone = await signInAs('lucy@brightline.test')
    const laptop = await signInAs('lucy@brightline.test')
    const result = await edit(lucy, { intent: 'deactivate' })
    expect(payloadOf<EditResult>(result).notice).toBe(
      'Lucy Chen is deactivated and signed out everywhere.',
    )
    expect(getDb().select().from(sessions).where(eq(sessions.userId, lucy)).all()).toHaveLength(0)
    for (const cookie of [phone, laptop]) {
      expect(locationOf(await settle(() => homeLoader(getArgs('/', { cookie }))))).toBe('/sign-in')
    }
    const refused = await settle(() =>
      signInAction(
        postArgs(
          '/sign-in',
          { email: 'lucy@brightline.test', password: PASSWORD },
          { address: '10.9.9.9' },
        ),
      ),
    )
    expect(statusOf(refused)).toBe(400)
    expect(auditFor(lucy).map((a) => a.action)).toContain('user.deactivated')

    await edit(lucy, { intent: 'reactivate' })
    await signInAs('lucy@brightline.test')
  })

  it('resetting a password shows a one-time temporary password and signs the user out', async () => {
    const omar = userId('omar@brightline.test')
    const session = await signInAs('omar@brightline.test')
    const result = await edit(omar, { intent: 'reset-password' })
    const temporary = payloadOf<EditResult>(result).payload?.temporaryPassword ?? ''
    expect(temporary).toHaveLength(19)
    expect(locationOf(await settle(() => homeLoader(getArgs('/', { cookie: session }))))).toBe(
      '/sign-in',
    )
    const signIn = await settle(() =>
      signInAction(postArgs('/sign-in', { email: 'omar@brightline.test', password: temporary })),
    )
    expect(locationOf(signIn)).toBe('/account/password')
    expect(auditFor(omar).map((a) => a.action)).toContain('user.password_reset')
  })

  it('deactivating the chair releases the chair, so no case waits for someone who cannot vote', async () => {
    const erin = userId('erin@brightline.test')
    await edit(erin, { intent: 'deactivate' })
    const db = getDb()
    expect(db.select().from(users).where(eq(users.isChair, true)).all()).toHaveLength(0)
    expect(auditFor(erin).map((a) => a.action)).toContain('user.chair_released')
    await edit(erin, { intent: 'reactivate' })
    await edit(erin, {
      intent: 'save',
      name: 'Erin Walsh',
      email: 'erin@brightline.test',
      roles: ['committee'],
      seat: 'executive',
      isChair: 'on',
    })
    expect(db.select().from(users).where(eq(users.isChair, true)).get()?.id).toBe(erin)
  })

  it('an admin cannot reset their own password here', async () => {
    const result = await edit(userId('sasha@brightline.test'), { intent: 'reset-password' })
    expect(statusOf(result)).toBe(400)
    expect(formErrorOf(payloadOf<EditResult>(result))).toBe(
      'To change your own password, use Change password; it asks for the current one',
    )
  })

  it('changing one’s own password signs out every other session', async () => {
    const other = await signInAs('ben@brightline.test')
    const current = await signInAs('ben@brightline.test')
    const changed = await settle(() =>
      passwordAction(
        postArgs(
          '/account/password',
          {
            currentPassword: PASSWORD,
            newPassword: 'quiet-harbor-lamp',
            confirmPassword: 'quiet-harbor-lamp',
          },
          { cookie: current },
        ),
      ),
    )
    expect(locationOf(changed)).toBe('/?password=changed')
    const fresh = ((changed as Response).headers.get('Set-Cookie') ?? '').split(';')[0] as string
    expect(statusOf(await settle(() => homeLoader(getArgs('/', { cookie: fresh }))))).toBe(200)
    for (const cookie of [other, current]) {
      expect(locationOf(await settle(() => homeLoader(getArgs('/', { cookie }))))).toBe('/sign-in')
    }
  })

  it('refuses a common password, or one holding the e-mail or name, naming the field and why', async () => {
    const cookie = await signInAs('felix@brightline.test')
    for (const [newPassword, why] of [
      ['password1234', 'This is one of the most common passwords'],
      ['Password123!', 'This is one of the most common passwords'],
      ['felix@brightline.test', 'A password must not contain your e-mail address or name'],
      ['Novak2026!!xy', 'A password must not contain your e-mail address or name'],
    ] as const) {
      const refused = await settle(() =>
        passwordAction(
          postArgs(
            '/account/password',
            { currentPassword: PASSWORD, newPassword, confirmPassword: newPassword },
            { cookie },
          ),
        ),
      )
      expect(statusOf(refused), newPassword).toBe(400)
      expect(payloadOf<CreateResult>(refused).result?.error?.newPassword).toEqual([why])
    }
    // The password is unchanged: the old one still signs in.
    await signInAs('felix@brightline.test')
  })

  it('another user id that does not exist is a 404; an unknown intent a 400', async () => {
    expect(
      statusOf(
        await settle(() =>
          editLoader(getArgs('/admin/users/9999', { cookie: admin }, { userId: '9999' })),
        ),
      ),
    ).toBe(404)
    expect(
      statusOf(
        await settle(() =>
          editLoader(getArgs('/admin/users/abc', { cookie: admin }, { userId: 'abc' })),
        ),
      ),
    ).toBe(404)
    const unknown = await edit(userId('ben@brightline.test'), { intent: 'explode' })
    expect(statusOf(unknown)).toBe(400)
    expect(payloadOf<EditResult>(unknown).result?.error).toEqual({ intent: ['Unknown action'] })
  })

  it('a committee member cannot change users', async () => {
    const clara = await signInAs('clara@brightline.test')
    const result = await edit(userId('ben@brightline.test'), { intent: 'deactivate' }, clara)
    expect(statusOf(result)).toBe(403)
  })
})

describe('settings', () => {
  it('saves the organisation name and time zone, refuses an unknown zone, and audits the change', async () => {
    const bad = await settle(() =>
      settingsAction(
        postArgs(
          '/admin/settings',
          { intent: 'organisation', organisationName: 'Brightline', timeZone: 'Mars/Olympus' },
          { cookie: admin },
        ),
      ),
    )
    expect(statusOf(bad)).toBe(400)
    const ok = await settle(() =>
      settingsAction(
        postArgs(
          '/admin/settings',
          {
            intent: 'organisation',
            organisationName: 'Brightline Systems Ltd',
            timeZone: 'America/New_York',
          },
          { cookie: admin },
        ),
      ),
    )
    expect(payloadOf<ActionReply>(ok).notice).toBe('Settings saved.')
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'settings.updated'))
      .all()
      .at(-1)
    expect(audit?.before).toEqual({
      organisationName: 'Brightline Systems',
      timeZone: 'Europe/London',
    })
    expect(audit?.after).toEqual({
      organisationName: 'Brightline Systems Ltd',
      timeZone: 'America/New_York',
    })
  })
})
