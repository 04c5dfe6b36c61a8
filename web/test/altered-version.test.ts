// A version rewritten in the dataset after its publication: the site refuses to serve it (its pages and its
// catalog answer 503, even though a good copy was kept before), says which in /healthz, and serves the rest.
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import type { Site } from '../src/lib/site'

let site: Site
let dir: string
let dataset: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cookie-policy-altered-'))
  dataset = join(dir, 'dataset.ndjson')
  copyFileSync(
    fileURLToPath(new URL('../e2e/fixtures/three-versions.ndjson', import.meta.url)),
    dataset,
  )
  process.env.POLICY_DATASET = dataset
  process.env.CONSENT_STORE = join(dir, 'consent')
  site = (await import('../src/lib/site')).createSite()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const get = async (path: string) => {
  const [bare, query] = path.split('?')
  const reply = await site.answer({
    method: 'GET',
    path: bare!,
    search: query ? `?${query}` : '',
    header: () => null,
    body: null,
  })
  return { status: reply!.status, text: reply!.body?.toString() ?? '' }
}

it('refuses a version whose catalog was rewritten after publication, and says which', async () => {
  expect((await get('/fr/cookies')).status).toBe(200)
  expect((await get('/api/cookie-catalog?lang=fr')).status).toBe(200)
  // Version 2, in force, gets a tracker's retention shortened in the file, behind the Studio's back.
  const lines = readFileSync(dataset, 'utf8').split('\n')
  const index = lines.findIndex((line) => line.includes('"_id":"policyVersion-cookies-2"'))
  lines[index] = lines[index]!.replace('"amount":13', '"amount":1')
  expect(lines[index]).not.toBe(readFileSync(dataset, 'utf8').split('\n')[index])
  writeFileSync(`${dataset}.new`, lines.join('\n'))
  renameSync(`${dataset}.new`, dataset)
  // The site sees the file change within a second.
  await new Promise((resolve) => setTimeout(resolve, 1100))
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  await get('/healthz')
  await new Promise((resolve) => setTimeout(resolve, 50))
  const page = await get('/fr/cookies')
  const catalog = await get('/api/cookie-catalog?lang=fr')
  const health = await get('/healthz')
  const messages = logged.mock.calls.map((call) => String(call[0]))
  logged.mockRestore()
  expect(page.status).toBe(503)
  expect(page.text).toContain('Politique momentanément indisponible')
  expect([catalog.status, JSON.parse(catalog.text).error.code]).toEqual([503, 'version_altered'])
  expect(health.status).toBe(503)
  expect(JSON.parse(health.text)).toMatchObject({
    status: 'altered',
    alteredVersions: [{ slug: 'cookies', version: 2 }],
  })
  expect(messages).toContain(
    'content: Version 2 of "cookies" was changed after it was published: its content no longer matches its content hash.',
  )
  // Version 1, untouched, is still served.
  expect((await get('/fr/cookies/versions/1?compare=1')).status).toBe(200)
})
