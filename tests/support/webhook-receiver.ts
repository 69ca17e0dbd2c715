// A webhook receiver for tests: a real HTTP server on a free port of 127.0.0.1 that keeps every
// request (headers and the raw body) and answers with the status `answer` gives (a function a
// test changes as it goes); 'hang' never answers (for the timeout).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { vi } from 'vitest'

export type Received = { headers: IncomingHttpHeaders; body: string }
export type Answer = number | 'hang'

export type Receiver = {
  url: string
  received: Received[]
  answer: (r: Received) => Answer
  /** Verifies a request with `secret` as a receiver would (at the request's own timestamp). */
  verify: (r: Received, secret: string) => unknown
  close: () => Promise<void>
}

export async function startReceiver(path = '/hooks', port = 0): Promise<Receiver> {
  const hanging: ServerResponse[] = []
  const receiver: Receiver = {
    url: '',
    received: [],
    answer: () => 200,
    verify: (r, secret) => {
      // standardwebhooks checks the timestamp against the wall clock; the tests pin time.
      const at = Number(r.headers['webhook-timestamp']) * 1000
      const spy = vi.spyOn(Date, 'now').mockReturnValue(at)
      try {
        return new Webhook(secret).verify(r.body, r.headers as Record<string, string>)
      } finally {
        spy.mockRestore()
      }
    },
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const got = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      receiver.received.push(got)
      const answer = receiver.answer(got)
      if (answer === 'hang') {
        hanging.push(res)
        return
      }
      res.writeHead(answer, { 'Content-Type': 'text/plain' })
      res.end(answer >= 300 ? `status ${answer}` : 'ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const bound = (server.address() as AddressInfo).port
  receiver.url = `http://127.0.0.1:${bound}${path}`
  return receiver
}
