// `npm start`: builds when the sources are newer than the build, then runs the production
// server with demo mode on (unless DEMO_MODE says otherwise).
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const STAMP = 'build/.stamp'
const SOURCES = [
  'app',
  'db',
  'server',
  'migrations',
  'package-lock.json',
  'vite.config.ts',
  'tsconfig.json',
]

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

const builtAt = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0
if (!existsSync('build/server.js') || Math.max(...SOURCES.map(newestMtime)) > builtAt) {
  console.log('Building Leadcourt…')
  execSync('npm run build', { stdio: 'inherit' })
  writeFileSync(STAMP, new Date().toISOString())
}

process.env.NODE_ENV ??= 'production'
process.env.DEMO_MODE ??= 'true'
await import(pathToFileURL(resolve('build/server.js')).href)
