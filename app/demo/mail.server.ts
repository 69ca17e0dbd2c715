// The demo's e-mail (decision 30): Maya and Felix have chosen the daily digest, and the
// mailbox starts with what the day calls for — the cases waiting for Marketing's response and
// today's digests (from 07:00 in London), beside the clock reminders the seed's drain writes.
// With no SMTP configured the job runner keeps them all in the in-app mailbox (/admin/mail).
import { remindAwaitingResponse } from '~/domain/mail/awaiting.server'
import { writeDigests } from '~/domain/mail/digest.server'
import type { Queryable } from '~db/connection'
import { emailPreferences } from '~db/schema'

export function seedDemoMail(tx: Queryable, now: Date, id: (email: string) => number) {
  for (const email of ['maya@brightline.test', 'felix@brightline.test'])
    tx.insert(emailPreferences)
      .values({ userId: id(email), kind: 'daily_digest', enabled: true, updatedAt: now })
      .run()
  for (let more = true; more; ) more = remindAwaitingResponse(tx, now).more
  writeDigests(tx, now)
}
