// Verifying the chain: every record follows the one before it (or the checkpoint of a purge), carries that
// record's hash, and its own hash matches its content. Read in one snapshot and streamed: a million records
// use the memory of one page, and a purge or appends running meanwhile are not seen half-way.
import type { ConsentRecord } from '../contracts/consent'
import { GENESIS_HASH, recordHash } from './chain'
import type { LedgerStore } from './store'

export type VerifyResult =
  | { ok: true; records: number; consents: number; head: { seq: number; hash: string } | null }
  | { ok: false; records: number; bad: { seq: number; id: string }; reason: string }

class Broken extends Error {
  constructor(
    readonly record: ConsentRecord,
    reason: string,
  ) {
    super(reason)
  }
}

export function verifyLedger(store: Pick<LedgerStore, 'snapshot'>): Promise<VerifyResult> {
  return store.snapshot(async (view) => {
    let expectedSeq: number | null = null
    let expectedPrev: string | null = GENESIS_HASH
    /** While a purge is under way, the record its checkpoint names must still have the hash it named. */
    let anchor: { seq: number; hash: string } | null = null
    let records = 0
    let consents = 0
    let last: ConsentRecord | null = null
    try {
      await view.scan({}, async (record) => {
        if (expectedSeq === null) {
          // The first record left: the very first one, or one after what a purge removed (or is removing).
          if (record.seq !== 1) {
            const purge = (await view.checkpoints())
              .map((checkpoint) => checkpoint.checkpoint!)
              .filter((checkpoint) => checkpoint.purgedThrough >= record.seq - 1)
              .sort((a, b) => a.purgedThrough - b.purgedThrough)[0]
            if (!purge)
              throw new Broken(
                record,
                `records 1 to ${record.seq - 1} are missing and no purge checkpoint accounts for them`,
              )
            if (purge.purgedThrough === record.seq - 1) expectedPrev = purge.anchorHash
            else {
              expectedPrev = null // its predecessor is gone: it is checked against the anchor below
              anchor = { seq: purge.purgedThrough, hash: purge.anchorHash }
            }
          }
          expectedSeq = record.seq
        }
        if (record.seq !== expectedSeq)
          throw new Broken(
            record,
            `record ${expectedSeq} is missing (the next one is ${record.seq})`,
          )
        if (expectedPrev !== null && record.prevHash !== expectedPrev)
          throw new Broken(
            record,
            `its previous hash is not the hash of record ${record.seq - 1}: a record before it was changed or removed`,
          )
        if (recordHash(record) !== record.hash)
          throw new Broken(record, 'its content does not match its hash: it was changed')
        if (anchor?.seq === record.seq && anchor.hash !== record.hash)
          throw new Broken(record, 'its hash is not the one its purge checkpoint recorded')
        records++
        if (record.kind === 'consent') consents++
        expectedSeq++
        expectedPrev = record.hash
        last = record
      })
    } catch (error) {
      if (!(error instanceof Broken)) throw error
      return {
        ok: false,
        records,
        bad: { seq: error.record.seq, id: error.record.id },
        reason: error.message,
      }
    }
    const head = last as ConsentRecord | null
    return {
      ok: true,
      records,
      consents,
      head: head ? { seq: head.seq, hash: head.hash } : null,
    }
  })
}
