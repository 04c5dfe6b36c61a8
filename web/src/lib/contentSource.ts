// The one content source: GROQ with params, over the local NDJSON dataset (groq-js) or Sanity's Content Lake.
// Both run the same query strings; both see published documents only. Nothing else in web/ knows which it reads.
// When the source fails after a good read, the last good answer is served (and the outage logged once).
import { stat } from 'node:fs/promises'
import { createClient, type SanityClient } from '@sanity/client'
import { createGroqRunner, readNdjsonFile } from '@cookie-policy/schemas/dataset'
import {
  policiesQuery,
  policyHistoryQuery,
  type QueryResult,
  type RunQuery,
} from '@cookie-policy/schemas/queries'
import { contentSourceConfig, type ContentSourceConfig } from './env'

interface EmbeddedState {
  file: string
  version: string
  run: RunQuery
  /** Drafts overlaid: for an editor's preview only. */
  runDrafts: RunQuery
}

/** Answers kept per dataset version, of the small queries every page, catalog and consent check asks. */
const MEMO_ENTRIES = 64
const MEMO_QUERIES: ReadonlySet<string> = new Set([policiesQuery, policyHistoryQuery])

/**
 * A dataset does not change under a runner: the catalog, the pages and the consent checks of one content
 * version ask the same small questions, answered once. (A page's versions in full are asked once per render: not kept.)
 */
function memoized(run: RunQuery): RunQuery {
  const results = new Map<string, Promise<unknown>>()
  return (query, params = {}) => {
    if (!MEMO_QUERIES.has(query)) return run(query, params)
    const key = JSON.stringify([query, params])
    let result = results.get(key)
    if (result) {
      results.delete(key)
    } else {
      result = run(query, params)
      // A failed query is asked again next time.
      result.catch(() => results.delete(key))
      if (results.size >= MEMO_ENTRIES) results.delete(results.keys().next().value!)
    }
    results.set(key, result)
    return result as ReturnType<typeof run<typeof query>>
  }
}

// One dataset per process: the site's bundle and Next.js's preview routes each have their own copy of
// this module; they share this state, so the dataset is held once and a query is answered once for both.
const shared = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('cookie-policy.embedded-dataset')
] ??= { embedded: null, loading: null, outage: null }) as {
  embedded: EmbeddedState | null
  loading: Promise<EmbeddedState> | null
  /** A failure after a good read: the last good dataset answers, and the outage is logged once, not per request. */
  outage: { since: Date; reason: string } | null
}

/** Re-reads the dataset file when it changes, so an import shows on the site without a rebuild. */
async function readEmbedded(file: string): Promise<EmbeddedState> {
  const info = await stat(file).catch(() => {
    throw new Error(
      `POLICY_DATASET ${file}: no such file (import a policy with npm run import-policy)`,
    )
  })
  const version = `${info.mtimeMs}:${info.size}`
  if (shared.embedded?.file === file && shared.embedded.version === version) return shared.embedded
  shared.loading ??= readNdjsonFile(file)
    .then((documents) => ({
      file,
      version,
      run: memoized(createGroqRunner(documents)),
      runDrafts: createGroqRunner(documents, 'drafts'),
    }))
    .finally(() => {
      shared.loading = null
    })
  shared.embedded = await shared.loading
  return shared.embedded
}

function recovered(): void {
  if (shared.outage)
    console.error(
      `content source: answering again (it failed since ${shared.outage.since.toISOString()})`,
    )
  shared.outage = null
}

/** What /healthz may tell anyone: which source fails, in words, never a path or an upstream message. */
const PUBLIC_REASON: Record<ContentSourceConfig['kind'], string> = {
  embedded: 'The dataset file cannot be read; the server log says why.',
  sanity: 'The Content Lake does not answer; the server log says why.',
}

function failed(error: unknown): void {
  if (shared.outage) return
  shared.outage = { since: new Date(), reason: PUBLIC_REASON[currentConfig().kind] }
  console.error(`content source: ${(error as Error).message}`)
}

async function embeddedRunner(file: string): Promise<EmbeddedState> {
  try {
    const state = await readEmbedded(file)
    recovered()
    return state
  } catch (error) {
    failed(error)
    if (shared.embedded?.file === file) return shared.embedded
    throw error
  }
}

let sanityRun: RunQuery | null = null
let sanityClient: SanityClient | null = null
/** The newest Live Content API event seen: reads after it ask for content at least that new (CDN included). */
let lastLiveEventId: string | null = null
/** The Content Lake's last good answer of each query, for when it is slow or down (bounded: the oldest go). */
const lastGood = new Map<string, unknown>()
const LAST_GOOD_ENTRIES = 1000

/** One client per process, like the configuration it is made from. */
function sanityRunner(sanity: Extract<ContentSourceConfig, { kind: 'sanity' }>): RunQuery {
  if (!sanityRun) {
    const client = (sanityClient = createClient({
      projectId: sanity.projectId,
      dataset: sanity.dataset,
      apiVersion: sanity.apiVersion,
      useCdn: sanity.useCdn,
      perspective: 'published',
      ...(sanity.apiHost ? { apiHost: sanity.apiHost, useProjectHostname: false } : {}),
    }))
    sanityRun = async (query, params = {}) => {
      const key = JSON.stringify([query, params])
      try {
        const result = await client.fetch<QueryResult<typeof query>>(
          query,
          params,
          lastLiveEventId ? { lastLiveEventId } : {},
        )
        // Only answers that found something: addresses that name nothing must not fill the memory.
        if (result !== null) {
          lastGood.delete(key)
          lastGood.set(key, result)
          if (lastGood.size > LAST_GOOD_ENTRIES) lastGood.delete(lastGood.keys().next().value!)
        }
        recovered()
        return result
      } catch (error) {
        failed(error)
        if (lastGood.has(key)) return lastGood.get(key) as QueryResult<typeof query>
        throw error
      }
    }
  }
  return sanityRun
}

// Read and checked once per process (the environment does not change under a running server).
let config: ContentSourceConfig | null = null
const currentConfig = (): ContentSourceConfig => (config ??= contentSourceConfig())

export const runQuery: RunQuery = async (query, params = {}) => {
  const source = currentConfig()
  if (source.kind === 'sanity') return sanityRunner(source)(query, params)
  const { run } = await embeddedRunner(source.datasetFile)
  return run(query, params)
}

let previewClient: SanityClient | null = null

/**
 * The Content Lake client of editors' previews: it reads drafts and the Studio's preview-link secrets with
 * SANITY_API_READ_TOKEN (server-side only); null in the embedded mode or without a token.
 */
export function sanityPreviewClient(): SanityClient | null {
  const source = currentConfig()
  if (source.kind !== 'sanity' || !source.readToken) return null
  previewClient ??= createClient({
    projectId: source.projectId,
    dataset: source.dataset,
    apiVersion: source.apiVersion,
    useCdn: false,
    token: source.readToken,
    perspective: 'drafts',
    ...(source.apiHost ? { apiHost: source.apiHost, useProjectHostname: false } : {}),
  })
  return previewClient
}

/** Queries over drafts, for an editor's preview (Next.js draft mode) and nothing else: never the catalog or a public page. */
export const runDraftQuery: RunQuery = async (query, params = {}) => {
  const source = currentConfig()
  if (source.kind === 'embedded')
    return (await readEmbedded(source.datasetFile)).runDrafts(query, params)
  const client = sanityPreviewClient()
  if (!client)
    throw new Error('SANITY_API_READ_TOKEN is not set: previews need a token that reads drafts')
  return client.fetch<QueryResult<typeof query>>(query, params)
}

/** An identifier of the content now served: changes whenever the dataset does (embedded) or per call (Sanity). */
export async function contentVersion(): Promise<string | null> {
  const source = currentConfig()
  if (source.kind === 'sanity') return null
  return (await embeddedRunner(source.datasetFile)).version
}

/** Which source answers, and since when it has been failing, if it is (last good content is served meanwhile). */
export function contentSourceStatus(): {
  kind: ContentSourceConfig['kind']
  failingSince: string | null
  reason: string | null
} {
  return {
    kind: currentConfig().kind,
    failingSince: shared.outage?.since.toISOString() ?? null,
    reason: shared.outage?.reason ?? null,
  }
}

/** How long to wait before following the live events again after the stream failed. */
const LIVE_RETRY_MS = 5_000

/**
 * With a Sanity project, follows the Content Lake's Live Content API: each publish (a `message`), a `restart`,
 * or a reconnection after a gap calls `changed`, and later reads carry the event's id so that no cache in
 * between answers older content. Every server process follows it, so a publish reaches all of them, webhook
 * or not. Nothing to follow in the embedded mode: the dataset file's changes are seen on the next request.
 */
export function followLiveContent(changed: () => void): { stop: () => void } {
  const source = currentConfig()
  if (source.kind !== 'sanity') return { stop: () => undefined }
  sanityRunner(source)
  let stopped = false
  let subscription: { unsubscribe: () => void } | null = null
  let retry: NodeJS.Timeout | null = null
  let welcomed = false
  const follow = () => {
    subscription = sanityClient!.live.events({ tag: 'cookie-policy-site' }).subscribe({
      next: (event) => {
        if (event.type === 'message') {
          lastLiveEventId = event.id
          changed()
        } else if (event.type === 'restart' || (event.type === 'welcome' && welcomed)) {
          // Events may have been missed: everything is read again.
          changed()
        }
        if (event.type === 'welcome') welcomed = true
      },
      error: (error: unknown) => {
        console.error(`content source: live events: ${(error as Error).message}`)
        if (!stopped) retry = setTimeout(follow, LIVE_RETRY_MS)
      },
    })
  }
  follow()
  return {
    stop: () => {
      stopped = true
      if (retry) clearTimeout(retry)
      subscription?.unsubscribe()
    },
  }
}
