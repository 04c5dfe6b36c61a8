// Verifying the chain: every record follows the one before it (or the checkpoint of a purge), carries that
// record's hash, and its own hash matches its content. Streamed: a million records use the memory of one page.
import type { ConsentRecord } from '../contracts/consent'
import { GENESIS_HASH, recordHash } from './chain'
import type { LedgerStore } from './store'

export type VerifyResult =
  | { ok: true; records: number; consents: number; head: { seq: number; hash: string } | null }
  | { ok: false; records: number; bad: { seq: number; id: string }; reason: string }

export async function verifyLedger(
  store: Pick<LedgerStore, 'scan' | 'checkpoints'>,
): Promise<VerifyResult> {
  let expectedSeq: number | null = null
  let expectedPrev = GENESIS_HASH
  let records = 0
  let consents = 0
  let last: ConsentRecord | null = null
  const broken = (record: ConsentRecord, reason: string): VerifyResult => ({
    ok: false,
    records,
    bad: { seq: record.seq, id: record.id },
    reason,
  })
  for await (const record of store.scan()) {
    if (expectedSeq === null) {
      // The first record left: the very first one, or the one right after what a purge removed.
      if (record.seq !== 1) {
        const purge = (await store.checkpoints()).find(
          (checkpoint) => checkpoint.checkpoint?.purgedThrough === record.seq - 1,
        )
        if (!purge)
          return broken(
            record,
            `records 1 to ${record.seq - 1} are missing and no purge checkpoint accounts for them`,
          )
        expectedPrev = purge.checkpoint!.anchorHash
      }
      expectedSeq = record.seq
    }
    if (record.seq !== expectedSeq)
      return broken(record, `record ${expectedSeq} is missing (the next one is ${record.seq})`)
    if (record.prevHash !== expectedPrev)
      return broken(
        record,
        `its previous hash is not the hash of record ${record.seq - 1}: a record before it was changed or removed`,
      )
    if (recordHash(record) !== record.hash)
      return broken(record, 'its content does not match its hash: it was changed')
    records++
    if (record.kind === 'consent') consents++
    expectedSeq++
    expectedPrev = record.hash
    last = record
  }
  return {
    ok: true,
    records,
    consents,
    head: last ? { seq: last.seq, hash: last.hash } : null,
  }
}
