// Group commit: choices that arrive while a transaction is being written wait for the next one, which
// writes them all at once. Each caller's promise resolves when its record is committed, so an answer is
// never sent before its record is durable, and the chain's lock is taken once per batch, not per record.
import type { ConsentRecord } from '../contracts/consent'
import type { LedgerStore, NewConsent } from './store'

interface Waiting {
  entry: NewConsent
  resolve: (record: ConsentRecord) => void
  reject: (error: unknown) => void
}

/** Thrown by `append` when the queue is full: the choice is not kept, and the client is told to try again. */
export class LedgerBusyError extends Error {}

/**
 * `maxWaiting` bounds the choices waiting for the store: a flood, or a store that stalls, costs a bounded
 * amount of memory and is answered "try again" rather than queued without end.
 */
export function createLedgerWriter(
  store: Pick<LedgerStore, 'append'>,
  maxBatch = 1000,
  maxWaiting = 10_000,
) {
  const queue: Waiting[] = []
  let writing = false

  async function drain(): Promise<void> {
    writing = true
    while (queue.length) {
      // Let the event loop read the requests that arrived meanwhile: they join this batch, not the next.
      await new Promise((resolve) => setImmediate(resolve))
      const batch = queue.splice(0, maxBatch)
      try {
        const records = await store.append(batch.map((waiting) => waiting.entry))
        batch.forEach((waiting, index) => waiting.resolve(records[index]!))
      } catch (error) {
        for (const waiting of batch) waiting.reject(error)
      }
    }
    writing = false
  }

  function append(entry: NewConsent): Promise<ConsentRecord> {
    if (queue.length >= maxWaiting)
      return Promise.reject(
        new LedgerBusyError(`${queue.length} choices are already waiting for the store`),
      )
    return new Promise((resolve, reject) => {
      queue.push({ entry, resolve, reject })
      if (!writing) void drain()
    })
  }

  return { append }
}

export type LedgerWriter = ReturnType<typeof createLedgerWriter>
