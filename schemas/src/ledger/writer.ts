// Group commit: choices that arrive while a transaction is being written wait for the next one, which
// writes them all at once. Each caller's promise resolves when its record is committed, so an answer is
// never sent before its record is durable, and the chain's lock is taken once per batch, not per record.
// Two transactions may be under way: the second waits for the chain's lock in the database while the first
// commits, so that the database never waits for this process between two batches.
import type { ConsentRecord } from '../contracts/consent'
import type { LedgerStore, NewConsent } from './store'

interface Waiting {
  entry: NewConsent
  resolve: (record: ConsentRecord) => void
  reject: (error: unknown) => void
}

const IN_FLIGHT = 2

export function createLedgerWriter(store: Pick<LedgerStore, 'append'>, maxBatch = 1000) {
  const queue: Waiting[] = []
  let writing = 0

  async function write(): Promise<void> {
    writing++
    // Let the event loop read the requests that arrived meanwhile: they join this batch, not the next.
    await new Promise((resolve) => setImmediate(resolve))
    const batch = queue.splice(0, maxBatch)
    try {
      if (!batch.length) return
      const records = await store.append(batch.map((waiting) => waiting.entry))
      batch.forEach((waiting, index) => waiting.resolve(records[index]!))
    } catch (error) {
      for (const waiting of batch) waiting.reject(error)
    } finally {
      writing--
      if (queue.length && writing < IN_FLIGHT) void write()
    }
  }

  function append(entry: NewConsent): Promise<ConsentRecord> {
    return new Promise((resolve, reject) => {
      queue.push({ entry, resolve, reject })
      if (writing < IN_FLIGHT) void write()
    })
  }

  return { append }
}

export type LedgerWriter = ReturnType<typeof createLedgerWriter>
