// npm run bench: requests/s of the catalog endpoint against a static file with the same bytes, served by the
// same server in the same run. Two servers: the production server (catalog answered in plain Node in front of
// Next.js) and plain `next start` (the route handler, as on a host that runs only Next). Medians of 3 rounds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import autocannon from 'autocannon'
import { repoRoot } from './paths'

const web = `${repoRoot}web/`
const require = createRequire(import.meta.url)
const seconds = Number(process.env.BENCH_SECONDS || 5)
const rounds = Number(process.env.BENCH_ROUNDS || 3)
const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }

if (!existsSync(`${web}.next/BUILD_ID`) || !existsSync(`${web}dist/server.mjs`)) {
  console.error('Building the site first…')
  if (
    spawnSync(process.execPath, [`${web}build.mjs`], { cwd: web, stdio: 'inherit', env }).status !==
    0
  )
    process.exit(1)
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not answer`)
}

function start(command: string[], port: number): ChildProcess {
  return spawn(process.execPath, command, {
    cwd: web,
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  })
}

async function measure(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 32, duration: seconds, pipelining: 1 })
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return result.requests.average
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

// Next.js serves the public files it finds when it starts (a .json file added after the build it does not,
// so the baseline is the same bytes as .txt): the file is written before the measured servers start.
const staticFile = `${web}public/bench-catalog.txt`
const first = start(['dist/server.mjs'], 3201)
await waitFor('http://127.0.0.1:3201/api/cookie-catalog?lang=fr')
const bytes = Buffer.from(
  await (await fetch('http://127.0.0.1:3201/api/cookie-catalog?lang=fr')).arrayBuffer(),
)
first.kill()
await new Promise((resolve) => first.once('exit', resolve))
writeFileSync(staticFile, bytes)

const production = start(['dist/server.mjs'], 3201)
const plainNext = start([require.resolve('next/dist/bin/next'), 'start', '--port', '3202'], 3202)
try {
  await waitFor('http://127.0.0.1:3201/api/cookie-catalog?lang=fr')
  await waitFor('http://127.0.0.1:3202/api/cookie-catalog?lang=fr')
  await waitFor('http://127.0.0.1:3201/bench-catalog.txt')
  await waitFor('http://127.0.0.1:3202/bench-catalog.txt')
  const targets = {
    'production server: static file (baseline)': 'http://127.0.0.1:3201/bench-catalog.txt',
    'production server: /api/cookie-catalog': 'http://127.0.0.1:3201/api/cookie-catalog?lang=fr',
    'next start: static file (baseline)': 'http://127.0.0.1:3202/bench-catalog.txt',
    'next start: /api/cookie-catalog (route handler)':
      'http://127.0.0.1:3202/api/cookie-catalog?lang=fr',
  }
  const results: Record<string, number[]> = Object.fromEntries(
    Object.keys(targets).map((name) => [name, []]),
  )
  for (let round = 1; round <= rounds; round++) {
    for (const [name, url] of Object.entries(targets)) {
      const rate = await measure(url)
      results[name]!.push(rate)
      console.error(`round ${round}/${rounds} · ${name}: ${Math.round(rate)} req/s`)
    }
  }
  const rate = (name: string) => median(results[name]!)
  console.log(
    `\n${bytes.length} bytes of catalog JSON, ${seconds} s × ${rounds} rounds, 32 connections, medians:\n`,
  )
  console.log(
    '| server | what | requests/s | vs static file, same server |\n| --- | --- | ---: | ---: |',
  )
  for (const server of ['production server', 'next start']) {
    const baseline = rate(`${server}: static file (baseline)`)
    for (const name of Object.keys(targets).filter((key) => key.startsWith(server))) {
      console.log(
        `| ${server} | ${name.slice(server.length + 2)} | ${Math.round(rate(name))} | ${(rate(name) / baseline).toFixed(2)}× |`,
      )
    }
  }
} finally {
  production.kill()
  plainNext.kill()
  rmSync(staticFile, { force: true })
}
