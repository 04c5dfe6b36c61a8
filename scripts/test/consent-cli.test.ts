// npm run consent -- verify | export | find | purge, on both stores, as a data-protection officer runs them.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLedgerStore, type LedgerStore, type NewConsent } from '@cookie-policy/schemas/ledger'
import {
  createTestStore,
  tamper,
  TEST_STORE_KINDS,
  type TestStore,
} from '@cookie-policy/schemas/ledger/testing'
import { repoRoot } from '../src/paths'

const run = promisify(execFile)
const VISITOR = '3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77'
const OTHER = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'

function choice(consentId: string, action: NewConsent['action']): NewConsent {
  const all = action === 'accept-all'
  return {
    consentId,
    policy: 'cookies',
    version: 1,
    consentRevision: 1,
    lang: 'fr',
    accepted: all ? ['necessary', 'functionality', 'analytics'] : ['necessary'],
    rejected: all ? [] : ['functionality', 'analytics'],
    action,
    gpc: false,
    banner: null,
    contentHash: null,
    bannerHash: null,
    browser: 'Firefox',
  }
}

describe.each(TEST_STORE_KINDS)('npm run consent on %s', (kind) => {
  let test: TestStore
  let store: LedgerStore

  async function consent(...args: string[]) {
    try {
      const { stdout, stderr } = await run(
        join(repoRoot, 'node_modules/.bin/tsx'),
        [join(repoRoot, 'scripts/src/consent.ts'), ...args],
        { env: { ...process.env, ...test.env } },
      )
      return { code: 0, stdout, stderr }
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string }
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
    }
  }

  // Six years ago (past the retention limit), yesterday's last second, and now.
  const now = new Date()
  const sixYearsAgo = new Date(now)
  sixYearsAgo.setUTCFullYear(now.getUTCFullYear() - 6)
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10)

  beforeEach(async () => {
    test = await createTestStore(kind)
    store = await openLedgerStore(test.config)
    await store.append([choice(VISITOR, 'accept-all')], sixYearsAgo.toISOString())
    await store.append([choice(OTHER, 'reject-all')], `${yesterday}T23:59:59.000Z`)
    await store.append([choice(VISITOR, 'withdraw')], now.toISOString())
  })
  afterEach(async () => {
    await store.close()
    await test.remove()
  })

  it('verifies the chain, and names the first record changed behind its back', async () => {
    const [head] = await store.find(VISITOR)
    expect(await consent('verify')).toEqual({
      code: 0,
      stdout: `intact: 3 records (3 consents), head #3 ${head!.hash}\n`,
      stderr: '',
    })
    await tamper(test.config, `UPDATE consent_records SET action = 'accept-all' WHERE seq = 2`)
    const broken = await consent('verify')
    expect(broken.code).toBe(1)
    expect(broken.stderr).toBe(
      `broken at record #2 (${(await store.find(OTHER))[0]!.id}): its content does not match its hash: it was changed; the 1 records before it are intact\n`,
    )
  })

  it('signs the head, and finds a chain cut or rebuilt after it', async () => {
    const signed = await consent('checkpoint')
    expect(signed.code).toBe(0)
    const head = JSON.parse(signed.stdout)
    const [newest] = await store.find(VISITOR)
    expect(head).toMatchObject({ ledger: 'consent-ledger', seq: 3, hash: newest!.hash, records: 3 })
    expect(await store.latestSignedHead()).toEqual(head)
    const file = join(mkdtempSync(join(tmpdir(), 'cookie-policy-head-')), 'head.json')
    writeFileSync(file, signed.stdout)
    // Later choices extend it.
    await store.append([choice(OTHER, 'accept-all')])
    expect((await consent('verify', '--checkpoint', file)).stdout).toMatch(
      /^intact: 4 records \(4 consents\), head #4 [0-9a-f]{64}; it extends the head signed .+ \(#3\)\n$/,
    )
    // A checkpoint edited by hand.
    writeFileSync(file.replace('head.json', 'edited.json'), JSON.stringify({ ...head, records: 9 }))
    expect(
      await consent('verify', '--checkpoint', file.replace('head.json', 'edited.json')),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('its signature does not hold: the checkpoint was changed'),
    })
    // The end cut off: the chain that is left is valid, but shorter than what was signed.
    await tamper(test.config, 'DELETE FROM consent_records WHERE seq >= 3')
    expect(await consent('verify')).toMatchObject({ code: 0 })
    expect(await consent('verify', '--checkpoint', file)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'the chain was cut: it ends at #2, before the signed head #3',
      ),
    })
    // Rebuilt from scratch: as many records, a valid chain, other hashes.
    await tamper(test.config, 'DELETE FROM consent_records')
    await store.append([
      choice(VISITOR, 'accept-all'),
      choice(OTHER, 'accept-all'),
      choice(VISITOR, 'accept-all'),
    ])
    expect(await consent('verify')).toMatchObject({ code: 0 })
    expect(await consent('verify', '--checkpoint', file)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'the chain was rebuilt: record #3 no longer has the hash that was signed',
      ),
    })
  })

  it('says what was in force on a day, with the day’s choices as counts only', async () => {
    const answer = await consent('as-of', yesterday)
    expect(answer.code).toBe(0)
    const report = JSON.parse(answer.stdout)
    expect(report.policies).toHaveLength(1)
    expect(report.policies[0]).toMatchObject({
      slug: 'cookies',
      version: 1,
      effectiveFrom: '2021-03-09',
      contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    })
    expect(Object.keys(report.policies[0].banners)).toEqual(['fr', 'en'])
    expect(report.policies[0].banners.fr.consentModal.acceptAllBtn).toBe('Tout accepter')
    expect(report.choices).toEqual({
      'cookies@1': {
        actions: { 'reject-all': 1 },
        categories: {
          necessary: { accepted: 1, rejected: 0 },
          functionality: { accepted: 0, rejected: 1 },
          analytics: { accepted: 0, rejected: 1 },
        },
      },
    })
    expect(answer.stdout).not.toContain(OTHER)
    expect(await consent('as-of', 'tomorrow')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('as-of needs a day written YYYY-MM-DD, not "tomorrow"'),
    })
  })

  it('exports the records of a period as JSON or CSV', async () => {
    const json = await consent('export', '--from', yesterday, '--to', yesterday)
    expect(json.code).toBe(0)
    const records = JSON.parse(json.stdout)
    expect(
      records.map((record: { seq: number; consentId: string }) => [record.seq, record.consentId]),
    ).toEqual([[2, OTHER]])
    expect(records[0]).toEqual((await store.find(OTHER))[0])

    const csv = await consent('export', '--format', 'csv')
    const lines = csv.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe(
      'seq,id,kind,consentId,recordedAt,policy,version,consentRevision,lang,accepted,rejected,action,gpc,banner,contentHash,bannerHash,browser,reasked,carried,checkpoint,prevHash,hash',
    )
    expect(lines).toHaveLength(4)
    expect(lines[1]).toMatch(
      new RegExp(
        `^1,[0-9a-f-]{36},consent,${VISITOR},${sixYearsAgo.toISOString()},cookies,1,1,fr,analytics functionality necessary,,accept-all,false,,,,Firefox,,,,0{64},[0-9a-f]{64}$`,
      ),
    )
    expect(await consent('export', '--from', 'yesterday')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'error: --from "yesterday" is not a date (YYYY-MM-DD) or an ISO 8601 time',
      ),
    })
  })

  it('finds a visitor’s records, newest first', async () => {
    const found = await consent('find', VISITOR)
    expect(found.code).toBe(0)
    expect(JSON.parse(found.stdout).map((record: { action: string }) => record.action)).toEqual([
      'withdraw',
      'accept-all',
    ])
    expect(await consent('find', '00000000-0000-4000-8000-000000000000')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'no consent is recorded for 00000000-0000-4000-8000-000000000000\n',
    })
  })

  it('purges past the retention limit, and verify still passes', async () => {
    // Five years before today: the 2020 record is past it, the 2026 ones are not.
    const purged = await consent('purge')
    expect(purged.code).toBe(0)
    expect(purged.stdout).toMatch(
      /^purged 1 consents recorded before \d{4}-\d{2}-\d{2}T[\d:.]+Z \(records up to #1\); checkpoint #4\n$/,
    )
    expect((await consent('find', VISITOR)).stdout).not.toContain('accept-all')
    expect((await consent('verify')).stdout).toMatch(/^intact: 3 records \(2 consents\), head #4 /)
    expect((await consent('purge', '--before', '2001-01-01')).stdout).toBe(
      'nothing to purge: no record is older than 2001-01-01T00:00:00.000Z\n',
    )
    expect(await consent('purge', '--before', '2999-01-01')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'error: --before 2999-01-01 is in the future: that deletes every record (add --force to mean it)',
      ),
    })
    expect((await consent('verify')).stdout).toMatch(/^intact: 3 records/)
  })
})

describe('npm run consent without a store it can reach', () => {
  it('exits 2 on a folder that holds no store, and does not make one', async () => {
    const failed = await run(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [join(repoRoot, 'scripts/src/consent.ts'), 'verify'],
      { env: { ...process.env, DATABASE_URL: '', CONSENT_STORE: '/nonexistent/consents' } },
    ).catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({
      code: 2,
      stderr:
        'error: no consent store in /nonexistent/consents: check CONSENT_STORE (the site creates it on its first consent)\n',
    })
  })

  it('exits 2 and says which store', async () => {
    const failed = await run(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [join(repoRoot, 'scripts/src/consent.ts'), 'verify'],
      { env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:9/none' } },
    ).catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({
      code: 2,
      stderr:
        'error: consent store (PostgreSQL at postgres://postgres@127.0.0.1:9/none): connect ECONNREFUSED 127.0.0.1:9\n',
    })
  })
})
