// npm run bench -- --consent: the consent ledger on both stores. Sustained POST /api/consent at 20 connections
// against a bare Node server that reads the same bodies and answers 201 without storing them (same run,
// medians of rounds; the flood limit on); every 201 must then be in the export, and the chain must verify.
// Then one abusive client against 20 visitors at the default limit. Then verify, export and one visitor's
// evidence bundle among 1,000,000 records, timed, with the commands' peak memory against the same on 100,000
// (BENCH_LEDGER_LARGE=0 skips that part).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { Agent, request as httpRequest } from 'node:http'
import { join } from 'node:path'
import autocannon from 'autocannon'
import {
  newSigningKey,
  openLedgerStore,
  signHead,
  type LedgerConfig,
  type NewConsent,
} from '@cookie-policy/schemas/ledger'
import { createTestStore, type TestStore } from '@cookie-policy/schemas/ledger/testing'
import { repoRoot } from './paths'
import { testPostgresUrl } from './postgres'

const CONNECTIONS = 20
const LARGE = 1_000_000
const SMALL = 100_000

const choice = {
  policy: 'cookies',
  version: 1,
  consentRevision: 1,
  lang: 'fr',
  accepted: ['necessary', 'analytics'],
  rejected: ['functionality'],
  action: 'custom',
  gpc: false,
} as const

const BARE_SERVER = `
require('node:http').createServer((request, response) => {
  const chunks = []
  request.on('data', (chunk) => chunks.push(chunk))
  request.on('end', () => {
    let consentId = null
    try { consentId = JSON.parse(Buffer.concat(chunks)).consentId } catch {}
    const body = JSON.stringify({ receipt: { id: require('node:crypto').randomUUID(), consentId, recordedAt: new Date().toISOString(), hash: '0'.repeat(64) } })
    response.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) })
    response.end(body)
  })
}).listen(Number(process.env.PORT), '127.0.0.1')
`

interface Load {
  rate: number
  p99: number
  errors: number
}

async function load(origin: string, seconds: number, receipts?: string[]): Promise<Load> {
  const result = await autocannon({
    url: `${origin}/api/consent`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ ...choice, consentId: randomUUID() }),
        }),
        onResponse: (status, body) => {
          if (status === 201 && receipts) receipts.push(JSON.parse(body).receipt.id)
        },
      },
    ],
  })
  return {
    rate: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  }
}

/** Runs a command of `npm run consent` with its standard output thrown away: seconds and peak memory (MB). */
const timedCommand = (args: string[], env: Record<string, string>) =>
  timedNode(['--import', 'tsx', `${repoRoot}scripts/src/consent.ts`, ...args], env, repoRoot)

/** Runs `node ...args` in `cwd`, its standard output thrown away: seconds and peak memory (MB). */
function timedNode(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ seconds: number; peakMb: number; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
    })
    let peak = 0
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        peak = Math.max(peak, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
      } catch {
        // exited between two samples
      }
    }, 20)
    child.on('exit', (code) => {
      clearInterval(sample)
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak, code, stderr })
    })
  })
}

/** The version content and banner text every filled record names, kept as the site keeps them. */
const SHOWN = {
  version: '{"bench":"the version shown"}',
  banner: '{"bench":"the banner shown"}',
}
const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex')

/**
 * Appends `count` records in large transactions, spread over the last four years, with a signed head every
 * 10,000 records (an hourly `checkpoint` at about three choices a second), and one visitor who chose twice
 * in the middle: the one whose evidence is asked for.
 */
async function fill(
  config: LedgerConfig,
  count: number,
): Promise<{ seconds: number; visitor: string }> {
  const store = await openLedgerStore(config)
  const started = performance.now()
  const batch = 5000
  const span = 4 * 365 * 86_400_000
  const start = Date.now() - span
  const visitor = randomUUID()
  const contentHash = `sha256:${sha256(SHOWN.version)}`
  const bannerHash = sha256(SHOWN.banner)
  await store.keepShown(contentHash, 'version', SHOWN.version)
  await store.keepShown(bannerHash, 'banner', SHOWN.banner)
  const { privateKey } = newSigningKey()
  for (let done = 0; done < count; done += batch) {
    const entries: NewConsent[] = Array.from(
      { length: Math.min(batch, count - done) },
      (_, index) => ({
        ...choice,
        accepted: [...choice.accepted],
        rejected: [...choice.rejected],
        consentId:
          done + index === count / 2 || done + index === count / 2 + 3000 ? visitor : randomUUID(),
        banner: null,
        browser: 'Chrome',
        contentHash,
        bannerHash,
      }),
    )
    const at = new Date(start + (span * done) / count).toISOString()
    const head = (await store.append(entries, at)).at(-1)!
    if (head.seq % 10_000 === 0)
      await store.saveSignedHead(
        signHead({ seq: head.seq, hash: head.hash, records: head.seq, signedAt: at }, privateKey),
      )
  }
  await store.close()
  return { seconds: (performance.now() - started) / 1000, visitor }
}

interface Tally {
  sent: number
  created: number
  limited: number
  other: number
  ms: number[]
}

const percentile = (values: number[], rank: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor(values.length * rank))
  ] ?? 0

/**
 * One client (127.0.0.2, 8 connections) sends choices as fast as it is answered, while 20 others, each on an
 * address of its own, send one every 2 seconds: what the flood limit leaves each.
 */
async function abuse(origin: string, seconds: number): Promise<{ flood: Tally; fair: Tally }> {
  const url = new URL(`${origin}/api/consent`)
  const tally = (): Tally => ({ sent: 0, created: 0, limited: 0, other: 0, ms: [] })
  const send = (agent: Agent, into: Tally) =>
    new Promise<void>((resolve) => {
      const started = performance.now()
      const body = JSON.stringify({ ...choice, consentId: randomUUID() })
      const count = (status: number) => {
        into.sent++
        if (status === 201) into.created++
        else if (status === 429) into.limited++
        else into.other++
        into.ms.push(performance.now() - started)
        resolve()
      }
      const outgoing = httpRequest(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (answer) => {
          answer.resume()
          answer.on('end', () => count(answer.statusCode!))
        },
      )
      // A 429 closes the connection before reading the body: the write may fail, the answer counts.
      outgoing.on('error', () => count(0))
      outgoing.end(body)
    })
  const until = Date.now() + seconds * 1000
  const flood = tally()
  const fair = tally()
  const abuser = new Agent({ keepAlive: true, localAddress: '127.0.0.2' })
  const loops = [
    ...Array.from({ length: 8 }, async () => {
      while (Date.now() < until) await send(abuser, flood)
    }),
    ...Array.from({ length: 20 }, async (_, index) => {
      const visitor = new Agent({ keepAlive: true, localAddress: `127.0.0.${3 + index}` })
      while (Date.now() < until) {
        await send(visitor, fair)
        await new Promise((resolve) => setTimeout(resolve, 2000))
      }
      visitor.destroy()
    }),
  ]
  await Promise.all(loops)
  abuser.destroy()
  return { flood, fair }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

interface SiteStarter {
  (
    env: Record<string, string>,
    port: number,
  ): Promise<{ origin: string; stop: () => Promise<void> }>
}

export async function benchConsent(
  startSite: SiteStarter,
  waitFor: (url: string) => Promise<void>,
  options: { seconds: number; rounds: number },
): Promise<void> {
  if (!testPostgresUrl(55499)) throw new Error('no PostgreSQL for the bench (see above)')
  const bare: ChildProcess = spawn(process.execPath, ['-e', BARE_SERVER], {
    env: { PORT: '3212' },
    stdio: 'ignore',
  })
  const stores: TestStore[] = []
  try {
    await waitFor('http://127.0.0.1:3212/').catch(() => undefined)
    const rows: string[] = []
    for (const kind of ['sqlite', 'postgres'] as const) {
      const store = await createTestStore(kind)
      stores.push(store)
      // Every visitor of the load comes from one address: the flood limit is on, at a million a minute, so
      // that its work is measured without holding the load.
      const site = await startSite(
        { ...store.env, CONSENT_RATE_LIMIT: '1000000' },
        kind === 'sqlite' ? 3210 : 3211,
      )
      const site201: Load[] = []
      const bare201: Load[] = []
      const receipts: string[] = []
      try {
        // One unmeasured round each: both servers' code is compiled and the database warm when measuring.
        await load('http://127.0.0.1:3212', options.seconds)
        await load(site.origin, options.seconds)
        for (let round = 1; round <= options.rounds; round++) {
          bare201.push(await load('http://127.0.0.1:3212', options.seconds))
          site201.push(await load(site.origin, options.seconds, receipts))
          console.error(
            `${kind} round ${round}/${options.rounds}: ${Math.round(site201.at(-1)!.rate)} records/s, bare ${Math.round(bare201.at(-1)!.rate)}`,
          )
        }
      } finally {
        await site.stop()
      }
      const exported = await exportedIds(store.env)
      const missing = receipts.filter((id) => !exported.has(id)).length
      const verified = await timedCommand(['verify'], store.env)
      const rate = median(site201.map((round) => round.rate))
      const bareRate = median(bare201.map((round) => round.rate))
      const p99 = median(site201.map((round) => round.p99))
      const errors = site201.reduce((sum, round) => sum + round.errors, 0)
      rows.push(
        `| ${kind === 'sqlite' ? 'SQLite (embedded)' : 'PostgreSQL'} | ${Math.round(rate)} ${rate >= 2000 ? '✓' : '✗'} | ${p99} ms ${p99 < 50 ? '✓' : '✗'} | ${errors} | ${receipts.length} | ${missing} ${missing === 0 ? '✓' : '✗'} | ${verified.code === 0 ? 'intact ✓' : `✗ ${verified.stderr.trim()}`} | ${Math.round(bareRate)} | ${(rate / bareRate).toFixed(2)}× |`,
      )
    }
    console.log(
      `\nPOST /api/consent, ${options.seconds} s × ${options.rounds} rounds, ${CONNECTIONS} connections, medians; each choice is a new visitor, bound to the content shown, through the flood limit (set to 1,000,000 a minute: its work, not its refusals):\n`,
    )
    console.log(
      '| store | records/s (target ≥ 2,000) | p99 (target < 50 ms) | errors | 201 answers | of them missing from the export | verify | bare Node server, same requests, nothing stored | vs bare |',
    )
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |')
    for (const row of rows) console.log(row)

    // One abusive client against 20 visitors, at the default limit, on the embedded store.
    const store = await createTestStore('sqlite')
    stores.push(store)
    const site = await startSite({ ...store.env, CONSENT_RATE_LIMIT: '60' }, 3213)
    const ABUSE_SECONDS = 20
    const outcome = await abuse(site.origin, ABUSE_SECONDS).finally(site.stop)
    const allowed = 60 + ABUSE_SECONDS
    console.log(
      `\nOne client floods POST /api/consent from 127.0.0.2 on 8 connections for ${ABUSE_SECONDS} s while 20 visitors (127.0.0.3 to 127.0.0.22) each choose every 2 s; CONSENT_RATE_LIMIT=60 (the default):\n`,
    )
    console.log('| client | choices sent | 201 | 429 | other | p99 |')
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
    const row = (name: string, tally: Tally, target: string) =>
      console.log(
        `| ${name} | ${tally.sent} | ${tally.created} ${target} | ${tally.limited} | ${tally.other} | ${Math.round(percentile(tally.ms, 0.99))} ms |`,
      )
    row(
      'the flood',
      outcome.flood,
      outcome.flood.created <= allowed + 2
        ? `✓ (the limit allows ${allowed})`
        : `✗ (the limit allows ${allowed})`,
    )
    row('20 visitors', outcome.fair, outcome.fair.created === outcome.fair.sent ? '✓ all' : '✗')

    const large: string[] = []
    // BENCH_LEDGER_LARGE=0 skips the million records (about 6 minutes here).
    for (const kind of process.env.BENCH_LEDGER_LARGE === '0'
      ? []
      : (['sqlite', 'postgres'] as const)) {
      const peaks: Record<number, { verify: number; export: number }> = {}
      for (const count of [SMALL, LARGE]) {
        const store = await createTestStore(kind)
        stores.push(store)
        const filled = await fill(store.config, count)
        const verify = await timedCommand(['verify'], store.env)
        const exported = await timedCommand(['export'], store.env)
        if (verify.code !== 0 || exported.code !== 0)
          throw new Error(`${kind}: ${verify.stderr}${exported.stderr}`)
        peaks[count] = { verify: verify.peakMb, export: exported.peakMb }
        console.error(
          `${kind} ${count}: filled in ${filled.seconds.toFixed(1)} s, verify ${verify.seconds.toFixed(1)} s, export ${exported.seconds.toFixed(1)} s`,
        )
        if (count === LARGE) {
          // One visitor's evidence among them, then its verify.mjs run by plain node in the bundle.
          const out = mkdtempSync(join(tmpdir(), 'bench-evidence-'))
          const evidence = await timedCommand(
            ['evidence', '--consent-id', filled.visitor, '--out', out],
            store.env,
          )
          const checked = await timedNode(['verify.mjs'], {}, out)
          rmSync(out, { recursive: true, force: true })
          if (evidence.code !== 0 || checked.code !== 0)
            throw new Error(`${kind} evidence: ${evidence.stderr}${checked.stderr}`)
          large.push(
            `| ${kind === 'sqlite' ? 'SQLite (embedded)' : 'PostgreSQL'} | ${verify.seconds.toFixed(1)} s ${verify.seconds < 30 ? '✓' : '✗'} | ${Math.round(verify.peakMb)} MB (${Math.round(peaks[SMALL]!.verify)} MB at 100,000) | ${exported.seconds.toFixed(1)} s ${exported.seconds < 30 ? '✓' : '✗'} | ${Math.round(exported.peakMb)} MB (${Math.round(peaks[SMALL]!.export)} MB at 100,000) | ${evidence.seconds.toFixed(1)} s ${evidence.seconds < 2 ? '✓' : '✗'} | ${checked.seconds.toFixed(1)} s | ${filled.seconds.toFixed(1)} s |`,
          )
        }
        await store.remove()
        stores.pop()
      }
    }
    if (large.length) {
      console.log(
        '\n`npm run consent -- verify`, `-- export` (JSON to /dev/null) and `-- evidence --consent-id ID` of 1,000,000 records, whole command, peak memory of the command:\n',
      )
      console.log(
        "| store | verify (target < 30 s) | verify peak memory | export (target < 30 s) | export peak memory | one visitor's evidence (target < 2 s) | its verify.mjs, plain node | writing them (5,000 per transaction, a signed head per 10,000) |",
      )
      console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
      for (const row of large) console.log(row)
    }
  } finally {
    bare.kill()
    for (const store of stores) await store.remove().catch(() => undefined)
  }
}

/** The receipt ids in the JSON export. */
async function exportedIds(env: Record<string, string>): Promise<Set<string>> {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', `${repoRoot}scripts/src/consent.ts`, 'export'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  )
  return new Set((JSON.parse(result.stdout) as { id: string }[]).map((record) => record.id))
}
