// Every instance fresh: two production servers read one loopback Content Lake stand-in, with no webhook
// configured. A publish reaches both, page and catalog, within 5 seconds through the Live Content API, and the
// reads after it ask for content at least as new as the event.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { threeVersions } from '../test/helpers'
import { startLakeStandIn, type LakeStandIn } from '../test/lakeStandIn'

const web = fileURLToPath(new URL('..', import.meta.url))
const PORTS = [3121, 3122]
let lake: LakeStandIn
let servers: ChildProcess[] = []
let stores: string

test.beforeAll(async () => {
  lake = await startLakeStandIn(threeVersions)
  stores = mkdtempSync(`${tmpdir()}/cookie-policy-live-`)
  servers = PORTS.map((port) =>
    spawn(process.execPath, ['dist/server.mjs'], {
      cwd: web,
      stdio: 'ignore',
      env: {
        ...process.env,
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        SANITY_PROJECT_ID: 'stand-in',
        SANITY_DATASET: 'production',
        SANITY_API_HOST: lake.url,
        SANITY_WEBHOOK_SECRET: '',
        CONSENT_STORE: `${stores}/${port}`,
        DATABASE_URL: '',
      },
    }),
  )
  for (const port of PORTS)
    await expect
      .poll(
        async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status,
        {
          timeout: 30_000,
        },
      )
      .toBe(200)
})

test.afterAll(async () => {
  for (const server of servers) server.kill('SIGTERM')
  await lake?.close()
  rmSync(stores, { recursive: true, force: true })
})

/** The version in force as each server's catalog and policy page say it. */
async function versionsShown(): Promise<string[]> {
  return Promise.all(
    PORTS.flatMap((port) => [
      fetch(`http://127.0.0.1:${port}/api/cookie-catalog?lang=fr`)
        .then((answer) => answer.json())
        .then((catalog: { policy: { version: number } }) => `catalog v${catalog.policy.version}`),
      fetch(`http://127.0.0.1:${port}/fr/cookies`)
        .then((answer) => answer.text())
        .then((html) =>
          html.includes('Version applicable depuis le 1er juin 2024') ? 'page v2' : 'page other',
        ),
    ]),
  )
}

test('a publish shows on every server within 5 seconds, without a webhook', async () => {
  expect(await versionsShown()).toEqual(['catalog v2', 'page v2', 'catalog v2', 'page v2'])
  // Version 3, due in 2099, is brought forward: it is in force from today.
  const today = new Date().toISOString().slice(0, 10)
  lake.publish(
    threeVersions.map((document) =>
      document._id === 'policyVersion-cookies-3' ? { ...document, effectiveFrom: today } : document,
    ),
  )
  const published = Date.now()
  await expect
    .poll(versionsShown, { timeout: 5_000, intervals: [100] })
    .toEqual(['catalog v3', 'page other', 'catalog v3', 'page other'])
  expect(Date.now() - published).toBeLessThan(5_000)
  // The reads after the event name it, so that no cache in between answers older content.
  expect(lake.queries.at(-1)?.searchParams.get('lastLiveEventId')).toBe('event-1')
})
