#!/usr/bin/env node
// npm start: builds the site when there is no build yet, then serves it on PORT (default 3000)
// with the production server (dist/server.mjs: the catalog endpoint in front of Next.js).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const web = fileURLToPath(new URL('..', import.meta.url))
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  NODE_ENV: 'production',
}

if (!existsSync(`${web}.next/BUILD_ID`) || !existsSync(`${web}dist/server.mjs`)) {
  console.log('No build yet: building the site once…')
  const build = spawnSync(process.execPath, [`${web}build.mjs`], {
    cwd: web,
    env,
    stdio: 'inherit',
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// A bounded old generation keeps the server's memory near what it holds. The young generation keeps V8's
// default size: a 2 MB one (the setting before the pages moved to one owner) made the server scavenge so
// often under load that it answered about a third fewer requests a second (npm run bench).
const V8_FLAGS = ['--max-old-space-size=192']

const server = spawn(process.execPath, [...V8_FLAGS, `${web}dist/server.mjs`], {
  cwd: web,
  env,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
