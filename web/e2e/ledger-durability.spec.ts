// A server killed with SIGKILL while visitors' choices pour in loses none it acknowledged, and the chain it
// leaves verifies, on both stores; a PostgreSQL that stops for 10 s under load costs 503s, never a 500 nor a
// lost choice. Each test starts its own production server (node dist/server.mjs).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { openLedgerStore, verifyLedger, type LedgerConfig } from '@cookie-policy/schemas/ledger'
import { createTestStore, TEST_STORE_KINDS } from '@cookie-policy/schemas/ledger/testing'
import { consentCookie, openBanner } from './helpers'

const web = fileURLToPath(new URL('..', import.meta.url))
const CONNECTIONS = 20

function startServer(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['dist/server.mjs'], {
    cwd: web,
    stdio: 'ignore',
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      // The load comes from one address: the flood limit would hold it (it has tests of its own).
      CONSENT_RATE_LIMIT: '0',
    },
  })
}

async function ready(origin: string): Promise<void> {
  await expect
    .poll(
      () =>
        fetch(`${origin}/api/cookie-catalog/schema`).then(
          (answer) => answer.status,
          () => 0,
        ),
      {
        timeout: 60_000,
      },
    )
    .toBe(200)
}

function post(origin: string): Promise<Response> {
  return fetch(`${origin}/api/consent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      consentId: randomUUID(),
      policy: 'cookies',
      version: 1,
      consentRevision: 1,
      lang: 'fr',
      accepted: ['necessary'],
      rejected: ['analytics', 'functionality'],
      action: 'reject-all',
      gpc: false,
    }),
  })
}

test.describe.configure({ mode: 'serial' })

for (const [index, kind] of TEST_STORE_KINDS.entries()) {
  test(`kill -9 under load loses no acknowledged consent, and the chain verifies (${kind})`, async () => {
    test.setTimeout(180_000)
    const store = await createTestStore(kind)
    const port = 3121 + index
    const origin = `http://127.0.0.1:${port}`
    let server = startServer(port, store.env)
    try {
      await ready(origin)
      const acknowledged: string[] = []
      const unexpected: number[] = []
      let killed = false
      const load = Array.from({ length: CONNECTIONS }, async () => {
        while (!killed) {
          try {
            const answer = await post(origin)
            if (answer.status === 201) acknowledged.push((await answer.json()).receipt.id)
            else unexpected.push(answer.status)
          } catch {
            // The connection died with the server: this choice was never acknowledged.
          }
        }
      })
      await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThan(500)
      server.kill('SIGKILL')
      killed = true
      await Promise.all(load)
      expect(unexpected).toEqual([])

      server = startServer(port, store.env)
      await ready(origin)
      expect((await post(origin)).status).toBe(201)

      await expectAllKept(store.config, acknowledged)
    } finally {
      server.kill('SIGKILL')
      await store.remove()
    }
  })
}

/** Every acknowledged record is in the store, and the chain verifies. */
async function expectAllKept(config: LedgerConfig, acknowledged: string[]): Promise<void> {
  const ledger = await openLedgerStore(config)
  try {
    const kept = new Set<string>()
    await ledger.snapshot((view) => view.scan({}, (record) => void kept.add(record.id)))
    expect(acknowledged.filter((id) => !kept.has(id))).toEqual([])
    expect(await verifyLedger(ledger)).toMatchObject({ ok: true, records: kept.size })
  } finally {
    await ledger.close()
  }
}

test('PostgreSQL stopped for 10 s under load: 503 with Retry-After, /healthz says so, no choice lost', async ({
  page,
}) => {
  test.setTimeout(180_000)
  // A cluster of its own, which this test stops and starts again.
  const cluster = mkdtempSync(join(tmpdir(), 'consent-outage-'))
  const script = fileURLToPath(new URL('../../scripts/bin/postgres-cluster.sh', import.meta.url))
  const pgPort = '55488'
  const url = execFileSync('bash', [script, 'start', cluster, pgPort], { encoding: 'utf8' }).trim()
  const origin = 'http://127.0.0.1:3123'
  const server = startServer(3123, { DATABASE_URL: url, CONSENT_STORE: '' })
  try {
    await ready(origin)
    const health = async () => (await (await fetch(`${origin}/healthz`)).json()).consentStore
    expect(await health()).toEqual({ store: 'postgres', answering: true, failingSince: null })

    const acknowledged: string[] = []
    const refused: string[] = []
    const unexpected: string[] = []
    let done = false
    const load = Array.from({ length: 10 }, async () => {
      while (!done) {
        const answer = await post(origin)
        if (answer.status === 201) acknowledged.push((await answer.json()).receipt.id)
        else if (answer.status === 503) {
          refused.push(
            `${(await answer.json()).error?.code} after ${answer.headers.get('Retry-After')}`,
          )
          await new Promise((resolve) => setTimeout(resolve, 50))
        } else unexpected.push(`${answer.status} ${await answer.text()}`)
      }
    })
    const banner = await openBanner(page, `${origin}/fr/cookies`)
    await expect.poll(() => acknowledged.length).toBeGreaterThan(200)

    execFileSync('bash', [script, 'halt', cluster])
    const haltedAt = Date.now()
    const before = acknowledged.length
    await expect.poll(health, { timeout: 5_000 }).toMatchObject({ answering: false })
    const during = await (await fetch(`${origin}/healthz`)).json()
    expect(during.status).toBe('degraded')
    // A visitor chooses while the store is down: the loader keeps the choice and sends it again.
    await banner.getByRole('button', { name: 'Tout accepter' }).click()
    const visitor = ((await consentCookie(page)) as { consentId?: string } | null)?.consentId
    expect(visitor).toMatch(/^[0-9a-f-]{36}$/)
    await expect.poll(() => refused.length).toBeGreaterThan(10)
    await new Promise((resolve) => setTimeout(resolve, 10_000 - (Date.now() - haltedAt)))
    // Nothing was acknowledged while the store was down (a commit in flight at the stop may be).
    expect(acknowledged.length - before).toBeLessThan(20)
    execFileSync('bash', [script, 'resume', cluster, pgPort])

    await expect
      .poll(
        async () => {
          const answer = await fetch(`${origin}/api/consent/${visitor}`)
          return answer.ok
            ? (await answer.json()).records.map((r: { action: string }) => r.action)
            : []
        },
        { timeout: 30_000 },
      )
      .toEqual(['accept-all'])
    const after = acknowledged.length
    await expect.poll(() => acknowledged.length).toBeGreaterThan(after + 100)
    done = true
    await Promise.all(load)

    expect(unexpected).toEqual([])
    expect(new Set(refused)).toEqual(new Set(['store_unavailable after 5']))
    expect(await health()).toEqual({ store: 'postgres', answering: true, failingSince: null })
    await expectAllKept({ kind: 'postgres', url }, acknowledged)
  } finally {
    server.kill('SIGKILL')
    execFileSync('bash', [script, 'stop', cluster])
  }
})
