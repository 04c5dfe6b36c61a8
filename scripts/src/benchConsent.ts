// npm run bench -- --consent: the consent ledger on both stores. Sustained POST /api/consent at 20 connections
// against a bare Node server that reads the same bodies and answers 201 without storing them (same run,
// medians of rounds); every 201 must then be in the export, and the chain must verify. Then verify and export
// of 1,000,000 records, timed, with the command's peak memory against the same command on 100,000
// (BENCH_LEDGER_LARGE=0 skips that part).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { openSync, readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { openLedgerStore, type LedgerConfig, type NewConsent } from '@cookie-policy/schemas/ledger'
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
function timedCommand(
  args: string[],
  env: Record<string, string>,
): Promise<{ seconds: number; peakMb: number; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', `${repoRoot}scripts/src/consent.ts`, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
      },
    )
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

/** Appends `count` records in large transactions, spread over the last four years. */
async function fill(config: LedgerConfig, count: number): Promise<number> {
  const store = await openLedgerStore(config)
  const started = performance.now()
  const batch = 5000
  const span = 4 * 365 * 86_400_000
  const start = Date.now() - span
  for (let done = 0; done < count; done += batch) {
    const entries: NewConsent[] = Array.from({ length: Math.min(batch, count - done) }, () => ({
      ...choice,
      accepted: [...choice.accepted],
      rejected: [...choice.rejected],
      consentId: randomUUID(),
      banner: null,
      browser: 'Chrome',
      contentHash: `sha256:${'c'.repeat(64)}`,
      bannerHash: 'd'.repeat(64),
    }))
    await store.append(entries, new Date(start + (span * done) / count).toISOString())
  }
  await store.close()
  return (performance.now() - started) / 1000
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
      // Every visitor of the load comes from one address: the flood limit is off for it.
      const site = await startSite(
        { ...store.env, CONSENT_RATE_LIMIT: '0' },
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
      `\nPOST /api/consent, ${options.seconds} s × ${options.rounds} rounds, ${CONNECTIONS} connections, medians; each choice is a new visitor:\n`,
    )
    console.log(
      '| store | records/s (target ≥ 2,000) | p99 (target < 50 ms) | errors | 201 answers | of them missing from the export | verify | bare Node server, same requests, nothing stored | vs bare |',
    )
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |')
    for (const row of rows) console.log(row)

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
          `${kind} ${count}: filled in ${filled.toFixed(1)} s, verify ${verify.seconds.toFixed(1)} s, export ${exported.seconds.toFixed(1)} s`,
        )
        if (count === LARGE)
          large.push(
            `| ${kind === 'sqlite' ? 'SQLite (embedded)' : 'PostgreSQL'} | ${verify.seconds.toFixed(1)} s ${verify.seconds < 30 ? '✓' : '✗'} | ${Math.round(verify.peakMb)} MB (${Math.round(peaks[SMALL]!.verify)} MB at 100,000) | ${exported.seconds.toFixed(1)} s ${exported.seconds < 30 ? '✓' : '✗'} | ${Math.round(exported.peakMb)} MB (${Math.round(peaks[SMALL]!.export)} MB at 100,000) | ${filled.toFixed(1)} s |`,
          )
        await store.remove()
        stores.pop()
      }
    }
    if (large.length) {
      console.log(
        '\n`npm run consent -- verify` and `-- export` (JSON to /dev/null) of 1,000,000 records, whole command, peak memory of the command:\n',
      )
      console.log(
        '| store | verify (target < 30 s) | verify peak memory | export (target < 30 s) | export peak memory | writing them (5,000 per transaction) |',
      )
      console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
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
