// The ledger's newest signed head, published at /.well-known/consent-ledger.json for anyone to keep.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  headSignatureHolds,
  newSigningKey,
  openLedgerStore,
  signHead,
  type LedgerStore,
} from '@cookie-policy/schemas/ledger'
import type { Site } from '../src/lib/site'

let site: Site
let store: LedgerStore
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cookie-policy-head-'))
  process.env.POLICY_DATASET = fileURLToPath(
    new URL('../../content/dataset.ndjson', import.meta.url),
  )
  process.env.CONSENT_STORE = dir
  process.env.DATABASE_URL = ''
  site = (await import('../src/lib/site')).createSite()
  store = await openLedgerStore({ kind: 'sqlite', dir })
})

afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = async () => {
  const reply = (await site.answer({
    method: 'GET',
    path: '/.well-known/consent-ledger.json',
    search: '',
    header: () => null,
    body: null,
  }))!
  return { status: reply.status, headers: reply.headers, value: JSON.parse(reply.body!.toString()) }
}

it('says there is no signed head yet, then serves the newest', async () => {
  const none = await get()
  expect([none.status, none.value.error.code]).toEqual([404, 'no_checkpoint'])
  const [record] = await store.append([
    {
      consentId: '3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77',
      policy: 'cookies',
      version: 1,
      consentRevision: 1,
      lang: 'fr',
      accepted: ['necessary'],
      rejected: ['analytics', 'functionality'],
      action: 'reject-all',
      gpc: false,
      banner: null,
      browser: null,
      contentHash: null,
      bannerHash: null,
    },
  ])
  const head = signHead(
    { seq: record!.seq, hash: record!.hash, records: 1, signedAt: new Date().toISOString() },
    newSigningKey().privateKey,
  )
  await store.saveSignedHead(head)
  const served = await get()
  expect([served.status, served.headers['Access-Control-Allow-Origin']]).toEqual([200, '*'])
  expect(served.value).toEqual(head)
  expect(headSignatureHolds(served.value)).toBe(true)
  expect(headSignatureHolds({ ...served.value, seq: 2 })).toBe(false)
})
