// The one consent ledger of this process, over the site's content source and consent store. Opened on the
// first consent (migrations run then); shared on globalThis, like the dataset, by every bundle of the process.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import {
  createLedgerWriter,
  describeLedger,
  openLedgerStore,
  type LedgerStore,
  type LedgerWriter,
  type SignedHead,
} from '@cookie-policy/schemas/ledger'
import { runQuery } from '../contentSource'
import { bannerFile, consentCookieName, consentLedgerConfig } from '../env'
import { createConsentApi, type ConsentApi } from './api'

interface Shared {
  api: ConsentApi
  ledger: Promise<{ store: LedgerStore; writer: LedgerWriter }> | null
  banner: string | null | undefined
  secret: Promise<Buffer> | null
  /** When the store last stopped answering /healthz's question, or null while it answers. */
  failingSince: string | null
}

const KEY = Symbol.for('cookie-policy.consent-ledger')
const shared = globalThis as typeof globalThis & { [KEY]?: Shared }

function openLedger(state: Shared): Promise<{ store: LedgerStore; writer: LedgerWriter }> {
  if (!state.ledger) {
    const config = consentLedgerConfig()
    state.ledger = openLedgerStore(config)
      .then((store) => ({ store, writer: createLedgerWriter(store) }))
      .catch((error: unknown) => {
        state.ledger = null // the next consent tries again
        throw error
      })
  }
  return state.ledger
}

/**
 * The key of consent IDs' tokens: CONSENT_SECRET, else one the ledger makes on first start and keeps, so
 * that every server on one store signs alike and a restart keeps every token valid.
 */
function consentSecret(state: Shared): Promise<Buffer> {
  const configured = process.env.CONSENT_SECRET
  if (configured) {
    if (configured.length < 32)
      return Promise.reject(new Error('CONSENT_SECRET must be at least 32 characters'))
    return Promise.resolve(Buffer.from(configured))
  }
  state.secret ??= openLedger(state)
    .then(({ store }) => store.setting('consent_secret', () => randomBytes(32).toString('hex')))
    .then((value) => Buffer.from(value))
    .catch((error: unknown) => {
      state.secret = null
      throw error
    })
  return state.secret
}

function bannerHash(state: Shared): string | null {
  if (state.banner === undefined) {
    try {
      state.banner = createHash('sha256').update(readFileSync(bannerFile())).digest('hex')
    } catch {
      state.banner = null
    }
  }
  return state.banner
}

/** The consent API; `generation` is the content generation of the site's answers (the catalog's). */
export function consentApi(generation: () => number): ConsentApi {
  if (!shared[KEY]) {
    const state: Shared = {
      api: null!,
      ledger: null,
      banner: undefined,
      secret: null,
      failingSince: null,
    }
    state.api = createConsentApi({
      runQuery,
      generation,
      ledger: () => openLedger(state),
      bannerHash: () => bannerHash(state),
      secret: () => consentSecret(state),
      cookieName: consentCookieName(),
    })
    shared[KEY] = state
  }
  return shared[KEY].api
}

/** Opens the store now (the production server does, before it listens), so that a bad store is said at start. */
export async function openConsentLedger(): Promise<string> {
  const state = shared[KEY]
  if (!state) throw new Error('the consent API is made by the site first')
  const { store } = await openLedger(state)
  return describeLedger(store.config)
}

/** Finishes the writes in flight and closes the store (on shutdown). */
export async function closeConsentLedger(): Promise<void> {
  const state = shared[KEY]
  if (!state?.ledger) return
  const { store } = await state.ledger.catch(() => ({ store: null }))
  await store?.close()
}

/** The newest signed head of the ledger (`npm run consent -- checkpoint`), or null before the first. */
export async function latestSignedHead(): Promise<SignedHead | null> {
  const state = shared[KEY]
  if (!state) throw new Error('the consent API is made by the site first')
  const { store } = await openLedger(state)
  return store.latestSignedHead()
}

/** How long /healthz waits for the store before it says the store does not answer. */
const PING_TIMEOUT_MS = 2_000

export interface LedgerHealth {
  store: 'sqlite' | 'postgres'
  answering: boolean
  failingSince: string | null
}

/** Whether the consent store answers now (one round trip, 2 s at most); what /healthz says of the ledger. */
export async function ledgerHealth(): Promise<LedgerHealth> {
  const state = shared[KEY]
  if (!state) throw new Error('the consent API is made by the site first')
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      openLedger(state).then(({ store }) => store.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer in 2 s')), PING_TIMEOUT_MS)
      }),
    ])
    state.failingSince = null
  } catch (error) {
    if (!state.failingSince) {
      state.failingSince = new Date().toISOString()
      console.error(`consent store: not answering: ${(error as Error).message}`)
    }
  } finally {
    clearTimeout(timer)
  }
  return {
    store: consentLedgerConfig().kind,
    answering: state.failingSince === null,
    failingSince: state.failingSince,
  }
}
