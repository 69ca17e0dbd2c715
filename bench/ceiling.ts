// The ceiling the page benchmark compares against: a bare node:http server answering every
// request with a static HTML page of the size the query asks for (`/?bytes=12345`), so each
// page is compared with the fastest Node can send a page of its size. Run as its own process.
import { createServer } from 'node:http'

const pages = new Map<number, Buffer>()
function page(bytes: number): Buffer {
  let body = pages.get(bytes)
  if (!body) {
    const head = '<!DOCTYPE html><html><head><title>Ceiling</title></head><body>'
    const tail = '</body></html>'
    body = Buffer.from(
      head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail,
      'utf8',
    )
    pages.set(bytes, body)
  }
  return body
}

const server = createServer((request, response) => {
  const bytes = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('bytes') ?? 1000)
  const body = page(bytes)
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
  })
  response.end(body)
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  console.log(`ceiling listening on ${typeof address === 'object' ? address?.port : address}`)
})
