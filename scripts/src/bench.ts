// npm run bench: requests/s and p99 of the catalog and of each policy page type on the production server, each
// against a bare Node server answering the same bytes, headers included, in the same run (medians of rounds),
// and on plain `next start`.
// npm run bench -- --scale 2000x100: a generated policy of 2,000 cookies and 100 versions against the same
// policy with one version: first answers, the server's memory, and the cost of importing one more version.
// npm run bench -- --consent: the consent ledger on SQLite and PostgreSQL (see benchConsent.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import lighthouse from 'lighthouse'
import { CHROMIUM_FLAGS, findChromium } from '@cookie-policy/schemas/node'
import { benchConsent } from './benchConsent'
import { importPolicyFile } from './importCommand'
import { repoRoot } from './paths'
import { scaleEffectiveDay, scalePolicyText } from './scale'

const web = `${repoRoot}web/`
const seconds = Number(process.env.BENCH_SECONDS || 5)
const rounds = Number(process.env.BENCH_ROUNDS || 3)
const connections = 50
const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
const lighthouseVersion = (
  createRequire(import.meta.url)('lighthouse/package.json') as { version: string }
).version
const { values: args } = parseArgs({
  options: { scale: { type: 'string' }, consent: { type: 'boolean' } },
})

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function buildOnce(): void {
  console.error('Building the site…')
  const build = spawnSync(process.execPath, [`${web}build.mjs`], { cwd: web, stdio: 'ignore', env })
  if (build.status !== 0) throw new Error('the site did not build')
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${url} did not answer`)
}

interface Site {
  origin: string
  process: ChildProcess
  stop: () => Promise<void>
}

/** A started server, and how to stop it. */
function siteOf(child: ChildProcess, origin: string): Site {
  return {
    origin,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill()
      }),
  }
}

/** The production server on a dataset as `npm start` runs it, ready (it reads the dataset before it listens). */
async function startSite(
  dataset: string,
  port: number,
  more: Record<string, string> = {},
): Promise<Site> {
  const child = spawn(process.execPath, ['bin/start.mjs'], {
    cwd: web,
    env: { ...env, PORT: String(port), POLICY_DATASET: dataset, ...more },
    stdio: 'ignore',
  })
  const origin = `http://127.0.0.1:${port}`
  await waitFor(`${origin}/healthz`)
  return siteOf(child, origin)
}

/** Plain `next start` on a dataset, as a host that runs only Next.js would: the same handler, through a route. */
async function startNextOnly(dataset: string, port: number, store: string): Promise<Site> {
  const child = spawn(
    process.execPath,
    [`${repoRoot}node_modules/next/dist/bin/next`, 'start', '-p', String(port), '-H', '127.0.0.1'],
    { cwd: web, env: { ...env, POLICY_DATASET: dataset, CONSENT_STORE: store }, stdio: 'ignore' },
  )
  const origin = `http://127.0.0.1:${port}`
  await waitFor(`${origin}/healthz`)
  return siteOf(child, origin)
}

/**
 * A bare Node server answering each path with fixed bytes (the site's answer, its headers included), in a
 * process of its own like the site: a map lookup and one write.
 */
const BARE_SERVER = `
const { createServer } = require('node:http')
const pages = new Map(Object.entries(JSON.parse(require('node:fs').readFileSync(process.env.PAGES, 'utf8')))
  .map(([path, page]) => [path, { headers: page.headers, body: Buffer.from(page.body, 'base64') }]))
createServer((request, response) => {
  const page = pages.get(request.url)
  if (!page) { response.writeHead(404); response.end(); return }
  response.writeHead(200, page.headers)
  response.end(page.body)
}).listen(Number(process.env.PORT), '127.0.0.1')
`

async function startBareServer(
  pages: Map<string, { headers: Record<string, string>; body: Buffer }>,
  port: number,
  dir: string,
): Promise<ChildProcess> {
  const manifest = join(dir, 'pages.json')
  writeFileSync(
    manifest,
    JSON.stringify(
      Object.fromEntries(
        [...pages].map(([path, page]) => [
          path,
          { headers: page.headers, body: page.body.toString('base64') },
        ]),
      ),
    ),
  )
  const child = spawn(process.execPath, ['-e', BARE_SERVER], {
    env: { PAGES: manifest, PORT: String(port) },
    stdio: 'ignore',
  })
  await waitFor(`http://127.0.0.1:${port}${pages.keys().next().value}`)
  return child
}

interface Measure {
  rate: number
  p99: number
  errors: number
}

async function measure(url: string): Promise<Measure> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 })
  return {
    rate: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  }
}

/** The table of `npm run bench`: each page type and the catalog, against the bare server. */
async function throughput(): Promise<void> {
  buildOnce()
  // Three versions: a difference between two of them exists.
  const dataset = `${web}e2e/fixtures/three-versions.ndjson`
  const site = await startSite(dataset, 3201)
  const paths = [
    '/api/cookie-catalog?lang=fr',
    '/fr/cookies',
    '/fr/cookies/versions',
    '/fr/cookies/versions/1',
    '/fr/cookies/versions/1...2',
  ]
  const pages = new Map<string, { headers: Record<string, string>; body: Buffer }>()
  // The connection's own headers are the bare server's to write.
  const connection = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])
  for (const path of paths) {
    const answer = await fetch(`${site.origin}${path}`, {
      headers: { 'accept-encoding': 'identity' },
    })
    pages.set(path, {
      headers: Object.fromEntries([...answer.headers].filter(([name]) => !connection.has(name))),
      body: Buffer.from(await answer.arrayBuffer()),
    })
  }
  const dir = mkdtempSync(join(tmpdir(), 'cookie-policy-bench-'))
  const bare = await startBareServer(pages, 3202, dir)
  const bareOrigin = 'http://127.0.0.1:3202'
  const nextOnly = await startNextOnly(dataset, 3203, join(dir, 'consents'))
  const results = new Map<string, { site: Measure[]; bare: Measure[]; next: Measure[] }>(
    paths.map((path) => [path, { site: [], bare: [], next: [] }]),
  )
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const path of paths) {
        const entry = results.get(path)!
        // The site and the bare server take turns at going first: neither gains from the order.
        const pair = [
          async () => entry.bare.push(await measure(`${bareOrigin}${path}`)),
          async () => entry.site.push(await measure(`${site.origin}${path}`)),
        ]
        for (const run of round % 2 ? pair : pair.reverse()) await run()
        entry.next.push(await measure(`${nextOnly.origin}${path}`))
        console.error(
          `round ${round}/${rounds} · ${path}: ${Math.round(entry.site.at(-1)!.rate)} req/s, bare ${Math.round(entry.bare.at(-1)!.rate)}, next start ${Math.round(entry.next.at(-1)!.rate)}`,
        )
      }
    }
    bare.kill()
    await nextOnly.stop()
    console.log(
      `\nProduction server on the three-version dataset, ${seconds} s × ${rounds} rounds, ${connections} connections, identity encoding, medians (the ratio: the median of each round's site/bare ratio):\n`,
    )
    console.log(
      '| what | bytes | requests/s | p99 | errors | bare Node server, same bytes | vs bare (target ≥ 1.0×) | p99 target < 20 ms | plain `next start` | its p99 |',
    )
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |')
    for (const path of paths) {
      const entry = results.get(path)!
      const rate = median(entry.site.map((m) => m.rate))
      const bareRate = median(entry.bare.map((m) => m.rate))
      const p99 = median(entry.site.map((m) => m.p99))
      const errors = entry.site.reduce((sum, m) => sum + m.errors, 0)
      // Each round measures the site and the bare server one after the other: the ratio of a round is a
      // paired comparison, and their median is steadier than the ratio of two medians.
      const ratio = median(entry.site.map((m, i) => m.rate / entry.bare[i]!.rate))
      const nextRate = median(entry.next.map((m) => m.rate))
      const nextP99 = median(entry.next.map((m) => m.p99))
      console.log(
        `| \`${path}\` | ${pages.get(path)!.body.length} | ${Math.round(rate)} | ${p99} ms | ${errors} | ${Math.round(bareRate)} | ${ratio.toFixed(2)}× ${ratio >= 1 ? '✓' : '✗'} | ${p99 < 20 && errors === 0 ? '✓' : '✗'} | ${Math.round(nextRate)} (${(nextRate / bareRate).toFixed(2)}×) | ${nextP99} ms |`,
      )
    }
    await lighthouseTable(site.origin, dir)
  } finally {
    await site.stop()
    await nextOnly.stop()
    bare.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Chromium, headless, for Lighthouse to drive through its debugging port. */
async function startChromium(dir: string, port: number): Promise<ChildProcess> {
  const chromium = findChromium()
  if (!chromium) throw new Error("no Chromium: install Debian's chromium or set CHROMIUM_PATH")
  const child = spawn(
    chromium,
    [
      ...CHROMIUM_FLAGS,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${join(dir, 'chromium')}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  )
  await waitFor(`http://127.0.0.1:${port}/json/version`)
  return child
}

/**
 * Lighthouse (mobile, its default throttling) on each page type in both languages: performance, LCP, total
 * blocking time, CLS and accessibility, next to their targets.
 */
async function lighthouseTable(origin: string, dir: string): Promise<void> {
  const chromium = await startChromium(dir, 9333)
  const rows: string[] = []
  try {
    for (const lang of ['fr', 'en'])
      for (const path of [
        `/${lang}/cookies`,
        `/${lang}/cookies/versions`,
        `/${lang}/cookies/versions/1`,
        `/${lang}/cookies/versions/1...2`,
      ]) {
        const result = await lighthouse(`${origin}${path}`, {
          port: 9333,
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        })
        if (!result) throw new Error(`${path}: Lighthouse gave no result`)
        const { categories, audits } = result.lhr
        const performance = Math.round((categories.performance?.score ?? 0) * 100)
        const accessibility = Math.round((categories.accessibility?.score ?? 0) * 100)
        const lcp = audits['largest-contentful-paint']?.numericValue ?? Infinity
        const tbt = audits['total-blocking-time']?.numericValue ?? Infinity
        const cls = audits['cumulative-layout-shift']?.numericValue ?? Infinity
        const mark = (ok: boolean) => (ok ? '✓' : '✗')
        rows.push(
          `| \`${path}\` | ${performance} ${mark(performance >= 95)} | ${(lcp / 1000).toFixed(2)} s ${mark(lcp < 2000)} | ${Math.round(tbt)} ms ${mark(tbt < 200)} | ${cls.toFixed(3)} ${mark(cls === 0)} | ${accessibility} ${mark(accessibility === 100)} |`,
        )
        console.error(`lighthouse ${path}: ${performance}`)
      }
  } finally {
    chromium.kill()
  }
  console.log(
    `\nLighthouse ${lighthouseVersion} (mobile, default throttling, Debian's Chromium), production server, three-version dataset:\n`,
  )
  console.log(
    '| page | performance (≥ 95) | LCP (< 2.0 s) | total blocking time (< 200 ms) | CLS (0) | accessibility (100) |',
  )
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
  for (const row of rows) console.log(row)
}

/** Milliseconds to the whole first answer of a path, as a browser asks it. */
async function firstAnswer(origin: string, path: string): Promise<number> {
  const started = performance.now()
  const answer = await fetch(`${origin}${path}`, { headers: { 'accept-encoding': 'br' } })
  await answer.arrayBuffer()
  if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`)
  return performance.now() - started
}

/** The memory of the server `npm start` started (its child process). */
function serverRssMegabytes(starter: number): number {
  const [server] = readFileSync(`/proc/${starter}/task/${starter}/children`, 'utf8')
    .trim()
    .split(' ')
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server}/status`, 'utf8'))
  return Number(line?.[1] ?? 0) / 1024
}

/** The command-line import of one version, in milliseconds (a fresh process, as a user runs it). */
function timedImport(text: string, dataset: string, version: number): number {
  const started = performance.now()
  const run = spawnSync(
    `${repoRoot}node_modules/.bin/tsx`,
    [
      `${repoRoot}scripts/src/import-policy.ts`,
      text,
      '--dataset',
      dataset,
      '--effective',
      scaleEffectiveDay(version),
    ],
    { stdio: 'ignore', env: process.env },
  )
  if (run.status !== 0) throw new Error(`importing version ${version} failed`)
  return performance.now() - started
}

async function scale(spec: string): Promise<void> {
  const match = /^(\d+)x(\d+)$/.exec(spec)
  if (!match || Number(match[2]) < 2)
    throw new Error(`--scale ${spec}: write it COOKIESxVERSIONS, like 2000x100`)
  const [cookies, versions] = [Number(match[1]), Number(match[2])]
  buildOnce()
  const dir = mkdtempSync(join(tmpdir(), 'cookie-policy-scale-'))
  const textOf = (version: number) => {
    const file = join(dir, `v${version}.txt`)
    writeFileSync(file, scalePolicyText(cookies, version))
    return file
  }
  const samples = 3
  try {
    // Version 1 into an empty dataset, by the command line: the baseline of an import.
    const single = join(dir, 'one-version.ndjson')
    const firstImports: number[] = []
    for (let sample = 0; sample < samples; sample++) {
      rmSync(single, { force: true })
      firstImports.push(timedImport(textOf(1), single, 1))
    }
    // Versions 2 to N-1 in this process (faster), then version N by the command line.
    const many = join(dir, 'many-versions.ndjson')
    copyFileSync(single, many)
    for (let version = 2; version < versions; version++) {
      await importPolicyFile(textOf(version), many, {
        lang: 'fr',
        effective: scaleEffectiveDay(version),
      })
      if (version % 10 === 0) console.error(`built version ${version} of ${versions}`)
    }
    const before = join(dir, 'before-last.ndjson')
    copyFileSync(many, before)
    const lastImports: number[] = []
    for (let sample = 0; sample < samples; sample++) {
      copyFileSync(before, many)
      lastImports.push(timedImport(textOf(versions), many, versions))
    }
    const two = join(dir, 'two-versions.ndjson')
    copyFileSync(single, two)
    await importPolicyFile(textOf(2), two, { lang: 'fr', effective: scaleEffectiveDay(2) })

    const pageTypes = (lang: string, last: number) => ({
      '/{lang}/cookies': `/${lang}/cookies`,
      'the history': `/${lang}/cookies/versions`,
      'a version': `/${lang}/cookies/versions/${last}`,
      'a difference': `/${lang}/cookies/versions/${last - 1}...${last}`,
      'the catalog': `/api/cookie-catalog?lang=${lang}`,
    })
    /**
     * On a fresh server, each page type once in English (Next.js loads a page's code on its first use), then
     * the first answer of each in French, and the server's memory after them; medians of starts.
     */
    async function firstAnswers(dataset: string, last: number) {
      const times = new Map<string, number[]>()
      const memory: number[] = []
      for (let sample = 0; sample < samples; sample++) {
        const site = await startSite(dataset, 3211)
        try {
          for (const path of Object.values(pageTypes('en', last)))
            await firstAnswer(site.origin, path)
          for (const [name, path] of Object.entries(pageTypes('fr', last)))
            times.set(name, [...(times.get(name) ?? []), await firstAnswer(site.origin, path)])
          memory.push(serverRssMegabytes(site.process.pid!))
        } finally {
          await site.stop()
        }
      }
      return {
        times: new Map([...times].map(([name, values]) => [name, median(values)])),
        memory: median(memory),
      }
    }
    // A difference needs two versions: the small policy is measured with its first two.
    console.error('First answers, two versions…')
    const small = await firstAnswers(two, 2)
    console.error(`First answers, ${versions} versions…`)
    const large = await firstAnswers(many, versions)
    const megabytes = (file: string) => statSync(file).size / 1024 / 1024
    const [smallSize, largeSize] = [megabytes(two), megabytes(many)]

    console.log(
      `\n${cookies} cookies in 3 categories; ${versions} versions, one every 10 days, each changing 1% of the rows. Medians of ${samples} server starts (first answers, brotli) and ${samples} imports:\n`,
    )
    console.log(
      `| what | ${cookies} × 1 (× 2 where a difference needs two) | ${cookies} × ${versions} | ratio | target |`,
    )
    console.log('| --- | ---: | ---: | ---: | --- |')
    for (const name of Object.keys(pageTypes('fr', versions))) {
      const [a, b] = [small.times.get(name)!, large.times.get(name)!]
      // The history lists every version (a summary each): it grows with their number, not with their catalogs.
      const lists = name === 'the history'
      const ok = b < 500 && (lists || b <= a * 1.2)
      const target = lists ? `< 500 ms (it lists all ${versions} versions)` : '< 500 ms and ≤ 1.2×'
      console.log(
        `| first answer: ${name.replace('{lang}', 'fr')} | ${Math.round(a)} ms | ${Math.round(b)} ms | ${(b / a).toFixed(2)}× | ${target} ${ok ? '✓' : '✗'} |`,
      )
    }
    const [importA, importB] = [median(firstImports), median(lastImports)]
    console.log(
      `| import one version (command line) | ${Math.round(importA)} ms | ${Math.round(importB)} ms | ${(importB / importA).toFixed(2)}× | ≤ 2× ${importB <= importA * 2 ? '✓' : '✗'} |`,
    )
    console.log(
      `| dataset (NDJSON) | ${smallSize.toFixed(1)} MB | ${largeSize.toFixed(1)} MB | ${(largeSize / smallSize).toFixed(0)}× | |`,
    )
    console.log(
      `| server memory (RSS) after the first answers | ${Math.round(small.memory)} MB | ${Math.round(large.memory)} MB | ${(large.memory / largeSize).toFixed(2)}× the dataset | ≤ 3× the dataset ${large.memory <= largeSize * 3 ? '✓' : '✗'} |`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (args.scale) await scale(args.scale)
else if (args.consent) {
  buildOnce()
  await benchConsent(
    (more, port) => startSite(`${repoRoot}content/dataset.ndjson`, port, more),
    waitFor,
    {
      seconds,
      rounds,
    },
  )
} else await throughput()
