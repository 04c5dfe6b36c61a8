// A host that runs only Next.js (`next start`): the same handler answers through one catch-all route, so the
// pages are the production server's, byte for byte, and each is rendered once per content change there too.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { FIXTURE } from './helpers'

const web = fileURLToPath(new URL('..', import.meta.url))
const ORIGIN = 'http://127.0.0.1:3124'
let server: ChildProcess
let store: string

// One server for the file's tests, in one worker.
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  store = mkdtempSync(`${tmpdir()}/cookie-policy-next-start-`)
  server = spawn(
    process.execPath,
    [`${web}../node_modules/next/dist/bin/next`, 'start', '-p', '3124', '-H', '127.0.0.1'],
    {
      cwd: web,
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        POLICY_DATASET: `${web}e2e/fixtures/three-versions.ndjson`,
        CONSENT_STORE: store,
        DATABASE_URL: '',
      },
    },
  )
  await expect
    .poll(async () => (await fetch(`${ORIGIN}/healthz`).catch(() => null))?.status, {
      timeout: 30_000,
    })
    .toBe(200)
})

test.afterAll(() => {
  server?.kill('SIGTERM')
  rmSync(store, { recursive: true, force: true })
})

const rendered = async () => (await (await fetch(`${ORIGIN}/healthz`)).json()).pagesRendered

test('next start serves the production server’s pages, each rendered once', async () => {
  const before = await rendered()
  for (const path of ['/fr/cookies/versions/3?compare=1', '/en/cookies/versions']) {
    const get = (origin: string) =>
      fetch(`${origin}${path}`, { headers: { 'accept-encoding': 'identity' } })
    const [ours, production] = [await get(ORIGIN), await get(FIXTURE)]
    expect(ours.status).toBe(200)
    expect(ours.headers.get('content-security-policy')).toBe(
      production.headers.get('content-security-policy'),
    )
    expect(await ours.text()).toBe(await production.text())
    // Another spelling, made-up preview marks: the kept page.
    const spelled = `${ORIGIN}${path}${path.includes('?') ? '&' : '?'}utm_source=x`
    for (const headers of [{ rsc: '1' }, { cookie: '__prerender_bypass=x' }, {}] as Record<
      string,
      string
    >[])
      expect((await fetch(spelled, { headers })).headers.get('etag')).toBe(ours.headers.get('etag'))
  }
  expect(await rendered()).toBe(before + 2)
})

test('next start answers the catalog, a consent and the edge cases as the production server does', async () => {
  const catalog = await fetch(`${ORIGIN}/api/cookie-catalog?lang=fr`)
  expect([catalog.status, (await catalog.json()).policy.version]).toEqual([200, 2])
  const consent = await fetch(`${ORIGIN}/api/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      consentId: '3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77',
      policy: 'cookies',
      version: 2,
      consentRevision: 2,
      lang: 'fr',
      accepted: ['necessary'],
      rejected: ['analytics', 'functionality'],
      action: 'reject-all',
      gpc: false,
    }),
  })
  expect(consent.status).toBe(201)
  const answers = await Promise.all(
    ['/', '/fr', '/fr/nope', '/fr/cookies/versions/9'].map(async (path) => {
      const answer = await fetch(`${ORIGIN}${path}`, { redirect: 'manual' })
      return `${answer.status} ${answer.headers.get('location') ?? ''}`
    }),
  )
  expect(answers).toEqual(['307 /fr/cookies', '307 /fr/cookies', '404 ', '404 '])
})
