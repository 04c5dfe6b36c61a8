#!/usr/bin/env node
// Checks an evidence bundle of the consent ledger with Node's standard library alone: no install, no network,
// no database. Run `node verify.mjs` in the bundle's folder: exit 0 when everything holds, 1 naming the first
// thing that does not. What it checks:
//  1. the signed heads' Ed25519 signatures, with the public key they carry (compare it with the one the
//     company publishes at /.well-known/consent-ledger.json and keeps elsewhere);
//  2. the chain from the first head (or the chain's start) to the last: each record follows the one before
//     it, and its hash is the SHA-256 of the previous hash and of its own content;
//  3. the visitor's records are in that chain, unchanged;
//  4. each record's version content and banner text: the files hash to what the record names.
import { createHash, createPublicKey, verify } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = process.argv[2] ?? fileURLToPath(new URL('.', import.meta.url))
const GENESIS_HASH = '0'.repeat(64)

class Failure extends Error {}
const fail = (message) => {
  throw new Failure(message)
}
const sha256 = (text) => createHash('sha256').update(text).digest('hex')
const read = (name) => {
  const file = join(dir, name)
  if (!existsSync(file)) fail(`${name} is missing`)
  return readFileSync(file, 'utf8')
}
const readJson = (name) => {
  try {
    return JSON.parse(read(name))
  } catch (error) {
    if (error instanceof Failure) throw error
    return fail(`${name} is not JSON: ${error.message}`)
  }
}

/** The bytes a head's signature covers (as the ledger signs them). */
function signedBytes(head) {
  return Buffer.from(
    JSON.stringify([head.ledger, head.seq, head.hash, head.records, head.signedAt]),
  )
}

/** Every field of a record (the ledger's contract), and of an answer carried forward. */
const RECORD_FIELDS = new Set([
  'seq',
  'id',
  'kind',
  'consentId',
  'recordedAt',
  'policy',
  'version',
  'consentRevision',
  'lang',
  'accepted',
  'rejected',
  'action',
  'gpc',
  'banner',
  'contentHash',
  'bannerHash',
  'browser',
  'reasked',
  'carried',
  'checkpoint',
  'prevHash',
  'hash',
])
const CARRIED_FIELDS = new Set(['category', 'accepted', 'version'])

/** A record's canonical content, field for field as the ledger hashes it. */
function canonicalContent(record) {
  const checkpoint = record.checkpoint
  const hashes = (record.contentHash ?? null) !== null || (record.bannerHash ?? null) !== null
  const reconsent = (record.reasked ?? null) !== null || (record.carried ?? null) !== null
  return JSON.stringify([
    record.seq,
    record.id,
    record.kind,
    record.consentId,
    record.recordedAt,
    record.policy,
    record.version,
    record.consentRevision,
    record.lang,
    record.accepted,
    record.rejected,
    record.action,
    record.gpc,
    record.banner,
    record.browser,
    checkpoint && [
      checkpoint.purgedBefore,
      checkpoint.purgedThrough,
      checkpoint.purgedRecords,
      checkpoint.anchorHash,
    ],
    ...(hashes || reconsent ? [record.contentHash ?? null, record.bannerHash ?? null] : []),
    ...(reconsent
      ? [
          record.reasked,
          (record.carried ?? []).map((entry) => [entry.category, entry.accepted, entry.version]),
        ]
      : []),
  ])
}

function check() {
  const heads = readJson('heads.json')
  const end = heads.end ?? fail('heads.json names no end head')
  const start = heads.start ?? null
  for (const [name, head] of [
    ['start', start],
    ['end', end],
  ]) {
    if (!head) continue
    let holds
    try {
      holds = verify(
        null,
        signedBytes(head),
        createPublicKey(head.publicKey),
        Buffer.from(head.signature, 'base64'),
      )
    } catch {
      holds = false
    }
    if (!holds) fail(`the ${name} head’s signature does not hold: heads.json was changed`)
  }
  if (start && start.publicKey !== end.publicKey)
    fail('the two heads are signed with different keys')
  if (read('public-key.pem') !== end.publicKey)
    fail('public-key.pem is not the key that signed the heads')

  const chain = read('chain.ndjson')
    .split('\n')
    .filter(Boolean)
    .map((line, index) => {
      try {
        return JSON.parse(line)
      } catch {
        return fail(`chain.ndjson line ${index + 1} is not JSON`)
      }
    })
  let previous = start ? start.hash : GENESIS_HASH
  let seq = start ? start.seq : 0
  const bySeq = new Map()
  for (const record of chain) {
    // Only the fields the hash covers: anything else would be shown as proof without being proven.
    const extra = Object.keys(record).find((key) => !RECORD_FIELDS.has(key))
    if (extra) fail(`record #${record.seq} has a field the chain does not cover: ${extra}`)
    const stray = (record.carried ?? []).find((entry) =>
      Object.keys(entry).some((key) => !CARRIED_FIELDS.has(key)),
    )
    if (stray) fail(`record #${record.seq} carries an answer with a field the chain does not cover`)
    if (record.seq !== seq + 1)
      fail(`record #${seq + 1} is missing from the chain (found #${record.seq})`)
    if (record.prevHash !== previous)
      fail(
        `record #${record.seq} does not follow the one before it: a record was changed or removed`,
      )
    if (sha256(`${record.prevHash}\n${canonicalContent(record)}`) !== record.hash)
      fail(`record #${record.seq}’s content does not match its hash: it was changed`)
    previous = record.hash
    seq = record.seq
    bySeq.set(record.seq, record)
  }
  if (seq !== end.seq || previous !== end.hash)
    fail(`the chain does not end at the signed head #${end.seq}: it ends at #${seq}`)

  const records = readJson('records.json')
  if (!Array.isArray(records) || records.length === 0) fail('records.json holds no record')
  for (const record of records) {
    const inChain = bySeq.get(record.seq)
    if (!inChain) fail(`record #${record.seq} of records.json is not in the signed chain`)
    if (JSON.stringify(inChain) !== JSON.stringify(record))
      fail(`record #${record.seq} of records.json differs from the chain’s: it was changed`)
    if (record.contentHash) {
      const hex = record.contentHash.replace(/^sha256:/, '')
      if (sha256(read(`versions/${hex}.json`)) !== hex)
        fail(`versions/${hex}.json is not the version content record #${record.seq} names`)
    }
    if (
      record.bannerHash &&
      sha256(read(`banners/${record.bannerHash}.json`)) !== record.bannerHash
    )
      fail(`banners/${record.bannerHash}.json is not the banner text record #${record.seq} names`)
  }
  return { records, end }
}

try {
  const { records, end } = check()
  const key = createHash('sha256').update(end.publicKey).digest('hex').slice(0, 16)
  console.log(
    `holds: ${records.length === 1 ? 'the record' : `${records.length} records`} of ${records[0].consentId ?? 'the ledger'} ${records.length === 1 ? 'is' : 'are'} in the chain signed at #${end.seq} on ${end.signedAt} (key ${key}), each with the version and banner text it was shown`,
  )
} catch (error) {
  if (!(error instanceof Failure)) throw error
  console.error(`does not hold: ${error.message}`)
  process.exitCode = 1
}
