#!/usr/bin/env node
// npm start: builds the site when there is no build yet, then serves it on PORT (default 3000).
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const web = fileURLToPath(new URL('..', import.meta.url))
const next = fileURLToPath(new URL('../node_modules/.bin/next', import.meta.url))
const nextBin = existsSync(next) ? next : fileURLToPath(new URL('../../node_modules/.bin/next', import.meta.url))
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' }

if (!existsSync(`${web}.next/BUILD_ID`)) {
  console.log('No build yet: building the site once (next build)…')
  const build = spawnSync(nextBin, ['build'], { cwd: web, env, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const port = process.env.PORT || '3000'
const server = spawn(nextBin, ['start', '--port', port], { cwd: web, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
