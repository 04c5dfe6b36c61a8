// npm run bench: requests/s and p99 latency of the catalog endpoint and of a policy page, each against a static
// file with the same bytes, served by the same server in the same run. Two servers: the production server
// (the catalog answered from ready bytes in plain Node in front of Next.js, pages by Next.js) and plain
// `next start` (the route handler and Next's own rendering, as on a host that runs only Next). Medians of
// 3 rounds.
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

interface Measure {
  rate: number
  p99: number
}

async function measure(url: string): Promise<Measure> {
  const result = await autocannon({ url, connections: 32, duration: seconds, pipelining: 1 })
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return { rate: result.requests.average, p99: result.latency.p99 }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

// Next.js serves only the public files it found at build time: the baselines (the same bytes as .txt files)
// are written, then the site is built again before the measured servers start.
const staticFile = `${web}public/bench-catalog.txt`
const staticPage = `${web}public/bench-page.txt`
const first = start(['dist/server.mjs'], 3201)
await waitFor('http://127.0.0.1:3201/api/cookie-catalog?lang=fr')
const bytesOf = async (path: string) =>
  Buffer.from(await (await fetch(`http://127.0.0.1:3201${path}`)).arrayBuffer())
const bytes = await bytesOf('/api/cookie-catalog?lang=fr')
const pageBytes = await bytesOf('/fr/cookies')
first.kill()
await new Promise((resolve) => first.once('exit', resolve))
writeFileSync(staticFile, bytes)
writeFileSync(staticPage, pageBytes)
console.error('Building the site again with the baseline files in public/…')
if (
  spawnSync(process.execPath, [`${web}build.mjs`], { cwd: web, stdio: 'ignore', env }).status !== 0
)
  throw new Error('the site did not build')

const production = start(['dist/server.mjs'], 3201)
const plainNext = start([require.resolve('next/dist/bin/next'), 'start', '--port', '3202'], 3202)
try {
  await waitFor('http://127.0.0.1:3201/api/cookie-catalog?lang=fr')
  await waitFor('http://127.0.0.1:3202/api/cookie-catalog?lang=fr')
  await waitFor('http://127.0.0.1:3201/bench-catalog.txt')
  await waitFor('http://127.0.0.1:3202/bench-catalog.txt')
  await waitFor('http://127.0.0.1:3201/bench-page.txt')
  // Each measured address, and the static file with the same bytes it is compared with.
  const targets: Record<string, { url: string; baseline: string }> = {}
  for (const [server, port] of [
    ['production server', 3201],
    ['next start', 3202],
  ] as const) {
    const origin = `http://127.0.0.1:${port}`
    targets[`${server}: /api/cookie-catalog`] = {
      url: `${origin}/api/cookie-catalog?lang=fr`,
      baseline: `${origin}/bench-catalog.txt`,
    }
    targets[`${server}: /fr/cookies`] = {
      url: `${origin}/fr/cookies`,
      baseline: `${origin}/bench-page.txt`,
    }
  }
  const urls = [
    ...new Set(Object.values(targets).flatMap((target) => [target.baseline, target.url])),
  ]
  const results = new Map<string, Measure[]>(urls.map((url) => [url, []]))
  for (let round = 1; round <= rounds; round++) {
    for (const url of urls) {
      const result = await measure(url)
      results.get(url)!.push(result)
      console.error(`round ${round}/${rounds} · ${url}: ${Math.round(result.rate)} req/s`)
    }
  }
  const rate = (url: string) => median(results.get(url)!.map((result) => result.rate))
  const p99 = (url: string) => median(results.get(url)!.map((result) => result.p99))
  console.log(
    `\n${bytes.length} bytes of catalog JSON, ${pageBytes.length} bytes of /fr/cookies, ${seconds} s × ${rounds} rounds, 32 connections, medians:\n`,
  )
  console.log(
    '| server | what | requests/s | p99 | static file, same bytes | vs static file |\n| --- | --- | ---: | ---: | ---: | ---: |',
  )
  for (const [name, target] of Object.entries(targets)) {
    const [server, what] = name.split(': ')
    console.log(
      `| ${server} | ${what} | ${Math.round(rate(target.url))} | ${p99(target.url)} ms | ${Math.round(rate(target.baseline))} | ${(rate(target.url) / rate(target.baseline)).toFixed(2)}× |`,
    )
  }
} finally {
  production.kill()
  plainNext.kill()
  rmSync(staticFile, { force: true })
  rmSync(staticPage, { force: true })
}
