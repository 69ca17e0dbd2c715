import { eq } from 'drizzle-orm'
import { saveCriterion, startDraft } from '~/domain/definition/drafting.server'
import { proposeVersion } from '~/domain/definition/proposal.server'
import type { CriterionInput } from '~/domain/definition/schema'
import { signOff } from '~/domain/definition/sign-off.server'
import { loadSessionUser } from '~/platform/session.server'
import type { DB } from '~db/connection'
import { users } from '~db/schema'

const userByEmail = (db: DB, email: string) => {
  const id = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id
  const user = id ? loadSessionUser(db, id, new Date()) : null
  if (!user) throw new Error(`No user ${email}; seedTeam() first`)
  return user
}

/** Drafts, proposes and signs off a version with these criteria, through the domain functions. */
export function activateDefinition(
  db: DB,
  criteria: Omit<CriterionInput, 'description'>[],
  now = new Date(),
) {
  const admin = userByEmail(db, 'sasha@brightline.test')
  const draft = startDraft(db, admin.id, 'empty', now)
  if (!draft.ok) throw new Error(JSON.stringify(draft.fieldErrors))
  for (const c of criteria) {
    const saved = saveCriterion(db, admin.id, draft.versionId, { description: '', ...c }, now)
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
  }
  proposeVersion(db, admin.id, draft.versionId, now)
  signOff(db, userByEmail(db, 'victor@brightline.test'), draft.versionId, now)
  signOff(db, userByEmail(db, 'clara@brightline.test'), draft.versionId, now)
  return draft.versionId
}

export const ICP_CRITERIA: Omit<CriterionInput, 'description'>[] = [
  {
    key: 'company_size',
    label: 'Ideal customer size',
    field: 'employeeCount',
    operator: 'at_least',
    value: 50,
    required: true,
  },
  {
    key: 'email',
    label: 'Valid e-mail',
    field: 'email',
    operator: 'present',
    value: null,
    required: true,
  },
  {
    key: 'engagement',
    label: 'Engaged',
    field: 'engagementScore',
    operator: 'at_least',
    value: 40,
    required: false,
  },
]
