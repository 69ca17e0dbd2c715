// The background work of the app, for the job runner (app/platform/jobs): the periodic jobs,
// the consumers of the outbox, and what runs once when the server starts.
import { purgeIdempotency } from '~/domain/api/idempotency.server'
import { runLeadBatches } from '~/domain/api/lead-batches.server'
import { purgeRateWindows } from '~/domain/api/rate-limit.server'
import { interruptedImports } from '~/domain/import/jobs.server'
import { runImport } from '~/domain/import/run.server'
import { sweepUploads } from '~/domain/import/uploads.server'
import { remindAwaitingResponse } from '~/domain/mail/awaiting.server'
import { mailConsumer } from '~/domain/mail/consumer.server'
import { deliverDueMail } from '~/domain/mail/deliver.server'
import { writeDigests } from '~/domain/mail/digest.server'
import { pruneOldMail } from '~/domain/mail/prune.server'
import { notificationsConsumer } from '~/domain/notifications/consumer.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { type ReminderCursor, remindFollowUps, remindReviews } from '~/domain/sla/reminders.server'
import { markOverdueReviews } from '~/domain/sla/review-overdue.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { rebuildStep } from '~/domain/summaries/state.server'
import { webhooksConsumer } from '~/domain/webhooks/consumer.server'
import { type DeliverOptions, deliverDue } from '~/domain/webhooks/deliver.server'
import type { Consumer } from '~/platform/events/outbox.server'
import { drainOutbox, type PeriodicJob } from '~/platform/jobs/runner.server'
import { getMailer, type Mailer } from '~/platform/mailer.server'
import { purgeSignInAttempts } from '~/platform/rate-limit.server'
import { purgeExpiredSessions } from '~/platform/session.server'
import { uploadDirectory } from '~/platform/uploads.server'
import type { DB, Queryable } from '~db/connection'

export const CONSUMERS: readonly Consumer[] = [
  notificationsConsumer,
  mailConsumer,
  webhooksConsumer,
]

/** One batch of the sweep: about 0.16 s of work, so a backlog never holds requests up long. */
const SWEEP_BATCH = 100

/**
 * The summaries' rebuild (decision 34), one step a run. A step holds the write lock, so its size
 * follows what the last one took: about 100 ms of rows (from 100 to 20,000), whatever a row of
 * the table costs (a vote counts in more tables than a clock) and however busy the machine is.
 */
function summariesJob(): PeriodicJob {
  let chunk = 1000
  return {
    name: 'summaries',
    everyMs: 2000,
    run(db) {
      const started = performance.now()
      const step = rebuildStep(db, SUMMARY_FAMILIES, chunk)
      const took = Math.max(1, performance.now() - started)
      if (step.done > 0) chunk = Math.round(Math.min(20_000, Math.max(100, (chunk * 100) / took)))
      return step
    },
    describe: (rows) => `Summaries: ${rows} row(s) counted.`,
  }
}

/** One batch of reminders: clocks read (not reminded) per transaction. */
const REMINDER_BATCH = 200

/**
 * The reminders (app/domain/sla/reminders.server.ts), one batch a run: a pass reads every
 * running follow-up clock near its end, then every open case's review clock; `more` until the
 * pass is over, so the runner carries on at once and `npm run jobs` runs it to the end.
 */
function remindersJob(everyMs: number): PeriodicJob {
  let phase: 'follow_ups' | 'reviews' = 'follow_ups'
  let after: ReminderCursor = null
  return {
    name: 'reminders',
    everyMs,
    run(db, now) {
      const remind = phase === 'follow_ups' ? remindFollowUps : remindReviews
      const step = remind(db, now, { after, batchSize: REMINDER_BATCH })
      after = step.next
      if (after) return { done: step.reminded, more: true }
      const more = phase === 'follow_ups'
      phase = more ? 'reviews' : 'follow_ups'
      return { done: step.reminded, more }
    },
    describe: (reminded) => `Reminders: ${reminded} clock(s) near their end.`,
  }
}

/** The webhooks' delivery job (decision 29): due deliveries sent every second, a batch a run. */
export function webhooksJob(options: DeliverOptions = {}): PeriodicJob {
  return {
    name: 'webhooks',
    everyMs: 1000,
    run: (db, now, clock) => deliverDue(db, now, { clock, ...options }),
    describe: (delivered) => `Webhooks: ${delivered} delivery(ies) made.`,
  }
}

/**
 * The e-mail jobs (decision 30): sending what is due every 5 seconds through the mailer (none:
 * kept in the in-app mailbox), and every minute the cases waiting for Marketing's response and
 * the daily digests.
 */
function mailJobs(mailer: () => Mailer | null): PeriodicJob[] {
  return [
    {
      name: 'mail',
      everyMs: 5_000,
      // The runner's clock, read after each send: a retry counts from the attempt's end.
      async run(db, now, clock) {
        const batch = await deliverDueMail(db, now, mailer(), { clock })
        return { done: batch.sent + batch.failed + batch.kept + batch.unwanted, more: batch.more }
      },
      describe: (handled) => `Mail: ${handled} message(s) sent, kept or retried.`,
    },
    {
      name: 'mail-awaiting',
      everyMs: 60_000,
      run(db, now) {
        const batch = remindAwaitingResponse(db, now)
        return { done: batch.written, more: batch.more }
      },
      describe: (n) => `Mail: ${n} message(s) about cases waiting for Marketing.`,
    },
    {
      name: 'mail-digest',
      everyMs: 60_000,
      run: (db, now) => ({ done: writeDigests(db, now), more: false }),
      describe: (n) => `Mail: ${n} daily digest(s) written.`,
    },
  ]
}

/**
 * The periodic jobs: the sweep, the reminders and the overdue reviews every `sweepSeconds` (0:
 * once when the runner starts, no more); every second the webhooks' deliveries and the API's
 * lead batches (a batch of rows a run); hourly the purge of idle sessions, old sign-in attempts,
 * idempotency keys older than 24 hours, past rate windows and e-mails older than 90 days, and
 * the deletion of uploads not imported within 24 hours; and the e-mail jobs, with the app's mailer unless given one.
 */
export function periodicJobs(
  sweepSeconds: number,
  options: { mailer?: () => Mailer | null } = {},
): PeriodicJob[] {
  return [
    ...mailJobs(options.mailer ?? getMailer),
    remindersJob(sweepSeconds > 0 ? sweepSeconds * 1000 : Number.POSITIVE_INFINITY),
    {
      name: 'review-overdue',
      everyMs: sweepSeconds > 0 ? sweepSeconds * 1000 : Number.POSITIVE_INFINITY,
      run(db, now) {
        const marked = markOverdueReviews(db, now, REMINDER_BATCH)
        return { done: marked, more: marked === REMINDER_BATCH }
      },
      describe: (marked) => `Reviews: ${marked} case(s) found overdue.`,
    },
    webhooksJob(),
    // The report summaries, counted again after a time-zone change (decision 34).
    summariesJob(),
    {
      name: 'sweep',
      everyMs: sweepSeconds > 0 ? sweepSeconds * 1000 : Number.POSITIVE_INFINITY,
      run(db, now) {
        const opened = sweepIgnoredLeads(db, now, { maxBatches: 1, batchSize: SWEEP_BATCH })
        return { done: opened, more: opened === SWEEP_BATCH }
      },
      describe: (opened) => `Sweep: opened ${opened} ignored case(s).`,
    },
    {
      name: 'purge',
      everyMs: 60 * 60 * 1000,
      run(db, now) {
        purgeExpiredSessions(db, now)
        purgeSignInAttempts(db, now)
        purgeIdempotency(db, now)
        purgeRateWindows(db, now)
        return { done: pruneOldMail(db, now), more: false }
      },
    },
    {
      // Batches of leads sent to the API: one transaction of rows a run, until none is left.
      name: 'api-batches',
      everyMs: 1000,
      run: runLeadBatches,
      describe: (rows) => `API batches: wrote ${rows} lead(s).`,
    },
    {
      name: 'uploads',
      everyMs: 60 * 60 * 1000,
      run(db, now) {
        const swept = sweepUploads(db, uploadDirectory(), now)
        return { done: swept.deleted, more: false }
      },
      describe: (deleted) => `Uploads: deleted ${deleted} file(s) not imported within 24 hours.`,
    },
  ]
}

/** Hands every waiting event to the app's consumers (the CLI, the sweep script and tests). */
export function drainEvents(db: Queryable, now: Date) {
  return drainOutbox(db, CONSUMERS, now)
}

/**
 * Imports that were running when the server last stopped carry on from their last batch. Only
 * the server calls this: at start, and in a cluster's primary when a worker dies (imports run
 * in the primary, so one still "running" then runs nowhere; runImport skips one this process
 * already runs). `npm run jobs` beside a running server cannot tell an interrupted import from
 * one the server is running.
 */
export function resumeInterruptedImports(db: DB) {
  for (const jobId of interruptedImports(db))
    runImport(db, jobId).catch((error) =>
      console.error(`Import ${jobId} stopped: ${(error as Error).message}`),
    )
}
