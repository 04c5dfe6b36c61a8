// The consent ledger's storage and hash chain, on both stores: SQLite in a folder and PostgreSQL.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createLedgerWriter,
  GENESIS_HASH,
  LedgerBusyError,
  openLedgerStore,
  recordHash,
  verifyLedger,
  type LedgerStore,
  type NewConsent,
} from '../src/ledger'
import { createTestStore, tamper, TEST_STORE_KINDS, type TestStore } from '../src/ledger/testing'

const VISITOR = '3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77'
const OTHER = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const THIRD = '9b2e7c1d-4f3a-4e8b-a6c5-d7e8f9a0b1c2'
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))
const appendScript = fileURLToPath(new URL('./fixtures/append-consents.ts', import.meta.url))

function choice(overrides: Partial<NewConsent> = {}): NewConsent {
  return {
    consentId: VISITOR,
    policy: 'cookies',
    version: 1,
    consentRevision: 0,
    lang: 'fr',
    accepted: ['necessary', 'analytics'],
    rejected: ['interactivity'],
    action: 'custom',
    gpc: false,
    banner: 'b'.repeat(64),
    browser: 'Chrome',
    contentHash: `sha256:${'c'.repeat(64)}`,
    bannerHash: 'd'.repeat(64),
    ...overrides,
  }
}

describe.each(TEST_STORE_KINDS)('consent ledger on %s', (kind) => {
  let test: TestStore
  let store: LedgerStore

  beforeEach(async () => {
    test = await createTestStore(kind)
    store = await openLedgerStore(test.config)
  })
  afterEach(async () => {
    await store.close()
    await test.remove()
  })

  it('chains each record to the one before it, and finds a visitor’s records newest first', async () => {
    const [first] = await store.append([choice({ accepted: ['necessary', 'analytics'] })])
    const [second, third] = await store.append([
      choice({
        consentId: OTHER,
        action: 'accept-all',
        accepted: ['necessary', 'interactivity', 'analytics'],
        rejected: [],
      }),
      choice({
        action: 'withdraw',
        accepted: ['necessary'],
        rejected: ['interactivity', 'analytics'],
      }),
    ])
    expect(first).toMatchObject({
      seq: 1,
      kind: 'consent',
      consentId: VISITOR,
      accepted: ['analytics', 'necessary'],
      rejected: ['interactivity'],
      prevHash: GENESIS_HASH,
      checkpoint: null,
    })
    expect(first!.hash).toBe(recordHash(first!))
    expect(second!.prevHash).toBe(first!.hash)
    expect(third!.prevHash).toBe(second!.hash)
    expect([first!.seq, second!.seq, third!.seq]).toEqual([1, 2, 3])
    expect(third!.recordedAt >= first!.recordedAt).toBe(true)

    const mine = await store.find(VISITOR)
    expect(mine.map((record) => [record.seq, record.action])).toEqual([
      [3, 'withdraw'],
      [1, 'custom'],
    ])
    expect(mine[1]).toEqual(first)
    expect(await store.find('00000000-0000-4000-8000-000000000000')).toEqual([])
    expect(await verifyLedger(store)).toEqual({
      ok: true,
      records: 3,
      consents: 3,
      head: { seq: 3, hash: third!.hash },
    })
  })

  it('keeps one chain when three processes write at once', async () => {
    // The three start together once the children have opened the store, one transaction per record: each
    // waits for the others' locks (SQLite's busy wait, PostgreSQL's advisory lock).
    const children = [OTHER, THIRD].map((consentId) =>
      spawn(tsx, [appendScript, JSON.stringify(test.config), '150', consentId], {
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    )
    await Promise.all(children.map((child) => once(child.stdout!, 'data')))
    const done = children.map((child) => once(child, 'exit'))
    for (const child of children) child.stdin!.write('go\n')
    const seqs: number[] = []
    for (let index = 0; index < 150; index++) {
      seqs.push((await store.append([choice()]))[0]!.seq)
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect((await Promise.all(done)).map(([code]) => code)).toEqual([0, 0])
    expect(new Set(seqs).size).toBe(150)
    expect(await store.find(OTHER)).toHaveLength(150)
    expect(await store.find(THIRD)).toHaveLength(150)
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 450, head: { seq: 450 } })
  })

  it('binds each record to what was shown: its hashes are in the chain, records without them verify', async () => {
    await store.append([
      choice({ contentHash: null, bannerHash: null }),
      choice(),
      choice({ consentId: OTHER }),
    ])
    const [first, second] = (await store.find(VISITOR)).reverse()
    expect([first!.contentHash, second!.contentHash]).toEqual([null, `sha256:${'c'.repeat(64)}`])
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 3 })
    // Saying a record was bound to another version's text breaks its hash.
    await tamper(
      test.config,
      `UPDATE consent_records SET content_hash = 'sha256:${'e'.repeat(64)}' WHERE seq = 2`,
    )
    expect(await verifyLedger(store)).toMatchObject({
      ok: false,
      bad: { seq: 2 },
      reason: 'its content does not match its hash: it was changed',
    })
  })

  it('hashes answers carried forward, and keeps them off records that asked nothing again', async () => {
    const carried = [{ category: 'interactivity', accepted: true, version: 1 }]
    await expect(store.append([choice({ carried })])).rejects.toThrow(
      `consent ${VISITOR}: "carried" without "reasked"`,
    )
    await store.append([choice({ reasked: ['analytics'], carried }), choice()])
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 2 })
    // Added behind the ledger's back to a record that asked nothing again, it breaks that record's hash.
    await tamper(
      test.config,
      `UPDATE consent_records SET carried = '${JSON.stringify(carried)}' WHERE seq = 2`,
    )
    expect(await verifyLedger(store)).toMatchObject({ ok: false, bad: { seq: 2 } })
  })

  it('names the first record changed behind its back, and a record removed', async () => {
    await store.append(Array.from({ length: 5 }, () => choice()))
    await tamper(
      test.config,
      `UPDATE consent_records SET accepted = '["analytics","interactivity","necessary"]' WHERE seq = 3`,
    )
    const changed = await verifyLedger(store)
    expect(changed).toMatchObject({
      ok: false,
      records: 2,
      bad: { seq: 3 },
      reason: 'its content does not match its hash: it was changed',
    })

    await tamper(test.config, 'DELETE FROM consent_records WHERE seq >= 3 AND seq <= 4')
    expect(await verifyLedger(store)).toMatchObject({
      ok: false,
      bad: { seq: 5 },
      reason: 'record 3 is missing (the next one is 5)',
    })
  })

  it('finds a record rewritten with a fresh hash: the next one no longer follows it', async () => {
    const [, second] = await store.append([choice(), choice(), choice()])
    const forged = {
      ...second!,
      accepted: ['analytics', 'interactivity', 'necessary'],
      rejected: [],
    }
    await tamper(
      test.config,
      `UPDATE consent_records SET accepted = '${JSON.stringify(forged.accepted)}', rejected = '[]', hash = '${recordHash(forged)}' WHERE seq = 2`,
    )
    expect(await verifyLedger(store)).toMatchObject({
      ok: false,
      bad: { seq: 3 },
      reason: `its previous hash is not the hash of record 2: a record before it was changed or removed`,
    })
  })

  it('purges what is older than the retention limit and leaves a checkpoint, so verify still passes', async () => {
    await store.append([choice(), choice()], '2020-01-10T10:00:00.000Z')
    await store.append([choice({ consentId: OTHER })], '2021-06-01T10:00:00.000Z')
    const recent = await store.append([choice()], '2026-11-01T10:00:00.000Z')

    const checkpoint = await store.purge('2021-01-01T00:00:00.000Z')
    expect(checkpoint).toMatchObject({
      seq: 5,
      kind: 'checkpoint',
      consentId: null,
      checkpoint: { purgedBefore: '2021-01-01T00:00:00.000Z', purgedThrough: 2, purgedRecords: 2 },
      prevHash: recent[0]!.hash,
    })
    expect((await store.find(VISITOR)).map((record) => record.seq)).toEqual([4])
    expect(await verifyLedger(store)).toEqual({
      ok: true,
      records: 3,
      consents: 2,
      head: { seq: 5, hash: checkpoint!.hash },
    })
    expect(await store.purge('2019-01-01T00:00:00.000Z')).toBeNull()

    // A second purge removes the first checkpoint too; the new one accounts for everything before it.
    const all = await store.purge('2099-01-01T00:00:00.000Z')
    expect(all!.checkpoint).toMatchObject({ purgedThrough: 5, purgedRecords: 2 })
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 1, consents: 0 })

    await tamper(
      test.config,
      `UPDATE consent_records SET checkpoint = replace(checkpoint, '"purgedRecords":2', '"purgedRecords":0')`,
    )
    expect(await verifyLedger(store)).toMatchObject({ ok: false, bad: { seq: 6 } })
  })

  it('refuses records deleted from the start without a purge', async () => {
    await store.append([choice(), choice(), choice()])
    await tamper(test.config, 'DELETE FROM consent_records WHERE seq = 1')
    expect(await verifyLedger(store)).toMatchObject({
      ok: false,
      bad: { seq: 2 },
      reason: 'records 1 to 1 are missing and no purge checkpoint accounts for them',
    })
  })

  it('knows a consent ID once it has a record, and keeps one secret for every process', async () => {
    expect(await store.knows(VISITOR)).toBe(false)
    await store.append([choice()])
    expect([await store.knows(VISITOR), await store.knows(OTHER)]).toEqual([true, false])
    const first = await store.setting('consent_secret', () => 'made by the first')
    const again = await openLedgerStore(test.config)
    expect(await again.setting('consent_secret', () => 'made by the second')).toBe(first)
    await again.close()
    expect(first).toBe('made by the first')
  })

  it('bounds the choices waiting for the store, refusing the one past the bound', async () => {
    let release: () => void = () => undefined
    const stalled = new Promise<void>((resolve) => (release = resolve))
    const writer = createLedgerWriter(
      {
        append: async (entries) => {
          await stalled
          return store.append(entries)
        },
      },
      1,
      2,
    )
    const writes = [writer.append(choice()), writer.append(choice({ consentId: OTHER }))]
    await expect(writer.append(choice({ consentId: THIRD }))).rejects.toThrow(LedgerBusyError)
    release()
    expect((await Promise.all(writes)).map((record) => record.consentId)).toEqual([VISITOR, OTHER])
    expect(await store.knows(THIRD)).toBe(false)
  })

  it('keeps its records when opened again (migrations run once)', async () => {
    await store.append([choice()])
    await store.close()
    store = await openLedgerStore(test.config)
    expect(await store.find(VISITOR)).toHaveLength(1)
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 1 })
  })
})
