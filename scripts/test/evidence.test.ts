// An evidence bundle, as a data-protection officer hands it to a regulator: one folder that plain `node`
// checks in an empty place, with nothing installed. It holds while nothing is touched, and names what was
// when one byte of a record, a version text or a signed head is changed.
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openLedgerStore, type LedgerStore, type NewConsent } from '@cookie-policy/schemas/ledger'
import { createTestStore, type TestStore } from '@cookie-policy/schemas/ledger/testing'
import { canonicalContent, contentHashOf } from '@cookie-policy/schemas/model'
import { repoRoot } from '../src/paths'

const run = promisify(execFile)
const VISITOR = '3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77'
const OTHER = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const VERSION = { title: { _type: 'localeString', fr: 'Politique' }, snapshot: { categories: [] } }
const BANNER = '{"translations":{"fr":{"consentModal":{"title":"Vos choix"}}}}'

let test: TestStore
let store: LedgerStore
let dirs: string[] = []

async function choice(consentId: string): Promise<NewConsent> {
  const { createHash } = await import('node:crypto')
  return {
    consentId,
    policy: 'cookies',
    version: 1,
    consentRevision: 1,
    lang: 'fr',
    accepted: ['necessary'],
    rejected: ['analytics'],
    action: 'reject-all',
    gpc: false,
    banner: null,
    browser: 'Firefox',
    contentHash: await contentHashOf(VERSION),
    bannerHash: createHash('sha256').update(BANNER).digest('hex'),
  }
}

async function command(cwd: string, file: string, ...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, [file, ...args], {
      cwd,
      env: { ...process.env, ...test.env },
    })
    return { code: 0, out: stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, out: failed.stdout + failed.stderr }
  }
}

const consent = (...args: string[]) =>
  command(
    repoRoot,
    join(repoRoot, 'node_modules/.bin/tsx'),
    join(repoRoot, 'scripts/src/consent.ts'),
    ...args,
  )

beforeEach(async () => {
  test = await createTestStore('sqlite')
  store = await openLedgerStore(test.config)
  const visitor = await choice(VISITOR)
  await store.keepShown(visitor.contentHash!, 'version', canonicalContent(VERSION))
  await store.keepShown(visitor.bannerHash!, 'banner', BANNER)
  await store.append([await choice(OTHER), visitor])
  expect((await consent('checkpoint')).code).toBe(0)
  await store.append([
    await choice(OTHER),
    // A re-consent: verify.mjs hashes what was asked again and carried as the ledger does.
    {
      ...visitor,
      reasked: ['analytics'],
      carried: [{ category: 'functionality', accepted: false, version: 1 }],
    },
    await choice(OTHER),
  ])
})

afterEach(async () => {
  await store.close()
  await test.remove()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  dirs = []
})

/** The bundle, copied to an empty folder of its own (nothing of the project's around it). */
async function bundle(): Promise<string> {
  const made = mkdtempSync(join(tmpdir(), 'cookie-policy-evidence-'))
  const elsewhere = mkdtempSync(join(tmpdir(), 'cookie-policy-regulator-'))
  dirs.push(made, elsewhere)
  const written = await consent('evidence', '--consent-id', VISITOR.toUpperCase(), '--out', made)
  expect(written.out).toMatch(/: 2 records, the chain from #1 to #5; check it with: cd /)
  cpSync(made, elsewhere, { recursive: true })
  return elsewhere
}

it('holds when nothing is changed, checked by plain node in an empty folder', async () => {
  const dir = await bundle()
  const checked = await command(dir, 'verify.mjs')
  expect(checked.out).toMatch(
    /^holds: 2 records of 3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77 are in the chain signed at #5 on .+ \(key [0-9a-f]{16}\), each with the version and banner text it was shown\n$/,
  )
  expect(checked.code).toBe(0)
})

it.each([
  [
    'a record',
    'records.json',
    (text: string) => text.replace('"reject-all"', '"accept-all"'),
    'record #2 of records.json differs from the chain’s: it was changed',
  ],
  [
    'the chain',
    'chain.ndjson',
    (text: string) => text.replace('"Firefox"', '"Chrome"'),
    'record #1’s content does not match its hash: it was changed',
  ],
  [
    'a version text',
    'VERSION',
    (text: string) => text.replace('Politique', 'Politiqu3'),
    'is not the version content record #2 names',
  ],
  [
    'a field the chain does not cover, added to both files',
    'BOTH',
    (text: string) => text.replaceAll('"browser":"Firefox"', '"browser":"Firefox","note":"x"'),
    'record #1 has a field the chain does not cover: note',
  ],
  [
    'a signed head',
    'heads.json',
    (text: string) => text.replace(/"records": (\d+)/, (_, n) => `"records": ${Number(n) + 1}`),
    'signature does not hold: heads.json was changed',
  ],
])('does not hold when one byte of %s changes, and says so', async (_, name, change, message) => {
  const dir = await bundle()
  const file =
    name === 'VERSION'
      ? join(dir, 'versions', `${(await contentHashOf(VERSION)).slice(7)}.json`)
      : join(dir, name === 'BOTH' ? 'chain.ndjson' : name)
  for (const each of name === 'BOTH'
    ? [join(dir, 'records.json'), join(dir, 'chain.ndjson')]
    : [file])
    writeFileSync(each, change(readFileSync(each, 'utf8')))
  const checked = await command(dir, 'verify.mjs')
  expect(checked.code).toBe(1)
  expect(checked.out).toContain(message)
})
