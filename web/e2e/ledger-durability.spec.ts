// A server killed with SIGKILL while visitors' choices pour in loses none it acknowledged, and the chain it
// leaves verifies, on both stores. Each test starts its own production server (node dist/server.mjs).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { openLedgerStore, verifyLedger } from '@cookie-policy/schemas/ledger'
import { createTestStore, TEST_STORE_KINDS } from '@cookie-policy/schemas/ledger/testing'

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

      const ledger = await openLedgerStore(store.config)
      try {
        const kept = new Set<string>()
        await ledger.snapshot((view) => view.scan({}, (record) => void kept.add(record.id)))
        expect(acknowledged.filter((id) => !kept.has(id))).toEqual([])
        expect(await verifyLedger(ledger)).toMatchObject({ ok: true, records: kept.size })
      } finally {
        await ledger.close()
      }
    } finally {
      server.kill('SIGKILL')
      await store.remove()
    }
  })
}
