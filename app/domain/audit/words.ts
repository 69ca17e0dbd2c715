// What the sentences of the audit trail are made of (decision 38): an entry as the readers give
// it, the reader and the names the sentences need, and the people and values in words. Pure.
import { formatIsoText } from '~/platform/time'

/** An audit entry as the sentences read it: who did what to which subject, before and after. */
export type AuditFacts = {
  action: string
  actorId: number | null
  actorName: string | null
  subjectType: string
  subjectId: string
  /** The subject's name where the reader found one (a user's name, a reason's label). */
  subjectName?: string | null
  before: unknown
  after: unknown
}

/** Who reads the sentence (the signed-in user, "you"), and the names and times it needs. */
export type Reading = {
  readerId: number | null
  timeZone: string
  nameOf: (userId: number) => string | null
  /** The reason a case was opened for, by the case's id (a lead's rejection names it). */
  reasonOfCase?: (caseId: number) => string | null
}

export type Fields = Record<string, unknown>

export const fieldsOf = (value: unknown): Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {}

export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null

export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

/** The people of a sentence, as the reader reads them: "You", "you", "your", or a name. */
export function people(e: AuditFacts, r: Reading) {
  const isReader = (id: number | null) => id !== null && id === r.readerId
  const nameOf = (id: number) => r.nameOf(id) ?? `user ${id}`
  const actorIsReader = isReader(e.actorId)
  return {
    /** The actor, starting a sentence: "You", "Omar Haddad", or "Leadcourt" for the app itself. */
    actor: actorIsReader
      ? 'You'
      : (e.actorName ?? (e.actorId !== null ? nameOf(e.actorId) : 'Leadcourt')),
    /** The actor's own: "your", "their". */
    their: actorIsReader ? 'your' : 'their',
    /** The actor as their own object: "yourself", "themselves". */
    themselves: actorIsReader ? 'yourself' : 'themselves',
    /** Another person by id, inside a sentence: "you", "Dana Reyes". */
    person: (id: unknown) =>
      typeof id === 'number' ? (isReader(id) ? 'you' : nameOf(id)) : 'another user',
    /** A person starting a sentence. */
    Person: (id: unknown) =>
      typeof id === 'number' ? (isReader(id) ? 'You' : nameOf(id)) : 'Another user',
    /** The subject user by name ("Victor Lindqvist"), or "you". */
    subjectUser: (): string => {
      if (e.subjectType === 'user' && isReader(Number(e.subjectId))) return 'you'
      return e.subjectName ?? text(fieldsOf(e.after).name) ?? `user ${e.subjectId}`
    },
    /** The subject user's: "your", "Victor Lindqvist’s". */
    subjectUsers: (): string => {
      if (e.subjectType === 'user' && isReader(Number(e.subjectId))) return 'your'
      return `${e.subjectName ?? text(fieldsOf(e.after).name) ?? `user ${e.subjectId}`}’s`
    },
  }
}

/** An instant or a calendar date held as ISO text, as people read it; null when it is neither. */
export const when = (value: unknown, r: Reading): string | null =>
  typeof value === 'string' ? formatIsoText(value, r.timeZone) : null

/** Words in a list: "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** A name in quotes: “Outside ideal customer profile”. */
export const quoted = (s: string) => `“${s}”`

/** An internal key in words: `byChair` → "by chair", `does_not_meet` → "does not meet". */
export const keyWords = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]/g, ' ')
    .toLowerCase()

/** A name inside a sentence: "Follow-up SLA (hours)" → "follow-up SLA (hours)"; "API token" stays. */
export const inSentence = (name: string) =>
  /^[A-Z][A-Z]/.test(name) ? name : `${name.charAt(0).toLowerCase()}${name.slice(1)}`
