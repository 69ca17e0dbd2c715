import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { z } from 'zod'

/** One HTTP process per core (decision 31). */
export const DEFAULT_WEB_CONCURRENCY = Math.max(1, Math.min(64, availableParallelism()))

/**
 * The report threads of each HTTP process: the cores but one, shared among the processes, and
 * at least one each, since every process answers report pages (decisions 20 and 31). One process
 * on two cores: 1; two processes on two cores: 1 each; four on eight: 1 each; two on eight: 3.
 */
export function defaultReportWorkers(processes: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(16, Math.floor((cores - 1) / processes)))
}

/** An entry Express's `trust proxy` understands: an IP address, a subnet, or a named range. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true
  const [ip, prefix, ...rest] = entry.split('/')
  const version = isIP(ip ?? '')
  if (version === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)
}

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 65535')
      .max(65535, 'must be between 1 and 65535')
      .default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    // How many processes serve HTTP (decision 31): one per core by default; 1 is one process
    // with no cluster. Development always runs one (Vite's middleware), whatever this says.
    WEB_CONCURRENCY: z.coerce
      .number({ error: 'must be the number of server processes' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 64')
      .max(64, 'must be between 1 and 64')
      .default(DEFAULT_WEB_CONCURRENCY),
    // Each response names the process that answered it (X-Leadcourt-Process: its pid), for the
    // cluster's tests and for diagnosing one; off by default.
    EXPOSE_PROCESS_ID: flag.default(false),
    DATABASE_PATH: z.string().min(1, 'must not be empty').default('data/leadcourt.db'),
    DEMO_MODE: flag.default(false),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    APP_ORIGIN: z
      .url({ error: 'must be an origin such as https://leadcourt.example.com' })
      .transform((v) => new URL(v).origin)
      .optional(),
    COOKIE_SECURE: flag.optional(),
    // Which peers may tell the app the client's address in X-Forwarded-For (README,
    // "Behind a reverse proxy"): a number of hops, or the proxies' addresses and subnets.
    // Never `true`: trusting every hop lets any client choose its own address.
    TRUST_PROXY: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (/^\d+$/.test(value)) {
          const hops = Number(value)
          if (hops <= 10) return hops
        } else {
          const entries = value.split(',').map((entry) => entry.trim())
          if (entries.every(isProxyAddress)) return entries
        }
        ctx.addIssue({
          code: 'custom',
          message:
            'must be the number of reverse proxies in front of the app (0 for none, at most 10), or a comma-separated list of their addresses or subnets (e.g. 10.0.0.5, 172.16.0.0/12, loopback)',
        })
        return z.NEVER
      })
      .default(0),
    // A session's absolute lifetime, from sign-in (decision 22); the cookie lasts as long.
    // Browsers keep a cookie 400 days at most.
    SESSION_MAX_AGE_DAYS: z.coerce
      .number({ error: 'must be a number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be between 1 and 400 days')
      .max(400, 'must be between 1 and 400 days')
      .default(30),
    SWEEP_INTERVAL_SECONDS: z.coerce
      .number({ error: 'must be a number of seconds (0 turns the in-server sweep off)' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .default(60),
    // The report pool (decision 20): how many threads run reports and CSV exports at once, and
    // how long one may take before the request gets a 503 and its thread is replaced. The
    // threads share the cores with the server, so by default they leave it one (on two cores,
    // one report thread kept the lead page's p95 at 120 ms beside report load, two at 160).
    // Per HTTP process: the default shares the cores but one among them (defaultReportWorkers).
    REPORT_WORKERS: z.coerce
      .number({ error: 'must be the number of report threads' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 16')
      .max(16, 'must be between 1 and 16')
      .optional(),
    REPORT_TIMEOUT_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number')
      .min(100, 'must be between 100 and 600000 (10 minutes)')
      .max(600_000, 'must be between 100 and 600000 (10 minutes)')
      .default(15_000),
    // How hard new password hashes are to compute (password.server.ts). `test` is for the test
    // suite only (vitest.config.ts sets it), where hundreds of sign-ins would otherwise each cost
    // 0.3 s and 128 MB; never set it for a real server. Not refused under NODE_ENV=production,
    // because the suite runs commands that way (seed:large).
    PASSWORD_HASH_COST: z
      .enum(['production', 'test'], { error: 'must be production or test' })
      .default('production'),
    // Operations: uploads waiting to be imported, and backups (README, Operations).
    UPLOAD_QUOTA_FILES: z.coerce
      .number({ error: 'must be how many uploads one person may have waiting to be imported' })
      .int('must be a whole number')
      .min(1, 'must be 1 or more')
      .default(10),
    UPLOAD_QUOTA_MB: z.coerce
      .number({ error: 'must be how many MB of uploads one person may have waiting' })
      .int('must be a whole number')
      .min(1, 'must be 1 or more')
      .default(1024),
    BACKUP_DIRECTORY: z.string().min(1).optional(),
    BACKUP_KEEP: z.coerce
      .number({ error: 'must be how many backups to keep' })
      .int('must be a whole number')
      .min(1, 'must be 1 or more')
      .default(14),
    // E-mail (README, "E-mail"; decision 30). No SMTP_HOST: messages are kept in the in-app
    // mailbox instead of sent.
    SMTP_HOST: z.string().trim().min(1).optional(),
    SMTP_PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 65535')
      .max(65535, 'must be between 1 and 65535')
      .optional(),
    // Implicit TLS from the first byte (usually port 465); otherwise STARTTLS as SMTP_STARTTLS says.
    SMTP_SECURE: flag.optional(),
    SMTP_STARTTLS: z
      .enum(['auto', 'required', 'off'], { error: 'must be auto, required or off' })
      .optional(),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    MAIL_FROM: z
      .string()
      .trim()
      .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
        message:
          'must be an address such as leadcourt@example.com or Leadcourt <leadcourt@example.com>',
      })
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_USER && !env.SMTP_PASSWORD)
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_PASSWORD'],
        message: 'must be set with SMTP_USER',
      })
    if (env.SMTP_PASSWORD && !env.SMTP_USER)
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_USER'],
        message: 'must be set with SMTP_PASSWORD',
      })
    if (env.SMTP_HOST && !env.MAIL_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'must be set with SMTP_HOST: the address the e-mails come from',
      })
    if (env.SMTP_SECURE && env.SMTP_STARTTLS && env.SMTP_STARTTLS !== 'auto')
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_STARTTLS'],
        message: 'must be auto (or unset) when SMTP_SECURE is on: the connection is TLS already',
      })
  })
  .transform((env) => ({
    ...env,
    WEB_CONCURRENCY: env.NODE_ENV === 'development' ? 1 : env.WEB_CONCURRENCY,
    REPORT_WORKERS:
      env.REPORT_WORKERS ??
      defaultReportWorkers(env.NODE_ENV === 'development' ? 1 : env.WEB_CONCURRENCY),
    // The SMTP server, or null: no SMTP_HOST keeps every message in the in-app mailbox.
    SMTP: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587),
          secure: env.SMTP_SECURE ?? false,
          starttls: env.SMTP_STARTTLS ?? 'auto',
          auth:
            env.SMTP_USER && env.SMTP_PASSWORD
              ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD }
              : null,
          from: env.MAIL_FROM as string,
        }
      : null,
    // Secure cookies need HTTPS. The demo (`npm start`) is usually opened over plain http,
    // so it sends them only when APP_ORIGIN says the site is served over https.
    COOKIE_SECURE:
      env.COOKIE_SECURE ??
      (env.APP_ORIGIN
        ? env.APP_ORIGIN.startsWith('https:')
        : env.NODE_ENV === 'production' && !env.DEMO_MODE),
  }))

type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {}

/** Validates the environment; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  )
  const result = EnvSchema.safeParse(cleaned)
  if (result.success) return result.data
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0])
    const hidden = name.includes('SECRET') || name === 'SMTP_PASSWORD'
    const shown = hidden ? '(hidden)' : JSON.stringify(source[name])
    return `  ${name}=${shown}: ${issue.message}`
  })
  throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`)
}

let cached: Env | undefined
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
