// The ledger's hash chain: each record's hash is the SHA-256 of the previous record's hash and of the
// record's own canonical content, so that editing or deleting any record breaks every hash after it.
import { createHash } from 'node:crypto'
import type { ConsentRecord } from '../contracts/consent'

/** The "previous hash" of the first record ever written. */
export const GENESIS_HASH = '0'.repeat(64)

export type UnhashedRecord = Omit<ConsentRecord, 'hash'>

/**
 * A record's canonical content: its fields in a fixed order as one JSON array, category keys sorted. Any
 * change of a value, of the order of the categories, or of the chain position changes it. The hashes of
 * what the visitor was shown come next, then what a re-consent asked and carried, each only in records
 * that have them, so that records written before they existed keep their hashes.
 */
function canonicalContent(record: UnhashedRecord): string {
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

export function recordHash(record: UnhashedRecord): string {
  return createHash('sha256')
    .update(record.prevHash)
    .update('\n')
    .update(canonicalContent(record))
    .digest('hex')
}

export function sealRecord(record: UnhashedRecord): ConsentRecord {
  return { ...record, hash: recordHash(record) }
}
