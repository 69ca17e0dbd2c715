import { action as signInAction } from '~/routes/sign-in'
import { PASSWORD } from './factories'
import { cookieFrom, postArgs, settle } from './http'

export { PASSWORD }

/** Signs in through the real sign-in action and returns the session cookie. */
export async function signInAs(email: string, password = PASSWORD): Promise<string> {
  const result = await settle(() => signInAction(postArgs('/sign-in', { email, password })))
  if (!(result instanceof Response) || result.status !== 302) {
    throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(result)}`)
  }
  return cookieFrom(result)
}
