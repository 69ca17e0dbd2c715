import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { defaultReportWorkers, EnvError, parseEnv } from '~/platform/env.server'

describe('environment', () => {
  it('has defaults that run the app with nothing set', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_PATH: 'data/leadcourt.db',
      DEMO_MODE: false,
      // Development is one process with Vite's middleware, whatever WEB_CONCURRENCY says.
      WEB_CONCURRENCY: 1,
      EXPOSE_PROCESS_ID: false,
      TRUST_PROXY: 0,
      SESSION_MAX_AGE_DAYS: 30,
      SWEEP_INTERVAL_SECONDS: 60,
      REPORT_WORKERS: Math.max(1, availableParallelism() - 1),
      REPORT_TIMEOUT_MS: 15_000,
      PASSWORD_HASH_COST: 'production',
      UPLOAD_QUOTA_FILES: 10,
      UPLOAD_QUOTA_MB: 1024,
      BACKUP_KEEP: 14,
      SMTP: null,
      COOKIE_SECURE: false,
    })
  })

  it('reads the SMTP server, and names the variable of a bad or missing value', () => {
    expect(
      parseEnv({ SMTP_HOST: 'smtp.example.com', MAIL_FROM: 'Court <court@example.com>' }).SMTP,
    ).toEqual({
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      starttls: 'auto',
      auth: null,
      from: 'Court <court@example.com>',
    })
    expect(
      parseEnv({
        SMTP_HOST: 'smtp.example.com',
        SMTP_SECURE: 'true',
        SMTP_USER: 'court',
        SMTP_PASSWORD: 'hunter2hunter2',
        MAIL_FROM: 'court@example.com',
      }).SMTP,
    ).toMatchObject({ port: 465, secure: true, auth: { user: 'court', pass: 'hunter2hunter2' } })
    expect(() => parseEnv({ SMTP_HOST: 'smtp.example.com' })).toThrowError(
      'MAIL_FROM=undefined: must be set with SMTP_HOST: the address the e-mails come from',
    )
    expect(() => parseEnv({ SMTP_PORT: '99999' })).toThrowError(
      'SMTP_PORT="99999": must be between 1 and 65535',
    )
    expect(() => parseEnv({ SMTP_STARTTLS: 'maybe' })).toThrowError(
      'SMTP_STARTTLS="maybe": must be auto, required or off',
    )
    expect(() => parseEnv({ MAIL_FROM: 'not an address' })).toThrowError(
      /MAIL_FROM="not an address": must be an address/,
    )
    // The password is never shown.
    expect(() => parseEnv({ SMTP_PASSWORD: 'hunter2hunter2' })).toThrowError(
      'SMTP_USER=undefined: must be set with SMTP_PASSWORD',
    )
    expect(() => parseEnv({ SMTP_USER: 'court' })).toThrowError(
      'SMTP_PASSWORD=(hidden): must be set with SMTP_USER',
    )
  })

  it('refuses a quota of uploads or a number of backups below 1', () => {
    expect(() => parseEnv({ BACKUP_KEEP: '0' })).toThrowError('BACKUP_KEEP="0": must be 1 or more')
    expect(() => parseEnv({ UPLOAD_QUOTA_FILES: 'many' })).toThrowError(
      'UPLOAD_QUOTA_FILES="many": must be how many uploads one person may have waiting to be imported',
    )
  })

  it('hashes passwords at the production cost unless told otherwise', () => {
    expect(parseEnv({ PASSWORD_HASH_COST: 'test' }).PASSWORD_HASH_COST).toBe('test')
    expect(parseEnv({ NODE_ENV: 'test' }).PASSWORD_HASH_COST).toBe('production')
    expect(() => parseEnv({ PASSWORD_HASH_COST: 'cheap' })).toThrowError(
      'PASSWORD_HASH_COST="cheap": must be production or test',
    )
  })

  it('secures cookies in production unless told otherwise, and reduces APP_ORIGIN to an origin', () => {
    const env = parseEnv({ NODE_ENV: 'production', APP_ORIGIN: 'https://court.example.com/x' })
    expect(env.COOKIE_SECURE).toBe(true)
    expect(env.APP_ORIGIN).toBe('https://court.example.com')
    expect(parseEnv({ NODE_ENV: 'production' }).COOKIE_SECURE).toBe(true)
    expect(parseEnv({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false)
    // The demo over plain http (npm start on a LAN address) must still be able to sign in.
    expect(parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true' }).COOKIE_SECURE).toBe(false)
    expect(
      parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true', APP_ORIGIN: 'https://x.test' })
        .COOKIE_SECURE,
    ).toBe(true)
    expect(
      parseEnv({ NODE_ENV: 'production', APP_ORIGIN: 'http://intranet:3000' }).COOKIE_SECURE,
    ).toBe(false)
  })

  it('trusts a number of proxies, never any client-supplied address by default', () => {
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrowError(/TRUST_PROXY="true"/)
  })

  it('trusts proxies by address: a list of addresses, subnets and named ranges', () => {
    expect(parseEnv({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      'loopback',
    ])
    expect(parseEnv({ TRUST_PROXY: '2001:db8::/32' }).TRUST_PROXY).toEqual(['2001:db8::/32'])
    for (const bad of ['11', '-1', '10.0.0.0/33', 'proxy.internal', '10.0.0.5,', '*']) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrowError(
        `TRUST_PROXY=${JSON.stringify(bad)}: must be the number of reverse proxies in front of the app (0 for none, at most 10), or a comma-separated list`,
      )
    }
  })

  it('ends sessions after SESSION_MAX_AGE_DAYS, between 1 and 400', () => {
    expect(parseEnv({ SESSION_MAX_AGE_DAYS: '90' }).SESSION_MAX_AGE_DAYS).toBe(90)
    for (const bad of ['0', '401', '1.5', 'month']) {
      expect(() => parseEnv({ SESSION_MAX_AGE_DAYS: bad }), bad).toThrowError(
        `SESSION_MAX_AGE_DAYS="${bad}"`,
      )
    }
  })

  it('serves from a process per core in production, WEB_CONCURRENCY of them when set (1 to 64)', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).WEB_CONCURRENCY).toBe(availableParallelism())
    expect(parseEnv({ NODE_ENV: 'production', WEB_CONCURRENCY: '3' })).toMatchObject({
      WEB_CONCURRENCY: 3,
      REPORT_WORKERS: defaultReportWorkers(3),
    })
    expect(parseEnv({ NODE_ENV: 'development', WEB_CONCURRENCY: '3' }).WEB_CONCURRENCY).toBe(1)
    for (const bad of ['0', '65', '1.5', 'auto']) {
      expect(() => parseEnv({ WEB_CONCURRENCY: bad }), bad).toThrowError(`WEB_CONCURRENCY="${bad}"`)
    }
    expect(() => parseEnv({ WEB_CONCURRENCY: '0' })).toThrowError('must be between 1 and 64')
    expect(parseEnv({ EXPOSE_PROCESS_ID: 'true' }).EXPOSE_PROCESS_ID).toBe(true)
  })

  it('shares the cores but one among the processes as report threads, at least one each', () => {
    expect(defaultReportWorkers(1, 2)).toBe(1)
    expect(defaultReportWorkers(2, 2)).toBe(1)
    expect(defaultReportWorkers(1, 8)).toBe(7)
    expect(defaultReportWorkers(2, 8)).toBe(3)
    expect(defaultReportWorkers(8, 8)).toBe(1)
    expect(defaultReportWorkers(1, 1)).toBe(1)
    expect(defaultReportWorkers(1, 64)).toBe(16)
  })

  it('runs reports on 1 to 16 threads, each given 100 ms to 10 minutes', () => {
    expect(parseEnv({ REPORT_WORKERS: '4', REPORT_TIMEOUT_MS: '300' })).toMatchObject({
      REPORT_WORKERS: 4,
      REPORT_TIMEOUT_MS: 300,
    })
    expect(() => parseEnv({ REPORT_WORKERS: '0' })).toThrowError(
      'REPORT_WORKERS="0": must be between 1 and 16',
    )
    expect(() => parseEnv({ REPORT_TIMEOUT_MS: '15s' })).toThrowError(
      'REPORT_TIMEOUT_MS="15s": must be a number of milliseconds',
    )
    expect(() => parseEnv({ REPORT_TIMEOUT_MS: '99' })).toThrowError(
      'REPORT_TIMEOUT_MS="99": must be between 100 and 600000 (10 minutes)',
    )
  })

  it('treats empty values as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_PATH: '' }).PORT).toBe(3000)
  })

  it('names every bad variable at once', () => {
    expect(() => parseEnv({ PORT: '0', NODE_ENV: 'staging', APP_ORIGIN: 'court' })).toThrowError(
      EnvError,
    )
    try {
      parseEnv({ PORT: '0', NODE_ENV: 'staging', APP_ORIGIN: 'court' })
    } catch (error) {
      const message = (error as Error).message
      expect(message).toContain('PORT="0": must be between 1 and 65535')
      expect(message).toContain('NODE_ENV="staging"')
      expect(message).toContain(
        'APP_ORIGIN="court": must be an origin such as https://leadcourt.example.com',
      )
    }
  })
})
