// A real SMTP server for a test, on a free port of 127.0.0.1 (the smtp-server package): it
// collects what it receives, or refuses recipients with the reply a test asks for.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { createMailer, type Mailer } from '~/platform/mailer.server'

export type Received = { from: string; to: string[]; subject: string; text: string; raw: string }

/** Quoted-printable bodies and encoded headers, read back as the text nodemailer was given. */
function decodeBody(raw: string): string {
  const [head = '', ...rest] = raw.split('\r\n\r\n')
  const body = rest.join('\r\n\r\n')
  if (!/Content-Transfer-Encoding: quoted-printable/i.test(head)) return body
  return Buffer.from(
    body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
    'latin1',
  ).toString('utf8')
}

/** The plain-text part of a message nodemailer wrote (multipart/alternative). */
function textPart(raw: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1]
  if (!boundary) return decodeBody(raw)
  const part = raw.split(`--${boundary}`).find((p) => /Content-Type: text\/plain/i.test(p)) ?? ''
  return decodeBody(part.replace(/^\r\n/, ''))
}

export type TestSmtp = {
  port: number
  received: Received[]
  /** The reply to give every recipient: null accepts, else e.g. { code: 550, message: '…' }. */
  refuse: (reply: { code: number; message: string } | null) => void
  mailer: () => Mailer
  close: () => Promise<void>
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = []
  let refusal: { code: number; message: string } | null = null
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusal) return callback()
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '',
          text: textPart(raw),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    port,
    received,
    refuse: (reply) => {
      refusal = reply
    },
    mailer: () =>
      createMailer({
        host: '127.0.0.1',
        port,
        secure: false,
        starttls: 'off',
        auth: null,
        from: 'Leadcourt <leadcourt@brightline.test>',
        timeoutMs: 5_000,
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
