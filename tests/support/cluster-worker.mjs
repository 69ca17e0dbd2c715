// A stand-in for build/server.js in a cluster's worker (tests/routes/cluster-supervisor.test.ts):
// with FIXTURE_MODE=fail it exits at once, as a worker that cannot start does; otherwise it
// listens, and stops on SIGTERM as the server's workers do.
import { createServer } from 'node:http'

if (process.env.FIXTURE_MODE === 'fail') process.exit(3)
const server = createServer((_request, response) => response.end(String(process.pid)))
server.listen(0, '127.0.0.1')
process.on('SIGTERM', () => server.close(() => process.exit(0)))
