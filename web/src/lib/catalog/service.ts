// The catalog endpoint's HTTP behaviour, independent of any framework: every answer is computed once per
// content change and kept as ready bytes (identity, gzip, brotli) with strong ETags. A request is then a
// map lookup. When the content source fails, the last good answer is served.
import { catalogErrorSchema } from '@cookie-policy/schemas/contracts'
import { nextMidnight } from '@cookie-policy/schemas/model'
import type { RunQuery } from '@cookie-policy/schemas/queries'
import { AlteredVersionError } from '@cookie-policy/schemas/state'
import {
  createReadyCache,
  prepareReady,
  type Ready,
  type Reply,
  type RequestHeaders,
} from '../readyBytes'
import { jsonSecurityHeaders } from '../security'
import { buildCatalogValue } from './build'
import { CatalogRequestError, parseCatalogRequest, type CatalogRequest } from './params'

const CATALOG_CACHE_CONTROL = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400'

export type CatalogReply = Reply

export interface CatalogServiceOptions {
  runQuery: RunQuery
  /** Changes whenever the content does; null when unknown (then answers are refreshed every `ttlMs`). */
  contentVersion: () => Promise<string | null>
  siteUrl: string | null
  cookieName: string
  /** How often the content version is checked (embedded dataset) or answers refreshed (Content Lake). */
  checkEveryMs?: number
  ttlMs?: number
  now?: () => number
  /** The most bytes of answers kept (all encodings); the least recently used go first. */
  maxBytes?: number
}

/** What a request means, whatever its spelling: the key its answer is kept under. */
const keyOf = (request: CatalogRequest) =>
  `${request.lang ?? ''}|${request.policy ?? ''}|${request.version ?? ''}|${request.format}`

/** The parsed request, or null when it has a mistake (its error is answered by `reply`). */
function parseQuietly(search: string): CatalogRequest | null {
  try {
    return parseCatalogRequest(search)
  } catch {
    return null
  }
}

const SHARED_HEADERS = {
  ...jsonSecurityHeaders(),
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
}

const PREFLIGHT_HEADERS = {
  ...SHARED_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Content-Type',
  'Access-Control-Max-Age': '86400',
  'Cache-Control': 'public, max-age=86400',
}

function prepare(value: unknown, generation: number, expiresAt: number): Promise<Ready> {
  return prepareReady({
    status: 200,
    body: Buffer.from(JSON.stringify(value)),
    headers: {
      ...SHARED_HEADERS,
      'Cache-Control': CATALOG_CACHE_CONTROL,
      'Content-Type': 'application/json; charset=utf-8',
    },
    generation,
    expiresAt,
  })
}

function errorReply(error: CatalogRequestError): CatalogReply {
  const body = Buffer.from(
    JSON.stringify(
      catalogErrorSchema.parse({ error: { code: error.code, message: error.message } }),
    ),
  )
  return {
    status: error.status,
    headers: {
      ...SHARED_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
      ...(error.status === 503
        ? { 'Cache-Control': 'no-store', 'Retry-After': '30' }
        : { 'Cache-Control': 'public, max-age=60' }),
    },
    body,
  }
}

export function createCatalogService(options: CatalogServiceOptions) {
  const now = options.now ?? Date.now
  const checkEveryMs = options.checkEveryMs ?? 1000
  const ttlMs = options.ttlMs ?? 60_000
  let generation = 0
  let knownVersion: string | null = null
  let nextCheck = 0
  let checking: Promise<void> | null = null
  let lastRefresh: number | null = null
  const logged = new Set<string>()

  function bump(): void {
    generation++
  }

  /** Cheap and synchronous on the hot path; the content check itself runs in the background. */
  function currentGeneration(): number {
    const time = now()
    if (time >= nextCheck && !checking) {
      nextCheck = time + checkEveryMs
      checking = options
        .contentVersion()
        .then((version) => {
          if (version === null) {
            // No version to compare (the Content Lake): refresh every ttlMs, counted from the first answers.
            if (lastRefresh === null) lastRefresh = time
            else if (time >= lastRefresh + ttlMs) {
              lastRefresh = time
              bump()
            }
          } else if (knownVersion === null) {
            knownVersion = version
          } else if (version !== knownVersion) {
            knownVersion = version
            bump()
          }
        })
        .catch(() => undefined)
        .finally(() => {
          checking = null
        })
    }
    return generation
  }

  async function compute(request: CatalogRequest, forGeneration: number): Promise<Ready | Reply> {
    // The content version the first answers are built from, so the first check does not redo them.
    knownVersion ??= await options.contentVersion().catch(() => null)
    const time = now()
    try {
      const { value, timeZone } = await buildCatalogValue(request, {
        runQuery: options.runQuery,
        now: new Date(time),
        siteUrl: options.siteUrl,
        cookieName: options.cookieName,
      })
      return await prepare(value, forGeneration, nextMidnight(timeZone, time))
    } catch (error) {
      // A request for something that does not exist is answered, never kept.
      if (error instanceof CatalogRequestError) return errorReply(error)
      // A version rewritten after publication is refused outright, even where a good copy was kept.
      if (error instanceof AlteredVersionError) {
        console.error(`cookie catalog: ${error.message}`)
        return errorReply(
          new CatalogRequestError(
            503,
            'version_altered',
            `Version ${error.version} of "${error.slug}" cannot be served: its content no longer matches what was published.`,
          ),
        )
      }
      throw error
    }
  }

  const answers = createReadyCache<CatalogRequest>({
    keyOf,
    make: compute,
    generation: currentGeneration,
    maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
    now,
  })

  /**
   * The answer of a GET or HEAD from ready bytes when they are fresh, synchronously (the hot path: no promise);
   * null when it must be computed.
   */
  function kept(method: string, search: string, headers: RequestHeaders): CatalogReply | null {
    if (method !== 'GET' && method !== 'HEAD') return null
    const request = parseQuietly(search)
    return request && answers.kept(method, request, headers)
  }

  /** The answer for a request; `search` is the raw query string (with or without "?"), parsed once here. */
  async function reply(
    method: string,
    search: string,
    headers: RequestHeaders,
  ): Promise<CatalogReply> {
    if (method === 'OPTIONS') return { status: 204, headers: PREFLIGHT_HEADERS, body: null }
    if (method !== 'GET' && method !== 'HEAD') {
      return {
        ...errorReply(
          new CatalogRequestError(400, 'method_not_allowed', `${method} is not allowed: use GET.`),
        ),
        status: 405,
      }
    }
    let request: CatalogRequest
    try {
      request = parseCatalogRequest(search)
    } catch (error) {
      if (error instanceof CatalogRequestError) return errorReply(error)
      throw error
    }
    try {
      return await answers.reply(method, request, headers)
    } catch (error) {
      // The content source logs its own outages; anything else is said once per distinct message.
      const message = (error as Error).message
      if (!logged.has(message)) {
        logged.add(message)
        console.error(`cookie catalog: ${message}`)
      }
      return errorReply(
        new CatalogRequestError(
          503,
          'content_unavailable',
          'The catalog cannot be read right now; try again shortly.',
        ),
      )
    }
  }

  /** Forget every ready answer: the next request of each is computed from the content again. */
  function invalidate(): number {
    bump()
    return generation
  }

  /** The content generation now served: pages kept as ready bytes follow the same changes. */
  return { reply, kept, invalidate, generation: currentGeneration }
}

export type CatalogService = ReturnType<typeof createCatalogService>
