// The one way out for e-mail (decision 30): an SMTP transport through nodemailer, made lazily
// from the environment (SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_STARTTLS, SMTP_USER,
// SMTP_PASSWORD, MAIL_FROM). With no SMTP_HOST there is no mailer, and the delivery job keeps
// every message in the in-app mailbox. Only the delivery job calls `send`, outside any
// transaction; nothing on a request's path talks to the mail server.
import nodemailer from 'nodemailer'
import { getEnv } from './env.server'

export type OutgoingMail = { to: string; subject: string; text: string; html: string }

export type Mailer = {
  /** Hands one message to the server; rejects with the server's or the network's error. */
  send: (mail: OutgoingMail) => Promise<void>
  close: () => void
}

export type SmtpConfig = {
  host: string
  port: number
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean
  /** Without implicit TLS: upgrade when offered (auto), insist on it (required), or never. */
  starttls: 'auto' | 'required' | 'off'
  auth: { user: string; pass: string } | null
  from: string
  /** How long to wait for a connection, the greeting and each reply (ms). */
  timeoutMs?: number
}

/** A mailer for one SMTP server (the app's from the environment, or a test's own). */
export function createMailer(config: SmtpConfig): Mailer {
  const timeout = config.timeoutMs ?? 15_000
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: !config.secure && config.starttls === 'required',
    ignoreTLS: !config.secure && config.starttls === 'off',
    ...(config.auth ? { auth: config.auth } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  })
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, ...mail })
    },
    close: () => transport.close(),
  }
}

/** nodemailer's codes for a server that cannot be reached or talked to at all. */
const SERVER_DOWN_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS'])

/**
 * Whether a send failed at the connection (refused, timed out, no greeting, dropped, TLS
 * failed): the server is down for every message, not refusing this one.
 */
export function isServerDown(error: unknown): boolean {
  const e = error as { code?: string; command?: string } | null
  return e?.command === 'CONN' || SERVER_DOWN_CODES.has(e?.code ?? '')
}

let cached: { mailer: Mailer | null } | undefined

/** The app's mailer, made on first use from the environment; null when SMTP is not configured. */
export function getMailer(): Mailer | null {
  if (!cached) {
    const smtp = getEnv().SMTP
    cached = { mailer: smtp ? createMailer(smtp) : null }
  }
  return cached.mailer
}

/**
 * The site's address for links in e-mails: APP_ORIGIN, else http://localhost and the port the
 * server listens on (the demo's `npm start`).
 */
export function siteOrigin(): string {
  const env = getEnv()
  return env.APP_ORIGIN ?? `http://localhost:${env.PORT}`
}
